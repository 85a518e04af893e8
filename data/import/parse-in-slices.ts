import { DomHandler, type Document, type DomHandlerOptions } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';
import { MAX_NESTING, nestedTooDeeply } from './imported';

const SLICE_CHARS = 64 * 1024;

/** htmlparser2's DOM builder, refusing an element more than MAX_NESTING deep and counting the elements. */
class LimitedHandler extends DomHandler {
  elements = 0;

  constructor(
    private readonly fileName: string,
    options: DomHandlerOptions,
  ) {
    super(undefined, options);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    // The stack holds the document itself, then each open element.
    if (this.tagStack.length > MAX_NESTING) throw nestedTooDeeply(this.fileName);
    this.elements++;
    super.onopentag(name, attribs);
  }
}

export interface Parsed {
  doc: Document;
  /** How many elements it has: the size of the walk that follows. */
  elements: number;
}

/** htmlparser2's parseDocument, with the depth limit. */
export function parseWhole(fileName: string, content: string, options: ParserOptions & DomHandlerOptions): Parsed {
  const handler = new LimitedHandler(fileName, options);
  new Parser(handler, options).end(content);
  return { doc: handler.root, elements: handler.elements };
}

/**
 * The same, fed a slice at a time (htmlparser2 is a streaming parser), with `between(done, total)`
 * awaited after each slice: a 20 MB bookmarks file reports progress and can be cancelled.
 */
export async function parseDocumentInSlices(fileName: string, content: string, options: ParserOptions & DomHandlerOptions, between: (done: number, total: number) => Promise<void>): Promise<Parsed> {
  const handler = new LimitedHandler(fileName, options);
  const parser = new Parser(handler, options);
  const total = Math.max(1, Math.ceil(content.length / SLICE_CHARS));
  for (let i = 0; i < total; i++) {
    parser.write(content.slice(i * SLICE_CHARS, (i + 1) * SLICE_CHARS));
    await between(i + 1, total);
  }
  parser.end();
  return { doc: handler.root, elements: handler.elements };
}
