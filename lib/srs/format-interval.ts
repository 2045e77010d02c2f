// Short human labels for intervals on answer buttons: "<1m", "10m", "1.5h", "3d", "2.5mo", "1.2y".
// Months are 30 days and years 365 days, as in Anki.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Round to one decimal and drop a trailing ".0". */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE_MS) return '<1m';
  // Each unit is used while its rounded value stays below the next unit, so 59.6 min reads "1h", not "60m".
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round((ms / HOUR_MS) * 10) / 10;
  if (hours < 24) return `${oneDecimal(hours)}h`;
  const days = ms / DAY_MS;
  if (Math.round(days * 10) / 10 < 30) return `${oneDecimal(days)}d`;
  const months = days / 30;
  if (Math.round(months * 10) / 10 < 12) return `${oneDecimal(months)}mo`;
  return `${oneDecimal(days / 365)}y`;
}
