import { useRef } from 'react';
import { api } from '../api';

const FORMATS = [
  ['markdown', 'Markdown task list'],
  ['markdown-notes', 'Markdown, with my notes'],
  ['csv', 'CSV (spreadsheet)'],
  ['json', 'JSON backup (everything)'],
] as const;

/** Saves a list as a file the user keeps: a download the system asks where to put. */
export function ExportMenu({ listId, onError }: { listId: string; onError: (message: string) => void }) {
  const menu = useRef<HTMLDetailsElement>(null);
  async function save(format: (typeof FORMATS)[number][0]) {
    menu.current?.removeAttribute('open');
    const result = await api().exportList(listId, format);
    if (!result.ok) return onError(result.error.message);
    const type = format === 'json' ? 'application/json' : format === 'csv' ? 'text/csv' : 'text/markdown';
    const url = URL.createObjectURL(new Blob([result.value.content], { type: `${type};charset=utf-8` }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = result.value.fileName;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <details className="export-menu" ref={menu}>
      <summary className="button">Export…</summary>
      <div className="export-options" role="group" aria-label="Export this list">
        {FORMATS.map(([format, label]) => (
          <button key={format} type="button" className="link-button" onClick={() => void save(format)}>
            {label}
          </button>
        ))}
      </div>
    </details>
  );
}
