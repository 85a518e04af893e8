import { openStore } from '../../data/store';
import { NOTE_REF, PART_REFS } from './crash-refs';

/**
 * The writer in the crash test: applies numbered changes through the real store, in bursts, and
 * prints `ack N` once change N is acknowledged (durable: in the journal or the data file). The parent kills it with SIGKILL at a random
 * moment. Change N appends line N to one note and flips one checkbox, so after the kill the parent can
 * tell exactly which acknowledged changes are on disk.
 */

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-child <data dir>');
// Half the runs rewrite the whole document after every change (compaction racing the journal), half
// only when the journal grows, as when someone ticks without pausing.
const store = await openStore({ dir, retryDelaysMs: [50], compactAfterMs: Math.random() < 0.5 ? 0 : 1500 });
let body = store.document()?.notes[NOTE_REF]?.body ?? '';
let n = body === '' ? 0 : Number(body.split('\n').at(-1));
process.stdout.write(`ready ${n}\n`);

for (;;) {
  const burst = 1 + Math.floor(Math.random() * 4);
  const acks: Promise<void>[] = [];
  for (let i = 0; i < burst; i++) {
    const number = ++n;
    body = body === '' ? String(number) : `${body}\n${number}`;
    const note = store.saveNote(NOTE_REF, body);
    const tick = store.setDone(PART_REFS[number % PART_REFS.length]!, number % 2 === 0);
    acks.push(Promise.all([note, tick]).then(() => void process.stdout.write(`ack ${number}\n`)));
  }
  await Promise.all(acks);
}
