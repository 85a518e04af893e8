import { useState } from 'react';
import type { StudyDocument } from '../../data/model/schema';
import { DEFAULT_BREAK_MINUTES, DEFAULT_WORK_MINUTES } from '../../data/model/study-time';
import { useActions } from '../actions';
import { useStudyTimeContext } from '../hooks/useStudyTime';

type Field = 'workMinutes' | 'breakMinutes' | 'weeklyGoal';

const FIELDS: Record<Field, { label: string; min: number; max: number }> = {
  workMinutes: { label: 'Focus minutes', min: 1, max: 180 },
  breakMinutes: { label: 'Break minutes', min: 1, max: 60 },
  weeklyGoal: { label: 'Weekly goal (hours, 0 for none)', min: 0, max: 168 },
};

/** A whole number within the field's bounds, or the sentence that says what to type. */
function readNumber(field: Field, value: string): { ok: true; n: number } | { ok: false; message: string } {
  const { label, min, max } = FIELDS[field];
  const n = Number(value);
  if (value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) return { ok: true, n };
  return { ok: false, message: `${label.replace(/ \(.*\)$/, '')}: a whole number from ${min} to ${max}.` };
}

/** The Progress view's timer and goal settings: what "Start timer" starts, the Pomodoro's lengths, the weekly goal. */
export function TimerSettings({ document }: { document: StudyDocument }) {
  const study = useStudyTimeContext();
  const { readOnly } = useActions();
  const settings = document.study?.settings;
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const saved: Record<Field, number> = {
    workMinutes: settings?.workMinutes ?? DEFAULT_WORK_MINUTES,
    breakMinutes: settings?.breakMinutes ?? DEFAULT_BREAK_MINUTES,
    weeklyGoal: Math.round((settings?.weeklyGoalMinutes ?? 0) / 60),
  };

  // Bad input: a message under the fields, and nothing saved.
  function commit(field: Field, value: string) {
    const read = readNumber(field, value);
    setErrors((all) => {
      const { [field]: _old, ...rest } = all;
      return read.ok ? rest : { ...rest, [field]: read.message };
    });
    if (!read.ok || read.n === saved[field]) return;
    void study?.setSettings(field === 'weeklyGoal' ? { weeklyGoalMinutes: read.n * 60 } : { [field]: read.n });
  }

  const input = (field: Field) => (
    <label>
      <span>{FIELDS[field].label}</span>
      <input type="number" min={FIELDS[field].min} max={FIELDS[field].max} defaultValue={saved[field]} aria-invalid={errors[field] ? true : undefined} onBlur={(event) => commit(field, event.target.value)} />
    </label>
  );

  return (
    <fieldset className="timer-settings" disabled={readOnly}>
      <legend>Timer and goal</legend>
      <label>
        <span>“Start timer” starts</span>
        <select value={settings?.timerMode ?? 'stopwatch'} onChange={(event) => void study?.setSettings({ timerMode: event.target.value as 'stopwatch' | 'pomodoro' })}>
          <option value="stopwatch">a stopwatch</option>
          <option value="pomodoro">a Pomodoro</option>
        </select>
      </label>
      {input('workMinutes')}
      {input('breakMinutes')}
      {input('weeklyGoal')}
      {Object.values(errors).map((message) => (
        <p key={message} className="form-error" role="alert">
          {message}
        </p>
      ))}
    </fieldset>
  );
}
