import { memo } from 'react';
import { useActions } from '../actions';

/** The one-click "read" tick of a resource, nested link or part. */
// Memoised: a card re-rendered for its highlights leaves its checkbox (and the input's attributes) alone.
export const ReadCheckbox = memo(function ReadCheckbox({ itemRef, title, checked, large }: { itemRef: string; title: string; checked: boolean; large?: boolean }) {
  const { readOnly, setDone } = useActions();
  return (
    <input
      type="checkbox"
      className={large ? 'check check-large' : 'check'}
      checked={checked}
      disabled={readOnly}
      onChange={(event) => setDone(itemRef, event.target.checked, title)}
      aria-label={`Read: ${title}`}
    />
  );
});
