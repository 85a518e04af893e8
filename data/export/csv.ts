import Papa from 'papaparse';
import type { StudyDocument, StudyList } from '../schema';

/**
 * A list as CSV, one row per resource: the columns the CSV importer reads (title, url, status, tags)
 * and a few more for spreadsheets. Importing it back gives the same resources and done states.
 */
export function exportCsv(doc: StudyDocument, list: StudyList): string {
  const rows = list.resources.map((r) => {
    const progress = doc.progress[`${list.id}/${r.id}`];
    return {
      title: r.title,
      url: r.url ?? '',
      status: progress?.status ?? 'todo',
      tags: r.group ?? '',
      author: r.author ?? '',
      description: r.description,
      started: progress?.startedAt ?? '',
      finished: progress?.doneAt ?? '',
      parts: r.parts.length ? `${r.parts.filter((p) => doc.progress[`${list.id}/${r.id}/${p.id}`]?.status === 'done').length}/${r.parts.length}` : '',
    };
  });
  return `${Papa.unparse(rows, { columns: ['title', 'url', 'status', 'tags', 'author', 'description', 'started', 'finished', 'parts'] })}\n`;
}
