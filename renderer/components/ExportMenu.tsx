import { useRef } from 'react';
import { useActions } from '../actions';
import { api } from '../api';
import { useJob } from '../hooks/useJob';
import { JobDialog } from './JobDialog';

type Format = 'markdown' | 'markdown-notes' | 'csv' | 'json';

const LIST_FORMATS: ReadonlyArray<readonly [Format, string]> = [
  ['markdown', 'Markdown task list'],
  ['markdown-notes', 'Markdown, with my notes'],
  ['csv', 'CSV (spreadsheet)'],
];
const ALL_FORMATS: ReadonlyArray<readonly [Format, string]> = [
  ['markdown-notes', 'Markdown, with my notes'],
  ['csv', 'CSV (spreadsheet)'],
  ['json', 'JSON backup (restores everything)'],
];

const TYPES: Record<Format, string> = { markdown: 'text/markdown', 'markdown-notes': 'text/markdown', csv: 'text/csv', json: 'application/json' };

/**
 * Saves this list or every list as a file the user keeps: through the system's save dialog in Electron,
 * as a download (the browser asks where) on the harness.
 */
export function ExportMenu({ listId, onError, onSaved }: { listId: string; onError: (message: string) => void; onSaved: (message: string) => void }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const { nativeDialogs } = useActions();
  const job = useJob();
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
