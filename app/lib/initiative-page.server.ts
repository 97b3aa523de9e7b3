/**
 * An initiative's page (/initiatives/:id): the initiative, its partners, its timeline of progress
 * updates and the reports that mention it, all as RLS lets the reader see them (anonymous visitors:
 * public non-drafts; signed-in: every non-draft and their own organisations' drafts). Editors (the
 * owning organisation's members, coordinators) add and remove progress updates here.
 */
import type { Database } from "./database.types";
import { isUnreachable, serviceUnavailable } from "./http.server";
import { rowsOf } from "./query.server";
import { isUuid, type ProgressUpdateInput } from "./schemas/initiative";
import type { TypedSupabaseClient } from "./supabase.server";

type InitiativeStatus = Database["public"]["Enums"]["initiative_status"];
type ReportStatus = Database["public"]["Enums"]["report_status"];

/** Bounds of the lists on the page. */
export const MAX_UPDATES = 100;
export const MAX_PARTNERS_SHOWN = 100;
export const MAX_REPORTS = 50;

export interface InitiativePage {
  id: string;
  orgId: string;
  orgName: string | null;
  title: string;
  summary: string | null;
  description: string | null;
  status: InitiativeStatus;
  startsOn: string | null;
  endsOn: string | null;
  districts: string[];
  targetGroups: string[];
  focusAreas: string[];
  participantsExpected: number | null;
  participantsReached: number | null;
  /** Only for signed-in readers (null otherwise). */
  budget: number | null;
  fundingSource: string | null;
  isPublic: boolean;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  publishedAt: string | null;
  updatedAt: string;
  partners: { orgId: string; name: string; role: string | null }[];
  updates: {
    id: string;
    reportedOn: string;
    body: string;
    participantsReached: number | null;
    newStatus: InitiativeStatus | null;
    /** Only for signed-in readers. */
    authorName: string | null;
  }[];
  reports: { id: string; orgName: string | null; periodName: string | null; status: ReportStatus }[];
}

