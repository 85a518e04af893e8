import { z } from 'zod';
import catalogJson from './catalogs/catalog.json' with { type: 'json' };
import type { StudyList } from './model/schema';

/**
 * Bump when catalog.json changes: lists in a user's document with an older version get the new content
 * on the next start; progress and notes stay, because they are keyed by the ids, which do not change.
 */
export const BUNDLED_VERSION = 2;

/**
 * Titles the app shows instead of the catalog's, by list id. The series is called “Python behind the
 * scenes”, which the other list's title (the article's, “Python behind the scenes: a list of
 * resources”) begins with: side by side in the sidebar they read alike. Its title says what it is; the
 * catalog keeps the series' own name, and the list's source (the blog's tag page) and description say
 * it too. Ids stay, so progress and notes stay; a list the user renamed keeps the user's name
 * (refreshBundledLists leaves customized lists alone). Version 2 brings the new title to existing users.
 */
const SHOWN_TITLES: Readonly<Record<string, string>> = {
  'python-behind-the-scenes-series': 'Python behind the scenes: the blog series',
};

// The checked catalog as it is shipped (../shared/catalog), every fact kept; reshaped below.
const CatalogItem = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  author: z.string().nullable().optional(),
  kind: z.string().optional(),
  description: z.string().optional(),
});
const CatalogResource = CatalogItem.extend({
  sub_resources: z.array(CatalogItem).optional(),
  parts: z.array(CatalogItem).optional(),
});
const Catalog = z.object({
  lists: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      author: z.string().nullable(),
      description: z.string(),
      source: z.string().nullable(),
      resources: z.array(CatalogResource),
    }),
  ),
});

export type Catalog = z.infer<typeof Catalog>;

/** Reshapes the shipped catalog into the app's lists. Pure, so a test can hold it to the article. */
export function catalogToLists(raw: unknown, version = BUNDLED_VERSION): StudyList[] {
  const catalog = Catalog.parse(raw);
  return catalog.lists.map((list) => ({
    id: list.id,
    title: SHOWN_TITLES[list.id] ?? list.title,
    author: list.author,
    description: list.description,
    source: list.source,
    bundledVersion: version,
    customized: false,
    resources: list.resources.map((r) => ({
      id: r.id,
      title: r.title,
      url: r.url,
      author: r.author ?? null,
      kind: r.kind ?? 'resource',
      description: r.description ?? '',
      group: null,
      addedAt: null,
      links: (r.sub_resources ?? []).map((s) => ({
        id: s.id,
        title: s.title,
        url: s.url,
        kind: s.kind ?? 'link',
        description: s.description ?? '',
      })),
      parts: (r.parts ?? []).map((p) => ({ id: p.id, title: p.title, url: p.url })),
    })),
  }));
}

export function bundledLists(): StudyList[] {
  return catalogToLists(catalogJson);
}
