// Server-side SVG charts for the analysis. Each chart is an image with a title and a short
// description (role="img", aria-labelledby); the page puts a table with the same numbers
// beside it. Only presentation attributes: the Content-Security-Policy forbids inline styles.
import { decimal } from './format.ts';

const ink = '#1a1a1a';
const axis = '#6b6b6b';
const behind = '#9c2a00';
const ahead = '#154273';

export interface DelayBar {
  label: string;
  /** Estimated delay in months (positive = behind), or null with a reason. */
  months: number | null;
  missing?: string;
  /** Within the margin of chance: drawn grey. */
  uncertain?: boolean;
}

/** Horizontal bars around zero: to the left is behind earlier cohorts, to the right ahead. */
export function DelayChart({
  id,
  title,
  description,
  bars,
}: {
  id: string;
  title: string;
  description: string;
  bars: DelayBar[];
}) {
  const labelWidth = 190;
  const plotWidth = 380;
  const row = 26;
  const top = 34;
  const height = top + bars.length * row + 30;
  const known = bars.flatMap((b) => (b.months === null ? [] : [Math.abs(b.months)]));
  const range = Math.max(2, Math.ceil(Math.max(0, ...known)));
  const x0 = labelWidth + plotWidth / 2;
  const scale = plotWidth / 2 / range;
  const ticks = [-range, -range / 2, 0, range / 2, range];
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
      <text x={labelWidth} y="14" font-size="12" fill={ink}>
        ← achter
      </text>
      <text x={labelWidth + plotWidth} y="14" font-size="12" fill={ink} text-anchor="end">
        voor →
      </text>
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={x0 + t * scale}
            x2={x0 + t * scale}
            y1={top - 6}
            y2={height - 24}
            stroke={t === 0 ? ink : '#d0d0d0'}
          />
          <text x={x0 + t * scale} y={height - 8} font-size="11" fill={ink} text-anchor="middle">
            {decimal(Math.abs(t), t % 1 === 0 ? 0 : 1)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * row;
        const w = b.months === null ? 0 : Math.abs(b.months) * scale;
        const x = b.months !== null && b.months > 0 ? x0 - w : x0;
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={y + 15} font-size="12" fill={ink} text-anchor="end">
              {b.label}
            </text>
            {b.months === null ? (
              <text x={x0 + 6} y={y + 15} font-size="11" fill={axis} font-style="italic">
                {b.missing ?? 'geen schatting'}
              </text>
            ) : (
              <>
                <rect
                  x={x}
                  y={y + 4}
                  width={Math.max(w, 1)}
                  height={row - 10}
                  fill={b.uncertain ? axis : b.months > 0 ? behind : ahead}
                />
                <text
                  x={b.months > 0 ? x - 4 : x + w + 4}
                  y={y + 15}
                  font-size="11"
                  fill={ink}
                  text-anchor={b.months > 0 ? 'end' : 'start'}
                >
                  {decimal(Math.abs(b.months))}
                </text>
              </>
            )}
          </g>
        );
      })}
      <text x={labelWidth + plotWidth + 8} y={height - 8} font-size="11" fill={ink}>
        maanden
      </text>
    </svg>
  );
}

export interface LevelBar {
  label: string;
  shares: { level: string; share: number }[];
}

const levelColours = ['#0b2e59', '#1f5596', '#5b86bf', '#9db8dc', '#d6e2f1'];

/** Stacked bars from 0 to 100 %: the share of pupils per level, now and before 2020-2021. */
export function LevelChart({
  id,
  title,
  description,
  bars,
  levels,
}: {
  id: string;
  title: string;
  description: string;
  bars: LevelBar[];
  levels: readonly string[];
}) {
  const labelWidth = 230;
  const plotWidth = 380;
  const row = 22;
  const top = 30;
  const height = top + bars.length * row + 24;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-titel ${id}-omschrijving`}
      viewBox={`0 0 ${labelWidth + plotWidth + 20} ${height}`}
      width="100%"
      class="npo-chart"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-titel`}>{title}</title>
      <desc id={`${id}-omschrijving`}>{description}</desc>
      {levels.map((l, i) => (
        <g key={l}>
          <rect x={labelWidth + i * 60} y="6" width="14" height="14" fill={levelColours[i]} stroke={axis} />
          <text x={labelWidth + i * 60 + 18} y="18" font-size="12" fill={ink}>
            {l}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * row;
        let x = labelWidth;
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={y + 14} font-size="12" fill={ink} text-anchor="end">
              {b.label}
            </text>
            {b.shares.map((s, j) => {
              const w = s.share * plotWidth;
              const rect = (
                <rect
                  key={s.level}
                  x={x}
                  y={y + 3}
                  width={w}
                  height={row - 6}
                  fill={levelColours[j]}
                  stroke="#ffffff"
                />
              );
              x += w;
              return rect;
            })}
          </g>
        );
      })}
      {[0, 50, 100].map((p) => (
        <text
          key={p}
          x={labelWidth + (p / 100) * plotWidth}
          y={height - 6}
          font-size="11"
          fill={ink}
          text-anchor="middle"
        >
          {p} %
        </text>
      ))}
    </svg>
  );
}
