import { useMemo } from 'react';
import type { StudyDocument } from '../../data/model/schema';
import { listProgress, percent } from '../progress';
import { currentStreak, dailyCounts, heatmapWeeks, progressByKind } from '../stats';
import { counted, plural } from '../wording';
import { ProgressBar } from './ProgressBar';
import { StudyTimeSection } from './StudyTimeSection';

const CELL = 12;
const GAP = 3;
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

function level(count: number): number {
  return count === 0 ? 0 : count < 2 ? 1 : count < 4 ? 2 : count < 7 ? 3 : 4;
}

export function StatsView({ document, today = new Date() }: { document: StudyDocument; today?: Date }) {
  const counts = useMemo(() => dailyCounts(document.activity), [document.activity]);
  const weeks = useMemo(() => heatmapWeeks(today), [today]);
  const streak = currentStreak(counts, today);
  const studyDays = weeks.flat().filter((d) => d && counts.get(d)).length;
  const lists = document.lists.map((list) => ({ list, ...listProgress(document.progress, list) }));
  const overall = lists.reduce((sum, l) => ({ done: sum.done + l.done, total: sum.total + l.total, share: sum.share + l.share }), { done: 0, total: 0, share: 0 });
  const kinds = progressByKind(document);
  const width = weeks.length * (CELL + GAP) + 30;

  return (
    <article className="stats-view" aria-labelledby="stats-title">
      <h1 id="stats-title" className="list-title" tabIndex={-1}>
        Progress
      </h1>
      <div className="stat-cards">
        <div className="stat-card">
          <p className="stat-number">{percent(overall.share, overall.total)}%</p>
          <p className="stat-label">
            {overall.done} of {counted(overall.total, 'resource')} done
          </p>
          <ProgressBar done={overall.done} total={overall.total} share={overall.share} label="Overall progress" size="large" />
        </div>
        <div className="stat-card">
          <p className="stat-number" data-testid="streak">
            {streak}
          </p>
          <p className="stat-label">{plural(streak, 'day')} in a row: current streak</p>
        </div>
        <div className="stat-card">
          <p className="stat-number">{studyDays}</p>
          <p className="stat-label">{plural(studyDays, 'study day')} in the last 52 weeks</p>
        </div>
      </div>

      <section className="stats-section" aria-labelledby="activity-title">
        <h2 id="activity-title">Activity</h2>
        {/* Scrolls sideways in a narrow window: focusable, so it scrolls by keyboard too. */}
        <div className="heatmap-scroll" tabIndex={0} role="group" aria-label="Activity heatmap, last 52 weeks">
          <svg
            className="heatmap"
            role="img"
            aria-label={`Activity in the last 52 weeks: ${counted(studyDays, 'study day')}, current streak ${streak}`}
            width={width}
            height={7 * (CELL + GAP) + 20}
          >
            {weeks.map((week, w) => {
              const first = week[0];
              const label = first && new Date(`${first}T00:00:00`).getDate() <= 7 ? monthFormat.format(new Date(`${first}T00:00:00`)) : null;
              return (
                <g key={w} transform={`translate(${30 + w * (CELL + GAP)}, 0)`}>
                  {label && (
                    <text className="heatmap-month" x={0} y={10}>
                      {label}
                    </text>
                  )}
                  {week.map((date, d) =>
                    date ? (
                      <rect
                        key={date}
                        className={`heat heat-${level(counts.get(date) ?? 0)}`}
                        data-date={date}
                        data-count={counts.get(date) ?? 0}
                        x={0}
                        y={16 + d * (CELL + GAP)}
                        width={CELL}
                        height={CELL}
                        rx={2}
                      >
                        <title>{`${counted(counts.get(date) ?? 0, 'activity', 'activities')} on ${dayFormat.format(new Date(`${date}T00:00:00`))}`}</title>
                      </rect>
                    ) : null,
                  )}
                </g>
              );
            })}
            {['Mon', 'Wed', 'Fri'].map((name, i) => (
              <text key={name} className="heatmap-day" x={0} y={16 + (1 + i * 2) * (CELL + GAP) + CELL - 2}>
                {name}
              </text>
            ))}
          </svg>
        </div>
        <p className="heatmap-legend" aria-hidden="true">
          Less {[0, 1, 2, 3, 4].map((l) => <span key={l} className={`legend-cell heat-${l}`} />)} More
        </p>
      </section>

      <StudyTimeSection document={document} today={today} />

      <div className="stats-columns">
        <BarSection id="lists-title" title="By list" rows={lists.map(({ list, done, total, share }) => ({ name: list.title, done, total, share }))} />
        <BarSection id="kinds-title" title="By kind" rows={kinds.map(({ kind, done, total }) => ({ name: kind, done, total }))} />
      </div>
    </article>
  );
}

function BarSection({ id, title, rows }: { id: string; title: string; rows: Array<{ name: string; done: number; total: number; share?: number }> }) {
  return (
    <section className="stats-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="bar-list">
        {rows.map(({ name, done, total, share }) => (
          <li key={name}>
            <span className="bar-name">{name}</span>
            <ProgressBar done={done} total={total} share={share} label={`${name} progress`} />
            <span className="bar-count">
              {done}/{total}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
