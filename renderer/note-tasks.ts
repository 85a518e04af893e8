/**
 * Ticks or unticks the task-list box of the list item that starts at `offset` in a note's Markdown
 * (`- [ ] read PEP 8` ↔ `- [x] read PEP 8`): the preview's box edits the note's text, nothing else.
 * The offset is where the Markdown parser says the item begins (its marker, after any quote's `>`).
 * Anything else there (the text changed meanwhile) leaves the note as it is.
 */
export function toggleTask(body: string, offset: number): string {
  const item = /^(?:[-+*]|\d{1,9}[.)])[ \t]+\[([ xX])\]/.exec(body.slice(offset, offset + 20));
  if (!item) return body;
  const box = offset + item[0].length - 2;
  return `${body.slice(0, box)}${item[1] === ' ' ? 'x' : ' '}${body.slice(box + 1)}`;
}
