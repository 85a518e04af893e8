import { readJsonLd } from './json-ld';
import { clean, collect, type Collected } from './page-markup';

/**
 * What a page says about itself, read from its own markup: Open Graph and other meta tags, its
 * <title>, JSON-LD, and (for a reading time) the words of its text. Every field is optional: a page
 * that says nothing gives an empty object, and the resource keeps what it had.
 */
export interface PageInfo {
  title?: string;
  description?: string;
  author?: string;
  siteName?: string;
  /** One of the app's kinds: video, article, pdf, repository, pep, book. */
  kind?: string;
  /** A video's stated duration, or the reading time of the page's words (or the time the page states). */
  estimateMinutes?: number;
}

/** Limits that hold whatever the page holds (the fields are stored as the schema allows). */
export const PAGE_INFO_LIMITS = { title: 1000, description: 2000, author: 500, siteName: 200 } as const;
/** An estimate longer than a week of minutes is not believed (a live stream says 0 or a huge number). */
export const MAX_ESTIMATE_MINUTES = 10_080;
const WORDS_PER_MINUTE = 230;
/** Fewer words than this make no reading time: a video page, an app shell, a login wall. */
const MIN_WORDS = 150;

/** Reads one HTML page (its text as decoded). `url` is where it was found, for the kinds known by site. */
export function readPageInfo(html: string, url: string): PageInfo {
  const found = collect(html);
  const meta = (...keys: string[]) => {
    for (const key of keys) {
      const value = found.meta.get(key);
      if (value) return value;
    }
    return undefined;
  };
  const ld = readJsonLd(found.jsonLd);
  const host = hostOf(url);

  const info: PageInfo = {};
  const title = meta('og:title', 'twitter:title') ?? ld.headline ?? found.title ?? undefined;
  if (title) info.title = clip(withoutSiteSuffix(title, host), PAGE_INFO_LIMITS.title);
  // GitHub's titles are "owner/name: the repository's description": the name is the title.
  const onGitHub = host === 'github.com' || meta('og:site_name') === 'GitHub';
  if (info.title && /^\/[^/]+\/[^/]+\/?$/.test(pathOf(url)) && onGitHub) {
    const name = pathOf(url).replace(/^\/|\/$/g, '');
    if (info.title.toLowerCase().startsWith(`${name.toLowerCase()}: `)) info.title = info.title.slice(0, name.length);
  }
  const description = meta('og:description', 'description', 'twitter:description') ?? ld.description;
  if (description) info.description = clip(description, PAGE_INFO_LIMITS.description);
  const author = meta('author', 'article:author:name', 'citation_author', 'dc.creator') ?? ld.author ?? authorOfPep(found);
  if (author && !/^https?:\/\//i.test(author)) info.author = clip(author, PAGE_INFO_LIMITS.author);
  const siteName = meta('og:site_name', 'application-name') ?? ld.publisher;
  if (siteName) info.siteName = clip(siteName, PAGE_INFO_LIMITS.siteName);

  const kind = /^Python Enhancement Proposals\b/.test(siteName ?? '')
    ? 'pep'
    : onGitHub && /^\/[^/]+\/[^/]+\/?$/.test(pathOf(url))
      ? 'repository'
      : kindOf(url, host, meta('og:type'), ld.type);
  if (kind) info.kind = kind;

  const seconds = durationSeconds(meta('og:video:duration', 'video:duration')) ?? isoSeconds(found.duration) ?? isoSeconds(ld.duration);
  const statedReading = readingMinutesStated(found.meta);
  const words = found.hasMain && found.mainWords >= MIN_WORDS ? found.mainWords : found.bodyWords;
  let minutes: number | undefined;
  if (seconds !== undefined && seconds > 0) minutes = Math.max(1, Math.round(seconds / 60));
  else if (statedReading !== undefined) minutes = statedReading;
  // Words make a reading time only for what is read: an article, a PEP, a page's <article> or <main>
  // (a README on GitHub), not a home page's menus and teasers.
  else if (kind !== 'video' && words >= MIN_WORDS && (kind === 'article' || kind === 'pep' || found.hasMain)) minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  if (minutes !== undefined && minutes <= MAX_ESTIMATE_MINUTES) info.estimateMinutes = minutes;
  return info;
}

/** What a non-HTML answer tells by its type alone: a PDF is a PDF, titled by its file name. */
export function infoFromContentType(contentType: string, url: string): PageInfo | null {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/pdf') {
    const name = fileNameOf(url);
    return { kind: 'pdf', ...(name ? { title: name } : {}) };
  }
  return null;
}

