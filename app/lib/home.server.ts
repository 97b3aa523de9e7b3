/**
 * The signed-in home: a few cards with real data for what the person may use. Every read goes
 * through the user's client, so RLS decides; all queries of one page run in parallel (the home
 * has a speed target of 50 ms server time).
 */
import type { CurrentUser, Membership } from "./auth.server";
import type { Database } from "./database.types";
import { countOf, rowsOf } from "./query.server";
import type { TypedSupabaseClient } from "./supabase.server";

type ReportStatus = Database["public"]["Enums"]["report_status"];
type OrganisationKind = Database["public"]["Enums"]["organisation_kind"];

export interface ThreadSummary {
  id: string;
  title: string;
  forumName: string;
  forumSlug: string;
  lastPostAt: string;
  postCount: number;
}

export interface PeriodReport {
  periodId: string;
  periodName: string;
  dueOn: string;
  /** null: the organisation has not started its report for the period. */
  status: ReportStatus | null;
  submittedAt: string | null;
}

export interface PendingOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  appliedAt: string;
}

export interface SubmittedReport {
  id: string;
  organisation: string;
  period: string;
  status: ReportStatus;
  submittedAt: string | null;
  reviewedAt: string | null;
}

export interface HomeData {
  threads: ThreadSummary[] | null;
  partner: { organisation: Membership; initiativeCount: number; openPeriods: PeriodReport[] } | null;
  coordinator: {
    pending: PendingOrganisation[];
    pendingCount: number;
    awaitingReview: SubmittedReport[];
    awaitingReviewCount: number;
  } | null;
  board: { reports: SubmittedReport[] } | null;
}

const CARD_ROWS = 5;

export async function loadHome(supabase: TypedSupabaseClient, user: CurrentUser, organisation: Membership | null): Promise<HomeData> {
  const isCoordinator = user.roles.includes("coordinator");
  const isBoard = user.roles.includes("board");
  const seesForums = organisation !== null || isCoordinator;

  const [threads, partner, coordinator, board] = await Promise.all([
    seesForums ? latestThreads(supabase, CARD_ROWS) : null,
    organisation ? partnerCards(supabase, organisation) : null,
    isCoordinator ? coordinatorCards(supabase) : null,
    isBoard ? boardCards(supabase) : null,
  ]);
  return { threads, partner, coordinator, board };
}

/** The threads with the latest posts among the forums RLS lets the person read (not archived). */
export async function latestThreads(supabase: TypedSupabaseClient, limit: number): Promise<ThreadSummary[]> {
  const result = await supabase
    .from("threads")
    .select("id, title, last_post_at, post_count, forums!threads_forum_id_fkey!inner(name, slug, archived_at)")
    .is("forums.archived_at", null)
    .order("last_post_at", { ascending: false })
    .limit(limit);
  return rowsOf(result, "the latest threads").map((row) => ({
    id: row.id,
    title: row.title,
    forumName: row.forums.name,
    forumSlug: row.forums.slug,
    lastPostAt: row.last_post_at,
    postCount: row.post_count,
  }));
}

/** Open reporting periods, each with the organisation's report in it (if started). */
export async function openPeriodReports(supabase: TypedSupabaseClient, orgId: string): Promise<PeriodReport[]> {
  const result = await supabase
    .from("reporting_periods")
    .select("id, name, due_on, reports(status, submitted_at)")
    .eq("status", "open")
    .eq("reports.org_id", orgId)
    .order("due_on", { ascending: true })
    .limit(20);
  return rowsOf(result, "the open periods").map((row) => ({
    periodId: row.id,
    periodName: row.name,
    dueOn: row.due_on,
    status: row.reports[0]?.status ?? null,
    submittedAt: row.reports[0]?.submitted_at ?? null,
  }));
}

async function partnerCards(supabase: TypedSupabaseClient, organisation: Membership) {
  const [initiatives, openPeriods] = await Promise.all([
    supabase.from("initiatives").select("id", { count: "exact", head: true }).eq("org_id", organisation.orgId),
    openPeriodReports(supabase, organisation.orgId),
  ]);
  return { organisation, initiativeCount: countOf(initiatives, "the organisation's initiatives"), openPeriods };
}

/** Organisations that applied and wait for a coordinator, oldest first. */
export async function pendingOrganisations(supabase: TypedSupabaseClient, limit: number) {
  const result = await supabase
    .from("organisations")
    .select("id, name, kind, created_at", { count: "exact" })
    .eq("status", "pending")
    .order("created_at", { ascending: true })
    .limit(limit);
  const rows = rowsOf(result, "the pending organisations").map(
    (row): PendingOrganisation => ({ id: row.id, name: row.name, kind: row.kind, appliedAt: row.created_at }),
  );
  return { rows, count: result.count ?? rows.length };
}

const reportColumns =
  "id, status, submitted_at, reviewed_at, organisations!reports_org_id_fkey!inner(name, reports_to_board), reporting_periods!reports_period_id_fkey(name)" as const;

interface ReportRow {
  id: string;
  status: ReportStatus;
  submitted_at: string | null;
  reviewed_at: string | null;
  organisations: { name: string };
  reporting_periods: { name: string };
}

function toSubmittedReport(row: ReportRow): SubmittedReport {
  return {
    id: row.id,
    organisation: row.organisations.name,
    period: row.reporting_periods.name,
    status: row.status,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
  };
}

/** Submitted reports waiting for a coordinator's review, oldest first. */
export async function reportsAwaitingReview(supabase: TypedSupabaseClient, limit: number) {
  const result = await supabase
    .from("reports")
    .select(reportColumns, { count: "exact" })
    .eq("status", "submitted")
    .order("submitted_at", { ascending: true })
    .limit(limit);
  const rows = rowsOf(result, "the reports awaiting review").map(toSubmittedReport);
  return { rows, count: result.count ?? rows.length };
}

async function coordinatorCards(supabase: TypedSupabaseClient) {
  const [pending, review] = await Promise.all([pendingOrganisations(supabase, CARD_ROWS), reportsAwaitingReview(supabase, CARD_ROWS)]);
  return { pending: pending.rows, pendingCount: pending.count, awaitingReview: review.rows, awaitingReviewCount: review.count };
}

/**
 * Submitted and accepted reports of organisations that report to the board (AB Eidar), latest
 * first. RLS gives board members exactly these; the filters say so for everyone else too.
 */
export async function boardReports(supabase: TypedSupabaseClient, limit: number): Promise<SubmittedReport[]> {
  const result = await supabase
    .from("reports")
    .select(reportColumns)
    .eq("organisations.reports_to_board", true)
    .in("status", ["submitted", "accepted"])
    .order("submitted_at", { ascending: false, nullsFirst: false })
    .limit(limit);
  return rowsOf(result, "the board's reports").map(toSubmittedReport);
}

async function boardCards(supabase: TypedSupabaseClient) {
  return { reports: await boardReports(supabase, 3) };
}
