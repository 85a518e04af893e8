import { useState } from 'react';
import type { ReviewAnswer, StudyDocument } from '../../data/model/schema';
import { dueNow, reviewQueue, type DueReview } from '../../data/model/review';
import { useActions } from '../actions';
import { useStudyTimeContext } from '../hooks/useStudyTime';
import { counted } from '../wording';
import { NotePreview } from './NotePreview';
import { ReminderSetting } from './ReminderSetting';
import { studyTitle } from './TimerPanel';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const ANSWERS: Array<{ value: ReviewAnswer; label: string }> = [
  { value: 'remembered', label: 'Remembered' },
  { value: 'fuzzy', label: 'Fuzzy' },
  { value: 'forgot', label: 'Forgot' },
];

const LAST_TIME: Record<ReviewAnswer, string> = {
  remembered: 'you remembered it last time',
  fuzzy: 'it was fuzzy last time',
  forgot: 'you forgot it last time',
};

/** What is due for review: each with "what do you remember?", then the user's own note to compare. */
export function ReviewView({ document, now }: { document: StudyDocument; now: number }) {
  const study = useStudyTimeContext();
  const { readOnly } = useActions();
  const due = dueNow(document, new Date(now).toISOString());
  const next = reviewQueue(document).find((r) => Date.parse(r.dueAt) > now);
  const off = new Set(document.study?.settings?.reviewOff ?? []);
  // Shown at once, like the read checkboxes; main's answer (or refusal) then stands.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  return (
    <article className="review-view" aria-labelledby="review-title">
      <h1 id="review-title" className="list-title" tabIndex={-1}>
        Review
      </h1>
      <p className="muted">
        What you finish comes back after 1, 3, 7, 21 and 60 days. Say how well you remember it: remembered moves the next review further out, forgot brings it back tomorrow.
      </p>
      {due.length === 0 ? (
        <p className="empty">
          Nothing to review now.{next ? ` The next review is on ${dayFormat.format(new Date(next.dueAt))}.` : ' Mark a resource done and it comes back here a day later.'}
        </p>
      ) : (
        <>
          <p role="status">{counted(due.length, 'resource')} to review.</p>
          <ul className="review-list">
            {due.map((item) => (
              <ReviewItem key={item.ref} item={item} document={document} readOnly={readOnly} onAnswer={(answer, recalled) => study?.answer(item.ref, studyTitle(document.lists, item.ref), answer, recalled)} />
            ))}
          </ul>
        </>
      )}
      <section className="stats-section" aria-labelledby="review-lists-title">
        <h2 id="review-lists-title">Lists to review</h2>
        <ul className="review-settings">
          {document.lists.map((list) => (
            <li key={list.id}>
              <label>
                <input
                  type="checkbox"
                  checked={pending[list.id] ?? !off.has(list.id)}
                  disabled={readOnly}
                  onChange={(event) => {
                    const on = event.target.checked;
                    setPending((p) => ({ ...p, [list.id]: on }));
                    void study?.setSettings({ review: { listId: list.id, on } }).finally(() =>
                      setPending((p) => {
                        const { [list.id]: _done, ...rest } = p;
                        return rest;
                      }),
                    );
                  }}
                />{' '}
                {list.title}
              </label>
            </li>
          ))}
        </ul>
      </section>
      <ReminderSetting document={document} />
    </article>
  );
}

function ReviewItem({ item, document, readOnly, onAnswer }: { item: DueReview; document: StudyDocument; readOnly: boolean; onAnswer: (answer: ReviewAnswer, recalled: string) => void }) {
  const { openUrl } = useActions();
  const [recalled, setRecalled] = useState('');
  const title = studyTitle(document.lists, item.ref);
  const note = document.notes[item.ref];
  const list = document.lists.find((l) => l.id === item.listId);
  const headingId = `review-${item.ref.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <li className="review-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="resource-title">
        {title}
      </h2>
      <p className="muted">
        In {list?.title ?? 'a list'} · {item.lastAnswer ? LAST_TIME[item.lastAnswer] : 'first review'}
      </p>
      <label className="review-recall">
        <span>What do you remember?</span>
        <textarea rows={3} value={recalled} disabled={readOnly} onChange={(event) => setRecalled(event.target.value)} />
      </label>
      <details className="review-note">
        <summary>Your note</summary>
        {note?.body ? <NotePreview body={note.body} openUrl={openUrl} /> : <p className="muted">You wrote no note for this one.</p>}
      </details>
      <div className="review-answers" role="group" aria-label={`How well do you remember “${title}”?`}>
        {ANSWERS.map(({ value, label }) => (
          <button key={value} type="button" className="button" disabled={readOnly} onClick={() => onAnswer(value, recalled)}>
            {label}
          </button>
        ))}
      </div>
    </li>
  );
}
