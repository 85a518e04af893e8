import { newPartId } from '../part-ops';
import { applyStatus } from '../progress-ops';
import type { StudyDocument, StudyList } from '../schema';
import type { ImportPreview } from './imported';

/** An id made from a title (newPartId slugs it), unique among `taken`, then taken. */
function unique(title: string, taken: Set<string>): string {
  const id = newPartId(title, taken);
  taken.add(id);
  return id;
}

/**
 * Adds an imported list to the document: ids made from titles (unique, stable from then on), done
 * states as progress. Returns the new list.
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
      return {
        id: unique(r.title, resourceIds),
        title: r.title.slice(0, 1000),
        url: r.url,
        author: r.author,
        kind: 'link',
        description: r.description.slice(0, 10_000),
        group: r.group,
        addedAt: r.addedAt ?? null,
        links: r.links.map((l) => ({ id: unique(l.title, itemIds), title: l.title.slice(0, 1000), url: l.url, kind: 'link', description: '' })),
        parts: r.parts.map((p) => ({ id: unique(p.title, itemIds), title: p.title.slice(0, 1000), url: p.url })),
      };
    }),
  };
  doc.lists.push(list);
  preview.resources.forEach((r, i) => {
    const resource = list.resources[i]!;
    if (r.done) applyStatus(doc, `${listId}/${resource.id}`, 'done', at);
    r.parts.forEach((p, j) => p.done && applyStatus(doc, `${listId}/${resource.id}/${resource.parts[j]!.id}`, 'done', at));
  });
  return list;
}
