import { mkdtemp, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetAppendTarget, realFs } from '../../../data/storage/fs-seam';
import { journalText } from '../helpers';

// The journal being appended to stays open between appends (the open was the dearest call of a tick
// after the fdatasync). Another program may delete, move or replace the file meanwhile: the next
// append must land in the file at the journal's name, never in the one the kept descriptor points at.
describe('the journal file kept open between appends', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'studyshelf-descriptor-'));
    file = join(dir, 'journal.ndjson');
  });
  afterEach(async () => {
    await realFs.unlink(file).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('appends in order to one file', async () => {
    for (const line of ['a\n', 'b\n', 'c\n']) await realFs.appendFileSynced(file, line);
    expect(await readFile(file, 'utf8')).toBe('a\nb\nc\n');
  });

  it('after another program moved the file away, the next line is in a file at the name', async () => {
    await realFs.appendFileSynced(file, 'a\n');
    await rename(file, join(dir, 'moved.ndjson'));
    await realFs.appendFileSynced(file, 'b\n');
    expect(await readFile(file, 'utf8')).toBe('b\n');
    expect(await readFile(join(dir, 'moved.ndjson'), 'utf8')).toBe('a\n');
  });

  it('after another program replaced the file (a new one renamed over it), the line goes into the new one', async () => {
    await realFs.appendFileSynced(file, 'a\n');
    await writeFile(join(dir, 'other.tmp'), 'theirs\n');
    await rename(join(dir, 'other.tmp'), file);
    await realFs.appendFileSynced(file, 'b\n');
    expect(await readFile(file, 'utf8')).toBe('theirs\nb\n');
  });

  it('after another program deleted the file, the next line makes it again', async () => {
    await realFs.appendFileSynced(file, 'a\n');
    await unlink(file);
    await realFs.appendFileSynced(file, 'b\n');
    expect(await readFile(file, 'utf8')).toBe('b\n');
  });

  it('a second journal appended to in between is not written into the first', async () => {
    const second = join(dir, 'second.ndjson');
    await realFs.appendFileSynced(file, 'a\n');
    await realFs.appendFileSynced(second, 'x\n');
    await realFs.appendFileSynced(file, 'b\n');
    expect(await readFile(file, 'utf8')).toBe('a\nb\n');
    expect(await readFile(second, 'utf8')).toBe('x\n');
    await realFs.unlink(second);
  });

  // A journal is made with room after where its lines go (NUL bytes, on disk), as SQLite reuses its WAL:
  // an fdatasync after a write into blocks the file has need not commit a new file size too.
  describe('made with room for its lines', () => {
    it('is filled in place: the file keeps its size and its lines read back in order', async () => {
      await realFs.reserveFileSynced!(file, 1024);
      for (const line of ['a\n', 'b\n', 'c\n']) await realFs.appendFileSynced(file, line);
      expect((await stat(file)).size).toBe(1024);
      expect(await journalText(file)).toBe('a\nb\nc\n');
    });

    it('past its room, lines go on at the end', async () => {
      await realFs.reserveFileSynced!(file, 4);
      for (const line of ['abc\n', 'def\n']) await realFs.appendFileSynced(file, line);
      expect(await readFile(file, 'utf8')).toBe('abc\ndef\n');
    });

    it('opened again (the kept descriptor gone), it goes on after its lines, not after its room', async () => {
      await realFs.reserveFileSynced!(file, 1024);
      await realFs.appendFileSynced(file, 'a\n');
      forgetAppendTarget(file);
      await realFs.appendFileSynced(file, 'b\n');
      expect((await stat(file)).size).toBe(1024);
      expect(await journalText(file)).toBe('a\nb\n');
    });

    it('is never made over a file that is there: its lines stay', async () => {
      await realFs.appendFileSynced(file, 'a\n');
      await expect(realFs.reserveFileSynced!(file, 1024)).rejects.toMatchObject({ code: 'EEXIST' });
      await realFs.appendFileSynced(file, 'b\n');
      expect(await readFile(file, 'utf8')).toBe('a\nb\n');
    });
  });
});
