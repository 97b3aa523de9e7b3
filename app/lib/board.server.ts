/**
 * The board's view: /board (per reporting period, each organisation that reports to the board and
 * how far its report has come, from one rpc `board_report_overview()`), and /board/reports/:id (one
 * submitted or accepted report of such an organisation, with the organisation's values over time and
 * the reach of the initiatives it covers). Board members and coordinators only; everything through
 * the user's client, so RLS decides what can be read.
 */
import { forbidden, isUnreachable, serviceUnavailable } from "./http.server";
import { groupSeries, type SeriesRow } from "./indicator-series.server";
import type { IndicatorSeries } from "./indicator-status";
import { rowsOf } from "./query.server";
import type { LastPeriod, PeriodStatus, ReportHeader, ReportIndicator, ReportPage, ReportQuestion, StoredValue } from "./reports.server";
import { isUuid } from "./schemas/report";
import type { TypedSupabaseClient } from "./supabase.server";

export const BOARD_STATUSES = ["not_started", "draft", "submitted", "returned", "accepted"] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];
const isBoardStatus = (value: string): value is BoardStatus => (BOARD_STATUSES as readonly string[]).includes(value);

export interface BoardRow {
  orgId: string;
  orgName: string;
  status: BoardStatus;
  overdue: boolean;
  /** Where the report can be read: /board/reports/:id (submitted, accepted), /reports/:id (a coordinator, returned), or null. */
  href: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
}

export interface BoardPeriod {
  periodId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  status: PeriodStatus;
  rows: BoardRow[];
  counts: { total: number; in: number; accepted: number };
}

/** Where a report in the overview can be read, if anywhere. */
export function reportHref(status: BoardStatus, reportId: string | null): string | null {
  if (!reportId) return null;
  if (status === "submitted" || status === "accepted") return `/board/reports/${reportId}`;
  // Only coordinators get the id of a returned report; they read it where they review it.
  if (status === "returned") return `/reports/${reportId}`;
  return null;
}

type OverviewRow = {
  period_id: string;
  period_name: string;
  starts_on: string;
  ends_on: string;
  due_on: string;
  period_status: PeriodStatus;
  org_id: string;
  org_name: string;
  status: string;
  overdue: boolean | null;
  report_id: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
};

/** Groups the rpc's rows (ordered latest period first, Eidar first) by period, keeping the order. */
export function groupOverview(rows: readonly OverviewRow[]): BoardPeriod[] {
  const periods = new Map<string, BoardPeriod>();
  for (const row of rows) {
    let period = periods.get(row.period_id);
    if (!period) {
      period = {
        periodId: row.period_id,
        name: row.period_name,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        dueOn: row.due_on,
        status: row.period_status,
        rows: [],
        counts: { total: 0, in: 0, accepted: 0 },
      };
      periods.set(row.period_id, period);
    }
    const status: BoardStatus = isBoardStatus(row.status) ? row.status : "not_started";
    period.rows.push({
      orgId: row.org_id,
      orgName: row.org_name,
      status,
      overdue: Boolean(row.overdue),
      href: reportHref(status, row.report_id),
      submittedAt: row.submitted_at,
      reviewedAt: row.reviewed_at,
    });
    period.counts.total += 1;
    if (status === "submitted" || status === "accepted") period.counts.in += 1;
    if (status === "accepted") period.counts.accepted += 1;
  }
  return [...periods.values()];
}

/** How many periods /board shows in full; older ones are listed by name and open one at a time. */
export const PERIODS_SHOWN = 4;

export interface BoardOverview {
  periods: BoardPeriod[];
  /** Periods not shown in full (latest first): name and id for /board?period=<id>. */
  others: { periodId: string; name: string }[];
  /** One period chosen with ?period=<id>. */
  chosen: boolean;
}

/**
 * /board: one rpc call, grouped by period; the latest PERIODS_SHOWN periods in full, or the one
 * chosen with `?period=<id>` (an unknown id shows the latest ones).
 */
