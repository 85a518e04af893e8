const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "2 hours ago", "yesterday", "just now". */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

const KIND_LABELS: Record<string, string> = {
  documentation: 'Docs',
  'pep-index': 'PEPs',
  pep: 'PEP',
  reference: 'Reference',
  tutorial: 'Tutorial',
  book: 'Book',
  article: 'Article',
  'video-series': 'Video series',
  video: 'Video',
  'blog-series': 'Blog series',
  blog: 'Blog',
  talk: 'Talk',
  pdf: 'PDF',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/[-_]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** Only http(s) addresses are shown as links; anything else stays plain text. */
export function isWebUrl(url: string | null): url is string {
  return url !== null && /^https?:\/\/[^/\\\s]/i.test(url);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const counting = new Intl.NumberFormat(undefined);
/** A count as people read it: 10,000 rather than 10000 (in the user's own convention). */
export function count(n: number): string {
  return counting.format(n);
}
