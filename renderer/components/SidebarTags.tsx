import { useMemo } from 'react';
import type { StudyList } from '../../data/model/schema';
import { tagKey } from '../../data/model/tags';
import { plural } from '../wording';
import '../styles/tags.css';

/** The tags of a list, each with how many resources have it, most used first (then by name). */
export function tagCounts(list: StudyList): Array<{ tag: string; count: number }> {
  const byKey = new Map<string, { tag: string; count: number }>();
  for (const resource of list.resources) {
    for (const tag of new Set((resource.tags ?? []).map(tagKey))) {
      const spelled = resource.tags!.find((t) => tagKey(t) === tag)!;
      const entry = byKey.get(tag);
      if (entry) entry.count += 1;
      else byKey.set(tag, { tag: spelled, count: 1 });
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Tags at hand: the shown list's tags with their counts; a click filters the list (again: every resource). */
export function SidebarTags({ list, active, onFilter }: { list: StudyList | undefined; active: string | null; onFilter: (tag: string | null) => void }) {
  const tags = useMemo(() => (list ? tagCounts(list) : []), [list]);
  if (tags.length === 0) return null;
  return (
    <nav aria-label="Tags" className="sidebar-tags">
      <h2 className="sidebar-heading">Tags</h2>
      <ul className="sidebar-tag-list">
        {tags.map(({ tag, count }) => {
          const on = active !== null && tagKey(active) === tagKey(tag);
          return (
            <li key={tag}>
              {/* Named by what it shows: “#python 2 resources” (the noun for screen readers only). */}
              <button type="button" className="sidebar-tag" aria-pressed={on} onClick={() => onFilter(on ? null : tag)}>
                <span className="sidebar-tag-name">#{tag}</span>
                <span className="sidebar-tag-count">
                  {count}
                  <span className="visually-hidden"> {plural(count, 'resource')}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