export async function loadBoardOverview(supabase: TypedSupabaseClient, periodId: string | null = null): Promise<BoardOverview> {
  const result = await supabase.rpc("board_report_overview");
  if (result.error?.code === "42501") forbidden();
  const all = groupOverview(rowsOf(result, "the board overview") as OverviewRow[]);
  const chosen = periodId ? all.find((period) => period.periodId === periodId) : undefined;
  const periods = chosen ? [chosen] : all.slice(0, PERIODS_SHOWN);
  const shown = new Set(periods.map((period) => period.periodId));
  return {
    periods,
    others: all.filter((period) => !shown.has(period.periodId)).map((period) => ({ periodId: period.periodId, name: period.name })),
    chosen: Boolean(chosen),
  };
}

export interface ReachInitiative {
  id: string;
  title: string;
  status: string;
  participantsReached: number | null;
  districts: string[];
  targetGroups: string[];
}

export interface BoardReport {
  page: Omit<ReportPage, "history">;
  /** The organisation's series for the report's indicators, up to the report's period. */
  series: IndicatorSeries[];
  initiatives: ReachInitiative[];
}

/** What `board_report_page` returns (migration 20261128020000_board_report_page.sql). */
interface BoardReportJson {
  report: Omit<ReportHeader, "submittedBy" | "reviewedBy"> & { submittedBy: string | null; reviewedBy: string | null };
  questions: ReportQuestion[];
  indicators: (ReportIndicator & { sortOrder: number | null })[];
  answers: Record<string, string>;
  values: Record<string, StoredValue>;
  initiativeIds: string[];
  /** The linked initiatives the reader may see, by title. */
  initiatives: ReachInitiative[];
  lastPeriod: LastPeriod | null;
  series: SeriesRow[];
}

/**
 * One report as the board reads it, or null (404): unknown, not readable (RLS), not submitted or
 * accepted (a coordinator may read drafts' neighbours elsewhere, not here), or of an organisation
 * that does not report to the board. One rpc (`board_report_page`, security invoker) instead of a
 * dozen reads in four rounds; the sorting that follows the reader's language stays here.
 */
export async function loadBoardReport(supabase: TypedSupabaseClient, id: string): Promise<BoardReport | null> {
  if (!isUuid(id)) return null;
  const result = await supabase.rpc("board_report_page", { p_report_id: id });
  if (result.error?.code === "42501") forbidden();
  if (result.error?.code === "22P02") return null;
  if (isUnreachable(result.error)) serviceUnavailable();
  if (result.error) throw new Error(`Could not load the report: ${result.error.message}`);
  const loaded = result.data as unknown as BoardReportJson | null;
  if (!loaded) return null;

  const report: ReportHeader = {
    ...loaded.report,
    // as getReportHeader: a blank name is no name
    submittedBy: loaded.report.submittedBy?.trim() || null,
    reviewedBy: loaded.report.reviewedBy?.trim() || null,
  };
  const inPeriod = loaded.indicators
    .filter((indicator) => indicator.inPeriod)
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.code.localeCompare(b.code));
  // Values stored for indicators the period no longer asks for stay visible, after the others.
  const others = loaded.indicators.filter((indicator) => !indicator.inPeriod).sort((a, b) => a.code.localeCompare(b.code));
  const indicators: ReportIndicator[] = [...inPeriod, ...others].map(({ sortOrder: _sortOrder, ...indicator }) => indicator);

  const order = new Map(indicators.map((indicator, index) => [indicator.id, index]));
  const series = groupSeries(loaded.series).sort((a, b) => (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0));

  const initiatives = loaded.initiatives.map((row) => ({ ...row, districts: row.districts ?? [], targetGroups: row.targetGroups ?? [] }));
  return {
    page: {
      report,
      questions: loaded.questions,
      indicators,
      content: { summary: report.summary, answers: loaded.answers, values: loaded.values, initiativeIds: loaded.initiativeIds },
      lastPeriod: loaded.lastPeriod,
      initiatives: initiatives
        .map((row) => ({ id: row.id, title: row.title, partner: false }))
        .sort((a, b) => a.title.localeCompare(b.title, "sv")),
    },
    series,
    initiatives,
  };
}
