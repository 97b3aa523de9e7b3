/**
 * "Sammanställning till kommunstyrelsen" (/board/summary/:periodId and its PDF) and the audit's
 * recommendations (/board/recommendations): one period's covering text, the reports of the
 * organisations that report to the board (AB Eidar first), the indicators' traffic lights, the
 * evidence figures (`board_evidence()`) and the reach view's gaps. Everything is read through the
 * caller's client, so RLS decides: board members see a released summary only, and only the
 * submitted and accepted reports of board-reporting organisations. Coordinators write the covering
 * text and release or withdraw the summary (the trigger stamps who and when).
 */
import type { AppLoadContext } from "@remix-run/node";
import { hasRole, requireRole, type CurrentUser } from "./auth.server";
import { forbidden, isUnreachable, serviceUnavailable } from "./http.server";
import { loadIndicatorSeries } from "./indicator-series.server";
import type { IndicatorSeries } from "./indicator-status";
import type { District, TargetGroup } from "./initiative-vocabulary";
import type { BoardOverviewJson } from "./board.server";
import { rowsOf } from "./query.server";
import { getReach } from "./reach.server";
import { isUuid } from "./schemas/initiative";
import type { TypedSupabaseClient } from "./supabase.server";

const MAX_ROWS = 200;

interface DbError {
  message: string;
  code?: string;
  status?: number;
  name?: string;
}

function failed(what: string, error: DbError): never {
  if (isUnreachable(error)) serviceUnavailable();
  throw new Error(`Could not ${what}: ${error.code ?? ""} ${error.message}`);
}

// Who may see it -------------------------------------------------------------------------------------

export interface SummaryViewer {
  user: CurrentUser;
  isCoordinator: boolean;
}

/** Board members and coordinators; everyone else gets the 403 page (not signed in: the login page). */
export async function requireSummaryViewer(request: Request, context: AppLoadContext): Promise<SummaryViewer> {
  const user = await requireRole(request, context, "board", "coordinator");
  return { user, isCoordinator: hasRole(user, "coordinator") };
}

// The period and its covering text -------------------------------------------------------------------

export interface SummaryPeriod {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  status: string;
}

export interface CoveringText {
  text: string | null;
  releasedAt: string | null;
  releasedBy: string | null;
  updatedAt: string | null;
}

export async function getPeriod(supabase: TypedSupabaseClient, periodId: string): Promise<SummaryPeriod | null> {
  if (!isUuid(periodId)) return null;
  const { data, error } = await supabase.from("reporting_periods").select("id, name, starts_on, ends_on, due_on, status").eq("id", periodId).maybeSingle();
  if (error) {
    if (error.code === "22P02") return null;
    failed("load the reporting period", error);
  }
  return data ? { id: data.id, name: data.name, startsOn: data.starts_on, endsOn: data.ends_on, dueOn: data.due_on, status: data.status } : null;
}

/** The covering text as the caller may read it: board members only once it is released (RLS). */
export async function getCoveringText(supabase: TypedSupabaseClient, periodId: string): Promise<CoveringText | null> {
  const { data, error } = await supabase
    .from("board_summaries")
    .select("covering_text, released_at, updated_at, releaser:profiles!board_summaries_released_by_fkey(full_name)")
    .eq("period_id", periodId)
    .maybeSingle();
  if (error) failed("load the covering text", error);
  if (!data) return null;
  return { text: data.covering_text, releasedAt: data.released_at, releasedBy: data.releaser?.full_name?.trim() || null, updatedAt: data.updated_at };
}

export type SummaryAccess =
  | { ok: true; period: SummaryPeriod; covering: CoveringText | null; viewer: SummaryViewer }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "notReleased"; period: SummaryPeriod };

/**
 * Whether the caller may see the period's summary: coordinators always, board members once it is
 * released. Unknown periods are "notFound"; the page shows a friendly "not released yet" otherwise.
 */
export async function summaryAccess(supabase: TypedSupabaseClient, viewer: SummaryViewer, periodId: string): Promise<SummaryAccess> {
  const period = await getPeriod(supabase, periodId);
  if (!period) return { ok: false, reason: "notFound" };
  const covering = await getCoveringText(supabase, period.id);
  if (!viewer.isCoordinator && !covering?.releasedAt) return { ok: false, reason: "notReleased", period };
  return { ok: true, period, covering, viewer };
}

// The reports of the organisations that report to the board -----------------------------------------

export interface SummaryIndicatorValue {
  code: string;
  name: string;
  unit: string;
  value: number | null;
  comment: string | null;
  target: number | null;
  baseline: number | null;
}

