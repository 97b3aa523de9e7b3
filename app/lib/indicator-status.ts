/**
 * Indicator values over time (what `indicator_series()` returns, shaped for the interface) and the
 * board's traffic light for an indicator. Not a server module: components import the types and the
 * rule, and the page shows the rule in words next to the lights (translations `boardIndicators.rule`).
 *
 * The rule, for the latest period with a value:
 * - no value in any period, or no target: "no_data" (cannot be judged);
 * - the target is reached (direction-aware): "on_track";
 * - worse than the baseline: "off_track";
 * - at least half the way from the baseline to the target (progress ≥ 0.5) and not worse than the
 *   previous period with a value: "on_track";
 * - otherwise (less than half the way, getting worse, or no baseline to measure the way from):
 *   "at_risk".
 * progress = (latest − baseline) / (target − baseline): 0 at the baseline, 1 at the target, whichever
 * way the indicator should go.
 * Targets and baselines are for a whole year. A share (%) can be judged from any period; a count
 * (participants, hours, evictions) only from a period of a year or more: half a year's count set
 * against a year's target would look like failure.
 */

export type IndicatorDirection = "increase" | "decrease";

export interface IndicatorPoint {
  periodId: string;
  periodName: string;
  /** "YYYY-MM-DD" */
  startsOn: string;
  /** "YYYY-MM-DD" */
  endsOn: string;
  /** All organisations together (average for %, sum otherwise) or one organisation's; null: no value. */
  value: number | null;
  /** Reports with a value for the indicator in the period. */
  reportCount: number;
}

export interface IndicatorSeries {
  indicatorId: string;
  code: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  target: number | null;
  baseline: number | null;
  baselineYear: number | null;
  /** Periods in time order (oldest first). */
  points: IndicatorPoint[];
}

export const INDICATOR_STATUSES = ["on_track", "at_risk", "off_track", "no_data"] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export interface IndicatorStatusResult {
  status: IndicatorStatus;
  /** The value of the latest period with a value. */
  latest: number | null;
  /** The period of `latest`. */
  latestPeriod: IndicatorPoint | null;
  /** The value of the period with a value before that. */
  previous: number | null;
  /** (latest − baseline) / (target − baseline); null without a baseline, a target or a value. */
  progress: number | null;
}

/** Progress below which an indicator that has not reached its target is "at risk". */
export const ON_TRACK_PROGRESS = 0.5;

/** +1 when higher is better, −1 when lower is better. */
function sign(direction: IndicatorDirection): 1 | -1 {
  return direction === "decrease" ? -1 : 1;
}

/** The traffic light of an indicator (see the rule above). */
/** Whether a period's value can be set against a yearly target: shares always, counts for a year or more. */
export function judgeable(point: Pick<IndicatorPoint, "startsOn" | "endsOn">, unit: string): boolean {
  if (unit === "%") return true;
  const days = (Date.parse(`${point.endsOn}T00:00:00Z`) - Date.parse(`${point.startsOn}T00:00:00Z`)) / 86_400_000 + 1;
  return days >= 365;
}

export function indicatorStatus(series: Pick<IndicatorSeries, "direction" | "target" | "baseline" | "points" | "unit">): IndicatorStatusResult {
  const withValues = series.points.filter(
    (point) => point.value !== null && Number.isFinite(point.value) && judgeable(point, series.unit),
  );
  const latestPeriod = withValues.at(-1) ?? null;
  const latest = latestPeriod?.value ?? null;
  const previous = withValues.at(-2)?.value ?? null;
  const { target, baseline } = series;
  const progress =
    latest !== null && target !== null && baseline !== null && target !== baseline ? (latest - baseline) / (target - baseline) : null;
  const result = { latest, latestPeriod, previous, progress };
  if (latest === null || target === null) return { status: "no_data", ...result };
  const better = sign(series.direction);
  if ((latest - target) * better >= 0) return { status: "on_track", ...result };
  if (baseline !== null && (latest - baseline) * better < 0) return { status: "off_track", ...result };
  const notWorse = previous === null || (latest - previous) * better >= 0;
  if (progress !== null && progress >= ON_TRACK_PROGRESS && notWorse) return { status: "on_track", ...result };
  return { status: "at_risk", ...result };
}

// Numbers -------------------------------------------------------------------------------------------
const numberTags = { sv: "sv-SE", en: "en-GB" } as const;
const numberFormatters = new Map<string, Intl.NumberFormat>();

/** A number as people read it in the language: "74,5" and "3 100" in Swedish, "74.5" and "3,100" in English. */
export function formatNumber(value: number, locale: "sv" | "en"): string {
  let formatter = numberFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(numberTags[locale] ?? "sv-SE", { maximumFractionDigits: 2 });
    numberFormatters.set(locale, formatter);
  }
  return formatter.format(value);
}

/** An indicator's value with its unit where the unit is a sign ("74,5 %", "74.5%"); other units are in the headings. */
export function formatIndicatorValue(value: number, unit: string, locale: "sv" | "en"): string {
  const number = formatNumber(value, locale);
  if (unit === "%") return locale === "sv" ? `${number}\u00a0%` : `${number}%`;
  return number;
}

/** The unit in the reader's words where the translations know it ("antal" → "count"), else as stored. */
export function unitLabel(unit: string, units: Readonly<Record<string, string>>): string {
  return Object.hasOwn(units, unit) ? units[unit]! : unit;
}
