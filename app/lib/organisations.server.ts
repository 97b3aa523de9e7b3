/**
 * Organisations applying to join and the coordinators' handling of them. Every read and write goes
 * through the caller's own client (anonymous for /apply), so Postgres decides: /apply can only call
 * `apply_for_membership` (a pending organisation, nothing more), and only coordinators see the queue,
 * approve, reject and edit. The service role is used for two things no user may do: reading the
 * coordinators' e-mail addresses to notify them of an application (the applicant is anonymous), and
 * making the invitation link (`sendInvitation`).
 */
import type { Database } from "./database.types";
import { sendInvitation } from "./auth-links.server";
import type { CurrentUser } from "./auth.server";
import { sendEmail } from "./email.server";
import { getEnv } from "./env.server";
import { isLocale, type Locale } from "./i18n";
import { getMessages } from "./messages.server";
import { isUnreachable, notFound, serviceUnavailable } from "./http.server";
import { pageCount, rangeOf } from "./pagination";
import { rowsOf } from "./query.server";
import type { Application, FieldErrors, OrganisationEdit, OrganisationKind, OrganisationStatus } from "./schemas/organisation";
import { SlidingWindowLimiter } from "./sign-in-throttle.server";
import { getServiceRoleClient, type TypedSupabaseClient } from "./supabase.server";
import {
  applicationNotificationEmail,
  applicationReceiptEmail,
  applicationRejectedEmail,
  type ApplicationSummary,
} from "~/emails/organisation-emails";

/**
 * /apply: applications stored per client address, 5 an hour. In this process's memory (see the
 * limitation in sign-in-throttle.server.ts). Only attempts that reach the database count: a
 * mistyped form that comes back with errors does not use up the budget.
 */
export const applyLimiter = new SlidingWindowLimiter({ limit: 5, windowMs: 60 * 60 * 1000 });

type OrganisationRow = Database["public"]["Tables"]["organisations"]["Row"];

interface DbError {
  message: string;
  code?: string;
  hint?: string | null;
  status?: number;
  name?: string;
}

/** Field names of the application form that the SQL function names in its error hint. */
const SQL_FIELDS = new Set(["name", "orgNumber", "kind", "districts", "description", "website", "contactName", "contactEmail"]);

export type ApplyResult = { ok: true; orgId: string } | { ok: false; errors: FieldErrors };

/** Stores an application through `apply_for_membership` as the caller (normally anonymous). */
export async function submitApplication(supabase: TypedSupabaseClient, application: Application): Promise<ApplyResult> {
  const { data, error } = await supabase.rpc("apply_for_membership", {
    p_name: application.name,
    p_org_number: application.orgNumber,
    p_kind: application.kind,
    p_districts: application.districts,
    p_description: application.description,
    p_website: application.website ?? "",
    p_contact_name: application.contactName,
    p_contact_email: application.contactEmail,
    p_message: application.message,
  });
  if (error) return { ok: false, errors: applyErrors(error) };
  return { ok: true, orgId: data };
}

function applyErrors(error: DbError): FieldErrors {
  if (isUnreachable(error)) serviceUnavailable();
  if (error.code === "23505") return { orgNumber: "orgNumberTaken" };
  // The form checks the same rules first, so this only happens if the two disagree.
  if (error.code === "22023" && error.hint && SQL_FIELDS.has(error.hint)) {
    const key = ({ orgNumber: "orgNumberChecksum", districts: "districtsRequired", website: "websiteInvalid" } as const)[
      error.hint as "orgNumber" | "districts" | "website"
    ];
    return { [error.hint]: key ?? `${error.hint}Required` } as FieldErrors;
  }
  throw new Error(`Could not store the application: ${error.code ?? ""} ${error.message}`);
}

export function summaryOf(application: Application, locale: Locale): ApplicationSummary {
  return {
    name: application.name,
    orgNumber: application.orgNumber,
    kindLabel: getMessages(locale).pages.common.organisationKind[application.kind],
    districts: application.districts,
    description: application.description,
    website: application.website,
    contactName: application.contactName,
    contactEmail: application.contactEmail,
  };
}

/**
 * The receipt to the applicant and a notification to every coordinator. Never throws (the
 * application is stored; a failed mail is logged by the mailer).
 *
 * The coordinators' addresses are read with the service role: the applicant is anonymous and may
 * not read anybody's profile, and the addresses never leave the server. (The alternative, a SQL
 * function that mails, is not possible: the database does not send mail.)
 */
