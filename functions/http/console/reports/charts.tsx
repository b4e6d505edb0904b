import { percent } from '../../../reports/coverage';

const COLORS = { track: '#eeeef2', invited: '#d9d9e0', registered: '#f0b54a', present: '#14804a' };

/** A horizontal bar for a table cell: `value` of `max`, as inline SVG (no style attributes: CSP). */
export function Bar({
  value,
  max,
  width = 110,
  color = COLORS.present,
}: {
  value: number;
  max: number;
  width?: number;
  color?: string;
}) {
  const filled = max > 0 ? Math.round((Math.min(value, max) / max) * width) : 0;
  return (
    <svg
      class="bar"
      width={width}
      height="12"
      viewBox={`0 0 ${width} 12`}
      role="img"
      aria-label={`${percent(value, max)}%`}
    >
      <rect width={width} height="12" rx="2" fill={COLORS.track} />
      <rect width={filled} height="12" rx="2" fill={color} />
    </svg>
  );
}

export type ChartRow = { label: string; invited: number; registered: number; present: number };

/**
 * Coverage by kecamatan as one SVG: for each kecamatan a grey bar (invited cooperatives) with the registered
 * (amber) and present (green) cooperatives drawn over it, on one scale, with the figures at the end.
 */
export function CoverageChart({ rows, title }: { rows: ChartRow[]; title: string }) {
  const labelWidth = 170;
  const barWidth = 460;
  const rowHeight = 24;
  const top = 8;
  const width = labelWidth + barWidth + 110;
  const height = top * 2 + rows.length * rowHeight;
  const max = Math.max(1, ...rows.map((r) => r.invited));
  const scale = (n: number) => Math.round((n / max) * barWidth);
  return (
    <svg
      class="chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
    >
      <title>{title}</title>
      {rows.map((row, index) => {
        const y = top + index * rowHeight;
        return (
          <g>
            <text x={labelWidth - 8} y={y + 15} text-anchor="end" font-size="12" fill="#1d1d1f">
              {row.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 3}
              width={scale(row.invited)}
              height="16"
              rx="2"
              fill={COLORS.invited}
            />
            <rect
              x={labelWidth}
              y={y + 3}
              width={scale(row.registered)}
              height="16"
              rx="2"
              fill={COLORS.registered}
            />
            <rect
              x={labelWidth}
              y={y + 6}
              width={scale(row.present)}
              height="10"
              rx="2"
              fill={COLORS.present}
            />
            <text x={labelWidth + scale(row.invited) + 6} y={y + 15} font-size="11" fill="#5c5c66">
              {`${row.present}/${row.registered}/${row.invited}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ChartLegend({
  labels,
}: {
  labels: { invited: string; registered: string; present: string; figures: string };
}) {
  return (
    <p class="legend muted">
      <span>
        <span class="swatch invited" />
        {labels.invited}
      </span>
      <span>
        <span class="swatch registered" />
        {labels.registered}
      </span>
      <span>
        <span class="swatch present" />
        {labels.present}
      </span>
      <span>{`(${labels.figures})`}</span>
    </p>
  );
}
