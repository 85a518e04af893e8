import { newPartId } from '../part-ops';
import { applyStatus } from '../progress-ops';
import type { StudyDocument, StudyList } from '../schema';
import type { ImportPreview } from './imported';

function slug(text: string): string {
  return newPartId(text, new Set());
}

function unique(base: string, taken: Set<string>): string {
  const id = newPartId(base, taken);
  taken.add(id);
  return id;
}

/**
 * Adds an imported list to the document: ids made from titles (unique, stable from then on), done
 * states as progress. Returns the new list.
 */
export function addImportedList(doc: StudyDocument, preview: ImportPreview, at: string): StudyList {
  const listId = unique(slug(preview.title), new Set(doc.lists.map((l) => l.id)));
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
        id: unique(slug(r.title), resourceIds),
        title: r.title.slice(0, 1000),
        url: r.url,
        author: r.author,
        kind: 'link',
        description: r.description.slice(0, 10_000),
        group: r.group,
        addedAt: r.addedAt ?? null,
        links: r.links.map((l) => ({ id: unique(slug(l.title), itemIds), title: l.title.slice(0, 1000), url: l.url, kind: 'link', description: '' })),
        parts: r.parts.map((p) => ({ id: unique(slug(p.title), itemIds), title: p.title.slice(0, 1000), url: p.url })),
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