/** The page's data, or null for an id that is not a uuid or an initiative the reader may not see. */
export async function getInitiativePage(supabase: TypedSupabaseClient, id: string, signedIn: boolean): Promise<InitiativePage | null> {
  if (!isUuid(id)) return null;
  const result = await supabase
    .from("initiatives")
    .select(
      "id, org_id, title, summary, description, status, starts_on, ends_on, districts, target_groups, focus_areas, participants_expected, participants_reached, budget_sek, funding_source, is_public, contact_name, contact_email, contact_phone, published_at, updated_at, organisations!initiatives_org_id_fkey(name)",
    )
    .eq("id", id)
    .maybeSingle();
  if (isUnreachable(result.error)) serviceUnavailable();
  if (result.error?.code === "22P02") return null;
  if (result.error) throw new Error(`Could not load the initiative: ${result.error.message}`);
  if (!result.data) return null;
  const row = result.data;

  const [partners, updates, reports] = await Promise.all([
    supabase
      .from("initiative_partners")
      .select("org_id, role, organisations!initiative_partners_org_id_fkey(name)")
      .eq("initiative_id", id)
      .limit(MAX_PARTNERS_SHOWN),
    signedIn
      ? supabase
          .from("initiative_updates")
          .select("id, reported_on, body, participants_reached, new_status, author:profiles!initiative_updates_author_id_fkey(full_name)")
          .eq("initiative_id", id)
          .order("reported_on", { ascending: false })
          .order("created_at", { ascending: false })
          .limit(MAX_UPDATES)
      : supabase
          .from("initiative_updates")
          .select("id, reported_on, body, participants_reached, new_status")
          .eq("initiative_id", id)
          .order("reported_on", { ascending: false })
          .order("created_at", { ascending: false })
          .limit(MAX_UPDATES),
    signedIn
      ? supabase
          .from("report_initiatives")
          .select("report_id, reports!inner(id, status, organisations!reports_org_id_fkey(name), reporting_periods!reports_period_id_fkey(name))")
          .eq("initiative_id", id)
          .limit(MAX_REPORTS)
      : Promise.resolve(null),
  ]);

  const partnerRows = rowsOf(partners, "the initiative's partners")
    .map((p) => ({ orgId: p.org_id, name: p.organisations?.name ?? "", role: p.role }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const updateRows = rowsOf(updates as { data: UpdateRow[] | null; error: { message: string } | null }, "the initiative's progress updates");
  const reportRows = reports ? rowsOf(reports, "the reports mentioning the initiative") : [];

  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.organisations?.name ?? null,
    title: row.title,
    summary: row.summary,
    description: row.description,
    status: row.status,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    districts: row.districts ?? [],
    targetGroups: row.target_groups ?? [],
    focusAreas: row.focus_areas ?? [],
    participantsExpected: row.participants_expected,
    participantsReached: row.participants_reached,
    budget: signedIn ? row.budget_sek : null,
    fundingSource: signedIn ? row.funding_source : null,
    isPublic: row.is_public,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    partners: partnerRows,
    updates: updateRows.map((u) => ({
      id: u.id,
      reportedOn: u.reported_on,
      body: u.body,
      participantsReached: u.participants_reached,
      newStatus: u.new_status,
      authorName: signedIn ? (u.author?.full_name ?? null) : null,
    })),
    reports: reportRows
      .map((r) => ({
        id: r.reports.id,
        orgName: r.reports.organisations?.name ?? null,
        periodName: r.reports.reporting_periods?.name ?? null,
        status: r.reports.status,
      }))
      .sort((a, b) => (b.periodName ?? "").localeCompare(a.periodName ?? "", "sv")),
  };
}

interface UpdateRow {
  id: string;
  reported_on: string;
  body: string;
  participants_reached: number | null;
  new_status: InitiativeStatus | null;
  author?: { full_name: string | null } | null;
}

export type UpdateResult = { ok: true } | { ok: false; reason: "refused" | "invalid" | "notFound" };

/**
 * Adds a progress update in the caller's name (RLS: editors only). The submission key is the new
 * update's id: a repeated request finds the first one's update and succeeds without a second.
 */
export async function addProgressUpdate(
  supabase: TypedSupabaseClient,
  initiativeId: string,
  authorId: string,
  input: ProgressUpdateInput,
  submissionKey: string | null = null,
): Promise<UpdateResult> {
  if (!isUuid(initiativeId)) return { ok: false, reason: "notFound" };
  const { error } = await supabase.from("initiative_updates").insert({
    ...(submissionKey ? { id: submissionKey } : {}),
    initiative_id: initiativeId,
    author_id: authorId,
    reported_on: input.reportedOn,
    body: input.body,
    participants_reached: input.participantsReached,
    new_status: input.newStatus,
  });
  if (!error) return { ok: true };
  if (isUnreachable(error)) serviceUnavailable();
  if (submissionKey && error.code === "23505") {
    const first = await supabase.from("initiative_updates").select("id").eq("id", submissionKey).eq("initiative_id", initiativeId).eq("author_id", authorId).maybeSingle();
    if (first.data) return { ok: true };
    // Some other update's id: not a retry of this person's update (a forged form).
    return { ok: false, reason: "refused" };
  }
  if (error.code === "42501") return { ok: false, reason: "refused" };
  if (error.code === "23514" || error.code === "22023") return { ok: false, reason: "invalid" };
  if (error.code === "23503") return { ok: false, reason: "notFound" };
  throw new Error(`Could not add the progress update: ${error.code ?? ""} ${error.message}`);
}

/** Removes a progress update (RLS: editors only; 0 rows means refused or already gone). */
export async function deleteProgressUpdate(supabase: TypedSupabaseClient, initiativeId: string, updateId: string): Promise<UpdateResult> {
  if (!isUuid(initiativeId) || !isUuid(updateId)) return { ok: false, reason: "notFound" };
  const { data, error } = await supabase.from("initiative_updates").delete().eq("id", updateId).eq("initiative_id", initiativeId).select("id");
  if (error) {
    if (isUnreachable(error)) serviceUnavailable();
    throw new Error(`Could not remove the progress update: ${error.code ?? ""} ${error.message}`);
  }
  return (data ?? []).length > 0 ? { ok: true } : { ok: false, reason: "refused" };
}
