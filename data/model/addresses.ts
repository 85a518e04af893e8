import type { Resource, StudyList } from './schema';
import { isSafeExternalUrl } from './web-url';

/** The web addresses of one resource: its own, its parts' and its nested links'. */
export function resourceAddresses(resource: Resource): string[] {
  const urls: string[] = [];
  for (const item of [resource, ...resource.parts, ...resource.links]) if (isSafeExternalUrl(item.url)) urls.push(item.url);
  return urls;
}

/** Every web address of the lists, each once. */
export function addressesOf(lists: readonly StudyList[]): string[] {
  const urls = new Set<string>();
  for (const list of lists) for (const resource of list.resources) for (const url of resourceAddresses(resource)) urls.add(url);
  return [...urls];
}
