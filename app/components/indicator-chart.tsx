/**
 * One indicator over time: `<IndicatorChart>` draws the value per reporting period as a line with
 * points (a missing value breaks the line and is labelled), the target and the baseline as labelled
 * dashed lines; `<IndicatorTable>` has the same figures as a table (what assistive technology reads).
 * Server-rendered SVG with presentation attributes and classes only (the CSP forbids style
 * attributes), no client JavaScript, prints with the page. Numbers in the language's format
 * ("74,5 %"). Words from the `boardIndicators` translations; pass `locale` to render outside a route
 * (tests, e-mails), otherwise the page's language is used.
 */
import { format, getMessages, type Locale } from "~/lib/i18n";
import { formatIndicatorValue, formatNumber, unitLabel, type IndicatorSeries } from "~/lib/indicator-status";
import { useTranslation } from "~/lib/use-translation";

export interface IndicatorChartProps {
  series: IndicatorSeries;
  /** Prefix of the ids of the title and description (unique on the page); default from the code. */
  id?: string;
  /** Default: "CODE Name". */
  title?: string;
  /** Default: what the chart shows and that the table has the same figures. */
  desc?: string;
  /** Default: the page's language. */
  locale?: Locale;
}

// Geometry (viewBox units; the SVG scales to the width of its container) ----------------------------
export const CHART_WIDTH = 560;
export const PLOT_LEFT = 64;
/** Room to the right of the plot for the target and baseline labels. */
export const PLOT_RIGHT = CHART_WIDTH - 136;
export const PLOT_TOP = 24;
export const PLOT_HEIGHT = 180;
export const PLOT_BOTTOM = PLOT_TOP + PLOT_HEIGHT;
/** Space between the plot's edges and the first and last period. */
const X_PADDING = 28;
const LABEL_CHAR_WIDTH = 6.5;

const COLOURS = {
  text: "#1b1b1f",
  muted: "#4a4a55",
  grid: "#d9dde3",
  axis: "#4a4a55",
  line: "#00507a",
  target: "#1e6b30",
  baseline: "#4a4a55",
} as const;

export interface Scale {
  lo: number;
  hi: number;
  step: number;
  ticks: number[];
}

function decimalsOf(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step)) + (step / 10 ** Math.floor(Math.log10(step)) === 2.5 ? 1 : 0));
}

/** A "nice" axis covering all of `values` with about five ticks (1, 2, 2.5 or 5 × 10ⁿ apart). */
export function niceScale(values: readonly number[]): Scale {
  const finite = values.filter((value) => Number.isFinite(value));
  let min = finite.length ? Math.min(...finite) : 0;
  let max = finite.length ? Math.max(...finite) : 1;
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
    // A count of 0 or more never needs a negative axis.
    if (finite.every((value) => value >= 0) && min < 0) min = 0;
  }
  const rough = (max - min) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
  const decimals = decimalsOf(step);
  const round = (value: number) => Number(value.toFixed(decimals));
  const lo = round(Math.floor(min / step + 1e-9) * step);
  const hi = round(Math.ceil(max / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let index = 0; lo + index * step <= hi + step / 1e6; index += 1) ticks.push(round(lo + index * step));
  return { lo, hi, step, ticks };
}

/** x of the period `index` of `count` (a single period in the middle). */
export function xOf(index: number, count: number): number {
  if (count <= 1) return (PLOT_LEFT + PLOT_RIGHT) / 2;
  return PLOT_LEFT + X_PADDING + (index * (PLOT_RIGHT - PLOT_LEFT - 2 * X_PADDING)) / (count - 1);
}