export async function mailApplication(application: Application, locale: Locale): Promise<void> {
  try {
    await sendEmail({ to: application.contactEmail, ...applicationReceiptEmail(summaryOf(application, locale), locale) });
    const service = getServiceRoleClient();
    const { data: roles, error } = await service.from("platform_roles").select("user_id").eq("role", "coordinator");
    if (error) throw new Error(error.message);
    const ids = (roles ?? []).map((row) => row.user_id);
    if (ids.length === 0) return;
    const { data: people, error: peopleError } = await service.from("profiles").select("email, locale").in("id", ids);
    if (peopleError) throw new Error(peopleError.message);
    const queueUrl = new URL("/admin/organisations", getEnv().SITE_URL).href;
    await Promise.all(
      (people ?? [])
        .filter((person) => person.email)
        .map((person) => {
          const personLocale = isLocale(person.locale) ? person.locale : "sv";
          return sendEmail({
            to: person.email!,
            ...applicationNotificationEmail(summaryOf(application, personLocale), queueUrl, personLocale),
          });
        }),
    );
  } catch (error) {
    console.error(`Could not mail about an application: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// --- the coordinators' queue ------------------------------------------------------------------------

export interface PendingApplication {
  id: string;
  name: string;
  orgNumber: string | null;
  kind: OrganisationKind;
  districts: string[];
  description: string | null;
  website: string | null;
  appliedAt: string;
  applicantName: string | null;
  applicantEmail: string | null;
  message: string | null;
}

export async function listPendingApplications(supabase: TypedSupabaseClient): Promise<PendingApplication[]> {
  const result = await supabase
    .from("organisations")
    .select(
      "id, name, org_number, kind, districts, description, website, created_at, organisation_applications(applicant_name, applicant_email, message, created_at)",
    )
    .eq("status", "pending")
    .order("created_at", { ascending: true })
    .limit(200);
  return rowsOf(result, "the pending applications").map((row) => {
    const application = row.organisation_applications;
    return {
      id: row.id,
      name: row.name,
      orgNumber: row.org_number,
      kind: row.kind,
      districts: row.districts,
      description: row.description,
      website: row.website,
      appliedAt: application?.created_at ?? row.created_at,
      applicantName: application?.applicant_name ?? null,
      applicantEmail: application?.applicant_email ?? null,
      message: application?.message ?? null,
    };
  });
}

export type DecisionResult =
  | { ok: true; outcome: "approved" | "approvedAlreadyRegistered" | "approvedInviteFailed" | "rejected"; name: string; email: string }
  | { ok: false; outcome: "notPending" };

async function pendingApplication(supabase: TypedSupabaseClient, orgId: string) {
  const result = await supabase
    .from("organisations")
    .select("id, name, status, organisation_applications(applicant_name, applicant_email)")
    .eq("id", orgId)
    .maybeSingle();
  if (isUnreachable(result.error)) serviceUnavailable();
  if (result.error) throw new Error(`Could not load the application: ${result.error.message}`);
  if (!result.data) notFound();
  return result.data;
}

/**
 * Approves a pending organisation (coordinator's client: the trigger stamps approved_at/by and the
 * audit log says organisation.approved), invites its contact person and makes them the
 * organisation's first admin (membership `invited` until they accept).
 */
export async function approveApplication(
  supabase: TypedSupabaseClient,
  coordinator: CurrentUser,
  orgId: string,
  locale: Locale,
): Promise<DecisionResult> {
  const org = await pendingApplication(supabase, orgId);
  if (org.status !== "pending") return { ok: false, outcome: "notPending" };
  const email = org.organisation_applications?.applicant_email ?? "";
  const contactName = org.organisation_applications?.applicant_name ?? null;

  const updated = await supabase.from("organisations").update({ status: "active" }).eq("id", orgId).eq("status", "pending").select("id");
  if (rowsOf(updated, "the approval").length === 0) return { ok: false, outcome: "notPending" };
  if (!email) return { ok: true, outcome: "approvedInviteFailed", name: org.name, email };

  const invitation = await sendInvitation(email, {
    next: "/welcome",
    locale,
    data: contactName ? { full_name: contactName } : undefined,
    name: contactName,
    inviterName: coordinator.fullName,
    organisationName: org.name,
  });
  let userId: string | null = null;
  let outcome: "approved" | "approvedAlreadyRegistered" | "approvedInviteFailed" = "approved";
  if (invitation.ok) {
    userId = invitation.userId;
    if (!invitation.mailed) outcome = "approvedInviteFailed";
  } else if (invitation.reason === "already-registered") {
    // An existing account: coordinators read profiles, so find it with their client.
    const profile = await supabase.rpc("profile_id_by_email", { p_email: email });
    userId = profile.data ?? null;
    outcome = userId ? "approvedAlreadyRegistered" : "approvedInviteFailed";
  } else {
    console.error(`Invitation after approval failed: ${invitation.message}`);
    outcome = "approvedInviteFailed";
  }
  if (userId) {
    const membership = await supabase
      .from("memberships")
      .upsert({ org_id: orgId, user_id: userId, role: "admin", status: "invited" }, { onConflict: "org_id,user_id", ignoreDuplicates: true });
    if (membership.error) {
      if (isUnreachable(membership.error)) serviceUnavailable();
      console.error(`Could not add the first admin: ${membership.error.message}`);
      outcome = "approvedInviteFailed";
    }
  }
  return { ok: true, outcome, name: org.name, email };
}

/** Rejects a pending application (SQL function: logs the reason, deletes the organisation) and mails the reason. */
export async function rejectApplication(
  supabase: TypedSupabaseClient,
  orgId: string,
  reason: string,
  locale: Locale,
): Promise<DecisionResult> {
  const org = await pendingApplication(supabase, orgId);
  if (org.status !== "pending") return { ok: false, outcome: "notPending" };
  const email = org.organisation_applications?.applicant_email ?? "";
  const { error } = await supabase.rpc("reject_organisation_application", { p_org_id: orgId, p_reason: reason });
  if (error) {
    if (isUnreachable(error)) serviceUnavailable();
    if (error.code === "22023") return { ok: false, outcome: "notPending" };
    throw new Error(`Could not reject the application: ${error.message}`);
  }
  if (email) {
    await sendEmail({
      to: email,
      ...applicationRejectedEmail({ organisationName: org.name, contactName: org.organisation_applications?.applicant_name ?? null, reason }, locale),
    });
  }
  return { ok: true, outcome: "rejected", name: org.name, email };
}

// --- the list and the edit page ---------------------------------------------------------------------

export interface OrganisationFilters {
  q: string;
  kind: OrganisationKind | "";
  status: OrganisationStatus | "";
}

export interface OrganisationListRow {
  id: string;
  name: string;
  orgNumber: string | null;
  kind: OrganisationKind;
  status: OrganisationStatus;
  reportsToBoard: boolean;
  updatedAt: string;
}

/** PostgREST's `or` filter syntax: quote a user's search term so commas and parentheses stay text. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/** Organisations on one page of /admin/organisations. */
export const ORGANISATIONS_PER_PAGE = 50;

/**
 * One page of organisations matching the filters, by name (id breaks ties), with the number of
 * matches for the page links. Past the last page: no rows (the route sends the person back).
 */
export async function listOrganisations(
  supabase: TypedSupabaseClient,
  filters: OrganisationFilters,
  page = 1,
): Promise<{ organisations: OrganisationListRow[]; total: number; pages: number }> {
  const [from, to] = rangeOf(page, ORGANISATIONS_PER_PAGE);
  let query = supabase
    .from("organisations")
    .select("id, name, org_number, kind, status, reports_to_board, updated_at", { count: "exact" })
    .order("name")
    .order("id")
    .range(from, to);
  if (filters.kind) query = query.eq("kind", filters.kind);
  if (filters.status) query = query.eq("status", filters.status);
  const q = filters.q.trim().slice(0, 100);
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, (char) => `\\${char}`)}%`;
    const digits = q.replace(/\D/g, "");
    const numberPattern = digits.length >= 2 && /^[\d\s-]+$/.test(q) ? `%${digits.length > 6 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits}%` : pattern;
    query = query.or(`name.ilike.${quoted(pattern)},org_number.ilike.${quoted(numberPattern)}`);
  }
  const result = await query;
  // PostgREST answers a page past the last with 416 (PGRST103) and no count.
  if (result.error?.code === "PGRST103") return { organisations: [], total: 0, pages: 0 };
  const rows = rowsOf(result, "the organisations");
  const total = result.count ?? rows.length;
  return {
    total,
    pages: pageCount(total, ORGANISATIONS_PER_PAGE),
    organisations: rows.map((row) => ({
      id: row.id,
      name: row.name,
      orgNumber: row.org_number,
      kind: row.kind,
      status: row.status,
      reportsToBoard: row.reports_to_board,
      updatedAt: row.updated_at,
    })),
  };
}

export type OrganisationDetails = Pick<
  OrganisationRow,
  "id" | "name" | "org_number" | "kind" | "districts" | "description" | "website" | "contact_email" | "status" | "reports_to_board" | "updated_at"
>;

export async function getOrganisation(supabase: TypedSupabaseClient, id: string): Promise<OrganisationDetails> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const result = await supabase
    .from("organisations")
    .select("id, name, org_number, kind, districts, description, website, contact_email, status, reports_to_board, updated_at")
    .eq("id", id)
    .maybeSingle();
  if (isUnreachable(result.error)) serviceUnavailable();
  if (result.error) throw new Error(`Could not load the organisation: ${result.error.message}`);
  if (!result.data) notFound();
  return result.data;
}

