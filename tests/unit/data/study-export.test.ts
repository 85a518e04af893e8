import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readBackupFile } from '../../../data/storage/backup-file';
import { answerReview, editSession, startTimer, stopTimer } from '../../../data/model/study-ops';
import { exportFrom } from '../../../data/transfer';
import { newDocument } from '../../../data/document';
import { bundledLists } from '../../../data/bundled-lists';
import { PBTS, CODEWALK } from '../helpers';

const at = (m: number) => new Date(Date.UTC(2026, 10, 2, 9) + m * 60_000).toISOString();

function studied() {
  const doc = newDocument(bundledLists());
  startTimer(doc, `${PBTS}/peps`, 'stopwatch', at(0), 's-1');
  stopTimer(doc, at(25));
  startTimer(doc, `${CODEWALK}/cpython-internals-lecture-1`, 'pomodoro', at(60), 's-2');
  stopTimer(doc, at(90));
  startTimer(doc, `${PBTS}/python-documentation`, 'stopwatch', at(100), 's-3');
  stopTimer(doc, at(110));
  editSession(doc, 's-3', null, at(111));
  doc.progress[`${PBTS}/peps`] = { status: 'done', startedAt: at(0), doneAt: at(25), updatedAt: at(25) };
  answerReview(doc, `${PBTS}/peps`, 'fuzzy', 'style guide', at(2000));
  return doc;
}

describe('exporting study time', () => {
  it('the JSON backup holds sessions, reviews and a running timer, and reads back as they were', () => {
    const doc = studied();
    startTimer(doc, `${PBTS}/peps`, 'stopwatch', at(3000), 's-4');
    const { content } = exportFrom(doc, null, 'json');
    const back = readBackupFile('studyshelf-backup.json', content);
    expect(back.study).toEqual(doc.study);
  });

  it('the sessions CSV is a time log: one row per session, titles in words, removed ones left out', () => {
    const { fileName, content } = exportFrom(studied(), null, 'sessions-csv');
    expect(fileName).toBe('studyshelf-study-sessions.csv');
    const rows = Papa.parse<Record<string, string>>(content.trim(), { header: true }).data;
    expect(rows).toEqual([
      { list: 'Python behind the scenes: a list of resources', resource: 'PEPs', part: '', started: at(0), minutes: '25' },
      { list: 'Python behind the scenes: a list of resources', resource: 'CPython internals: A ten-hour codewalk through the Python interpreter source code', part: expect.stringMatching(/Lecture 1/), started: at(60), minutes: '25' },
    ]);
    expect(exportFrom(studied(), 'python-behind-the-scenes-series', 'sessions-csv').content.trim()).toBe('list,resource,part,started,minutes');
  });
});
