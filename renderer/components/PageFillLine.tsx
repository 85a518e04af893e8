import '../styles/paste-links.css';
import { usePageFill } from '../hooks/usePasteLinks';

/**
 * On a pasted resource's card: its page is being read, or why it could not be (#20). Said only while
 * the resource is as pasted (`pasted`): once the user edits it, the page no longer matters.
 */
export function PageFillLine({ itemRef, pasted }: { itemRef: string; pasted: boolean }) {
  const fill = usePageFill(itemRef);
  if (!fill || !pasted) return null;
  return (
    <p className={`page-fill page-fill-${fill.state}`} role="status">
      {fill.state === 'reading' ? 'Reading the page to fill this in…' : fill.reason}
    </p>
  );
}

/** "about 3 minutes", "about 2 hours", "about 1 hour 20 minutes": how long a resource takes. */
export function estimateText(minutes: number): string {
  if (minutes < 60) return `about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return rest === 0 ? `about ${h}` : `about ${h} ${rest} ${rest === 1 ? 'minute' : 'minutes'}`;
}
