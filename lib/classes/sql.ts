// Portable SQL with `?` placeholders for the review store (lib/review/store.ts), built as text and parameters
// together so the two never drift apart. Dates become the text the SQLite adapter stores (PostgreSQL reads it
// as the same UTC instant); nested fragments keep their own parameters in order.
import { sqlTime } from '@/lib/review/store';

export interface Sql {
  readonly text: string;
  readonly params: readonly unknown[];
}

const isSql = (v: unknown): v is Sql => typeof v === 'object' && v !== null && 'text' in v && 'params' in v && !(v instanceof Date);

function param(v: unknown): unknown {
  return v instanceof Date ? sqlTime(v) : v;
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0]!;
  const params: unknown[] = [];
  values.forEach((v, i) => {
    if (isSql(v)) {
      text += v.text;
      params.push(...v.params);
    } else {
      text += '?';
      params.push(param(v));
    }
    text += strings[i + 1]!;
  });
  return { text, params };
}

export const empty: Sql = { text: '', params: [] };

/** Values or fragments separated by commas (for IN lists and VALUES rows). */
export function join(items: readonly unknown[], separator = ', '): Sql {
  const parts = items.map((v) => (isSql(v) ? v : { text: '?', params: [param(v)] }));
  return { text: parts.map((p) => p.text).join(separator), params: parts.flatMap((p) => p.params) };
}

/** Raw rows as numbers: COUNT and SUM come back as numbers on both providers through the store, null as 0. */
export const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(v ?? 0));