export type UpdateResult = { ok: true } | { ok: false; errors: FieldErrors };

export async function updateOrganisation(supabase: TypedSupabaseClient, id: string, values: OrganisationEdit): Promise<UpdateResult> {
  const { error, data } = await supabase
    .from("organisations")
    .update({
      name: values.name,
      org_number: values.orgNumber,
      kind: values.kind,
      districts: values.districts,
      description: values.description,
      website: values.website,
      contact_email: values.contactEmail,
      reports_to_board: values.reportsToBoard,
    })
    .eq("id", id)
    .select("id");
  if (error) {
    if (isUnreachable(error)) serviceUnavailable();
    if (error.code === "23505") return { ok: false, errors: { orgNumber: "orgNumberTaken" } };
    throw new Error(`Could not update the organisation: ${error.message}`);
  }
  if (!data || data.length === 0) notFound();
  return { ok: true };
}

/** Archive (active → archived) or reactivate (archived → active). Pending ones are approved in the queue. */
export async function setOrganisationStatus(supabase: TypedSupabaseClient, id: string, status: "active" | "archived"): Promise<boolean> {
  const from: OrganisationStatus = status === "archived" ? "active" : "archived";
  const result = await supabase.from("organisations").update({ status }).eq("id", id).eq("status", from).select("id");
  return rowsOf(result, "the organisation's status").length > 0;
}

