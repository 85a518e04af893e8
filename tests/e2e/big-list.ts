import { join } from 'node:path';
import { bigDocument, writeProfile } from '../../bench/fixture';
import type { LaunchedApp, LaunchOptions } from '../harness/launch-app';
import { expect } from './fixtures';
import { ListPage } from './pages/list-page';

/**
 * The app on a profile that holds one long list (the bench's: `resources` resources and `notesBytes`
 * of notes, built on disk, not through the window), once the list's heading is on screen.
 */
export async function launchBigList(
  launch: (options?: Omit<LaunchOptions, 'userDataDir' | 'browser'>) => Promise<LaunchedApp>,
  userDataDir: string,
  resources: number,
  notesBytes?: number,
) {
  const dataDir = join(userDataDir, 'data');
  const doc = bigDocument(resources, notesBytes);
  await writeProfile(dataDir, doc);
  const app = await launch({ env: { STUDYSHELF_DATA_DIR: dataDir } });
  const list = new ListPage(app.page);
  await expect(list.heading).toHaveText('Everything I bookmarked');
  return { app, page: app.page, list, doc };
}
