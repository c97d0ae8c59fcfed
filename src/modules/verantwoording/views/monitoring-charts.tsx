// Server-side SVG bar charts for monitoring. Each chart is an image with a title and a
// description (role="img", aria-labelledby) and the page puts a table with the same figures
// beside it. A hidden figure (fewer than 5 schools) is drawn as the words "verborgen", never as a
// bar. Presentation attributes only: the Content-Security-Policy forbids inline styles.
import type { Shown } from '../services/suppress.ts';

const ink = '#1a1a1a';
const grid = '#d0d0d0';
const bar = '#154273';
const muted = '#6b6b6b';

export interface ChartBar {
  label: string;
  value: Shown<number>;
}

/** Horizontal bars from 0 to `max` (100 for percentages), one per row, with the value written. */
export function BarChart({
  id,
  title,
  description,
  bars,
  max = 100,
  format = (v: number) => `${v.toLocaleString('nl-NL')}%`,
}: {
  id: string;
  title: string;
  description: string;
  bars: ChartBar[];
  max?: number;
  format?: (v: number) => string;
}) {
  const labelWidth = 260;
  const plotWidth = 340;
  const row = 24;
  const top = 10;
  const height = top + bars.length * row + 26;
  const scale = plotWidth / Math.max(max, 1);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);
  const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-titel ${id}-omschrijving`}
      viewBox={`0 0 ${labelWidth + plotWidth + 110} ${height}`}
      width="100%"
      class="npo-chart"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-titel`}>{title}</title>
      <desc id={`${id}-omschrijving`}>{description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={labelWidth + t * scale}
            x2={labelWidth + t * scale}
            y1={top}
            y2={height - 22}
            stroke={grid}
          />
          <text x={labelWidth + t * scale} y={height - 6} font-size="11" fill={ink} text-anchor="middle">
            {format(Math.round(t))}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * row;
        return (
          <g key={`${b.label}-${i}`}>
            <text x={labelWidth - 8} y={y + 15} font-size="12" fill={ink} text-anchor="end">
              {short(b.label)}
            </text>
            {b.value.hidden ? (
              <text x={labelWidth + 6} y={y + 15} font-size="11" fill={muted} font-style="italic">
                verborgen (minder dan 5 scholen)
              </text>
            ) : (
              <>
                <rect
                  x={labelWidth}
                  y={y + 4}
                  width={Math.max(b.value.value * scale, 1)}
                  height={row - 9}
                  fill={bar}
                />
                <text x={labelWidth + b.value.value * scale + 4} y={y + 15} font-size="11" fill={ink}>
                  {format(b.value.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