/** y of `value` on `scale`. */
export function yOf(value: number, scale: Pick<Scale, "lo" | "hi">): number {
  const span = scale.hi - scale.lo || 1;
  return PLOT_TOP + ((scale.hi - value) / span) * PLOT_HEIGHT;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The line through the values, broken where a period has none: "M x y L x y M …". */
export function linePath(points: readonly { x: number; y: number | null }[]): string {
  const parts: string[] = [];
  let drawing = false;
  for (const point of points) {
    if (point.y === null) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? "L" : "M"}${round1(point.x)} ${round1(point.y)}`);
    drawing = true;
  }
  return parts.join(" ");
}

function safeId(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, "-");
}

export function IndicatorChart(props: IndicatorChartProps) {
  return props.locale ? <IndicatorChartView {...props} locale={props.locale} /> : <IndicatorChartInPage {...props} />;
}

function IndicatorChartInPage(props: IndicatorChartProps) {
  const { locale } = useTranslation();
  return <IndicatorChartView {...props} locale={locale} />;
}

function IndicatorChartView({ series, id, title, desc, locale }: IndicatorChartProps & { locale: Locale }) {
  const words = getMessages(locale).boardIndicators;
  const prefix = id ?? `indicator-chart-${safeId(series.code || series.indicatorId)}`;
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  const count = series.points.length;
  const values = series.points.map((point) => point.value).filter((value): value is number => value !== null && Number.isFinite(value));
  const references = [series.target, series.baseline].filter((value): value is number => value !== null && Number.isFinite(value));
  const scale = niceScale([...values, ...references]);
  const show = (value: number) => formatIndicatorValue(value, series.unit, locale);

  // Period labels: horizontal while they fit, otherwise slanted.
  const longest = Math.max(0, ...series.points.map((point) => point.periodName.length));
  const spacing = count > 1 ? (PLOT_RIGHT - PLOT_LEFT - 2 * X_PADDING) / (count - 1) : PLOT_RIGHT - PLOT_LEFT;
  const slanted = longest * LABEL_CHAR_WIDTH > spacing - 8;
  const labelRoom = slanted ? Math.ceil(longest * LABEL_CHAR_WIDTH * 0.58) + 24 : 28;
  const height = PLOT_BOTTOM + labelRoom;

  const positioned = series.points.map((point, index) => ({
    point,
    x: xOf(index, count),
    y: point.value !== null && Number.isFinite(point.value) ? yOf(point.value, scale) : null,
  }));

  // Target and baseline labels: kept apart when the lines are close.
  const targetY = series.target !== null ? yOf(series.target, scale) : null;
  const baselineY = series.baseline !== null ? yOf(series.baseline, scale) : null;
  let targetLabelY = targetY;
  let baselineLabelY = baselineY;
  if (targetY !== null && baselineY !== null && Math.abs(targetY - baselineY) < 14) {
    const middle = (targetY + baselineY) / 2;
    const targetAbove = targetY <= baselineY;
    targetLabelY = middle + (targetAbove ? -7 : 7);
    baselineLabelY = middle + (targetAbove ? 7 : -7);
  }

  const chartTitle = title ?? `${series.code} ${series.name}`;
  const chartDesc = desc ?? (count === 1 ? words.chart.descOne : format(words.chart.desc, { count }));

  return (
    <svg
      className="indicator-chart"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      xmlns="http://www.w3.org/2000/svg"
      data-lo={scale.lo}
      data-hi={scale.hi}
    >
      <title id={titleId}>{chartTitle}</title>
      <desc id={descId}>{chartDesc}</desc>

      <g className="indicator-chart__grid">
        {scale.ticks.map((tick) => {
          const y = round1(yOf(tick, scale));
          return (
            <g key={tick} className="indicator-chart__tick" data-tick={tick}>
              <line x1={PLOT_LEFT} x2={PLOT_RIGHT} y1={y} y2={y} stroke={tick === 0 ? COLOURS.axis : COLOURS.grid} strokeWidth={tick === 0 ? 1.5 : 1} />
              <text x={PLOT_LEFT - 6} y={y} textAnchor="end" dominantBaseline="middle" fontSize="12" fill={COLOURS.muted}>
                {formatNumber(tick, locale)}
              </text>
            </g>
          );
        })}
        <line x1={PLOT_LEFT} x2={PLOT_LEFT} y1={PLOT_TOP} y2={PLOT_BOTTOM} stroke={COLOURS.axis} strokeWidth="1" />
      </g>

      {series.baseline !== null && baselineY !== null && baselineLabelY !== null ? (
        <g className="indicator-chart__baseline" data-value={series.baseline}>
          <line x1={PLOT_LEFT} x2={PLOT_RIGHT} y1={round1(baselineY)} y2={round1(baselineY)} stroke={COLOURS.baseline} strokeWidth="2" strokeDasharray="2 4" strokeLinecap="round" />
          <text x={PLOT_RIGHT + 6} y={round1(baselineLabelY)} dominantBaseline="middle" fontSize="12" fill={COLOURS.baseline}>
            {format(words.chart.baseline, { value: show(series.baseline) })}
          </text>
        </g>
      ) : null}

      {series.target !== null && targetY !== null && targetLabelY !== null ? (
        <g className="indicator-chart__target" data-value={series.target}>
          <line x1={PLOT_LEFT} x2={PLOT_RIGHT} y1={round1(targetY)} y2={round1(targetY)} stroke={COLOURS.target} strokeWidth="2" strokeDasharray="8 5" />
          <text x={PLOT_RIGHT + 6} y={round1(targetLabelY)} dominantBaseline="middle" fontSize="12" fontWeight="700" fill={COLOURS.target}>
            {format(words.chart.target, { value: show(series.target) })}
          </text>
        </g>
      ) : null}

      {values.length > 0 ? (
        <path className="indicator-chart__line" d={linePath(positioned)} fill="none" stroke={COLOURS.line} strokeWidth="2.5" strokeLinejoin="round" />
      ) : (
        <text className="indicator-chart__empty" x={(PLOT_LEFT + PLOT_RIGHT) / 2} y={PLOT_TOP + PLOT_HEIGHT / 2} textAnchor="middle" dominantBaseline="middle" fontSize="14" fill={COLOURS.muted}>
          {words.chart.noValues}
        </text>
      )}

      {positioned.map(({ point, x, y }) => {
        const labelX = round1(x);
        return (
          <g
            key={point.periodId}
            className={y === null ? "indicator-chart__period indicator-chart__period--missing" : "indicator-chart__period"}
            data-period={point.periodName}
            data-value={point.value ?? ""}
          >
            {y === null ? (
              values.length > 0 ? (
                <text x={labelX} y={PLOT_BOTTOM - 8} textAnchor="middle" fontSize="11" fontStyle="italic" fill={COLOURS.muted}>
                  {words.chart.missing}
                </text>
              ) : null
            ) : (
              <>
                <circle className="indicator-chart__point" cx={labelX} cy={round1(y)} r="4.5" fill={COLOURS.line} stroke="#ffffff" strokeWidth="1.5" />
                <text className="indicator-chart__value" x={labelX} y={round1(y - 10)} textAnchor="middle" fontSize="12" fontWeight="700" fill={COLOURS.text}>
                  {show(point.value as number)}
                </text>
              </>
            )}
            {slanted ? (
              <text
                className="indicator-chart__label"
                x={labelX}
                y={PLOT_BOTTOM + 14}
                textAnchor="end"
                fontSize="12"
                fill={COLOURS.text}
                transform={`rotate(-35 ${labelX} ${PLOT_BOTTOM + 14})`}
              >
                {point.periodName}
              </text>
            ) : (
              <text className="indicator-chart__label" x={labelX} y={PLOT_BOTTOM + 18} textAnchor="middle" fontSize="12" fill={COLOURS.text}>
                {point.periodName}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export interface IndicatorTableProps {
  series: IndicatorSeries;
  /** Default: "<name>: value per period". */
  caption?: string;
  /** Default: the page's language. */
  locale?: Locale;
}

export function IndicatorTable(props: IndicatorTableProps) {
  return props.locale ? <IndicatorTableView {...props} locale={props.locale} /> : <IndicatorTableInPage {...props} />;
}

function IndicatorTableInPage(props: IndicatorTableProps) {
  const { locale } = useTranslation();
  return <IndicatorTableView {...props} locale={locale} />;
}

function IndicatorTableView({ series, caption, locale }: IndicatorTableProps & { locale: Locale }) {
  const words = getMessages(locale).boardIndicators;
  const show = (value: number | null) => (value === null ? "–" : formatIndicatorValue(value, series.unit, locale));
  const unit = series.unit && series.unit !== "%" ? ` (${unitLabel(series.unit, words.units)})` : "";
  const baselineHeading = series.baselineYear ? `${words.table.baseline} ${series.baselineYear}` : words.table.baseline;
  const name = caption ?? format(words.table.caption, { name: `${series.code} ${series.name}` });
  return (
    // Focusable so that keyboard users can scroll it on a narrow screen (the project's table pattern).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={name}>
      <table className="indicator-table">
        <caption>{name}</caption>
        <thead>
          <tr>
            <th scope="col">{words.table.period}</th>
            <th scope="col" className="numeric">
              {words.table.value}
              {unit}
            </th>
            <th scope="col" className="numeric">
              {words.table.target}
            </th>
            <th scope="col" className="numeric">
              {baselineHeading}
            </th>
            <th scope="col" className="numeric">
              {words.table.reports}
            </th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((point) => (
            <tr key={point.periodId} data-period-id={point.periodId}>
              <th scope="row">{point.periodName}</th>
              <td className="numeric" data-value={point.value ?? ""}>
                {point.value === null ? <span className="indicator-table__missing">{words.table.missing}</span> : show(point.value)}
              </td>
              <td className="numeric">{show(series.target)}</td>
              <td className="numeric">{show(series.baseline)}</td>
              <td className="numeric">{formatNumber(point.reportCount, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
