/**
 * The names of the API's methods, the one place they are written. Kept free of zod and of any runtime
 * dependency, because the sandboxed preload bundles this file and nothing else of the API.
 */
export const METHOD_NAMES = [
  'getState',
  'setDone',
  'setStatus',
  'clearStatus',
  'saveNote',
  'saveWhereStopped',
  'addPart',
  'renamePart',
  'movePart',
  'removePart',
  'insertPart',
  'createList',
  'updateList',
  'moveList',
  'deleteList',
  'restoreList',
  'resetList',
  'addResource',
  'updateResource',
  'moveResource',
  'deleteResource',
  'restoreResource',
  'putBackList',
  'undoStatus',
  'previewImport',
  'previewBackupFile',
  'restoreFromFile',
  'importList',
  'exportList',
  'openImportFile',
  'getResource',
  'cancelJob',
  'saveExport',
  'openLink',
  'openUrl',
  'listBackups',
  'restoreBackup',
  'startFresh',
  'openDataFolder',
  'getLinkChecks',
  'getLinkHistory',
  'checkLinks',
  'setAutoCheckLinks',
  'useNewAddress',
  'openArchivedCopy',
  'getSyncStatus',
  'syncNow',
  'chooseDataFolder',
  'moveDataFolder',
  'renameDevice',
  'fillFromPage',
  'startTimer',
  'pauseTimer',
  'resumeTimer',
  'stopTimer',
  'editSession',
  'answerReview',
  'setStudySettings',
  'getFollowStates',
  'followList',
  'checkFollowedList',
  'reviewLeftChanges',
  'getFollowSchedule',
  'setAutoCheckFollowed',
  'finishListReview',
  'fetchWebList',
  'takeDeepLinks',
  'getUpdates',
  'setCheckUpdatesAtStart',
  'restartToUpdate',
] as const;

/** What main tells the renderer without being asked: the data changed under it (see contract.ts). */
export const EVENT_NAMES = ['stateChanged', 'jobProgress', 'linkChecksChanged', 'syncStatusChanged', 'followChanged', 'menuCommand', 'deepLinkArrived', 'updatesChanged'] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export function channelOf(name: MethodName | EventName): string {
  return `studyshelf:${name}`;
}

/** [name, channel] pairs, the only input the preload's invoker factory needs. */
export const CHANNELS = METHOD_NAMES.map((m) => [m, channelOf(m)] as const);
export const EVENT_CHANNELS = EVENT_NAMES.map((e) => [e, channelOf(e)] as const);

/**
 * Main (and the harness) call this function in the page before closing a window, so the renderer can
 * write what is still waiting in a debounce. It lives in the page's own world and only flushes.
 */
export const FLUSH_HOOK = '__studyshelfFlush';

export const APP_ORIGIN = 'app://studyshelf';
