import { Parser } from 'htmlparser2';

/** Tags whose text is not what a person reads as the page. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'iframe', 'head', 'title']);

export interface Collected {
  meta: Map<string, string>;
  title: string | null;
  jsonLd: string[];
  /** Words in <article>/<main> (when there is one) and in the whole body. */
  mainWords: number;
  bodyWords: number;
  hasMain: boolean;
  duration: string | null;
  /** The text of a <dd> that follows <dt>Author:</dt> (a PEP's header, docutils field lists). */
  fieldAuthor: string | null;
}


/** One pass over the page: its meta tags, title, JSON-LD blocks, word counts and a PEP's header fields. */
export function collect(html: string): Collected {
  const out: Collected = { meta: new Map(), title: null, jsonLd: [], mainWords: 0, bodyWords: 0, hasMain: false, duration: null, fieldAuthor: null };
  let dt: 'none' | 'reading' | 'author' = 'none';
  let dtText = '';
  let dd = false;
  let ddText = '';
  let skip = 0;
  let inBody = false;
  let main = 0;
  let titleDepth = 0;
  let svg = 0;
  let titleText = '';
  let ldDepth = false;
  let ldText = '';
  const stack: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (name === 'body') inBody = true;
        if (name === 'svg') svg += 1;
        if (NOT_TEXT.has(name)) skip += 1;
        if (name === 'article' || name === 'main') {
          main += 1;
          out.hasMain = true;
        }
        if (name === 'dt') {
          dt = 'reading';
          dtText = '';
        }
        if (name === 'dd' && dt === 'author' && out.fieldAuthor === null) {
          dd = true;
          ddText = '';
        }
        if (name === 'title' && svg === 0 && out.title === null) titleDepth += 1;
        if (name === 'script' && (attrs.type ?? '').toLowerCase() === 'application/ld+json') {
          ldDepth = true;
          ldText = '';
        }
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').trim().toLowerCase();
          const value = (attrs.content ?? attrs.value ?? '').trim();
          if (key && value && !out.meta.has(key)) out.meta.set(key, value);
          if (key === 'duration' && attrs.itemprop && out.duration === null) out.duration = value;
        }
      },
      ontext(text) {
        if (titleDepth > 0) titleText += text;
        if (ldDepth) ldText += text;
        if (dt === 'reading') dtText += text;
        if (dd) ddText += text;
        if (!inBody || skip > 0) return;
        const words = countWords(text);
        out.bodyWords += words;
        if (main > 0) out.mainWords += words;
      },
      onclosetag(name) {
        // htmlparser2 closes what was left open: pop to the matching tag.
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
        if (name === 'svg') svg = Math.max(0, svg - 1);
        if (name === 'dt' && dt === 'reading') dt = /^authors?\s*:?$/i.test(clean(dtText)) ? 'author' : 'none';
        if (name === 'dd' && dd) {
          dd = false;
          dt = 'none';
          out.fieldAuthor = clean(ddText) || null;
        }
        if (NOT_TEXT.has(name)) skip = Math.max(0, skip - 1);
        if (name === 'article' || name === 'main') main = Math.max(0, main - 1);
        if (name === 'title' && titleDepth > 0) {
          titleDepth = 0;
          const text = clean(titleText);
          if (text) out.title = text;
        }
        if (name === 'script' && ldDepth) {
          ldDepth = false;
          if (out.jsonLd.length < 20) out.jsonLd.push(ldText);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return out;
}

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) n += 1;
  return n;
}

export function clean(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters never belong in a title
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}
