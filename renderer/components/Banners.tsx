import { useState } from 'react';
import type { StartupNotice } from '../../data/model/reports';
import type { AppState } from '../../electron/api/contract';

/**
 * Storage trouble and read-only mode: a strip above the scrolling list, so it stays in view however far
 * the list is scrolled without covering what sticks at the top of the list (its search toolbar).
 */
export function LastingTrouble({ state }: { state: AppState }) {
  if (state.health.ok && !state.readOnly) return null;
  return (
    <section className="lasting-trouble" aria-label="Warnings">
      <div className="banners">
        {!state.health.ok && (
          <div className="banner banner-danger" role="alert">
            <strong>Studyshelf cannot save to disk: {state.health.reason}.</strong> Your changes are kept in memory
            {state.health.recoveryFile ? (
              <>
                {' '}and in <code>{state.health.recoveryFile}</code>
              </>
            ) : null}
            , and Studyshelf keeps trying. Free some space or close the program holding the file.
          </div>
        )}
        {state.readOnly && (
          <div className="banner banner-warning" role="alert">
            <strong>Read-only.</strong> {state.readOnly}
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * Where the focus goes from a message's × as the message leaves (else it falls to the page): the next
 * message's ×, or the one before, or the title of the view below them.
 */
function landAfter(close: HTMLElement) {
  const closes = [...(close.closest('.banners')?.querySelectorAll<HTMLElement>('.banner-close') ?? [])];
  const at = closes.indexOf(close);
  const landing = closes[at + 1] ?? closes[at - 1] ?? close.closest('main')?.querySelector<HTMLElement>('h1[tabindex="-1"]');
  landing?.focus({ preventScroll: true });
}

/** What happened at start: shown at the top of the list until dismissed, never a toast. */
export function Banners({ state }: { state: AppState }) {
  const [dismissed, setDismissed] = useState<Set<number>>(new Set());
  const startup = state.notices.map((notice, index) => ({ index, text: describeNotice(notice) })).filter((n) => n.text && !dismissed.has(n.index));
  return (
    <div className="banners">
      {startup.map(({ index, text }) => (
        <div key={index} className="banner banner-info" role="status">
          <span>{text}</span>
          <button
            type="button"
            className="banner-close"
            aria-label="Dismiss"
            onClick={(event) => {
              landAfter(event.currentTarget);
              setDismissed((d) => new Set(d).add(index));
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

export function describeNotice(notice: StartupNotice): string | null {
  switch (notice.kind) {
    case 'restored-backup':
      return `Your data file could not be read: ${notice.problem}. It was moved aside to ${notice.damagedFile}, and the backup from ${when(notice.backupTakenAt)} was restored.`;
    case 'missing-restored':
      return `Your data file was missing, so the newest backup (from ${when(notice.backupTakenAt)}) was restored.`;
    case 'recovered-unsaved':
      return 'Changes that could not be saved last time were recovered and are now saved.';
    case 'damaged-by-other-program':
      return `Another program left the data file unreadable. It was moved aside to ${notice.damagedFile}, and the data in this window was saved again.`;
    case 'read-only':
    case 'no-backup':
      return null; // shown by the read-only banner and the recovery screen
  }
}

export function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'an earlier time' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
