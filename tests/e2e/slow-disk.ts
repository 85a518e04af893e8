import { realFs, type FsSeam } from '../../data/storage/fs-seam';

/**
 * A disk the test slows down: once `hold()` is called, the journal's appends (a tick, a note, a list
 * command) wait until `release()`; `appended` counts the appends done. Pass `fs` to `launch({ store })`.
 */
export function slowDisk() {
  let held: Promise<void> | null = null;
  let open = () => {};
  const disk = {
    appended: 0,
    fs: {
      ...realFs,
      appendFileSynced: async (path, data) => {
        if (held) await held;
        await realFs.appendFileSynced(path, data);
        disk.appended++;
      },
    } satisfies FsSeam as FsSeam,
    hold() {
      held = new Promise((resolve) => (open = resolve));
    },
    release() {
      held = null;
      open();
    },
  };
  return disk;
}