export interface SummaryReport {
  orgId: string;
  orgName: string;
  /** 'not_started' | 'draft' | 'submitted' | 'returned' | 'accepted' */
  status: string;
  overdue: boolean;
  /** Set for submitted and accepted reports the caller may open. */
  reportId: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  /** The report's content; null unless submitted or accepted (drafts and returned reports are never shown). */
  content: {
    summary: string | null;
    answers: { question: string; body: string }[];
    values: SummaryIndicatorValue[];
  } | null;
}

const SHOWN_STATUSES = new Set(["submitted", "accepted"]);

async function loadReports(supabase: TypedSupabaseClient, periodId: string): Promise<SummaryReport[]> {
  // The same rows as /board shows for the period (status only for drafts and returned reports).
  const loaded = rowsOf(await supabase.rpc("board_overview", { p_period_id: periodId }), "the board's report overview") as unknown as BoardOverviewJson;
  const overview = loaded.periodId === periodId ? loaded.rows : [];
  const readable = overview.flatMap((row) => (row.reportId && SHOWN_STATUSES.has(row.status) ? [row.reportId] : []));
  const [reports, answers, values] = readable.length
    ? await Promise.all([
        supabase.from("reports").select("id, summary").in("id", readable).limit(MAX_ROWS),
        supabase
          .from("report_answers")
          .select("report_id, body, period_questions!report_answers_question_id_fkey(question, position)")
          .in("report_id", readable)
          .limit(MAX_ROWS * 5),
        supabase
          .from("report_indicator_values")
          .select("report_id, value, comment, indicators!report_indicator_values_indicator_id_fkey(code, name, unit, target, baseline, sort_order)")
          .in("report_id", readable)
          .limit(MAX_ROWS * 5),
      ])
    : [null, null, null];
  const summaries = new Map(reports ? rowsOf(reports, "the reports").map((row) => [row.id, row.summary]) : []);
  const answerRows = answers ? rowsOf(answers, "the reports' answers") : [];
  const valueRows = values ? rowsOf(values, "the reports' values") : [];
  return overview.map((row) => {
    const reportId = row.reportId && SHOWN_STATUSES.has(row.status) ? row.reportId : null;
    return {
      orgId: row.orgId,
      orgName: row.orgName,
      status: row.status,
      overdue: Boolean(row.overdue),
      reportId,
      submittedAt: row.submittedAt,
      reviewedAt: row.reviewedAt,
      content: reportId
        ? {
            summary: summaries.get(reportId) ?? null,
            answers: answerRows
              .filter((answer) => answer.report_id === reportId && answer.body.trim() !== "")
              .sort((a, b) => (a.period_questions?.position ?? 0) - (b.period_questions?.position ?? 0))
              .map((answer) => ({ question: answer.period_questions?.question ?? "", body: answer.body })),
            values: valueRows
              .filter((value) => value.report_id === reportId)
              .sort((a, b) => (a.indicators?.sort_order ?? 0) - (b.indicators?.sort_order ?? 0) || (a.indicators?.code ?? "").localeCompare(b.indicators?.code ?? ""))
              .map((value) => ({
                code: value.indicators?.code ?? "",
                name: value.indicators?.name ?? "",
                unit: value.indicators?.unit ?? "",
                value: value.value,
                comment: value.comment,
                target: value.indicators?.target ?? null,
                baseline: value.indicators?.baseline ?? null,
              })),
          }
        : null,
    };
  });
}

// The evidence figures --------------------------------------------------------------------------------

export interface BoardEvidence {
  indicatorsActive: number;
  indicatorsWithTarget: number;
  indicatorsWithKolada: number;
  periods: number;
  reportsExpected: number;
  reportsIn: number;
  reportsAccepted: number;
  indicatorValues: number;
  partnersActive: number;
  partnersByKind: Record<string, number>;
  forumsActive: number;
  threadsLastYear: number;
  postsLastYear: number;
  initiativesActive: number;
  initiativesPublished: number;
  participantsReached: number;
  districtsCovered: number;
  boardReports: { period: string; organisation: string; status: string; submittedAt: string | null; reviewedAt: string | null }[];
}

