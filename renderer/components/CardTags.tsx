import { useEffect, useRef, useState } from 'react';
import type { Resource } from '../../data/model/schema';
import { splitTags, tagKey } from '../../data/model/tags';
import { useActions } from '../actions';
import { TagChips } from './TagChips';
import '../styles/tags.css';

/**
 * A card's tags, edited where they are: each chip has its × to remove it, and "+ Tag" opens a small
 * field (Enter adds, commas add several, Esc leaves it) — no need to open the editor. Saved as an edit
 * of the resource (main cleans and checks the tags; Undo puts them back). Read-only data: chips only.
 */
export function CardTags({ resourceRef, resource, terms }: { resourceRef: string; resource: Resource; terms: string[] }) {
  const actions = useActions();
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  /** Leaving the field puts the focus back on "+ Tag", once it is there again. */
  const refocus = useRef(false);
  useEffect(() => {
    if (adding || !refocus.current) return;
    refocus.current = false;
    addButton.current?.focus();
  });
  const tags = resource.tags ?? [];
  const editable = !actions.readOnly;

  const save = (next: string[]) =>
    actions.resources.update(resourceRef, { title: resource.title, url: resource.url, author: resource.author, description: resource.description, kind: resource.kind, tags: next });

  async function add() {
    const typed = splitTags(text).map((t) => t.trim()).filter((t) => t !== '');
    const known = new Set(tags.map(tagKey));
    const fresh = typed.filter((t) => !known.has(tagKey(t)));
    if (fresh.length === 0) {
      leave();
      return;
    }
    // Refused (too long, too many): the field keeps what was typed, and the toast says why.
    if (await save([...tags, ...fresh])) leave();
  }

  function leave() {
    setText('');
    setAdding(false);
    refocus.current = true;
  }

  return (
    <div className="card-tags">
      <TagChips title={resource.title} tags={tags} terms={terms} onRemove={editable ? (tag) => void save(tags.filter((t) => t !== tag)) : undefined} />
      {editable &&
        (adding ? (
          <form
            className="tag-add-form"
            onSubmit={(event) => {
              event.preventDefault();
              void add();
            }}
          >
            <input
              className="tag-add-input"
              aria-label={`New tag for ${resource.title}`}
              placeholder="tag, another tag"
              value={text}
              autoFocus
              maxLength={1000}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return;
                event.preventDefault();
                event.stopPropagation();
                leave();
              }}
            />
            <button type="submit" className="tag-chip">
              Add
            </button>
          </form>
        ) : (
          <button ref={addButton} type="button" className="tag-chip tag-add" aria-label={`Add a tag to ${resource.title}`} onClick={() => setAdding(true)}>
            + Tag
          </button>
        ))}
    </div>
  );
}
