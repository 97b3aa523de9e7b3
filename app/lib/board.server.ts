/**
 * The board's view: /board (one reporting period in full, each organisation that reports to the
 * board and how far its report has come, and the other periods' counts, from one rpc
 * `board_overview()`), and /board/reports/:id (one submitted or accepted report of such an
 * organisation, with the organisation's values over time and the reach of the initiatives it
 * covers). Board members and coordinators only; everything through the user's client (the
 * overview's function checks the role and shows a draft's status, never its content).
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

/** A reporting period as /board lists it: dates, status and how far its organisations have come. */
export interface BoardPeriodLine {
  periodId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  status: PeriodStatus;
  /** Board-reporting organisations asked to report (or that did), submitted or accepted, accepted, overdue. */
  counts: { total: number; in: number; accepted: number; overdue: number };
}

/** The period shown in full, with one row per board-reporting organisation. */
export interface BoardPeriod extends BoardPeriodLine {
  rows: BoardRow[];
}

/** Where a report in the overview can be read, if anywhere. */
export function reportHref(status: BoardStatus, reportId: string | null): string | null {
  if (!reportId) return null;
  if (status === "submitted" || status === "accepted") return `/board/reports/${reportId}`;
  // Only coordinators get the id of a returned report; they read it where they review it.
  if (status === "returned") return `/reports/${reportId}`;
  return null;
}

/** What `board_overview` returns (migration 20261128050000_board_overview.sql). */
export interface BoardOverviewJson {
  periodId: string | null;
  chosen: boolean;
  periods: {
    id: string;
    name: string;
    startsOn: string;
    endsOn: string;
    dueOn: string;
    status: PeriodStatus;
    total: number;
    in: number;
    accepted: number;
    overdue: number;
  }[];
  rows: {
    orgId: string;
    orgName: string;
    status: string;
    overdue: boolean | null;
    reportId: string | null;
    submittedAt: string | null;
    reviewedAt: string | null;
  }[];
}

export interface BoardOverview {
  /** The period shown in full: the chosen one, or the most recent that has started; null when there are none. */
  period: BoardPeriod | null;
  /** Every other period (latest first), one line each, for /board?period=<id>. */
  others: BoardPeriodLine[];
  /** A period was chosen with ?period=<id> (an unknown one shows the default). */
  chosen: boolean;
}

/**
 * /board: one rpc call (`board_overview`) that returns only what the page shows, whatever the
 * number of periods: the shown period's organisations and one line per other period.
 */
export async function loadBoardOverview(supabase: TypedSupabaseClient, periodId: string | null = null): Promise<BoardOverview> {
  // Not a uuid: unknown, like an id that does not exist (the rpc would refuse it with 22P02).
  const result = await supabase.rpc("board_overview", periodId && isUuid(periodId) ? { p_period_id: periodId } : {});
  if (result.error?.code === "42501") forbidden();
  const loaded = rowsOf(result, "the board overview") as unknown as BoardOverviewJson;
  const lines: BoardPeriodLine[] = loaded.periods.map((line) => ({
    periodId: line.id,
    name: line.name,
    startsOn: line.startsOn,
    endsOn: line.endsOn,
    dueOn: line.dueOn,
    status: line.status,
    counts: { total: line.total, in: line.in, accepted: line.accepted, overdue: line.overdue },
  }));
  const shown = lines.find((line) => line.periodId === loaded.periodId);
  const rows: BoardRow[] = loaded.rows.map((row) => {
    const status: BoardStatus = isBoardStatus(row.status) ? row.status : "not_started";
    return {
      orgId: row.orgId,
      orgName: row.orgName,
      status,
      overdue: Boolean(row.overdue),
      href: reportHref(status, row.reportId),
      submittedAt: row.submittedAt,
      reviewedAt: row.reviewedAt,
    };
  });
  return {
    period: shown ? { ...shown, rows } : null,
    others: lines.filter((line) => line !== shown),
    chosen: Boolean(shown) && loaded.chosen,
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