function kindOf(url: string, host: string, ogType: string | undefined, ldType: string | undefined): string | undefined {
  const path = pathOf(url);
  if (host === 'peps.python.org' || (host.endsWith('python.org') && /\/pep-\d+/i.test(path))) return 'pep';
  if (/\.pdf$/i.test(path)) return 'pdf';
  if ((host === 'github.com' || host === 'gitlab.com' || host === 'codeberg.org') && /^\/[^/]+\/[^/]+\/?$/.test(path)) return 'repository';
  const type = (ogType ?? '').toLowerCase();
  const ld = (ldType ?? '').toLowerCase();
  if (type.startsWith('video') || ld === 'videoobject') return 'video';
  if (type === 'book' || type.startsWith('books.') || ld === 'book') return 'book';
  if (type === 'article' || /article|blogposting|report/.test(ld)) return 'article';
  return undefined;
}

/** "3 min read" in Medium's twitter:label1/data1 pair (and sites like it). */
function readingMinutesStated(meta: Map<string, string>): number | undefined {
  for (let i = 1; i <= 4; i++) {
    const label = meta.get(`twitter:label${i}`);
    const data = meta.get(`twitter:data${i}`);
    if (!label || !data || !/reading time/i.test(label)) continue;
    const match = /(\d{1,5})\s*min/i.exec(data);
    if (match) return Math.max(1, Number(match[1]));
  }
  return undefined;
}

/** A PEP's "Author:" field (its header table), when the page has no author meta tag. */
function authorOfPep(found: Collected): string | undefined {
  if (!found.fieldAuthor) return undefined;
  // "Guido van Rossum <guido at python.org>, Barry Warsaw <barry at python.org>": the names, not the addresses.
  const names = found.fieldAuthor.split(',').map((n) => n.replace(/<[^>]*>/g, '').trim()).filter(Boolean);
  return names.length ? names.join(', ') : undefined;
}

function durationSeconds(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

/** ISO 8601 durations as pages state them: PT2M22S, PT1H3M, P0DT0H12M5S. */
export function isoSeconds(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const match = /^P(?:(\d{1,4})D)?(?:T(?:(\d{1,4})H)?(?:(\d{1,6})M)?(?:(\d{1,7}(?:\.\d+)?)S)?)?$/i.exec(value.trim());
  if (!match || value.trim().length <= 2) return undefined;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Math.round(Number(s ?? 0));
}

/** "PEP 8 – Style Guide | peps.python.org" → "PEP 8 – Style Guide": a title that ends with its site's name. */
function withoutSiteSuffix(title: string, host: string): string {
  const cleaned = clean(title);
  const match = /^(.*\S)\s+[|–—-]\s+([^|–—-]+)$/.exec(cleaned);
  if (!match) return cleaned;
  const tail = match[2]!.trim().toLowerCase();
  const bareHost = host.replace(/^www\./, '');
  // The site's own address ("| peps.python.org", wherever the page was served from) or its name.
  if (tail === bareHost || tail === host || bareHost.startsWith(`${tail}.`) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(tail)) return match[1]!;
  return cleaned;
}

/** Entities left after the parser decoded them once: GitHub writes "&amp;amp;" in its og:description. */
function decodedTwice(value: string): string {
  if (!/&(amp|lt|gt|quot|#39|#x27);/.test(value)) return value;
  const names: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
  return value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => names[name]!);
}

function clip(value: string, max: number): string {
  const cleaned = clean(decodedTwice(value));
  return cleaned.length <= max ? cleaned : `${cleaned.slice(0, max - 1).trimEnd()}…`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function fileNameOf(url: string): string | undefined {
  const last = pathOf(url).split('/').filter(Boolean).pop();
  if (!last) return undefined;
  try {
    return clip(decodeURIComponent(last), PAGE_INFO_LIMITS.title);
  } catch {
    return clip(last, PAGE_INFO_LIMITS.title);
  }
}
