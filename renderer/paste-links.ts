/**
 * The web addresses in pasted or dropped text (#20): one address, a list of them, or a block of
 * Markdown or plain text with links in it. In the order they appear, each once, at most MAX_LINKS.
 */
export const MAX_LINKS = 200;

const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;

export function linksInText(text: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const match of text.slice(0, 1_000_000).matchAll(ADDRESS)) {
    const url = trimmed(match[0]);
    if (!url || seen.has(url)) continue;
    try {
      const parsed = new URL(url);
      if (parsed.hostname === '' || parsed.username || parsed.password) continue;
    } catch {
      continue;
    }
    seen.add(url);
    found.push(url);
    if (found.length >= MAX_LINKS) break;
  }
  return found;
}

/** Punctuation that ends a sentence or closes Markdown around an address is not part of it. */
function trimmed(raw: string): string {
  let url = raw;
  for (;;) {
    const before = url;
    url = url.replace(/[.,;:!?*_~]+$/, '');
    // A closing bracket belongs to the address only when it opened one: [text](https://x/a_(b)).
    if (/[)\]]$/.test(url)) {
      const open = url.endsWith(')') ? '(' : '[';
      const close = url.at(-1)!;
      if (url.split(open).length < url.split(close).length) url = url.slice(0, -1);
    }
    if (url === before) return url.length > 4096 ? '' : url;
  }
}

/** Whether an event's target is a place the user types into: there, a paste is text, not a link to add. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  return target instanceof HTMLSelectElement;
}
