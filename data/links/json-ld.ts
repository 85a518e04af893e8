export interface LdFacts {
  headline?: string;
  description?: string;
  author?: string;
  publisher?: string;
  type?: string;
  duration?: string;
}

/** The first JSON-LD object that describes the page itself (an article, a video, a book, …). */
export function readJsonLd(blocks: string[]): LdFacts {
  for (const block of blocks) {
    let value: unknown;
    try {
      value = JSON.parse(block);
    } catch {
      continue;
    }
    const items = Array.isArray(value) ? value : isObject(value) && Array.isArray(value['@graph']) ? value['@graph'] : [value];
    for (const item of items) {
      if (!isObject(item)) continue;
      const type = typeName(item['@type']);
      if (!type || /^(Organization|WebSite|BreadcrumbList|Person|ImageObject|SearchAction)$/i.test(type)) continue;
      return {
        headline: text(item.headline) ?? text(item.name),
        description: text(item.description),
        author: nameOf(item.author),
        publisher: nameOf(item.publisher),
        type,
        duration: text(item.duration),
      };
    }
  }
  return {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function typeName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find((v): v is string => typeof v === 'string');
  return undefined;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.slice(0, 10).join(', ') : undefined;
  }
  if (isObject(value)) return text(value.name);
  return undefined;
}
