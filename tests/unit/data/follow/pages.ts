import { newDocument } from '../../../../data/document';
import { ListFollower, type ListFollowerOptions } from '../../../../data/follow/list-follower';
import { importFile } from '../../../../data/import/detect';
import { addImportedList } from '../../../../data/import/to-list';
import { DocumentSchema, type StudyDocument } from '../../../../data/model/schema';

export { servePage } from '../../../support/page-server';

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
