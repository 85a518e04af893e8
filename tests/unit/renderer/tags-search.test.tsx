import { cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledLists } from '../../../data/bundled-lists';
import type { Resource, StudyList } from '../../../data/model/schema';
import { ResourceEditor } from '../../../renderer/components/ResourceEditor';
import { TagChips } from '../../../renderer/components/TagChips';
import { TagFilterBar, TagFilterContext } from '../../../renderer/components/TagFilter';
import { useSearchIndex } from '../../../renderer/hooks/useSearchIndex';
import { applyFilters, buildIndex, NO_FILTERS, parseQuery, type Filters } from '../../../renderer/search';

afterEach(cleanup);

/** The bundled list, with tags on three of its resources. */
function taggedList(): StudyList {
  const list = structuredClone(bundledLists()[0]!);
  const tag = (id: string, tags: string[]) => Object.assign(list.resources.find((r) => r.id === id)!, { tags });
  tag('peps', ['Python', 'governance']);
  tag('to-gil-or-not-to-gil', ['python', 'concurrency']);
  tag('a-python-interpreter-written-in-python', ['interpreters', 'bytecode']);
  return list;
}

const ids = (list: StudyList, filters: Partial<Filters>, withIndex = true) =>
  applyFilters(list, {}, {}, { ...NO_FILTERS, ...filters }, withIndex ? buildIndex(list, {}) : null).map((m) => m.resource.id);

describe('search and the tag filter', () => {
  it('`#tag` finds the resources with a tag starting so, whatever its case; other words search every field', () => {
    const list = taggedList();
    expect(ids(list, { query: '#python' })).toEqual(['peps', 'to-gil-or-not-to-gil']);
    expect(ids(list, { query: '#PYT' })).toEqual(['peps', 'to-gil-or-not-to-gil']);
    expect(ids(list, { query: '#concurrency' })).toEqual(['to-gil-or-not-to-gil']);
    expect(ids(list, { query: '#python #governance' })).toEqual(['peps']);
    expect(ids(list, { query: '#nothing' })).toEqual([]);
    // `#tag` needs no index: it works while the index is still being built.
    expect(ids(list, { query: '#bytecode' }, false)).toEqual(['a-python-interpreter-written-in-python']);
  });

  it('a plain word finds a resource by its tag, as by its title', () => {
    const list = taggedList();
    expect(ids(list, { query: 'governance' })).toEqual(['peps']);
    expect(ids(list, { query: 'concurren' })).toEqual(['to-gil-or-not-to-gil']);
    const [hit] = applyFilters(list, {}, {}, { ...NO_FILTERS, query: '#gov' }, buildIndex(list, {}));
    expect(hit!.terms).toEqual(['gov']);
  });

  it('the tag filter keeps only resources with exactly that tag (any case), with the other filters and the search', () => {
    const list = taggedList();
    expect(ids(list, { tag: 'PYTHON' })).toEqual(['peps', 'to-gil-or-not-to-gil']);
    expect(ids(list, { tag: 'pyth' })).toEqual([]);
    expect(ids(list, { tag: 'python', query: 'gil' })).toEqual(['to-gil-or-not-to-gil']);
    expect(ids(list, { tag: 'python', kind: 'talk' })).toEqual(['to-gil-or-not-to-gil']);
  });

  it('reads a query into its #tags and the rest', () => {
    expect(parseQuery('  #Python frames #gil ')).toEqual({ text: 'frames', tags: ['python', 'gil'] });
    expect(parseQuery('C# and #')).toEqual({ text: 'C# and', tags: [] });
  });

  it('a resource whose tags change is found by its new tags (the index is updated in place)', async () => {
    const list = taggedList();
    const notes = {};
    const { result, rerender } = renderHook(({ l }) => useSearchIndex(l, notes), { initialProps: { l: list } });
    await waitFor(() => expect(result.current.index).not.toBeNull());
    const edited: StudyList = { ...list, resources: list.resources.map((r) => (r.id === 'peps' ? { ...r, tags: ['steering'] } : r)) };
    rerender({ l: edited });
    await waitFor(() => expect(applyFilters(edited, {}, {}, { ...NO_FILTERS, query: 'steering' }, result.current.index).map((m) => m.resource.id)).toEqual(['peps']));
    expect(applyFilters(edited, {}, {}, { ...NO_FILTERS, query: 'governance' }, result.current.index)).toEqual([]);
  });
});

describe('tag chips and the filter bar', () => {
  it('a chip is a button named for what it does; a click filters by its tag, a click on the active one clears it', () => {
    const filterBy = vi.fn();
    const { rerender } = render(
      <TagFilterContext.Provider value={{ tag: null, filterBy }}>
        <TagChips title="PEPs" tags={['python', 'C#']} terms={[]} />
      </TagFilterContext.Provider>,
    );
    expect(screen.getByRole('list', { name: 'Tags of PEPs' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Filter by tag C#' }));
    expect(filterBy).toHaveBeenLastCalledWith('C#');
    rerender(
      <TagFilterContext.Provider value={{ tag: 'PYTHON', filterBy }}>
        <TagChips title="PEPs" tags={['python', 'C#']} terms={[]} />
      </TagFilterContext.Provider>,
    );
    const active = screen.getByRole('button', { name: 'Filter by tag python' });
    expect(active.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(active);
    expect(filterBy).toHaveBeenLastCalledWith(null);
  });

  it('no tags: no list; the filter bar shows “Tag: x” with a button that clears it', () => {
    const { container } = render(<TagChips title="PEPs" tags={undefined} terms={[]} />);
    expect(container.innerHTML).toBe('');
    const onClear = vi.fn();
    render(<TagFilterBar tag="python" onClear={onClear} />);
    expect(screen.getByText('Tag:').textContent).toBe('Tag: python');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the tag filter python' }));
    expect(onClear).toHaveBeenCalled();
  });
});

describe('the resource editor', () => {
  const peps: Resource = { id: 'peps', title: 'PEPs', url: 'https://peps.python.org/', author: null, kind: 'reference', description: '', group: null, addedAt: null, links: [], parts: [], tags: ['python', 'governance'] };

  it('shows the kind and the tags, and saves them (tags as typed, split at commas)', async () => {
    const onSave = vi.fn(async () => true);
    render(<ResourceEditor resource={peps} submitLabel="Save" onSave={onSave} />);
    expect((screen.getByLabelText('Kind') as HTMLSelectElement).value).toBe('reference');
    const tags = screen.getByLabelText('Tags') as HTMLInputElement;
    expect(tags.value).toBe('python, governance');
    expect(tags.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'book' } });
    fireEvent.change(tags, { target: { value: 'python, steering council,, ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ kind: 'book', tags: ['python', ' steering council', '', ' '] }));
  });

  it('adding: a link by default; a kind the list has that is not offered is kept', async () => {
    const onSave = vi.fn(async () => true);
    render(<ResourceEditor submitLabel="Add" onSave={onSave} />);
    expect((screen.getByLabelText('Kind') as HTMLSelectElement).value).toBe('link');
    cleanup();
    render(<ResourceEditor resource={{ ...peps, id: 'pep-index', kind: 'pep-index' }} submitLabel="Save" onSave={onSave} />);
    expect(screen.getAllByRole('option', { name: 'PEPs' }).length).toBeGreaterThan(0);
  });
});
