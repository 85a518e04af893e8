import type { StudyDocument } from './schema';

/** Who made a version: conflict markers and notices name the computer, not "ours" and "theirs". */
export interface DeviceInfo {
  id: string;
  name: string;
}

export interface Side {
  device: DeviceInfo;
  doc: StudyDocument;
}

export interface MergeNotice {
  /** not-merged: another computer's data could not be merged (yet); the sync goes on. */
  kind: 'kept-deleted' | 'note-conflict' | 'both-changed' | 'not-merged';
  /** The resource (or list) it is about. */
  ref: string;
  message: string;
}

export interface MergeResult {
  doc: StudyDocument;
  notices: MergeNotice[];
}
