import type { ReactNode } from 'react';
import { isWebUrl } from '../format';

interface Props {
  url: string | null;
  onOpen: () => void;
  children: ReactNode;
  className?: string;
  hint?: string;
}

/**
 * A link that opens in the system browser (main does the opening; the page never navigates). Text
 * that is not an http(s) address is shown, but is not clickable.
 */
export function ExternalLink({ url, onOpen, children, className, hint }: Props) {
  if (!isWebUrl(url)) return <span className={className}>{children}</span>;
  return (
    <a
      className={className}
      href={url}
      title={hint ?? url}
      onClick={(event) => {
        event.preventDefault();
        onOpen();
      }}
    >
      {children}
      <span className="external-icon" aria-hidden="true">
        ↗
      </span>
    </a>
  );
}
