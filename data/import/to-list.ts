import { newPartId } from '../model/part-ops';
import type { Note, ProgressEntry, StudyDocument, StudyList } from '../model/schema';
import { importedTags } from '../model/tags';
import type { ImportedPart, ImportedResource, ImportPreview, ImportedState } from './imported';

/** An id made from a title (newPartId slugs it), unique among `taken`, then taken. */
function unique(title: string, taken: Set<string>): string {
  const id = newPartId(title, taken);
  taken.add(id);
  return id;
}

/**
 * Adds an imported list to the document: ids made from titles (unique, stable from then on), done
 * states as progress; statuses, dates and notes from Studyshelf's own exports as they were. Returns the new list.
 */
export function addImportedList(doc: StudyDocument, preview: ImportPreview, at: string): StudyList {
  const listId = unique(preview.title, new Set(doc.lists.map((l) => l.id)));
  const resourceIds = new Set<string>();
  const list: StudyList = {
    id: listId,
    title: preview.title.slice(0, 1000) || 'Imported list',
    author: null,
    description: '',
    source: null,
    bundledVersion: null,
    customized: false,
    resources: preview.resources.map((r) => {
      const itemIds = new Set<string>();
      const tags = importedTags(r.tags);
      return {
        id: unique(r.title, resourceIds),
        title: r.title.slice(0, 1000),
        url: r.url,
        author: r.author,
        kind: r.kind || 'link',
        description: r.description.slice(0, 10_000),
        group: r.group,
        addedAt: r.addedAt ?? null,
        links: r.links.map((l) => ({ id: unique(l.title, itemIds), title: l.title.slice(0, 1000), url: l.url, kind: 'link', description: '' })),
        parts: r.parts.map((p) => ({ id: unique(p.title, itemIds), title: p.title.slice(0, 1000), url: p.url })),
        // The file's tags, cleaned as the editor's are (a tag with commas is several); none: no field.
        ...(tags.length > 0 ? { tags } : {}),
      };
    }),
  };
  doc.lists.push(list);
  preview.resources.forEach((r, i) => {
    const resource = list.resources[i]!;
    const ref = `${listId}/${resource.id}`;
    keepState(doc, ref, r, at);
    r.parts.forEach((p, j) => keepState(doc, `${ref}/${resource.parts[j]!.id}`, p, at));
    keepNote(doc, ref, r, at);
  });
  return list;
}

/**
 * The progress a file's item brings: its status with the file's dates; a done mark alone (`- [x]`,
 * Pocket's read archive) is done with no dates. Never any activity: it was studied then, not today, so
 * an import never counts as today's study.
 */
export function fileProgress(item: ImportedState & Pick<ImportedPart, 'done'>, at: string): ProgressEntry | null {
  const { status, startedAt = null, doneAt = null } = item;
  if (status === undefined) return item.done ? { status: 'done', startedAt: null, doneAt: null, updatedAt: at } : null;
  if (status === 'todo' && !startedAt && !doneAt) return null;
  return { status, startedAt, doneAt, updatedAt: doneAt ?? startedAt ?? at };
}

function keepState(doc: StudyDocument, ref: string, item: ImportedState & Pick<ImportedPart, 'done'>, at: string): void {
  const entry = fileProgress(item, at);
  if (entry) doc.progress[ref] = entry;
}

/** The note a file's resource brings (Studyshelf's exports, Raindrop's notes), dated as the file has it; null when none. */
export function fileNote(r: ImportedResource, at: string): Note | null {
  if (!r.note && !r.whereStopped) return null;
  return { body: r.note ?? '', whereStopped: r.whereStopped ?? '', updatedAt: r.doneAt ?? r.startedAt ?? at };
}

function keepNote(doc: StudyDocument, ref: string, r: ImportedResource, at: string): void {
  const note = fileNote(r, at);
  if (note) doc.notes[ref] = note;
}
