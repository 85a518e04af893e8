import { newDocument } from '../../../data/document';
import type { ExportFormat } from '../../../data/transfer';
import { exportFrom, importInto } from '../../../data/transfer';
import type { StudyDocument, StudyList } from '../../../data/model/schema';

/** When the round trips import: never a date any exported file holds, so a date seen back came from the file. */
export const AT = '2026-12-01T12:00:00.000Z';

/** What a format carries of a list, compared by position and title (ids are made anew on import). */
export function carried(doc: StudyDocument, list: StudyList, format: Exclude<ExportFormat, 'json'>) {
  const rich = format !== 'markdown';
  const state = (ref: string) => {
    const p = doc.progress[ref];
    return rich ? { status: p?.status ?? 'todo', startedAt: p?.startedAt ?? null, doneAt: p?.doneAt ?? null } : { done: p?.status === 'done' };
  };
  return {
    title: list.title,
    resources: list.resources.map((r) => {
      const ref = `${list.id}/${r.id}`;
      const note = doc.notes[ref];
      return {
        title: r.title,
        url: r.url,
        author: r.author || null,
        description: r.description,
        group: r.group,
        // Every format carries tags: they are what the list is about, not progress.
        tags: r.tags ?? [],
        ...state(ref),
        ...(rich ? { addedAt: r.addedAt, note: note?.body ?? '', whereStopped: note?.whereStopped ?? '' } : {}),
        ...(format === 'csv' ? { kind: r.kind } : {}),
        parts: r.parts.map((p) => ({ title: p.title, url: p.url, ...state(`${ref}/${p.id}`) })),
        links: r.links.map((l) => ({ title: l.title, url: l.url })),
      };
    }),
  };
}

/** Exports one list, imports the file as a new list into an empty document: the file, and what came back. */
export function cycle(doc: StudyDocument, list: StudyList, format: Exclude<ExportFormat, 'json'>) {
  const { fileName, content } = exportFrom(doc, list.id, format);
  const back = newDocument([]);
  const id = importInto(back, fileName, content, 'new', AT);
  return { content, doc: back, list: back.lists.find((l) => l.id === id)! };
}

/** Three cycles: each gives back what the list carries, and each file is the first one, byte for byte. */
export function threeCycles(doc: StudyDocument, list: StudyList, format: Exclude<ExportFormat, 'json'>) {
  const first = cycle(doc, list, format);
  const second = cycle(first.doc, first.list, format);
  const third = cycle(second.doc, second.list, format);
  return { files: [first.content, second.content, third.content], lists: [first, second, third].map((c) => carried(c.doc, c.list, format)), docs: [first.doc, second.doc, third.doc] };
}
