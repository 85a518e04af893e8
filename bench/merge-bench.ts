import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { StudyDocument } from '../data/model/schema';
import { mergeDocuments, sameDocument } from '../data/sync/merge';
import { bigDocument } from './fixture';

// `npm run bench:merge`: what merging another computer's version costs main at 10,000 resources (it
// runs each time the other computer's file changes). Median of 7 runs after 2 warm-ups.
const base = bigDocument(10_000, 0) as StudyDocument;
const laptop = structuredClone(base);
const desktop = structuredClone(base);
const list = base.lists[0]!;
const ref = (i: number) => `${list.id}/${list.resources[i]!.id}`;
const now = new Date().toISOString();
for (let i = 0; i < 20; i++) laptop.progress[ref(i * 7)] = { status: 'done', startedAt: null, doneAt: now, updatedAt: now };
for (let i = 0; i < 20; i++) desktop.notes[ref(i * 11)] = { body: `a note written on the desktop ${i}`, whereStopped: '', updatedAt: now };
desktop.lists[0]!.resources.splice(500, 0, { ...structuredClone(list.resources[0]!), id: 'added-on-the-desktop', title: 'Added on the desktop' });

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.slice(2).sort((a, b) => a - b)[3]!;
}

const merge = median(() => void mergeDocuments(base, { device: { id: 'a', name: 'Laptop' }, doc: laptop }, { device: { id: 'b', name: 'Desktop' }, doc: desktop }));
const compare = median(() => void sameDocument(laptop, desktop));
console.log(`Merge of two versions of 10,000 resources (${Object.keys(base.progress).length} progress entries, ${Object.keys(base.notes).length} notes), ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}:`);
console.log(`  mergeDocuments  ${merge.toFixed(1)} ms (median)`);
console.log(`  sameDocument    ${compare.toFixed(1)} ms (median; "nothing new from that computer")`);
