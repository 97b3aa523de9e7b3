/**
 * Indicator values over time for the board and coordinators, from the rpc `indicator_series`
 * (migration 20261127180100_indicator_series.sql): per indicator and reporting period, all
 * organisations together (average for %, sum otherwise) or, with `orgId`, one organisation's
 * submitted and accepted values. The database refuses callers who are not board members or
 * coordinators, and board members asking for an organisation that does not report to the board
 * (42501): that becomes the 403 page.
 */
import { forbidden } from "./http.server";
import type { IndicatorSeries } from "./indicator-status";
import { rowsOf } from "./query.server";
import type { TypedSupabaseClient } from "./supabase.server";

export type { IndicatorPoint, IndicatorSeries } from "./indicator-status";

/** One row of `indicator_series` (also part of `board_report_page`). */
export type SeriesRow = {
  indicator_id: string;
  code: string;
  name: string;
  unit: string;
  direction: IndicatorSeries["direction"];
  target: number | string | null;
  baseline: number | string | null;
  baseline_year: number | null;
  period_id: string;
  period_name: string;
  starts_on: string;
  ends_on: string;
  value: number | string | null;
  report_count: number | string | null;
};

/** numeric comes as a number from PostgREST, but be tolerant of strings; null stays null. */
function numberOrNull(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Groups the rpc's rows (ordered by indicator, then period) into one series per indicator. */
export function groupSeries(rows: readonly SeriesRow[]): IndicatorSeries[] {
  const byIndicator = new Map<string, IndicatorSeries>();
  for (const row of rows) {
    let series = byIndicator.get(row.indicator_id);
    if (!series) {
      series = {
        indicatorId: row.indicator_id,
        code: row.code,
        name: row.name,
        unit: row.unit,
        direction: row.direction,
        target: numberOrNull(row.target),
        baseline: numberOrNull(row.baseline),
        baselineYear: row.baseline_year ?? null,
        points: [],
      };
      byIndicator.set(row.indicator_id, series);
    }
    series.points.push({
      periodId: row.period_id,
      periodName: row.period_name,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      value: numberOrNull(row.value),
      reportCount: numberOrNull(row.report_count) ?? 0,
    });
  }
  for (const series of byIndicator.values()) series.points.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.periodName.localeCompare(b.periodName, "sv"));
  return [...byIndicator.values()];
}

/** The series the caller may see; `orgId` for one organisation's values. 42501 → 403. */
export async function loadIndicatorSeries(supabase: TypedSupabaseClient, options: { orgId?: string } = {}): Promise<IndicatorSeries[]> {
  const result = await supabase.rpc("indicator_series", options.orgId ? { p_org_id: options.orgId } : {});
  if (result.error?.code === "42501") forbidden();
  return groupSeries(rowsOf(result, "the indicator series") as SeriesRow[]);
}

/** /board/indicators: all organisations together, each indicator's series and its traffic light. */
export async function loadBoardIndicators(supabase: TypedSupabaseClient): Promise<{ series: IndicatorSeries[] }> {
  return { series: await loadIndicatorSeries(supabase) };
}
