import type { StudyList } from '../schema';
import { isSafeExternalUrl } from '../web-url';

/** Every web address of the lists: resources, their parts and their nested links. */
export function addressesOf(lists: readonly StudyList[]): string[] {
  const urls = new Set<string>();
  const add = (url: string | null) => {
    if (isSafeExternalUrl(url)) urls.add(url);
  };
  for (const list of lists) {
    for (const resource of list.resources) {
      add(resource.url);
      for (const part of resource.parts) add(part.url);
      for (const link of resource.links) add(link.url);
    }
  }
  return [...urls];
}
