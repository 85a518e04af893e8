import type { Skipped } from './imported';
import { isSafeExternalUrl } from '../model/web-url';

/** The longest address kept (the document's limit, data/model/schema.ts). */
export const MAX_URL = 4096;

export const REASONS = {
  empty: 'a link with no address',
  anchor: 'a link to a place on the same page (a table of contents): navigation, not a resource',
  query: 'a browser query, not a page',
  script: 'a bookmarklet (javascript:), not a page',
  relative: 'a relative link: the file gives no web address to resolve it against',
  notWeb: 'not a web address (http or https): not imported',
  tooLong: `an address longer than ${MAX_URL.toLocaleString('en')} characters: not imported`,
} as const;

/** Why an address is not a page to study, or null when it is one (http or https). */
export function whyNotAPage(href: string): string | null {
  const url = href.trim();
  if (url.length > MAX_URL) return REASONS.tooLong;
  const isPage: boolean = isSafeExternalUrl(url);
  if (isPage) return null;
  if (url === '') return REASONS.empty;
  if (url.startsWith('#')) return REASONS.anchor;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'place') return REASONS.query;
  if (scheme === 'javascript') return REASONS.script;
  if (scheme === undefined && !url.startsWith('//')) return REASONS.relative;
  return REASONS.notWeb;
}

/** `href` read against `base` (a page's <base href>, or null): an absolute address, or `href` as it was. */
export function resolved(href: string, base: string | null): string {
  const url = href.trim();
  // A protocol-relative address (`//cdn.example/x`) is a web address whatever the page's scheme was.
  if (!base && url.startsWith('//') && url.length > 2) return `https:${url}`;
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url === '') return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * The address of an entry (a bullet, a bookmark, a link of a page): its http(s) URL, or null when it
 * is not a page, the entry then being left out and listed in `skipped` with the reason.
 */
export function entryUrl(href: string, title: string, line: number | null, skipped: Skipped[]): string | null {
  const why = whyNotAPage(href);
  if (why === null) return href.trim();
  const shown = title && title !== href ? `${title} (${href.trim()})` : href.trim();
  skipped.push({ line, text: shown.slice(0, 120), reason: why });
  return null;
}
