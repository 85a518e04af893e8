import { tagKey } from '../search';
import { Highlighted } from './Highlighted';
import { useTagFilter } from './TagFilter';
import '../styles/tags.css';

/**
 * A resource's tags as small buttons: a click shows only the resources with that tag, a click on the
 * tag already filtered by shows them all again. Words of the search that matched are marked. With
 * `onRemove`, each tag also has its own × button that removes it from the resource.
 */
export function TagChips({ title, tags, terms, onRemove }: { title: string; tags: readonly string[] | undefined; terms: string[]; onRemove?: (tag: string) => void }) {
  const { tag: active, filterBy } = useTagFilter();
  if (!tags || tags.length === 0) return null;
  const on = active === null ? null : tagKey(active);
  return (
    <ul className="tag-chips" aria-label={`Tags of ${title}`}>
      {tags.map((tag) => {
        const pressed = on === tagKey(tag);
        return (
          <li key={tag}>
            <button type="button" className="tag-chip" aria-label={`Filter by tag ${tag}`} aria-pressed={pressed} onClick={() => filterBy(pressed ? null : tag)}>
              <span aria-hidden="true">#</span>
              <Highlighted text={tag} terms={terms} />
            </button>
            {onRemove && (
              <button type="button" className="tag-remove" aria-label={`Remove tag ${tag} from ${title}`} onClick={() => onRemove(tag)}>
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
