// Default limits of one upload. The authoring form shows the same numbers (formatBytes).

import type { ParseLimits } from './types';

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ParseLimits = {
  maxFileBytes: 20 * MB,
  maxFiles: 50,
  maxTotalBytes: 100 * MB,
  maxPdfPages: 2000,
  timeoutMs: 120_000,
  maxUnzippedBytes: 200 * MB,
  maxZipEntries: 5000,
  maxCompressionRatio: 200,
  maxTextChars: 5_000_000,
};

export function resolveLimits(limits?: Partial<ParseLimits>): ParseLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** "20 MB", "512 KB", "900 bytes". */
export function formatBytes(n: number): string {
  if (n >= MB) return `${Number((n / MB).toFixed(1))} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
