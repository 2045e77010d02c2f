// Only same-site paths are accepted as "return to" targets (no open redirects).
const PROBE_ORIGIN = 'http://same-origin.invalid';

export function safeCallbackUrl(value: unknown, fallback = '/home'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  // Browsers drop tabs and newlines inside a URL and read "\" as "/", so "/\t/evil.example" would become
  // "//evil.example" (another site); refuse control characters and backslashes anywhere.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  // And resolve it the way a browser would: it must stay on our origin.
  try {
    if (new URL(value, PROBE_ORIGIN).origin !== PROBE_ORIGIN) return fallback;
  } catch {
    return fallback;
  }
  return value;
}
