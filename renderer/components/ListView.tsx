import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { resourcesWithLink } from '../../data/model/duplicates';
import type { StudyDocument, StudyList } from '../../data/model/schema';
import type { AppState } from '../../electron/api/contract';
import type { ReviewOutcome } from '../../data/follow/review';
import { whatNext } from '../progress';
import { applyFilters, parseQuery, positionsIn, type Filters } from '../search';
import { useCoveredTop } from '../hooks/useCoveredTop';
import { useSearchIndex } from '../hooks/useSearchIndex';
import { useActions } from '../actions';
import { useLinkActions } from '../hooks/useLinkChecks';
import { hasLinkProblem, listLinkSummary } from '../link-summary';
import { ListHeader } from './ListHeader';
import { ResourceEditor } from './ResourceEditor';
import { ResourceList, type ResourceListHandle } from './ResourceList';
import { TagFilterBar, TagFilterContext } from './TagFilter';
import { ElsewhereMatches } from './ElsewhereMatches';
import { Toolbar } from './Toolbar';
import { WhatNext } from './WhatNext';
import { whenFree } from './when-free';

interface Props {
  list: StudyList;
  document: StudyDocument;
  filters: Filters;
  onFiltersChange: Dispatch<SetStateAction<Filters>>;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Which card the note shortcut asked to open, and a counter so each press counts. */
  noteRequest: { resourceId: string; count: number } | null;
  /** A request to bring a resource into view and focus its card (the command palette). */
  goToRequest?: { resourceId: string; count: number } | null;
  onError: (message: string) => void;
  onInfo: (message: string) => void;
  onEditList: () => void;
  onCheckLinks: () => void;
  /** Every list, for what the search finds in the others. */
  lists: readonly StudyList[];
  /** Opens another list with the same search. */
  onSearchIn: (listId: string) => void;
  /** A followed list was followed or reviewed: main's answer is the new state. */
  onReplaceState: (next: AppState, message: string, removed?: ReviewOutcome['removed']) => void;
  /** "Import into this list": a file chosen in the page (undefined when the data is read-only). */
  onImportInto?: (file: File) => void;
  /** The same through the system's open dialog (Electron). */
  onChooseImportInto?: () => void;
  /** Shows a resource's card (in this list or another), focused. */
  onOpenResource?: (listId: string, resourceId: string) => void;
}

/**
 * The card requests (edit a note, go to a card) already answered: each is answered once. The view is made
 * afresh whenever its list is shown again, and went to the last requested card on every return. Marked
 * when answered, not when first seen: React's development mode runs an effect, undoes it and runs it again.
 */
const answered = new WeakSet<object>();

