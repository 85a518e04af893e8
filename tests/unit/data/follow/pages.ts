import { createHash } from 'node:crypto';
import { newDocument } from '../../../../data/document';
import { ListFollower, type ListFollowerOptions } from '../../../../data/follow/list-follower';
import { importFile } from '../../../../data/import/detect';
import { addImportedList } from '../../../../data/import/to-list';
import { DocumentSchema, type StudyDocument } from '../../../../data/model/schema';
import { startServer, type TestServer } from '../../../support/link-servers';

/**
 * A page on loopback that answers with the text it holds now; with `validators`, an ETag and 304 to a
 * matching If-None-Match, without them the whole page every time (as many simple sites do).
 */
export async function servePage(servers: TestServer[], contentType: string, initial: string, validators = true) {
  let body = initial;
  const server = await startServer((req, res) => {
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (validators && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, ...(validators ? { etag } : {}) });
    res.end(body);
  });
  servers.push(server);
  return { server, set: (text: string) => (body = text) };
}

/** A document with one list imported from `content`, and a follower over it that counts its writes. */
export function followerOver(fileName: string, content: string, options: Partial<ListFollowerOptions> = {}) {
  const doc: StudyDocument = newDocument([]);
  const list = addImportedList(doc, importFile(fileName, content), '2026-01-01T00:00:00.000Z');
  let writes = 0;
  const follower = new ListFollower({
    document: () => doc,
    change: async (apply) => {
      writes++;
      const result = apply(doc);
      DocumentSchema.parse(doc);
      return result;
    },
    readOnly: () => null,
    ...options,
    run: { timeoutMs: 3000, allowPrivateNetwork: true, ...options.run },
  });
  return { doc, listId: list.id, follower, writes: () => writes, list: () => doc.lists.find((l) => l.id === list.id)! };
}
