import { describe, expect, it } from 'vitest';
import { toggleTask } from '../../../renderer/note-tasks';

describe('toggleTask: a preview box edits the note’s Markdown', () => {
  const note = '# PEPs\n\n- [ ] read PEP 8\n- [x] read PEP 20\n1. [ ] numbered\n> * [X] quoted\n';
  const at = (text: string) => note.indexOf(text);

  it('ticks an open task and unticks a done one, touching nothing else', () => {
    expect(toggleTask(note, at('- [ ] read PEP 8'))).toBe(note.replace('- [ ] read PEP 8', '- [x] read PEP 8'));
    expect(toggleTask(note, at('- [x] read PEP 20'))).toBe(note.replace('- [x] read PEP 20', '- [ ] read PEP 20'));
    expect(toggleTask(note, at('1. [ ]'))).toBe(note.replace('1. [ ] numbered', '1. [x] numbered'));
    expect(toggleTask(note, at('* [X]'))).toBe(note.replace('* [X] quoted', '* [ ] quoted'));
  });

  it('leaves the note alone where no task box starts (the text changed meanwhile)', () => {
    expect(toggleTask(note, 0)).toBe(note);
    expect(toggleTask(note, at('read PEP 8'))).toBe(note);
    expect(toggleTask(note, note.length + 5)).toBe(note);
  });
});
