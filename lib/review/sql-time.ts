// DateTime as Prisma's SQLite adapter stores it: ISO text with "+00:00", compared as text, so every writer (the review
// store, scripts minting sessions or seeding benches) must use this one format. No imports: scripts load it alone.

export function sqlTime(d: Date): string {
  return d.toISOString().replace('Z', '+00:00');
}

export function fromSqlTime(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}
