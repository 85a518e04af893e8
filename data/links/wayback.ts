/**
 * The Internet Archive's Wayback Machine address of the copy nearest to a date:
 * `https://web.archive.org/web/<yyyymmdd>/<url>` (the Archive redirects to the nearest capture).
 */
export function archivedCopyUrl(url: string, date: Date): string {
  const day = Number.isNaN(date.getTime()) ? new Date() : date;
  const stamp = `${day.getUTCFullYear()}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
  return `https://web.archive.org/web/${stamp}/${url}`;
}
