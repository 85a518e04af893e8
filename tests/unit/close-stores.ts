import { afterEach, vi } from 'vitest';
import type * as StoreModule from '../../data/storage/store';
import type { Store } from '../../data/storage/store';

// Every store a test opens is closed after it, before its temp folder is removed: a store left open
// would otherwise take its next snapshot into a folder that is gone ("backup failed … ENOENT" in the
// output of a passing run). A test that closes its own store is unaffected (close is idempotent).
const open = new Set<Store>();

vi.mock('../../data/storage/store', async (importOriginal) => {
  const real = await importOriginal<typeof StoreModule>();
  return {
    ...real,
    openStore: async (...args: Parameters<typeof real.openStore>) => {
      const store = await real.openStore(...args);
      open.add(store);
      return store;
    },
  };
});

afterEach(async () => {
  const stores = [...open];
  open.clear();
  // A store whose disk a test made fail may refuse to close: that was the test's to check.
  await Promise.all(stores.map((store) => store.close().catch(() => undefined)));
  // Imported here, not at the top: a test file that mocks a Node module (short-write.test.ts) must be
  // the first to load what uses it.
  const { removeTempDirs } = await import('./helpers');
  await removeTempDirs();
});
