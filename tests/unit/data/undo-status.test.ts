import { describe, expect, it } from 'vitest';
import { openStore } from '../../../data/storage/store';
import { PBTS, tempDir } from '../helpers';

describe('undoing a status change takes back its activity too (issue #22, point 9)', () => {
  it('the entry as it was, the tick gone from the activity log, and a crash replays exactly that', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    const ref = `${PBTS}/peps`;
    const started = await store.setStatus(ref, 'in-progress');
    const done = await store.setStatus(ref, 'done');
    expect(store.document()!.activity.map((a) => a.action)).toEqual(['started', 'done']);
    await store.command('undoStatus', ref, started, done.updatedAt);
    expect(store.document()!.progress[ref]).toEqual(started);
    expect(store.document()!.activity.map((a) => a.action)).toEqual(['started']);
    // No close(): a crash. The next start replays the journal, the undo with it.
    const next = await openStore({ dir });
    expect(next.document()!.progress[ref]).toEqual(started);
    expect(next.document()!.activity.map((a) => a.action)).toEqual(['started']);
    await next.close();
  });

  it('an undo whose resource is gone is refused and changes nothing', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const done = await store.setStatus(`${PBTS}/peps`, 'done');
    await expect(store.command('undoStatus', `${PBTS}/no-such-thing`, null, done.updatedAt)).rejects.toThrow('Nothing in your lists');
    expect(store.document()!.activity).toHaveLength(1);
    await store.close();
  });
});