export function ListView({ list, document, filters, onFiltersChange, searchRef, noteRequest, goToRequest, onError, onInfo, onEditList, onCheckLinks, lists, onSearchIn, onReplaceState, onImportInto, onChooseImportInto, onOpenResource }: Props) {
  const actions = useActions();
  const { latest } = useLinkActions();
  const [linkProblemsOnly, setLinkProblemsOnly] = useState(false);
  const links = useMemo(() => listLinkSummary(list, latest), [list, latest]);
  const problems = links.moved + links.broken + links.unreachable;
  const toggleLinkProblems = useCallback(() => setLinkProblemsOnly((on) => !on), []);
  const resourceList = useRef<ResourceListHandle>(null);
  const view = useRef<HTMLElement>(null);
  const covered = useCoveredTop(view);
  // The index follows titles and notes; typing in the search box only queries it.
  const { index, version } = useSearchIndex(list, document.notes);
  const deferred = useDeferredValue(filters);
  const filtering = linkProblemsOnly && problems > 0;
  // The index changes in place: each version of it is a new object here, so the matches follow it.
  const indexed = useMemo(() => ({ index, version }), [index, version]);
  const matches = useMemo(() => {
    const found = applyFilters(list, document.progress, document.notes, deferred, indexed.index);
    return filtering ? found.filter((m) => hasLinkProblem(m.resource, latest)) : found;
  }, [list, document.progress, document.notes, deferred, indexed, filtering, latest]);
  // The results are new when the filters or the link-problems switch change (not when a tick does).
  const resultsOf = useMemo(() => ({ filters: deferred, filtering }), [deferred, filtering]);
  const kinds = useMemo(() => [...new Set(list.resources.map((r) => r.kind))], [list]);
  const next = useMemo(() => whatNext(document.progress, document.notes, list), [document.progress, document.notes, list]);
  // The same map search puts its results in list order with, made once per list.
  const positions = positionsIn(list);

  const goTo = (resourceId: string) => resourceList.current?.goTo(resourceId);

  // The chips' click, the same function for the list's whole life (cards are memoised): it reads the
  // filters as they are when it runs.
  const latestFilters = useRef({ filters, onFiltersChange });
  useEffect(() => {
    latestFilters.current = { filters, onFiltersChange };
  }, [filters, onFiltersChange]);
  const filterBy = useCallback((tag: string | null) => {
    const { filters: now, onFiltersChange: change } = latestFilters.current;
    change({ ...now, tag });
  }, []);
  const tagFilter = useMemo(() => ({ tag: filters.tag, filterBy }), [filters.tag, filterBy]);

  // A request to edit a note (the `n` shortcut, "Notes to resolve" in the Sync view): bring the card
  // into view and put the cursor in its note, also when the note was open already; once no dialog is
  // open (one closing in the same render gives the focus back first), before the next key is handled.
  // Answered, it is no longer passed to the cards (a card made again later does not open its note again).
  const [, noteAnswered] = useState(0);
  useEffect(() => {
    if (!noteRequest || answered.has(noteRequest)) return;
    let brought = false;
    return whenFree(() => {
      if (!brought) resourceList.current?.goTo(noteRequest.resourceId);
      brought = true;
      const note = window.document.querySelector<HTMLTextAreaElement>(`[data-resource="${CSS.escape(`${list.id}/${noteRequest.resourceId}`)}"] textarea`);
      if (!note) return false;
      answered.add(noteRequest);
      noteAnswered((n) => n + 1);
      note.focus();
      return true;
    });
  }, [noteRequest, list.id]);

  // Like the note request: the palette closing gives the focus back first, then the card takes it.
  useEffect(() => {
    if (!goToRequest || answered.has(goToRequest)) return;
    return whenFree(() => {
      answered.add(goToRequest);
      resourceList.current?.goTo(goToRequest.resourceId);
      return true;
    });
  }, [goToRequest]);

  return (
    <article ref={view} className="list-view" aria-labelledby="list-title">
      <ListHeader
        list={list}
        document={document}
        links={links}
        filtering={filtering}
        onToggleLinkProblems={toggleLinkProblems}
        onEditList={onEditList}
        onCheckLinks={onCheckLinks}
        onError={onError}
        onInfo={onInfo}
        onReplaceState={onReplaceState}
        onImportInto={onImportInto}
        onChooseImportInto={onChooseImportInto}
      />
      {/* Goes with the results, not with the typed character: the list moving up under the box is part of the results' frame. */}
      {!deferred.query && <WhatNext listId={list.id} resume={next.resume} next={next.next} notes={document.notes} onGoTo={goTo} />}
      <Toolbar ref={searchRef} filters={filters} onChange={onFiltersChange} kinds={kinds} shown={matches.length} total={list.resources.length} indexing={!index} />
      <TagFilterBar tag={filters.tag} onClear={() => filterBy(null)} />
      {filters.query.trim() && <ElsewhereMatches lists={lists} currentId={list.id} notes={document.notes} query={filters.query} onOpen={onSearchIn} />}
      {parseQuery(deferred.query).text && !index ? (
        <p className="empty" role="status">
          Preparing search…
        </p>
      ) : list.resources.length === 0 ? (
        <p className="empty">This list is empty. Add a resource below (a link alone is enough), drop a file on the window, or import a list.</p>
      ) : matches.length === 0 ? (
        <p className="empty">No resource in this list matches. Try fewer words, or clear the filters.</p>
      ) : (
        <TagFilterContext.Provider value={tagFilter}>
          <ResourceList
            ref={resourceList}
            listId={list.id}
            matches={matches}
            positions={positions}
            progress={document.progress}
            notes={document.notes}
            noteRequest={noteRequest && !answered.has(noteRequest) ? noteRequest : null}
            count={list.resources.length}
            resultsOf={resultsOf}
            covered={covered}
          />
        </TagFilterContext.Provider>
      )}
      {!actions.readOnly && (
        <section className="add-resource" aria-labelledby="add-resource-title">
          <h2 id="add-resource-title" className="subitems-heading">
            Add a resource to this list
          </h2>
          <ResourceEditor
            submitLabel="Add"
            listId={list.id}
            onSave={(fields) => actions.resources.add(list.id, fields)}
            sameLink={(url) => resourcesWithLink(lists, url, list.id)}
            onOpenExisting={(hit) => onOpenResource?.(hit.listId, hit.resourceId)}
          />
        </section>
      )}
    </article>
  );
}
