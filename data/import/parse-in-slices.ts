import { DomHandler, type Document, type DomHandlerOptions } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';

const SLICE_CHARS = 256 * 1024;

/**
 * htmlparser2's parseDocument, fed a slice at a time (it is a streaming parser), with `between(done,
 * total)` awaited after each slice: a 20 MB bookmarks file reports progress and can be cancelled.
 */
export async function parseDocumentInSlices(content: string, options: ParserOptions & DomHandlerOptions, between: (done: number, total: number) => Promise<void>): Promise<Document> {
  const handler = new DomHandler(undefined, options);
  const parser = new Parser(handler, options);
  const total = Math.max(1, Math.ceil(content.length / SLICE_CHARS));
  for (let i = 0; i < total; i++) {
    parser.write(content.slice(i * SLICE_CHARS, (i + 1) * SLICE_CHARS));
    await between(i + 1, total);
  }
  parser.end();
  return handler.root;
}
