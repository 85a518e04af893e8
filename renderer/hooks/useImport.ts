import { useCallback, useEffect, useState } from 'react';
import type { ImportPreview } from '../../data/import/imported';
import type { AppState } from '../../electron/api/contract';
import { api } from '../api';

/**
 * A file chosen or dropped is read in the page, previewed by main, and imported only when confirmed.
 * Dropping a file on the window never navigates to it.
 */
export function useImport(onImported: (state: AppState, listId: string, title: string) => void, onError: (message: string) => void) {
  const [pending, setPending] = useState<{ fileName: string; content: string; preview: ImportPreview } | null>(null);
  const [busy, setBusy] = useState(false);

  const openFile = useCallback(
    async (file: File) => {
      const content = await file.text();
      const result = await api().previewImport(file.name, content);
      if (result.ok) setPending({ fileName: file.name, content, preview: result.value });
      else onError(result.error.message);
    },
    [onError],
  );

  const confirm = useCallback(async () => {
    if (!pending) return;
    setBusy(true);
    const result = await api().importList(pending.fileName, pending.content);
    setBusy(false);
    if (result.ok) {
      onImported(result.value, result.value.listId, pending.preview.title);
      setPending(null);
    } else {
      onError(result.error.message);
    }
  }, [pending, onImported, onError]);

  useEffect(() => {
    const over = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openFile]);

  return { pending, busy, openFile, confirm, cancel: () => setPending(null) };
}
