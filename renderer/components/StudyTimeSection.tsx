import { useMemo, useState } from 'react';
import type { StudyDocument, StudySession } from '../../data/model/schema';
import { estimateFactor, formatMinutes, goalStreak, liveSessions, minutesByList, minutesByResource, minutesLeft, weeklyMinutes } from '../../data/model/study-time';
import { useActions } from '../actions';
import { useStudyTimeContext } from '../hooks/useStudyTime';
import { studyTitle } from './TimerPanel';
import { TimerSettings } from './TimerSettings';
import { plural } from '../wording';

const WEEKS = 12;
const BAR_W = 26;
const BAR_GAP = 8;
const CHART_H = 120;
const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const whenFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });

/** "about 3 hours left": rounded as a person would say it. */
function aboutLeft(minutes: number): string {
  if (minutes < 60) return `about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} ${hours === 1 ? 'hour' : 'hours'} left`;
}

/** Time spent and left in the Progress view: this week, a weekly bar chart, by list, recent sessions. */
export function StudyTimeSection({ document, today }: { document: StudyDocument; today: Date }) {
  const sessions = useMemo(() => liveSessions(document), [document]);
  const allWeeks = useMemo(() => weeklyMinutes(sessions, today, 104), [sessions, today]);
  const weeks = allWeeks.slice(-WEEKS);
  const byList = useMemo(() => minutesByList(sessions), [sessions]);
  const thisWeek = weeks[weeks.length - 1]!.minutes;
  const goal = document.study?.settings?.weeklyGoalMinutes ?? 0;
  const max = Math.max(60, ...weeks.map((w) => w.minutes));
  const factor = useMemo(() => {
    const byResource = minutesByResource(sessions);
    const pairs = document.lists.flatMap((list) =>
      list.resources.flatMap((r) => {
        const ref = `${list.id}/${r.id}`;
        return r.estimateMinutes && document.progress[ref]?.status === 'done' ? [{ estimateMinutes: r.estimateMinutes, actualMinutes: byResource.get(ref) ?? 0 }] : [];
      }),
    );
    return estimateFactor(pairs);
  }, [document.lists, document.progress, sessions]);
  const total = weeks.reduce((sum, w) => sum + w.minutes, 0);
  return (
    <section className="stats-section study-time" aria-labelledby="study-time-title">
      <h2 id="study-time-title">Study time</h2>
      <div className="stat-cards">
        <div className="stat-card">
          <p className="stat-number" data-testid="week-minutes">
            {formatMinutes(thisWeek)}
          </p>
          <p className="stat-label">studied this week{goal > 0 ? ` of your ${formatMinutes(goal)} goal` : ''}</p>
          {goal > 0 && <GoalRing minutes={thisWeek} goal={goal} />}
        </div>
        {goal > 0 && (
          <div className="stat-card">
            <p className="stat-number" data-testid="goal-streak">
              {goalStreak(allWeeks, goal)}
            </p>
            <p className="stat-label">{plural(goalStreak(allWeeks, goal), 'week')} in a row with the goal met</p>
          </div>
        )}
      </div>
      <div className="heatmap-scroll" tabIndex={0} role="group" aria-label={`Study time per week, last ${WEEKS} weeks`}>
        <svg className="week-chart" role="img" aria-label={`Study time in the last ${WEEKS} weeks: ${formatMinutes(total)} in all, ${formatMinutes(thisWeek)} this week`} width={WEEKS * (BAR_W + BAR_GAP) + 40} height={CHART_H + 24}>
          {weeks.map((w, i) => {
            const h = Math.round((w.minutes / max) * CHART_H);
            const x = 5 + i * (BAR_W + BAR_GAP);
            const label = weekFormat.format(new Date(`${w.week}T00:00:00`));
            return (
              <g key={w.week}>
                <rect className="week-bar" data-week={w.week} data-minutes={w.minutes} x={x} y={CHART_H - h} width={BAR_W} height={Math.max(h, 1)} rx={3}>
                  <title>{`${formatMinutes(w.minutes)} in the week of ${label}`}</title>
                </rect>
                {i % 2 === (WEEKS - 1) % 2 && (
                  <text className="heatmap-month" x={x} y={CHART_H + 16}>
                    {label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="bar-list">
        {document.lists.map((list) => {
          const left = list.resources.filter((r) => r.estimateMinutes && !['done', 'skipped'].includes(document.progress[`${list.id}/${r.id}`]?.status ?? ''));
          const spent = byList.get(list.id) ?? 0;
          if (spent === 0 && left.length === 0) return null;
          return (
            <li key={list.id} className="time-row">
              <span className="bar-name">{list.title}</span>
              <span className="bar-count">
                {formatMinutes(spent)} spent
                {left.length > 0 && ` · ${aboutLeft(minutesLeft(left.map((r) => r.estimateMinutes!), factor))}`}
              </span>
            </li>
          );
        })}
      </ul>
      <RecentSessions document={document} sessions={sessions} />
      <TimerSettings document={document} />
    </section>
  );
}

/** The weekly goal in the sidebar: a ring and this week's time against it; nothing without a goal. */
export function SidebarGoal({ document, now }: { document: StudyDocument; now: number }) {
  const goal = document.study?.settings?.weeklyGoalMinutes ?? 0;
  const sessions = document.study?.sessions;
  const minutes = useMemo(() => weeklyMinutes((sessions ?? []).filter((s) => !s.deleted), new Date(now), 1)[0]!.minutes, [sessions, now]);
  if (goal <= 0) return null;
  return (
    <div className="sidebar-goal">
      <GoalRing minutes={minutes} goal={goal} />
      <span>
        {formatMinutes(minutes)} of {formatMinutes(goal)} this week
      </span>
    </div>
  );
}

function GoalRing({ minutes, goal }: { minutes: number; goal: number }) {
  const share = Math.min(1, minutes / goal);
  const r = 16;
  const c = 2 * Math.PI * r;
  return (
    <svg className="goal-ring" width={40} height={40} viewBox="0 0 40 40" role="img" aria-label={`Weekly goal: ${Math.round(share * 100)}% reached`}>
      <circle cx={20} cy={20} r={r} className="goal-ring-track" />
      <circle cx={20} cy={20} r={r} className="goal-ring-fill" strokeDasharray={`${share * c} ${c}`} transform="rotate(-90 20 20)" />
    </svg>
  );
}

function RecentSessions({ document, sessions }: { document: StudyDocument; sessions: StudySession[] }) {
  const recent = sessions.slice(-8).reverse();
  if (recent.length === 0) return <p className="muted">No study sessions yet. Start a timer from a resource’s card.</p>;
  return (
    <>
      <h3 className="subitems-heading">Recent sessions</h3>
      <ul className="session-list">
        {recent.map((s) => (
          <SessionRow key={s.id} session={s} title={studyTitle(document.lists, s.ref)} />
        ))}
      </ul>
    </>
  );
}

function SessionRow({ session, title }: { session: StudySession; title: string }) {
  const study = useStudyTimeContext();
  const { readOnly } = useActions();
  const [minutes, setMinutes] = useState(String(session.minutes));
  const [error, setError] = useState<string | null>(null);
  const errorId = `session-error-${session.id}`;
  return (
    <li className="session-row">
      <span className="session-title">{title}</span>
      <span className="muted">{whenFormat.format(new Date(session.startedAt))}</span>
      <form
        className="session-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const value = Number(minutes.trim());
          if (minutes.trim() === '' || !Number.isInteger(value) || value < 0 || value > 1440) return setError('Type whole minutes, from 0 to 1440.');
          setError(null);
          void study?.editSession(session.id, value);
        }}
      >
        <label>
          <span className="visually-hidden">Minutes studied on “{title}”</span>
          <input type="number" min={0} max={1440} value={minutes} disabled={readOnly} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} onChange={(event) => setMinutes(event.target.value)} />
        </label>{' '}
        min{' '}
        <button type="submit" className="link-button" disabled={readOnly || minutes === String(session.minutes)}>
          Save
        </button>
        <button type="button" className="link-button" disabled={readOnly} aria-label={`Remove the session on “${title}”`} onClick={() => void study?.editSession(session.id, null)}>
          Remove
        </button>
        {error && (
          <span id={errorId} className="form-error" role="alert">
            {error}
          </span>
        )}
      </form>
    </li>
  );
}
