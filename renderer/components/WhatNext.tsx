import type { Note, Resource } from '../../data/model/schema';
import { useActions } from '../actions';
import { useStudyTimeContext } from '../hooks/useStudyTime';

interface Props {
  listId: string;
  resume: Resource | null;
  next: Resource | null;
  notes: Readonly<Record<string, Note>>;
  onGoTo: (resourceId: string) => void;
}

/** The resource to continue (in progress, touched last) and the next one to start, one click away. */
export function WhatNext({ listId, resume, next, notes, onGoTo }: Props) {
  const { openLink, readOnly } = useActions();
  const study = useStudyTimeContext();
  if (!resume && !next) return null;
  const card = (label: string, resource: Resource) => {
    const stopped = notes[`${listId}/${resource.id}`]?.whereStopped;
    return (
      <div className="next-card">
        <p className="next-label">{label}</p>
        <button type="button" className="next-title" onClick={() => onGoTo(resource.id)}>
          {resource.title}
        </button>
        {stopped && <p className="stopped-chip">⏸ {stopped}</p>}
        <div className="next-actions">
          <button type="button" className="button" onClick={() => openLink(`${listId}/${resource.id}`)} aria-label={`Open ${resource.title}`}>
            Open ↗
          </button>
          {study && !readOnly && study.timerRef !== `${listId}/${resource.id}` && (
            <button type="button" className="button" onClick={() => void study.start(`${listId}/${resource.id}`, resource.title)} aria-label={`Start timer on ${resource.title}`}>
              Start timer
            </button>
          )}
        </div>
      </div>
    );
  };
  return (
    <section className="what-next" aria-label="What next">
      {resume && card('Continue', resume)}
      {next && card(resume ? 'Then start' : 'Start next', next)}
    </section>
  );
}
