/**
 * The reach view's chart: a horizontal bar per district with its number of distinct initiatives,
 * districts without any labelled as a gap. Server-rendered SVG (no client JavaScript, prints with
 * the page), a pure function of its props; the words come from the caller. `role="img"` with a
 * title and a description saying the table below has the same figures (the table is what assistive
 * technology reads).
 */

export interface ReachChartBar {
  label: string;
  count: number;
}

export interface ReachChartProps {
  /** Prefix of the ids of the title, description and gap pattern (unique on the page). */
  id: string;
  title: string;
  desc: string;
  /** The label shown for a bar of 0, e.g. "0 – lucka". */
  gapLabel: string;
  bars: readonly ReachChartBar[];
}

// Narrow enough that the labels stay readable when the SVG shrinks to a phone's width.
export const CHART_WIDTH = 480;
const LABEL_WIDTH = 112;
const VALUE_WIDTH = 88;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;
const TOP = 8;
/** Room for the bars: the longest bar is this wide. */
export const BAR_AREA = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;

/** The width of a bar of `count` when the largest is `max` (at least 2 px for any non-zero). */
export function barWidth(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(2, Math.round((count / max) * BAR_AREA));
}

export function ReachChart({ id, title, desc, gapLabel, bars }: ReachChartProps) {
  const max = Math.max(0, ...bars.map((bar) => bar.count));
  const height = TOP * 2 + bars.length * ROW_HEIGHT;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const patternId = `${id}-gap`;
  return (
    <svg
      className="reach-chart"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{desc}</desc>
      <defs>
        <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#8a1c1c" strokeWidth="2" />
        </pattern>
      </defs>
      {bars.map((bar, index) => {
        const y = TOP + index * ROW_HEIGHT;
        const middle = y + ROW_HEIGHT / 2;
        const gap = bar.count <= 0;
        const width = barWidth(bar.count, max);
        return (
          <g key={bar.label} className={gap ? "reach-chart__row reach-chart__row--gap" : "reach-chart__row"} data-label={bar.label} data-count={bar.count}>
            <text x={LABEL_WIDTH - 8} y={middle} textAnchor="end" dominantBaseline="middle" fontSize="14" fill="#1b1b1f">
              {bar.label}
            </text>
            {gap ? (
              <rect className="reach-chart__gap" x={LABEL_WIDTH} y={y + (ROW_HEIGHT - BAR_HEIGHT) / 2} width={12} height={BAR_HEIGHT} fill={`url(#${patternId})`} stroke="#8a1c1c" strokeDasharray="3 2" />
            ) : (
              <rect className="reach-chart__bar" x={LABEL_WIDTH} y={y + (ROW_HEIGHT - BAR_HEIGHT) / 2} width={width} height={BAR_HEIGHT} fill="#00507a" />
            )}
            <text
              className="reach-chart__value"
              x={LABEL_WIDTH + (gap ? 12 : width) + 6}
              y={middle}
              dominantBaseline="middle"
              fontSize="14"
              fontWeight={gap ? 700 : 400}
              fill={gap ? "#8a1c1c" : "#1b1b1f"}
            >
              {gap ? gapLabel : String(bar.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
