import { useState } from 'react';
import type { StudyDocument, StudyList, StudyTimer } from '../../data/model/schema';
import { formatMinutes, studiedMs } from '../../data/model/study-time';
import { timerText, useNow, type StudyTime } from '../hooks/useStudyTime';

/** The title of what a timer runs on: "PEPs", or "Lectures: Lecture 4" for a part. */
export function studyTitle(lists: readonly StudyList[], ref: string): string {
  const [listId, resourceId, partId] = ref.split('/');
  const resource = lists.find((l) => l.id === listId)?.resources.find((r) => r.id === resourceId);
  if (!resource) return 'a resource no longer in your lists';
  const part = partId === undefined ? undefined : [...resource.parts, ...resource.links].find((p) => p.id === partId);
  return part ? `${resource.title}: ${part.title}` : resource.title;
}

/** The running focus timer in the sidebar: what it runs on, its time, pause and stop. */
export function TimerPanel({ document, study, readOnly }: { document: StudyDocument; study: StudyTime; readOnly: boolean }) {
  const timer = document.study?.timer;
  const now = useNow(!!timer && timer.runningSince !== null);
  if (!timer) return null;
  const title = studyTitle(document.lists, timer.ref);
  if (timer.interrupted) return <InterruptedTimer timer={timer} title={title} study={study} readOnly={readOnly} />;
  const paused = timer.runningSince === null;
  return (
    <section className="timer-panel" aria-label="Focus timer">
      <p className="timer-label">{timer.mode === 'pomodoro' ? 'Pomodoro' : 'Studying'}</p>
      <p className="timer-title">{title}</p>
      <p className="timer-clock" role="timer" aria-label={`Timer ${paused ? 'paused' : 'running'}`}>
        {timerText(timer, now)}
        {paused && <span className="timer-paused"> · paused</span>}
      </p>
      {!readOnly && (
        <div className="timer-actions">
          {paused ? (
            <button type="button" className="button" onClick={() => void study.resume()}>
              Resume
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void study.pause()}>
              Pause
            </button>
          )}
          <button type="button" className="button" onClick={() => void study.stop()}>
            Stop
          </button>
        </div>
      )}
    </section>
  );
}

/** After a crash or a quit with the timer running: the user says how long the session really was. */
function InterruptedTimer({ timer, title, study, readOnly }: { timer: StudyTimer; title: string; study: StudyTime; readOnly: boolean }) {
  const counted = Math.round(studiedMs(timer, timer.startedAt) / 60_000);
  const [minutes, setMinutes] = useState(String(counted || ''));
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="timer-panel timer-interrupted" aria-label="Focus timer">
      <p className="timer-title">
        Studyshelf closed while your timer for “{title}” was running (started {new Date(timer.startedAt).toLocaleString()}
        {counted > 0 ? `, ${formatMinutes(counted)} counted` : ''}).
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const value = Number(minutes.trim());
          if (minutes.trim() === '' || !Number.isInteger(value) || value < 0 || value > 1440) {
            setError('Type the minutes you studied, a whole number from 0 to 1440.');
            return;
          }
          setError(null);
          void study.stop(value);
        }}
      >
        <label className="timer-minutes">
          <span>How many minutes did you really study?</span>
          <input type="number" min={0} max={1440} inputMode="numeric" value={minutes} disabled={readOnly} aria-invalid={error ? true : undefined} aria-describedby={error ? 'timer-minutes-error' : undefined} onChange={(event) => setMinutes(event.target.value)} />
        </label>
        {error && (
          <p id="timer-minutes-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={readOnly}>
          Save the session
        </button>
      </form>
    </section>
  );
}
