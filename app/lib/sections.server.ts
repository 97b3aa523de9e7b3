/**
 * Reads for the first versions of the portal's sections (reports, board,
 * admin, account). All through the user's client, so RLS decides what is returned; every list is
 * bounded (pagination comes with the issues that build each section out).
 */
import type { Database } from "./database.types";
import { pendingOrganisations, reportsAwaitingReview } from "./home.server";
import { countOf, rowsOf } from "./query.server";
import type { TypedSupabaseClient } from "./supabase.server";

type Enums = Database["public"]["Enums"];

const MAX_ROWS = 200;

export interface OrganisationPeriodRow {
  periodId: string;
  period: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  periodStatus: Enums["period_status"];
  /** null: not started. */
  status: Enums["report_status"] | null;
  submittedAt: string | null;
  reviewedAt: string | null;
}

/** Every reporting period with the organisation's report in it, latest period first. */
export async function organisationReports(supabase: TypedSupabaseClient, orgId: string): Promise<OrganisationPeriodRow[]> {
  const result = await supabase
    .from("reporting_periods")
    .select("id, name, starts_on, ends_on, due_on, status, reports(status, submitted_at, reviewed_at)")
    .eq("reports.org_id", orgId)
    .order("starts_on", { ascending: false })
    .limit(MAX_ROWS);
  return rowsOf(result, "the organisation's reports").map((row) => ({
    periodId: row.id,
    period: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    dueOn: row.due_on,
    periodStatus: row.status,
    status: row.reports[0]?.status ?? null,
    submittedAt: row.reports[0]?.submitted_at ?? null,
    reviewedAt: row.reports[0]?.reviewed_at ?? null,
  }));
}

export interface ReportRow {
  id: string;
  organisation: string;
  period: string;
  periodStartsOn: string;
  status: Enums["report_status"];
  submittedAt: string | null;
  reviewedAt: string | null;
}

const reportColumns =
  "id, status, submitted_at, reviewed_at, organisations!reports_org_id_fkey!inner(name, reports_to_board), reporting_periods!reports_period_id_fkey(name, starts_on)" as const;

function byPeriodThenOrganisation(a: ReportRow, b: ReportRow): number {
  return b.periodStartsOn.localeCompare(a.periodStartsOn) || a.organisation.localeCompare(b.organisation, "sv");
}

/**
 * Reports the person may read across organisations: for a coordinator every non-draft report;
 * with `boardOnly`, the submitted and accepted reports of organisations that report to the board.
 */
export async function listReports(supabase: TypedSupabaseClient, { boardOnly }: { boardOnly: boolean }): Promise<ReportRow[]> {
  let query = supabase.from("reports").select(reportColumns).neq("status", "draft");
  if (boardOnly) query = query.eq("organisations.reports_to_board", true).in("status", ["submitted", "accepted"]);
  const result = await query.order("submitted_at", { ascending: false, nullsFirst: false }).limit(MAX_ROWS);
  return rowsOf(result, "the reports")
    .map((row) => ({
      id: row.id,
      organisation: row.organisations.name,
      period: row.reporting_periods.name,
      periodStartsOn: row.reporting_periods.starts_on,
      status: row.status,
      submittedAt: row.submitted_at,
      reviewedAt: row.reviewed_at,
    }))
    .sort(byPeriodThenOrganisation);
}

/** The coordinator's overview: queues and a few counts, in parallel. */
export async function adminOverview(supabase: TypedSupabaseClient) {
  const [pending, review, activeOrganisations, forums, initiatives] = await Promise.all([
    pendingOrganisations(supabase, 50),
    reportsAwaitingReview(supabase, 50),
    supabase.from("organisations").select("id", { count: "exact", head: true }).eq("status", "active"),
    supabase.from("forums").select("id", { count: "exact", head: true }).is("archived_at", null),
    supabase.from("initiatives").select("id", { count: "exact", head: true }).neq("status", "draft"),
  ]);
  return {
    pending: pending.rows,
    awaitingReview: review.rows,
    counts: {
      activeOrganisations: countOf(activeOrganisations, "active organisations"),
      pendingOrganisations: pending.count,
      forums: countOf(forums, "forums"),
      initiatives: countOf(initiatives, "initiatives"),
      awaitingReview: review.count,
    },
  };
}
