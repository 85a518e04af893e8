import type { Jobs } from '../../data/jobs';
import type { StudyDocument } from '../../data/model/schema';
import type { Store } from '../../data/storage/store';
import type { AppState } from './contract';

/** What each group of handlers (transfer, links, sync) shares with createHandlers. */
export interface HandlerContext {
  store: Store;
  jobs: Jobs;
  /** The state sent back to the window after a change. */
  appState: () => AppState;
  /** The document, or why none is open. */
  openDocument: () => StudyDocument;
}