const count = (value: unknown): number => {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : 0;
};
const textOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Reads the jsonb of `board_evidence()`; anything missing or malformed counts as 0. */
export function readEvidence(raw: unknown): BoardEvidence {
  const json = (raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const kinds = json.partners_by_kind && typeof json.partners_by_kind === "object" ? (json.partners_by_kind as Record<string, unknown>) : {};
  const reports = Array.isArray(json.board_reports) ? (json.board_reports as unknown[]) : [];
  return {
    indicatorsActive: count(json.indicators_active),
    indicatorsWithTarget: count(json.indicators_with_target),
    indicatorsWithKolada: count(json.indicators_with_kolada),
    periods: count(json.periods),
    reportsExpected: count(json.reports_expected),
    reportsIn: count(json.reports_in),
    reportsAccepted: count(json.reports_accepted),
    indicatorValues: count(json.indicator_values),
    partnersActive: count(json.partners_active),
    partnersByKind: Object.fromEntries(Object.entries(kinds).map(([kind, n]) => [kind, count(n)])),
    forumsActive: count(json.forums_active),
    threadsLastYear: count(json.threads_last_year),
    postsLastYear: count(json.posts_last_year),
    initiativesActive: count(json.initiatives_active),
    initiativesPublished: count(json.initiatives_published),
    participantsReached: count(json.participants_reached),
    districtsCovered: count(json.districts_covered),
    boardReports: reports.flatMap((row) => {
      if (!row || typeof row !== "object") return [];
      const r = row as Record<string, unknown>;
      return [
        {
          period: textOrNull(r.period) ?? "",
          organisation: textOrNull(r.organisation) ?? "",
          status: textOrNull(r.status) ?? "",
          submittedAt: textOrNull(r.submitted_at),
          reviewedAt: textOrNull(r.reviewed_at),
        },
      ];
    }),
  };
}

export async function loadEvidence(supabase: TypedSupabaseClient): Promise<BoardEvidence> {
  const { data, error } = await supabase.rpc("board_evidence");
  if (error?.code === "42501") forbidden();
  if (error) failed("load the evidence", error);
  return readEvidence(data);
}

// The reach view's gaps ---------------------------------------------------------------------------------

export interface SummaryGaps {
  /** Distinct initiatives that ran during the period in at least one district. */
  total: number;
  districts: number;
  gapDistricts: District[];
  gapsByTarget: { targetGroup: TargetGroup; districts: District[] }[];
}

async function loadGaps(supabase: TypedSupabaseClient, period: SummaryPeriod): Promise<SummaryGaps> {
  const reach = await getReach(supabase, { focus: null, from: period.startsOn, to: period.endsOn });
  return { total: reach.total, districts: reach.rows.length, gapDistricts: reach.gapDistricts, gapsByTarget: reach.gapsByTarget };
}

// The whole page --------------------------------------------------------------------------------------

export interface BoardSummaryPage {
  period: SummaryPeriod;
  covering: CoveringText | null;
  reports: SummaryReport[];
  /** All organisations together, up to and including the period. */
  indicators: IndicatorSeries[];
  evidence: BoardEvidence;
  gaps: SummaryGaps;
}

/** Everything the summary shows, in parallel. */
export async function loadBoardSummary(supabase: TypedSupabaseClient, period: SummaryPeriod, covering: CoveringText | null): Promise<BoardSummaryPage> {
  const [reports, series, evidence, gaps] = await Promise.all([loadReports(supabase, period.id), loadIndicatorSeries(supabase), loadEvidence(supabase), loadGaps(supabase, period)]);
  const indicators = series.map((one) => ({ ...one, points: one.points.filter((point) => point.startsOn <= period.startsOn) }));
  return { period, covering, reports, indicators, evidence, gaps };
}

// Writing (coordinators) -------------------------------------------------------------------------------

/** Stores the covering text (none: null) without touching whether it is released. */
export async function saveCoveringText(supabase: TypedSupabaseClient, periodId: string, text: string | null): Promise<void> {
  const { error } = await supabase.from("board_summaries").upsert({ period_id: periodId, covering_text: text }, { onConflict: "period_id" });
  if (error?.code === "42501") forbidden();
  if (error) failed("save the covering text", error);
}

/** Releases the summary to the board (the trigger stamps the time and who); releasing twice keeps the first stamp. */
export async function releaseSummary(supabase: TypedSupabaseClient, periodId: string): Promise<void> {
  const { error } = await supabase.from("board_summaries").upsert({ period_id: periodId, released_at: new Date().toISOString() }, { onConflict: "period_id" });
  if (error?.code === "42501") forbidden();
  if (error) failed("release the summary", error);
}

/** Takes the summary back from the board (they no longer see it). */
export async function withdrawSummary(supabase: TypedSupabaseClient, periodId: string): Promise<void> {
  const { error } = await supabase.from("board_summaries").update({ released_at: null }).eq("period_id", periodId);
  if (error?.code === "42501") forbidden();
  if (error) failed("withdraw the summary", error);
}

/** "Halvår 1 2026" → "halvar-1-2026" (for the PDF's file name). */
export function periodSlug(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "period";
}
