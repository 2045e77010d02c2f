// SVG charts with text alternatives: a year heatmap of reviews and a 30-day due forecast.
import type { DayCount } from '@/lib/srs';

function level(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return Math.min(4, Math.ceil((count / max) * 4));
}

const FILLS = ['var(--color-surface-2)', 'color-mix(in srgb, var(--color-success) 30%, transparent)', 'color-mix(in srgb, var(--color-success) 55%, transparent)', 'color-mix(in srgb, var(--color-success) 80%, transparent)', 'var(--color-success)'];

export function Heatmap({ days }: { days: DayCount[] }) {
  const max = Math.max(0, ...days.map((d) => d.count));
  const total = days.reduce((n, d) => n + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  const first = days[0] ? new Date(`${days[0].day}T12:00:00Z`).getUTCDay() : 0;
  const cell = 11;
  const weeks = Math.ceil((days.length + first) / 7);
  const summary = `${total} reviews on ${active} of the last ${days.length} days; busiest day ${max} reviews.`;
  return (
    <figure>
      <svg role="img" aria-label={`Review heatmap: ${summary}`} viewBox={`0 0 ${weeks * cell} ${7 * cell}`} className="h-auto w-full max-w-3xl">
        {days.map((d, i) => {
          const slot = i + first;
          return (
            <rect key={d.day} x={Math.floor(slot / 7) * cell} y={(slot % 7) * cell} width={cell - 2} height={cell - 2} rx={2} fill={FILLS[level(d.count, max)]}>
              <title>{`${d.day}: ${d.count} review${d.count === 1 ? '' : 's'}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="mt-2 text-sm text-muted">{summary}</figcaption>
    </figure>
  );
}

export function Forecast({ days }: { days: DayCount[] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const w = 20;
  const h = 100;
  const total = days.reduce((n, d) => n + d.count, 0);
  return (
    <figure>
      <svg role="img" aria-label={`Due forecast: ${total} reviews in the next ${days.length} days, ${days[0]?.count ?? 0} today.`} viewBox={`0 0 ${days.length * w} ${h + 14}`} className="h-auto w-full max-w-3xl">
        {days.map((d, i) => {
          const bh = Math.round((d.count / max) * h);
          return (
            <g key={d.day}>
              <rect x={i * w + 2} y={h - bh} width={w - 4} height={Math.max(bh, d.count > 0 ? 1 : 0)} rx={2} fill="var(--color-accent)">
                <title>{`${d.day}: ${d.count} due`}</title>
              </rect>
              {i % 5 === 0 && (
                <text x={i * w + w / 2} y={h + 12} fontSize="9" textAnchor="middle" fill="var(--color-muted)">
                  {i === 0 ? 'today' : `+${i}d`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted">Forecast as a table</summary>
        <table className="mt-2 text-left">
          <thead><tr><th className="pr-4">Day</th><th>Due</th></tr></thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}><td className="pr-4">{d.day}</td><td>{d.count}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
