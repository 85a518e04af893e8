import { useDeferredValue, useMemo, useRef, type RefObject } from 'react';
import type { StudyDocument, StudyList } from '../../data/schema';
import { hostOf, isWebUrl } from '../format';
import { listProgress, percent, whatNext } from '../progress';
import { applyFilters, buildIndex, type Filters } from '../search';
import { useActions } from '../actions';
import { ExportMenu } from './ExportMenu';
import { ResourceEditor } from './ResourceEditor';
import { ProgressBar } from './ProgressBar';
import { ResourceCard } from './ResourceCard';
import { Toolbar } from './Toolbar';
import { WhatNext } from './WhatNext';

interface Props {
  list: StudyList;
  document: StudyDocument;
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Which card the note shortcut asked to open, and a counter so each press counts. */
  noteRequest: { resourceId: string; count: number } | null;
  onError: (message: string) => void;
  onInfo: (message: string) => void;
  onEditList: () => void;
}

export function ListView({ list, document, filters, onFiltersChange, searchRef, noteRequest, onError, onInfo, onEditList }: Props) {
  const actions = useActions();
  const { done, total } = listProgress(document.progress, list);
  const skipped = list.resources.length - total;
  const cards = useRef(new Map<string, HTMLLIElement>());
  // The index follows titles and notes; typing in the search box only queries it.
  const index = useMemo(() => buildIndex(list, document.notes), [list, document.notes]);
  const deferred = useDeferredValue(filters);
  const matches = useMemo(
    () => applyFilters(list, document.progress, document.notes, deferred, index),
    [list, document.progress, document.notes, deferred, index],
  );
  const kinds = useMemo(() => [...new Set(list.resources.map((r) => r.kind))], [list]);
  const next = whatNext(document.progress, document.notes, list);
  const positions = useMemo(() => new Map(list.resources.map((r, i) => [r.id, i + 1])), [list]);

  const goTo = (resourceId: string) => {
    const card = cards.current.get(resourceId);
    card?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    card?.focus({ preventScroll: true });
  };

  return (
    <article className="list-view" aria-labelledby="list-title">
      <header className="list-header">
        <div className="list-title-row">
          <h1 id="list-title" className="list-title">
            {list.title}
          </h1>
          <div className="list-actions">
            {!actions.readOnly && (
              <button type="button" className="button" onClick={onEditList}>
                Edit list…
              </button>
            )}
            <ExportMenu listId={list.id} onError={onError} onSaved={onInfo} />
          </div>
        </div>
        <p className="list-byline">
          {list.author && <span>by {list.author}</span>}
          {isWebUrl(list.source) && (
            <span className="list-source" title={list.source}>
              {hostOf(list.source)}
            </span>
          )}
        </p>
        {list.description && <p className="list-description">{list.description}</p>}
        <div className="list-progress">
          <ProgressBar done={done} total={total} label="List progress" size="large" />
          <p className="list-progress-text">
            <strong>
              {done} of {total}
            </strong>{' '}
            resources done · {percent(done, total)}%{skipped > 0 && ` · ${skipped} skipped`}
          </p>
        </div>
      </header>
      {!filters.query && <WhatNext listId={list.id} resume={next.resume} next={next.next} notes={document.notes} onGoTo={goTo} />}
      <Toolbar ref={searchRef} filters={filters} onChange={onFiltersChange} kinds={kinds} shown={matches.length} total={list.resources.length} />
      {matches.length === 0 ? (
        <p className="empty">No resource matches. Try fewer words, or clear the filters.</p>
      ) : (
        <ol className="resources">
          {matches.map(({ resource, terms, noteSnippet }) => (
            <ResourceCard
              key={resource.id}
              ref={(element) => {
                if (element) cards.current.set(resource.id, element);
                else cards.current.delete(resource.id);
              }}
              listId={list.id}
              resource={resource}
              position={positions.get(resource.id) ?? 0}
              progress={document.progress}
              note={document.notes[`${list.id}/${resource.id}`]}
              terms={terms}
              noteSnippet={noteSnippet}
              noteRequest={noteRequest?.resourceId === resource.id ? noteRequest.count : 0}
              index={(positions.get(resource.id) ?? 1) - 1}
              count={list.resources.length}
            />
          ))}
        </ol>
      )}
      {!actions.readOnly && (
        <section className="add-resource" aria-labelledby="add-resource-title">
          <h2 id="add-resource-title" className="subitems-heading">
            Add a resource to this list
          </h2>
          <ResourceEditor submitLabel="Add" onSave={(fields) => actions.resources.add(list.id, fields)} />
        </section>
      )}
    </article>
  );
}
