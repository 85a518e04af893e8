import { StudyError } from '../../data/errors';
import type { Store } from '../../data/store';
import type { StudyHandlers } from './contract';
import { isSafeExternalUrl } from './external-url';

export interface HandlerDeps {
  store: Store;
  /** shell.openExternal in Electron; a recorder in the harness. */
  openExternal: (url: string) => Promise<void>;
}

/** The API's behaviour, free of Electron: the same functions serve IPC and the test harness. */
export function createHandlers({ store, openExternal }: HandlerDeps): StudyHandlers {
  return {
    getState: async () => ({ document: store.document(), dataFile: store.file }),
    setDone: (ref, done) => store.setDone(ref, done),
    saveNote: (ref, body) => store.saveNote(ref, body),
    async openLink(ref) {
      const url = store.linkOf(ref);
      if (!isSafeExternalUrl(url)) {
        throw new StudyError('unsafe-url', 'This link is not a web address (http or https), so it was not opened.');
      }
      await openExternal(url);
      return url;
    },
  };
}
