import MiniSearch from 'minisearch';
import { useId, useMemo, useState } from 'react';
import '../styles/commands.css';
import { Modal } from './Modal';

export interface PaletteItem {
  /** Unique among the items: `command:undo`, `list:<id>`, `resource:<list>/<id>`. */
  key: string;
  label: string;
  /** What it is, shown on its right: the key of a command, "List", the list a resource is in. */
  hint: string;
}

interface Props {
  open: boolean;
  items: readonly PaletteItem[];
  onClose: () => void;
  /** Runs the chosen item, after the palette closed. */
  onChoose: (key: string) => void;
}

const SHOWN = 50;

/**
 * Ctrl/⌘+K: every command and every list and resource by name, fuzzy-matched, keyboard only. The
 * matching is MiniSearch's (already the list search's engine): words by prefix, a typo forgiven.
 */
export function CommandPalette({ open, items, onClose, onChoose }: Props) {
  return (
    <Modal open={open} title="Go to or run…" onClose={onClose} narrow>
      {open && <PaletteBody items={items} onClose={onClose} onChoose={onChoose} />}
    </Modal>
  );
}

function PaletteBody({ items, onClose, onChoose }: Omit<Props, 'open'>) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listboxId = useId();
  const index = useMemo(() => {
    const search = new MiniSearch<PaletteItem>({ idField: 'key', fields: ['label', 'hint'], storeFields: [], searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { label: 3 } } });
    search.addAll(items);
    return search;
  }, [items]);
  const byKey = useMemo(() => new Map(items.map((item) => [item.key, item])), [items]);
  const matches = useMemo(() => {
    const text = query.trim();
    if (!text) return items.filter((item) => !item.key.startsWith('resource:')).slice(0, SHOWN);
    return index
      .search(text)
      .slice(0, SHOWN)
      .map((result) => byKey.get(String(result.id))!);
  }, [query, index, items, byKey]);
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    onChoose(item.key);
  };
  const optionId = (i: number) => `${listboxId}-${i}`;
  return (
    <div className="palette">
      <input
        type="text"
        role="combobox"
        aria-label="Command, list or resource"
        aria-expanded="true"
        aria-controls={listboxId}
        aria-activedescendant={matches.length > 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        placeholder="Type a command, a list or a resource"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
          if (step !== 0) {
            event.preventDefault();
            if (matches.length > 0) setActive((current + step + matches.length) % matches.length);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            choose(matches[current]);
          }
        }}
      />
      <ul id={listboxId} role="listbox" aria-label="Matches" className="palette-options">
        {matches.map((item, i) => (
          <li
            key={item.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className="palette-option"
            onPointerMove={() => i !== current && setActive(i)}
            onClick={() => choose(item)}
          >
            <span className="palette-label">{item.label}</span>
            <span className="palette-hint">{item.hint}</span>
          </li>
        ))}
      </ul>
      {matches.length === 0 && (
        <p className="palette-empty" role="status">
          Nothing matches “{query.trim()}”.
        </p>
      )}
    </div>
  );
}
