import { useCallback, useEffect, useRef, useState } from 'react';
import { useJob } from './useJob';
import type { BackupFilePreview } from '../../data/model/reports';
import { isBackupFileName } from '../../data/model/import-formats';
import type { ImportPreview } from '../../data/import/imported';
import type { AppState } from '../../electron/api/contract';
import { api } from '../api';
import { counted } from '../wording';

/**
 * A file chosen (in the system's dialog in Electron, the page's file input on the harness) or dropped
 * is read, previewed by main, and imported only when confirmed.
 * Dropping a file on the window never navigates to it.
 */
export type PendingImport =
  | { kind: 'list'; fileName: string; content: string; preview: ImportPreview; /** The web page it was read from: followed once imported. */ source?: string; into?: ImportTarget }
  | { kind: 'backup'; fileName: string; content: string; preview: BackupFilePreview };

/** "Import into this list": the list the user is in, which the file's resources go into. */
export interface ImportTarget {
  listId: string;
  title: string;
}

/** What brings back the resources an update removed, offered with the message (Undo, Ctrl+Z). */
export type ImportUndo = () => Promise<{ ok: true; value: AppState } | { ok: false; error: { message: string } }>;

export function useImport(
  onImported: (state: AppState, listId: string | null, message: string, undo?: ImportUndo) => void,
  onError: (message: string) => void,
) {
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [busy, setBusy] = useState(false);
  /** Cancel was pressed in the preview while its import ran: the preview goes once main has stopped it. */
  const [cancelling, setCancelling] = useState(false);
  // Set at once (a Cancel pressed in the same moment as the confirm sees it before React renders again).
  const running = useRef<{ closeWhenStopped: boolean } | null>(null);
  const job = useJob();

  const openContent = useCallback(
    /** Says whether the preview is shown. `source`: the web page it was read from; `into`: the list to import into. */
    async (fileName: string, content: string, extra: { source?: string; into?: ImportTarget } = {}): Promise<boolean> => {
      const { source, into } = extra;
      if (!into && isBackupFileName(fileName)) {
        const result = await api().previewBackupFile(fileName, content);
        if (result.ok) setPending({ kind: 'backup', fileName, content, preview: result.value });
        else onError(result.error.message);
        return result.ok;
      }
      const result = await job.run((id) => api().previewImport(fileName, content, id, into ? { intoListId: into.listId } : undefined));
      if (result.ok) setPending({ kind: 'list', fileName, content, preview: result.value, ...(source ? { source } : {}), ...(into ? { into } : {}) });
      else if (result.error.code !== 'cancelled') onError(result.error.message);
      return result.ok;
    },
    [onError, job],
  );
  /** "Add a list from a web page": main reads the page; the same preview as a file's follows. */
  const openWebPage = useCallback(
    async (url: string): Promise<boolean> => {
      const result = await api().fetchWebList(url);
      if (!result.ok) {
        onError(result.error.message);
        return false;
      }
      return openContent(result.value.fileName, result.value.content, { source: result.value.url });
    },
    [openContent, onError],
  );
  const openFile = useCallback(async (file: File, into?: ImportTarget) => openContent(file.name, await file.text(), { into }), [openContent]);
  /** Electron: the system's open dialog, read by main. */
  const chooseFile = useCallback(async (into?: ImportTarget) => {
    const result = await api().openImportFile();
    if (!result.ok) return onError(result.error.message);
    if (result.value) await openContent(result.value.fileName, result.value.content, { into });
  }, [openContent, onError]);

  const confirm = useCallback(
    async (mode: 'replace' | 'merge' | 'new' | 'update' = 'new', options: { removeMissing?: boolean } = {}) => {
      if (!pending) return;
      running.current = { closeWhenStopped: false };
      setBusy(true);
      if (pending.kind === 'backup') {
        const result = await api().restoreFromFile(pending.fileName, pending.content, mode === 'replace' ? 'replace' : 'merge');
        running.current = null;
        setBusy(false);
        if (!result.ok) return onError(result.error.message);
        onImported(result.value, null, mode === 'replace' ? `Restored everything from “${pending.fileName}”; your previous data is kept as a backup.` : `Merged “${pending.fileName}” into your data.`);
        return setPending(null);
      }
      const update = mode === 'update';
      const removeMissing = update && options.removeMissing === true;
      const into = update ? pending.into : undefined;
      const result = await job.run((id) =>
        api().importList(pending.fileName, pending.content, update ? 'update' : 'new', id, removeMissing || into ? { ...(removeMissing ? { removeMissing } : {}), ...(into ? { intoListId: into.listId } : {}) } : undefined),
      );
      const closeWhenStopped = running.current?.closeWhenStopped === true;
      running.current = null;
      setBusy(false);
      setCancelling(false);
      if (!result.ok && result.error.code === 'cancelled') return closeWhenStopped ? setPending(null) : undefined;
      if (!result.ok) return onError(result.error.message);
      if (into) {
        // Undo puts the list back as it was: what the import added goes, what it changed comes back.
        const added = result.value.added ?? [];
        const before = result.value.before;
        const listId = result.value.listId;
        const message =
          added.length > 0
            ? `Imported ${counted(added.length, 'resource')} into “${into.title}”.`
            : result.value.changed
              ? `Updated “${into.title}” from “${pending.fileName}”; nothing new was added.`
              : `“${pending.fileName}” has nothing “${into.title}” does not already have: nothing changed.`;
        onImported(result.value, listId, message, before ? () => putBack(before) : undefined);
        return setPending(null);
      }
      const { removed } = result.value;
      const title = pending.preview.title;
      if (removed.length > 0) {
        onImported(result.value, result.value.listId, `Updated “${title}”; removed ${counted(removed.length, 'resource')} the new file no longer has.`, () => restoreAll(removed));
      } else if (!update && pending.source) {
        // A list added from a web page follows it: the page is contacted again only when the user checks.
        const followed = await api().followList(result.value.listId, pending.source);
        onImported(followed.ok ? followed.value : result.value, result.value.listId, followed.ok ? `Imported “${title}”; it follows ${pending.source}.` : `Imported “${title}”.`);
      } else {
        onImported(result.value, result.value.listId, !update ? `Imported “${title}”.` : result.value.changed ? `Updated “${title}”; progress and notes of what stayed are kept.` : `“${title}” is already up to date: nothing changed.`);
      }
      setPending(null);
    },
    [pending, onImported, onError, job],
  );

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

  /**
   * The preview's Cancel (and Escape). While its import runs (before the progress shows), it stops the
   * import, and the preview goes once main has; an import already saving finishes and says so. A
   * restore from a backup is not a job: its Cancel is disabled while it runs.
   */
  const cancel = useCallback(() => {
    const run = running.current;
    if (!run) return setPending(null);
    if (pending?.kind !== 'list') return;
    run.closeWhenStopped = true;
    setCancelling(true);
    job.cancel();
  }, [pending, job]);

  return { pending, busy, cancelling, progress: job.progress, cancelJob: job.cancel, openFile, openWebPage, chooseFile, confirm, cancel };
}

/** Puts a list back as it was before an import into it; then reads the state main has. */
async function putBack(before: Parameters<ReturnType<typeof api>['putBackList']>[0]) {
  const result = await api().putBackList(before);
  return result.ok ? api().getState() : result;
}

type Removed = Parameters<ReturnType<typeof api>['restoreResource']>[0];

/**
 * Puts back what an update removed, each where it was (in the order they were, so each index still
 * means the place it had), with its progress and notes; then reads the state main has.
 */
export async function restoreAll(removed: readonly Removed[]) {
  for (const entry of [...removed].sort((a, b) => a.index - b.index)) {
    const result = await api().restoreResource(entry);
    if (!result.ok) return result;
  }
  return api().getState();
}
