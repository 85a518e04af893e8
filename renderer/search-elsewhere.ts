import type { Note, Resource, StudyList } from '../data/model/schema';
import { INDEXED_NOTE_CHARS, parseQuery, tagKey } from './search';

/** The words of one resource (and its note), lower-cased, kept while the resource and the note stay the same. */
const wordsOf = new WeakMap<Resource, { note: Note | undefined; words: string[]; tags: string[] }>();

function words(text: string): string[] {
  return text.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function indexed(listId: string, resource: Resource, notes: Readonly<Record<string, Note>>) {
  const note = notes[`${listId}/${resource.id}`];
  const cached = wordsOf.get(resource);
  if (cached && cached.note === note) return cached;
  const text = [resource.title, resource.author ?? '', resource.description, ...resource.parts.map((p) => p.title), ...resource.links.map((l) => l.title)];
  if (note) text.push(note.whereStopped, note.body.slice(0, INDEXED_NOTE_CHARS));
  const entry = { note, words: [...new Set(words(text.join(' ')))], tags: (resource.tags ?? []).map(tagKey) };
  wordsOf.set(resource, entry);
  return entry;
}

/**
 * How many resources of each other list a query finds, for "N more in other lists": every word of the
 * query starts a word of the resource (title, author, description, parts, links, note) and every `#tag`
 * starts one of its tags. Plainer than the list's own search (no fuzzy matching), so it never claims
 * more than the list would show; lists with none are left out, the rest in sidebar order.
 */
export function matchesElsewhere(lists: readonly StudyList[], currentId: string, notes: Readonly<Record<string, Note>>, query: string): Array<{ list: StudyList; count: number }> {
  const { text, tags } = parseQuery(query);
  const wanted = words(text);
  if (wanted.length === 0 && tags.length === 0) return [];
  const out: Array<{ list: StudyList; count: number }> = [];
  for (const list of lists) {
    if (list.id === currentId) continue;
    let count = 0;
    for (const resource of list.resources) {
      const entry = indexed(list.id, resource, notes);
      if (wanted.every((w) => entry.words.some((word) => word.startsWith(w))) && tags.every((t) => entry.tags.some((tag) => tag.startsWith(t)))) count++;
    }
    if (count > 0) out.push({ list, count });
  }
  return out;
}
