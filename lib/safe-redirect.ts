// Only same-site paths are accepted as "return to" targets (no open redirects).
const PROBE_ORIGIN = 'http://same-origin.invalid';

/**
 * A same-site path to send the user back to, or `fallback`. The result is always ASCII (non-ASCII is
 * percent-encoded, the way a browser sends it), so it can go into a `Location` header: a raw "/日本" there
 * made `redirect()` throw and the page answer 500.
 */
export function safeCallbackUrl(value: unknown, fallback = '/home'): string {
  if (typeof value !== 'string' || value.length > 2048 || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  // Browsers drop tabs and newlines inside a URL and read "\" as "/", so "/\t/evil.example" would become
  // "//evil.example" (another site); refuse control characters and backslashes anywhere.
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return fallback;
  // And resolve it the way a browser would: it must stay on our origin.
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = url.href.slice(PROBE_ORIGIN.length);
  // Belt and braces: what goes out is a printable-ASCII same-site path.
  if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(path)) return fallback;
  return path;
}
