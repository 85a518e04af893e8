import type { Resource, StudyDocument, StudyList } from '../model/schema';
import { atLineStart, escapeBare, escapeText, link, MARKER, statusText, tagsLine } from './markdown-text';


/**
 * A list as a GitHub task list any Markdown viewer shows as it is: `- [x]` for done, the link, `by` the
 * author, `—` the description. Under each resource, as nested bullets: its status and dates
 * (`status: in progress · started …`), its tags (`tags: #python, #machine learning`), where I stopped, its parts as tasks (`· done · finished …` after
 * each) and its further links; then the note, quoted line by line. Sections are `##` headings; a
 * resource with no section after one follows a `---` rule. Everything the user wrote is escaped so that
 * it reads back exactly (markdown-text.ts), and a comment after the title tells the importer so. With
 * `notes: false` it is the list to share: the same (tags too) without statuses, dates, notes and where I stopped.
 */
export function exportMarkdown(doc: StudyDocument, list: StudyList, options: { notes: boolean }): string {
  const out: string[] = [`# ${escapeText(list.title)}`, '', MARKER, ''];
  if (list.description) out.push(atLineStart(escapeText(list.description)), '');
  let group: string | null = null;
  for (const resource of list.resources) {
    if (resource.group !== group) out.push(resource.group ? `## ${escapeText(resource.group)}` : '---', '');
    group = resource.group;
    out.push(...resourceLines(doc, `${list.id}/${resource.id}`, resource, options.notes), '');
  }
  // Only the blank lines at the end go: a note's last line keeps its spaces (two make a line break).
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function resourceLines(doc: StudyDocument, ref: string, resource: Resource, rich: boolean): string[] {
  const progress = doc.progress[ref];
  const title = resource.url ? link(resource.title, resource.url) : `**${escapeText(resource.title)}**`;
  const author = resource.author ? ` by ${escapeBare(resource.author)}` : '';
  const description = resource.description ? ` — ${escapeText(resource.description)}` : '';
  const lines = [`- [${progress?.status === 'done' ? 'x' : ' '}] ${title}${author}${description}`];
  const note = rich ? doc.notes[ref] : undefined;
  const status = rich ? statusText(progress, resource.addedAt) : '';
  if (status) lines.push(`  - status: ${status}`);
  if (resource.tags?.length) lines.push(`  - ${tagsLine(resource.tags)}`);
  if (note?.whereStopped) lines.push(`  - Where I stopped: ${escapeText(note.whereStopped)}`);
  for (const part of resource.parts) {
    const partProgress = doc.progress[`${ref}/${part.id}`];
    const tail = rich ? statusText(partProgress) : '';
    lines.push(`  - [${partProgress?.status === 'done' ? 'x' : ' '}] ${link(part.title, part.url)}${tail ? ` · ${tail}` : ''}`);
  }
  for (const further of resource.links) lines.push(`  - ${link(further.title, further.url)}`);
  if (note?.body) {
    // Quoted, every line: the note's own bullets, fences and headings stay inside the quote, and come back as written.
    lines.push('', ...note.body.split('\n').map((line) => (line ? `  > ${line}` : '  >')));
  }
  return lines;
}
