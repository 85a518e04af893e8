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
export const NotePreview = memo(function NotePreview({ body, openUrl }: { body: string; openUrl: (url: string) => void }) {
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
    // A task-list box: shown, named for screen readers, changed only by editing the text.
    input: ({ checked }) => <input type="checkbox" checked={!!checked} disabled readOnly aria-label={checked ? 'Done task' : 'Open task'} />,
  };
  return (
    <div className="markdown">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {body}
      </Markdown>
    </div>
  );
});
