import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { isWebUrl } from '../format';

/** Past this size the live preview would make typing sluggish; the text is still saved as usual. */
export const PREVIEW_LIMIT = 50_000;

/**
 * GitHub-flavoured Markdown (lists, code, task lists, tables, links) with no raw HTML: HTML written in
 * a note is left out of the preview, never run (the note's text keeps it). Links go to the system
 * browser through main, which opens only http(s); images are not loaded.
 */
export const NotePreview = memo(function NotePreview({
  body,
  openUrl,
  onToggleTask,
}: {
  body: string;
  openUrl: (url: string) => void;
  /** Ticking a task box: the offset where its list item starts in `body` (none: the boxes are read-only). */
  onToggleTask?: (offset: number) => void;
}) {
  if (body.length > PREVIEW_LIMIT) {
    return <p className="muted">This note is too long for a live preview ({Math.round(body.length / 1024)} KB). It is saved as usual.</p>;
  }
  const components: Components = {
    a: ({ href, children }) =>
      href !== undefined && isWebUrl(href) ? (
        <a
          href={href}
          title={href}
          onClick={(event) => {
            event.preventDefault();
            openUrl(href);
          }}
        >
          {children}
        </a>
      ) : (
        <span className="inert-link">{children}</span>
      ),
    img: ({ alt }) => <span className="inert-link">[image: {alt}]</span>,
    // A task-list box, named for screen readers. Ticking it edits the note's text (its list item, below).
    input: ({ checked }) => (
      <input type="checkbox" checked={!!checked} disabled={!onToggleTask} onChange={() => undefined} aria-label={checked ? 'Done task' : 'Open task'} />
    ),
    li: ({ node, children, className }) => {
      const offset = node?.position?.start.offset;
      const task = className?.includes('task-list-item') && offset !== undefined && onToggleTask;
      return (
        <li
          className={className}
          onChange={
            task
              ? (event) => {
                  // Only this item's own box: a nested list's items handle theirs.
                  if (event.target instanceof HTMLInputElement && event.target.closest('li') === event.currentTarget) onToggleTask(offset);
                }
              : undefined
          }
        >
          {children}
        </li>
      );
    },
  };
  return (
    <div className="markdown">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {body}
      </Markdown>
    </div>
  );
});
