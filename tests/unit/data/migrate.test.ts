import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, NewerVersionError } from '../../../data/storage/migrate';
import { DocumentSchema, SCHEMA_VERSION } from '../../../data/model/schema';
import { DATA_FILE_NAME, openStore } from '../../../data/storage/store';
import { CODEWALK, PBTS, tempDir } from '../helpers';

const FIXTURE = new URL('../../fixtures/studyshelf-v1.json', import.meta.url);
const v1 = async () => JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;

describe('migrations', () => {
  it('bring the v1 fixture (written by the first release) to the current schema', async () => {
    const { doc, from } = migrate(await v1());
    expect(from).toBe(1);
    const parsed = DocumentSchema.parse(doc);
    expect(parsed.schemaVersion).toBe(SCHEMA_VERSION);
    expect(parsed.progress[`${PBTS}/python-documentation`]).toEqual({
      status: 'done',
      startedAt: '2026-11-02T19:05:01.000Z',
      doneAt: '2026-11-02T19:05:01.000Z',
      updatedAt: '2026-11-02T19:05:01.000Z',
    });
    expect(parsed.progress[`${PBTS}/stupid-python-ideas`]).toMatchObject({ status: 'todo', doneAt: null, startedAt: null });
    expect(parsed.notes[CODEWALK]?.body).toContain('Stopped at lecture 3, 41:10.');
    expect(parsed.activity).toHaveLength(7);
  });

  it('are pure: the input is not changed', async () => {
    const input = await v1();
    const before = JSON.stringify(input);
    migrate(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('leave a current document as it is', async () => {
    const { doc } = migrate(await v1());
    expect(migrate(doc)).toEqual({ doc, from: SCHEMA_VERSION });
  });

  it('refuse a document from a newer version', () => {
    expect(() => migrate({ schemaVersion: SCHEMA_VERSION + 1 })).toThrow(NewerVersionError);
  });

  it('happen when the store opens a v1 file, which is first kept as a backup', async () => {
    const dir = await tempDir();
    await copyFile(FIXTURE, join(dir, DATA_FILE_NAME));
    const store = await openStore({ dir });
    expect(store.document()!.progress[`${CODEWALK}/cpython-internals-lecture-2`]?.status).toBe('done');
    const onDisk = JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'));
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    const backups = await readdir(join(dir, 'backups'));
    const before = backups.find((name) => name.endsWith('-before-migration-v1.json'))!;
    expect(await readFile(join(dir, 'backups', before), 'utf8')).toBe(await readFile(FIXTURE, 'utf8'));
  });
});

describe('a file from a newer version', () => {
  it('opens read-only: shown, never written', async () => {
    const dir = await tempDir();
    const file = join(dir, DATA_FILE_NAME);
    const current = (await openStore({ dir: await tempDir() })).document()!;
    const future = JSON.stringify({ ...current, schemaVersion: SCHEMA_VERSION + 1, someNewField: [1, 2] });
    await writeFile(file, future);
    const store = await openStore({ dir });
    expect(store.readOnly()).toMatch(/newer version of Studyshelf/);
    expect(store.document()!.lists).toHaveLength(2);
    await expect(store.setDone(`${PBTS}/peps`, true)).rejects.toMatchObject({ code: 'read-only' });
    await expect(store.saveNote(`${PBTS}/peps`, 'x')).rejects.toMatchObject({ code: 'read-only' });
    await store.close();
    expect(await readFile(file, 'utf8')).toBe(future);
  });
});
