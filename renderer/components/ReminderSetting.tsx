import { useId, useState } from 'react';
import type { StudyDocument } from '../../data/model/schema';
import { useActions } from '../actions';
import { useStudyTimeContext } from '../hooks/useStudyTime';

/**
 * The daily reminder (off by default): a desktop notification at the time the user picks, saying what
 * is due and what is left of the week's goal, and nothing on a day with nothing to say. Main shows it.
 */
export function ReminderSetting({ document }: { document: StudyDocument }) {
  const study = useStudyTimeContext();
  const { readOnly } = useActions();
  const saved = document.study?.settings?.reminderTime ?? null;
  const [time, setTime] = useState(saved ?? '19:00');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  function save(next: string | null) {
    if (next === '') return setError('Pick the time of day for the reminder.');
    setError(null);
    void study?.setSettings({ reminderTime: next });
  }

  return (
    <section className="stats-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Daily reminder</h2>
      <p className="muted" id={`${id}-help`}>
        A desktop notification when reviews are due or this week’s goal is not met yet, once a day. Off unless you turn it on.
      </p>
      <div className="reminder-setting">
        <label>
          <input type="checkbox" checked={saved !== null} disabled={readOnly} aria-describedby={`${id}-help`} onChange={(event) => save(event.target.checked ? time : null)} /> Remind me each day at
        </label>{' '}
        <input
          type="time"
          aria-label="Reminder time"
          value={time}
          disabled={readOnly}
          onChange={(event) => setTime(event.target.value)}
          onBlur={() => {
            if (saved !== null && time !== saved) save(time);
          }}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
