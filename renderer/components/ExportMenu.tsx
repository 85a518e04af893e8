import { useEffect, useRef } from 'react';
import { useActions } from '../actions';
import { api } from '../api';
import { useJob } from '../hooks/useJob';
import { JobDialog } from './JobDialog';

type Format = 'markdown' | 'markdown-notes' | 'csv' | 'json' | 'sessions-csv';

const LIST_FORMATS: ReadonlyArray<readonly [Format, string]> = [
  ['markdown', 'Markdown task list'],
  ['markdown-notes', 'Markdown, with my notes'],
  ['csv', 'CSV (spreadsheet)'],
  ['sessions-csv', 'Study sessions (CSV)'],
];
const ALL_FORMATS: ReadonlyArray<readonly [Format, string]> = [
  ['markdown-notes', 'Markdown, with my notes'],
  ['csv', 'CSV (spreadsheet)'],
  ['sessions-csv', 'Study sessions (CSV)'],
  ['json', 'JSON backup (restores everything)'],
];

const TYPES: Record<Format, string> = { markdown: 'text/markdown', 'markdown-notes': 'text/markdown', csv: 'text/csv', 'sessions-csv': 'text/csv', json: 'application/json' };

/**
 * Saves this list or every list as a file the user keeps: through the system's save dialog in Electron,
 * as a download (the browser asks where) on the harness.
 */
export function ExportMenu({ listId, onError, onSaved }: { listId: string; onError: (message: string) => void; onSaved: (message: string) => void }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const { nativeDialogs } = useActions();
  const job = useJob();
  // A menu closes on Esc (the focus back on its button) and on a click anywhere else. Heard from the
  // start, with the menu's own `open` read when a key or click comes: the browser's "toggle" saying it
  // opened comes later, after the next keys on a busy machine.
  useEffect(() => {
    const close = (refocus: boolean) => {
      const details = menu.current;
      if (!details) return;
      details.open = false;
      if (refocus) details.querySelector('summary')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !menu.current?.open) return;
      event.preventDefault();
      close(menu.current.contains(document.activeElement));
    };
    const onPointer = (event: PointerEvent) => {
      if (menu.current?.open && event.target instanceof Node && !menu.current.contains(event.target)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, []);
  async function save(scope: string | null, format: Format) {
    menu.current?.removeAttribute('open');
    if (nativeDialogs) {
      const saved = await job.run((id) => api().saveExport(scope, format, id));
      if (!saved.ok) return saved.error.code === 'cancelled' ? undefined : onError(saved.error.message);
      if (saved.value) onSaved(`Saved “${saved.value}”.`);
      return;
    }
    const result = await job.run((id) => api().exportList(scope, format, id));
    if (!result.ok) return result.error.code === 'cancelled' ? undefined : onError(result.error.message);
    const url = URL.createObjectURL(new Blob([result.value.content], { type: `${TYPES[format]};charset=utf-8` }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = result.value.fileName;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <>
      <JobDialog title="Exporting" progress={job.progress} onCancel={job.cancel} />
      <details className="export-menu" ref={menu}>
        <summary className="button">Export…</summary>
        <div className="export-options">
          {(
            [
              ['export-this-list', 'This list', listId, LIST_FORMATS],
              ['export-all-lists', 'All lists', null, ALL_FORMATS],
            ] as const
          ).map(([id, heading, scope, formats]) => (
            <div key={id} role="group" aria-labelledby={id}>
              <p id={id} className="export-heading">
                {heading}
              </p>
              {formats.map(([format, label]) => (
                <button key={format} type="button" className="link-button" onClick={() => void save(scope, format)}>
                  {label}
                </button>
              ))}
            </div>
          ))}
        </div>
      </details>
    </>
  );
}
