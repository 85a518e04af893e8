import MiniSearch from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';

// The window shows hits in list, title or last-touched order, never by score; yet MiniSearch's `search`
// scores every (word, field, resource) of every prefix and typo of the query, builds an object per hit
// and sorts them by score: for `a` that is all 10,000 resources. Here the same hits come from the same
// index without any of that: which resources have every query word, read from MiniSearch's own inverted
// index, and which index words matched one of them only when a card asks (to highlight).

/** Typos allowed, as a share of a query word's length (MiniSearch's `fuzzy` below 1). */
export const FUZZY = 0.15;

/** Per index word: field id → short document id → count. MiniSearch's postings. */
type Postings = Map<number, Map<number, number>>;

/**
 * The private parts of a MiniSearch 7.2.0 instance read here (the package is pinned in package.json):
 * `_index`, the radix tree of index words to postings (the `SearchableMap` the package also exports);
 * `_documentIds`, short id → id of the documents in the index (a discarded or replaced document leaves
 * it at once, while its postings stay until a vacuum); `_nextId`, one more than the largest short id;
 * `_options`, to be sure the index searches as this file does.
 */
interface Internals {
  _index: SearchableMap<Postings>;
  _documentIds: Map<number, unknown>;
  _nextId: number;
  _options: {
    tokenize: unknown;
    processTerm: unknown;
    searchOptions: { prefix?: unknown; fuzzy?: unknown; maxFuzzy?: unknown; combineWith?: unknown; fields?: unknown; filter?: unknown; boostDocument?: unknown; tokenize?: unknown; processTerm?: unknown };
  };
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | string[] | null | undefined | false;

/**
 * The instance's internals when they are what this file reads and the index searches the way it
 * replays (prefix, FUZZY typos, every word required, default words, every field); otherwise null and
 * the caller asks `search` instead: a newer MiniSearch then costs speed, not wrong results.
 */
export function internalsOf<T>(index: MiniSearch<T>): Internals | null {
  const inner = index as unknown as Partial<Internals>;
  const tree = inner._index as Partial<SearchableMap<Postings>> | undefined;
  if (!tree || typeof tree.get !== 'function' || typeof tree.atPrefix !== 'function' || typeof tree.fuzzyGet !== 'function') return null;
  if (!(inner._documentIds instanceof Map) || typeof inner._nextId !== 'number' || !inner._options) return null;
  const { tokenize: words, processTerm: process, searchOptions: s } = inner._options;
  if (words !== tokenize || process !== processTerm || !s) return null;
  const plain = s.fields == null && s.filter == null && s.boostDocument == null && s.tokenize == null && s.processTerm == null;
  const same = s.prefix === true && s.fuzzy === FUZZY && typeof s.maxFuzzy === 'number' && String(s.combineWith).toLowerCase() === 'and';
  return plain && same ? (inner as Internals) : null;
}

/** The index words one query word matched, as MiniSearch takes them: itself, its prefixes, then its typos. */
interface Expansion {
  words: string[];
  postings: Postings[];
}

function expand(tree: SearchableMap<Postings>, term: string, maxFuzzy: number): Expansion {
  const words: string[] = [];
  const postings: Postings[] = [];
  const exact = tree.get(term);
  if (exact) {
    words.push(term);
    postings.push(exact);
  }
  for (const [word, data] of tree.atPrefix(term)) {
    if (word === term) continue;
    words.push(word);
    postings.push(data);
  }
  const distance = Math.min(maxFuzzy, Math.round(term.length * FUZZY));
  if (distance > 0) {
    for (const [word, [data, away]] of tree.fuzzyGet(term, distance)) {
      // The word itself and its prefixes are in already (MiniSearch counts those as prefix matches).
      if (away === 0 || word.startsWith(term)) continue;
      words.push(word);
      postings.push(data);
    }
  }
  return { words, postings };
}

/** The resources found: their ids, and the index words the i-th matched, worked out when asked. */
export interface ScorelessHits {
  ids: unknown[];
  termsOf(i: number): string[];
}

/**
 * Moves each resource that has query word `i` (any of its expansions) and every word before it from
 * level i to i + 1; stops once all `candidates` have. Returns how many moved.
 */
function advance(level: Uint8Array | Uint32Array, { postings }: Expansion, i: number, candidates: number): number {
  let moved = 0;
  for (const fields of postings) {
    for (const docs of fields.values()) {
      for (const doc of docs.keys()) {
        if (level[doc] !== i) continue;
        level[doc] = i + 1;
        if (++moved === candidates) return moved;
      }
    }
  }
  return moved;
}

/**
 * The hits `index.search(query)` would give (same resources, same `terms` per hit) in short-id order,
 * without scores; null when the index is not one this can read (then use `search`).
 */
export function searchScoreless<T>(index: MiniSearch<T>, query: string): ScorelessHits | null {
  const inner = internalsOf(index);
  if (!inner) return null;
  const terms = tokenize(query)
    .flatMap((term) => processTerm(term))
    .filter((term): term is string => !!term);
  const maxFuzzy = inner._options.searchOptions.maxFuzzy as number;
  const expansions: Expansion[] = [];
  // level[doc] = how many query words in a row the resource has: AND without sets, scores or sorting.
  const level = terms.length < 255 ? new Uint8Array(inner._nextId) : new Uint32Array(inner._nextId);
  let candidates = terms.length > 0 ? inner._nextId : 0;
  for (let i = 0; i < terms.length && candidates > 0; i++) {
    expansions.push(expand(inner._index, terms[i]!, maxFuzzy));
    candidates = advance(level, expansions[i]!, i, candidates);
  }
  const ids: unknown[] = [];
  const docs: number[] = [];
  for (let doc = 0; candidates > 0 && doc < level.length; doc++) {
    if (level[doc] !== terms.length) continue;
    const id = inner._documentIds.get(doc);
    // Not in `_documentIds`: a discarded or replaced version whose postings wait for a vacuum.
    if (id === undefined) continue;
    ids.push(id);
    docs.push(doc);
  }
  return { ids, termsOf: (i) => matchedWords(expansions, docs[i]!) };
}

/**
 * The index words a resource matched, in the order MiniSearch's `Object.keys(match)` gives them (an
 * object filled in the same order, so numbers come first as there). Postings of a short id do not
 * change once it is replaced, so this is the answer of the search even read a little later.
 */
function matchedWords(expansions: Expansion[], doc: number): string[] {
  const match: Record<string, true> = Object.create(null) as Record<string, true>;
  for (const { words, postings } of expansions) {
    postings.forEach((fields, i) => {
      for (const docs of fields.values()) {
        if (docs.has(doc)) {
          match[words[i]!] = true;
          return;
        }
      }
    });
  }
  return Object.keys(match);
}
