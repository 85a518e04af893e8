import type { StudyDocument, StudyList } from '../schema';

/** Any ASCII punctuation Markdown could read as markup (emphasis, entities, links) is backslash-escaped. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>&~]/g, '\\$&');
}

function link(title: string, url: string | null): string {
  const text = escapeText(title);
  // In a link destination, entities (&amp;) are decoded too: escape & and \; encode ( ) and spaces.
  return url ? `[${text}](${url.replace(/[()\s]/g, encodeURIComponent).replace(/[\\&]/g, '\\$&')})` : text;
}

/**
 * A list as a GitHub task list: `- [x]` for done, parts as nested tasks, nested links as plain bullets,
 * sections as `##` headings, and optionally each note as indented text under its resource. Importing it
 * back gives the same resources, links, parts and done states.
 */
export function exportMarkdown(doc: StudyDocument, list: StudyList, options: { notes: boolean }): string {
  const out: string[] = [`# ${list.title}`, ''];
  if (list.description) out.push(list.description, '');
  let group: string | null = null;
  for (const resource of list.resources) {
    if (resource.group !== group && resource.group) {
      out.push(`## ${resource.group}`, '');
    }
    group = resource.group;
    const ref = `${list.id}/${resource.id}`;
    const done = doc.progress[ref]?.status === 'done';
    const tail = [resource.author ? `by ${resource.author}.` : '', resource.description].filter(Boolean).join(' ');
    const mentions = resource.links.map((l) => link(l.title, l.url)).join(', ');
    out.push(`- [${done ? 'x' : ' '}] ${link(resource.title, resource.url)}${tail ? ` - ${tail.replace(/\n+/g, ' ')}` : ''}${mentions ? ` See also: ${mentions}.` : ''}`);
    for (const part of resource.parts) {
      const partDone = doc.progress[`${ref}/${part.id}`]?.status === 'done';
      out.push(`  - [${partDone ? 'x' : ' '}] ${link(part.title, part.url)}`);
    }
    const note = doc.notes[ref];
    if (options.notes && note) {
      // Quoted, so the note's own bullets stay text and never come back as parts on import.
      out.push('');
      if (note.whereStopped) out.push(`  > Where I stopped: ${note.whereStopped}`, '  >');
      for (const line of note.body.split('\n')) out.push(line ? `  > ${line}` : '  >');
      out.push('');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
