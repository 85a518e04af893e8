/**
 * Whether a value may be handed to the system browser. Only absolute http(s) URLs with a host pass:
 * never `javascript:`, `file:`, `data:`, UNC paths, custom schemes, credentials or malformed text.
 * Takes `unknown` because it guards a trust boundary.
 */
export function isSafeExternalUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) return false;
  // Control characters and backslashes let a string mean one thing to us and another to the OS.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (!/^https?:\/\/[^/]/i.test(value)) return false;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return false;
  return true;
}