// "Insatser" on an organisation's page (issue 6) ------------------------------------------------

/** How many initiatives the organisation page lists; the catalogue filtered by organisation has the rest. */
export const ORGANISATION_INITIATIVES_LIMIT = 20;

export interface OrganisationInitiative {
  id: string;
  title: string;
  status: Database["public"]["Enums"]["initiative_status"];
  districts: string[];
  /** Null: the organisation's own; otherwise it is a partner (with its role, possibly empty). */
  partnerRole: string | null;
  partner: boolean;
}

/**
 * The organisation's own initiatives and those it is a named partner in, as RLS lets the reader see
 * them (drafts only for its members and coordinators), latest changed first, at most `limit`.
 */
export async function listOrganisationInitiatives(
  supabase: TypedSupabaseClient,
  orgId: string,
  limit: number = ORGANISATION_INITIATIVES_LIMIT,
): Promise<{ initiatives: OrganisationInitiative[]; more: boolean }> {
  const [own, partnered] = await Promise.all([
    supabase
      .from("initiatives")
      .select("id, title, status, districts, updated_at")
      .eq("org_id", orgId)
      .order("updated_at", { ascending: false })
      .limit(limit + 1),
    supabase
      .from("initiatives")
      .select("id, title, status, districts, updated_at, initiative_partners!inner(role)")
      .eq("initiative_partners.org_id", orgId)
      .order("updated_at", { ascending: false })
      .limit(limit + 1),
  ]);
  const rows = [
    ...rowsOf(own, "the organisation's initiatives").map((row) => ({ ...row, partner: false, partnerRole: null as string | null })),
    ...rowsOf(partnered, "the initiatives the organisation is a partner in").map(({ initiative_partners: partners, ...row }) => ({
      ...row,
      partner: true,
      partnerRole: partners[0]?.role ?? null,
    })),
  ].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  return {
    initiatives: rows.slice(0, limit).map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      districts: row.districts ?? [],
      partner: row.partner,
      partnerRole: row.partnerRole,
    })),
    more: rows.length > limit,
  };
}
