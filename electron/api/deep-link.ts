import { isSafeExternalUrl } from './external-url';

/**
 * studyshelf://add?url=…&title=… — what the README's bookmarklet opens, and the only thing such a link
 * can do: add one http(s) resource to the list shown. It never opens, changes or deletes anything. Any
 * program can open such a link, so everything in it is untrusted: this parser is the gate.
 */
export const DEEP_LINK_SCHEME = 'studyshelf';
/** Longer than any real page address with its title; beyond it the link is refused whole. */
export const MAX_DEEP_LINK_LENGTH = 8192;
const MAX_TITLE = 500;

export type DeepLink =
  | { ok: true; url: string; title: string; /** The window was not focused: it asks before adding. */ ask: boolean }
  | { ok: false; message: string };

const refused = (message: string): DeepLink => ({ ok: false, message });

export function parseDeepLink(raw: unknown, ask: boolean): DeepLink {
  if (typeof raw !== 'string' || !raw.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) return refused('That link is not a Studyshelf link.');
  if (raw.length > MAX_DEEP_LINK_LENGTH) return refused('That Studyshelf link is too long to be a page’s address; nothing was added.');
  let link: URL;
  try {
    link = new URL(raw);
  } catch {
    return refused('That Studyshelf link is malformed; nothing was added.');
  }
  // studyshelf://add?… (and studyshelf:add?… as some systems pass it): nothing else is a command.
  const command = link.host || link.pathname.replace(/^\/+/, '');
  if (command.replace(/\/+$/, '').toLowerCase() !== 'add' || (link.host && link.pathname.replace(/\/+$/, '') !== '')) {
    return refused('A Studyshelf link can only add a resource; nothing was done.');
  }
  const urls = link.searchParams.getAll('url');
  if (urls.length === 0) return refused('That Studyshelf link has no address to add.');
  if (urls.length > 1) return refused('That Studyshelf link has more than one address; nothing was added.');
  const url = urls[0]!.trim();
  if (!isSafeExternalUrl(url)) return refused('A Studyshelf link can only add a web page (an http or https address); nothing was added.');
  const titles = link.searchParams.getAll('title');
  if (titles.length > 1) return refused('That Studyshelf link has more than one title; nothing was added.');
  // eslint-disable-next-line no-control-regex -- control characters have no place in a title
  const title = (titles[0] ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (title.length > MAX_TITLE) return refused(`That page’s title is longer than ${MAX_TITLE} characters; nothing was added.`);
  return { ok: true, url, title: title || new URL(url).hostname, ask };
}

/** The link a system passed on the command line (Windows and Linux), if any. */
export function deepLinkInArgv(argv: unknown): string | null {
  if (!Array.isArray(argv)) return null;
  const link: unknown = argv.find((arg) => typeof arg === 'string' && arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
  return typeof link === 'string' ? link : null;
}

/**
 * Links that arrived, parsed, until the window takes them (takeDeepLinks): one that came before the
 * window listened is not lost, and each is handed over once. Bounded: a flood keeps only the newest.
 */
export class DeepLinkQueue {
  private links: DeepLink[] = [];
  push(link: DeepLink): void {
    this.links = [...this.links, link].slice(-20);
  }
  take(): DeepLink[] {
    const taken = this.links;
    this.links = [];
    return taken;
  }
}
