/**
 * /admin/reports (coordinators): the queue of submitted reports, oldest first, and per open or
 * recently ended period each organisation that must report with its report's status as a
 * coordinator can see it. RLS hides drafts from coordinators, so "no report" and "a draft" look the
 * same here: not submitted.
 */
import type { Database } from "./database.types";
import { rowsOf } from "./query.server";
import { todayInSweden } from "./schemas/initiative";
import type { TypedSupabaseClient } from "./supabase.server";

type Enums = Database["public"]["Enums"];

const MAX_QUEUE = 200;
/** Periods shown below the queue: open ones and those whose due date passed within this many days. */
const RECENT_DAYS = 365;
const MAX_PERIODS = 6;

export interface QueuedReport {
  id: string;
  organisation: string;
  reportsToBoard: boolean;
  period: string;
  submittedAt: string | null;
  /** Number of submissions: more than 1 means it was returned and is back. */
  version: number;
}

/** Submitted reports waiting for review, oldest submission first. */
export async function reviewQueue(supabase: TypedSupabaseClient): Promise<QueuedReport[]> {
  const result = await supabase
    .from("reports")
    .select("id, submitted_at, version, organisations!reports_org_id_fkey(name, reports_to_board), reporting_periods!reports_period_id_fkey(name)")
    .eq("status", "submitted")
    .order("submitted_at", { ascending: true, nullsFirst: false })
    .order("id")
    .limit(MAX_QUEUE);
  return rowsOf(result, "the reports awaiting review").map((row) => ({
    id: row.id,
    organisation: row.organisations.name,
    reportsToBoard: row.organisations.reports_to_board,
    period: row.reporting_periods.name,
    submittedAt: row.submitted_at,
    version: row.version,
  }));
}

/** What a coordinator sees of an organisation's report: none and drafts are "notSubmitted". */
export type SeenStatus = Exclude<Enums["report_status"], "draft"> | "notSubmitted";

export interface PeriodOrganisationStatus {
  orgId: string;
  organisation: string;
  reportsToBoard: boolean;
  /** The organisation is no longer required (it sent a report anyway, or was removed from the period). */
  required: boolean;
  status: SeenStatus;
  reportId: string | null;
  submittedAt: string | null;
  /** The due date has passed and nothing is handed in (or it was returned and is not back yet). */
  overdue: boolean;
}

export interface PeriodProgress {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  status: Enums["period_status"];
  organisations: PeriodOrganisationStatus[];
  /** Required organisations whose report is submitted or accepted. */
  done: number;
  required: number;
}

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Whether a report with this status counts as handed in. */
export function isHandedIn(status: SeenStatus): boolean {
  return status === "submitted" || status === "accepted";
}

/** The open periods and those that ended recently, latest first, with each organisation's status. */
export async function periodProgress(supabase: TypedSupabaseClient, today: string = todayInSweden()): Promise<PeriodProgress[]> {
  const result = await supabase
    .from("reporting_periods")
    .select(
      "id, name, starts_on, ends_on, due_on, status, period_organisations(org_id, organisations!period_organisations_org_id_fkey(name, reports_to_board)), reports(id, org_id, status, submitted_at, organisations!reports_org_id_fkey(name, reports_to_board))",
    )
    .or(`status.eq.open,due_on.gte.${daysBefore(today, RECENT_DAYS)}`)
    .order("starts_on", { ascending: false })
    .order("name")
    .limit(MAX_PERIODS);
  return rowsOf(result, "the periods' progress").map((period) => {
    const reports = new Map(period.reports.map((report) => [report.org_id, report]));
    const required = new Set(period.period_organisations.map((entry) => entry.org_id));
    const rows: PeriodOrganisationStatus[] = [];
    const add = (orgId: string, organisation: { name: string; reports_to_board: boolean }, isRequired: boolean) => {
      const report = reports.get(orgId);
      const status: SeenStatus = !report || report.status === "draft" ? "notSubmitted" : report.status;
      rows.push({
        orgId,
        organisation: organisation.name,
        reportsToBoard: organisation.reports_to_board,
        required: isRequired,
        status,
        reportId: report && report.status !== "draft" ? report.id : null,
        submittedAt: report && report.status !== "draft" ? report.submitted_at : null,
        overdue: isRequired && today > period.due_on && !isHandedIn(status),
      });
    };
    for (const entry of period.period_organisations) add(entry.org_id, entry.organisations, true);
    // Reports of organisations that are not (or no longer) required still show.
    for (const report of period.reports) {
      if (!required.has(report.org_id) && report.status !== "draft") add(report.org_id, report.organisations, false);
    }
    rows.sort((a, b) => Number(b.required) - Number(a.required) || a.organisation.localeCompare(b.organisation, "sv"));
    return {
      id: period.id,
      name: period.name,
      startsOn: period.starts_on,
      endsOn: period.ends_on,
      dueOn: period.due_on,
      status: period.status,
      organisations: rows,
      done: rows.filter((row) => row.required && isHandedIn(row.status)).length,
      required: required.size,
    };
  });
}
