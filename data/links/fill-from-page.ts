import { resolveRef } from '../model/refs';
import type { Resource, StudyDocument } from '../model/schema';
import { isSafeExternalUrl } from '../model/web-url';
import { lookUpPage, type PageFetchOptions } from './fetch-page';
import type { PageInfo } from './page-info';
import type { PageFill } from '../model/reports';

export type { PageFill } from '../model/reports';

/**
 * A resource as a paste or a drop leaves it: its address as its title and nothing else written. Any
 * edit by hand (a title, a kind, a note in the description…) ends this, and with it any filling in.
 */
export function isAsPasted(resource: Resource): boolean {
  return (
    resource.url !== null &&
    resource.title === resource.url &&
    resource.author === null &&
    resource.description === '' &&
    resource.kind === 'link' &&
    resource.siteName === undefined &&
    resource.estimateMinutes === undefined
  );
}

function pastedAt(doc: StudyDocument | null, ref: string): Resource | null {
  if (!doc) return null;
  const found = resolveRef(doc, ref);
  return found?.kind === 'resource' && isAsPasted(found.resource) ? found.resource : null;
}

/**
 * Writes what the page says into the resource at `ref`, only if it is still as pasted (checked again
 * here, inside the write: an edit made while the page was being read wins). True when it wrote.
 */
export function applyPageInfo(doc: StudyDocument, ref: string, info: PageInfo): boolean {
  const resource = pastedAt(doc, ref);
  if (!resource) return false;
  if (info.title) resource.title = info.title;
  if (info.description) resource.description = info.description;
  if (info.author) resource.author = info.author;
  if (info.kind) resource.kind = info.kind;
  if (info.siteName) resource.siteName = info.siteName;
  if (info.estimateMinutes) resource.estimateMinutes = info.estimateMinutes;
  return true;
}

export interface FillStore {
  document(): StudyDocument | null;
  changeResource<T>(ref: string, apply: (doc: StudyDocument) => T): Promise<T>;
}

/**
 * Reads the page of a resource that was just pasted or dropped and fills it in. Nothing is fetched for
 * a resource edited by hand; offline, or when the page does not answer, the resource stays as it is and
 * the reason is given, in words, for the card.
 */
export async function fillFromPage(store: FillStore, ref: string, options: PageFetchOptions): Promise<PageFill> {
  const before = pastedAt(store.document(), ref);
  if (!before || !isSafeExternalUrl(before.url)) return { state: 'edited', reason: null };
  const found = await lookUpPage(before.url, options);
  if (!found.ok) return { state: 'failed', reason: `Not filled in from the page: ${found.reason}.` };
  const info = found.info;
  if (Object.keys(info).length === 0) return { state: 'failed', reason: 'Not filled in: the page says nothing about itself.' };
  // Checked again before writing anything: nothing is written for a resource edited meanwhile.
  if (!pastedAt(store.document(), ref)) return { state: 'edited', reason: null };
  const wrote = await store.changeResource(ref, (doc) => applyPageInfo(doc, ref, info));
  return wrote ? { state: 'filled', reason: null } : { state: 'edited', reason: null };
}
