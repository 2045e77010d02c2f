// Only same-site paths are accepted as "return to" targets (no open redirects).
export function safeCallbackUrl(value: unknown, fallback = '/home'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  return value;
}
