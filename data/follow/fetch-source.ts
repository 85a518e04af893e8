import { MAX_IMPORT_BYTES } from '../import/imported';
import { describeError, OFFLINE_CODES, type CheckOptions } from '../links/check-link';
import { guardedRequest } from '../links/guarded-request';
import { isSafeExternalUrl } from '../model/web-url';

/** The page's validators as of the version the user last reviewed: sent so that an unchanged page answers 304. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type SourceFetch =
  | { kind: 'unchanged' }
  | { kind: 'fetched'; content: string; fileName: string; etag: string | null; lastModified: string | null }
  | { kind: 'offline'; reason: string }
  | { kind: 'failed'; reason: string };

export interface FetchOptions extends CheckOptions {
  /** Electron's net.isOnline(): when false nothing is tried. */
  isOnline?: () => boolean;
  /** The largest page read (the importers' own limit by default): a larger one is refused while it arrives. */
  maxBytes?: number;
}

/**
 * A GitHub repository or README page as the raw Markdown file its list is in (the page itself is the
 * site's HTML around it); any other address as it is.
 */
export function rawSourceOf(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.hostname !== 'github.com' && u.hostname !== 'www.github.com') return url;
  const [owner, repo, kind, branch, ...path] = u.pathname.split('/').filter(Boolean);
  if (!owner || !repo) return url;
  if (kind === undefined) return `https://raw.githubusercontent.com/${owner}/${repo}/HEAD/README.md`;
  if (kind === 'blob' && branch && path.length > 0) return `https://raw.githubusercontent.com/${owner}/${repo}/${branch}/${path.join('/')}`;
  return url;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * Reads a followed list's page with the link checker's safeguards (http(s) only, no cookies, a fresh
 * connection, private addresses refused unless allowed, every redirect checked) and a conditional
 * request: `If-None-Match` / `If-Modified-Since` from the version last reviewed, so an unchanged page
 * costs one small answer. The body is read only up to `maxBytes`; a larger page is refused.
 */
export async function fetchSource(url: string, validators: Validators, options: FetchOptions): Promise<SourceFetch> {
  if (!isSafeExternalUrl(url)) return { kind: 'failed', reason: 'This is not a web address (http or https).' };
  if (options.isOnline && !options.isOnline()) return { kind: 'offline', reason: 'No network connection: nothing was tried.' };
  let current = url;
  for (let hops = 0; hops <= options.maxRedirects; hops++) {
    let answer: Answer;
    try {
      answer = await get(current, hops === 0 ? validators : {}, options);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const text = typeof code === 'string' ? code : 'EUNKNOWN';
      if (text === 'ETOOBIG') return { kind: 'failed', reason: `The page is larger than ${Math.round((options.maxBytes ?? MAX_IMPORT_BYTES) / 1024 / 1024)} MB; Studyshelf imports lists up to that size.` };
      if (OFFLINE_CODES.has(text)) return { kind: 'offline', reason: 'No network connection: the page was not checked.' };
      return { kind: 'failed', reason: describeError(text, error instanceof Error ? error.message : String(error)).reason };
    }
    if (answer.status === 304) return { kind: 'unchanged' };
    if (REDIRECT.has(answer.status) && answer.location) {
      let next: string;
      try {
        next = new URL(answer.location, current).href;
      } catch {
        return { kind: 'failed', reason: 'The page redirects to something that is not a web address.' };
      }
      if (!isSafeExternalUrl(next)) return { kind: 'failed', reason: 'The page redirects to something that is not a web address.' };
      current = next;
      continue;
    }
    if (answer.status < 200 || answer.status >= 300) return { kind: 'failed', reason: `The page did not answer with the list (the site answered ${answer.status}).` };
    return { kind: 'fetched', content: answer.body, fileName: fileNameOf(current, answer.contentType), etag: answer.etag, lastModified: answer.lastModified };
  }
  return { kind: 'failed', reason: `The page redirects more than ${options.maxRedirects} times.` };
}

/** A name the importers can tell the format by: the address's own name, or what the server says it sent. */
function fileNameOf(url: string, contentType: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '').replace(/[^\w.-]+/g, '-') || 'page';
  if (/\.(md|markdown|html?|txt|opml|csv)$/i.test(last)) return last;
  if (/html/i.test(contentType)) return `${last}.html`;
  if (/markdown|text\/plain/i.test(contentType)) return `${last}.md`;
  return last;
}

interface Answer {
  status: number;
  location: string | null;
  etag: string | null;
  lastModified: string | null;
  contentType: string;
  body: string;
}

/** A header kept only when it fits what the data file accepts (schema.ts FollowSchema); else as if absent. */
function header(value: string | string[] | undefined, max = 1000): string | null {
  return typeof value === 'string' && value.length <= max ? value : null;
}

async function get(url: string, validators: Validators, options: FetchOptions): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'text/markdown, text/html;q=0.9, text/plain;q=0.8, */*;q=0.1' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const answer = await guardedRequest(url, 'GET', headers, options, (status) => (status >= 200 && status < 300 ? { maxBytes, over: 'refuse' } : null));
  return {
    status: answer.status,
    location: header(answer.headers.location),
    etag: header(answer.headers.etag),
    lastModified: header(answer.headers['last-modified'], 200),
    contentType: header(answer.headers['content-type']) ?? '',
    body: answer.body?.toString('utf8') ?? '',
  };
}
