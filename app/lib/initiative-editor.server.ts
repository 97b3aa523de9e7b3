/**
 * Registering and editing an initiative (/initiatives/new, /initiatives/:id/edit, and "Publicera"
 * on a draft's page), through the caller's own client: RLS decides who may write (members of the
 * owning organisation, coordinators for any); the partner organisations read but never edit.
 *
 * Nothing half-saved: the partners are checked first (active organisations, not the owner), then
 * the initiative's fields and its partner list are written in one transaction (rpc save_initiative).
 */
import type { CurrentUser } from "./auth.server";
import { hasRole } from "./auth.server";
import type { Database } from "./database.types";
import { isUnreachable, serviceUnavailable } from "./http.server";
import { rowsOf } from "./query.server";
import {
  isUuid,
  publishProblems,
  statusWhenPublished,
  todayInSweden,
  type InitiativeErrorKey,
  type InitiativeFieldErrors,
  type InitiativeFormState,
  type InitiativeInput,
} from "./schemas/initiative";
import type { TypedSupabaseClient } from "./supabase.server";

type InitiativeRow = Database["public"]["Tables"]["initiatives"]["Row"];
type InitiativeWrite = Database["public"]["Tables"]["initiatives"]["Update"];

interface DbError {
  message: string;
  code?: string;
  details?: string | null;
  status?: number;
  name?: string;
}

export interface OrganisationOption {
  id: string;
  name: string;
}

export interface EditorOptions {
  /** Organisations the person may register for (their own active ones; coordinators: all active). */
  owners: OrganisationOption[];
  /** Active organisations that can be named as partners. */
  partners: OrganisationOption[];
}

const MAX_ORGANISATIONS = 500;

/** The organisations the form offers, in one bounded query. */
export async function loadEditorOptions(supabase: TypedSupabaseClient, user: CurrentUser): Promise<EditorOptions> {
  const result = await supabase.from("organisations").select("id, name").eq("status", "active").order("name").limit(MAX_ORGANISATIONS);
  const active = rowsOf(result, "the active organisations");
  const owners = hasRole(user, "coordinator")
    ? active
    : user.memberships.map((m) => ({ id: m.orgId, name: m.orgName })).filter((m) => active.some((a) => a.id === m.id));
  return { owners, partners: active };
}

/** May this person register or edit initiatives of `orgId` (the same rule as RLS). */
export function canEditFor(user: CurrentUser, orgId: string): boolean {
  return hasRole(user, "coordinator") || user.memberships.some((m) => m.orgId === orgId);
}

/** May this person register initiatives at all. */
export function canRegister(user: CurrentUser): boolean {
  return hasRole(user, "coordinator") || user.memberships.length > 0;
}

export interface EditableInitiative {
  row: InitiativeRow;
  partners: { orgId: string; role: string | null }[];
}

/** The initiative with its partners as RLS lets the caller read it, or null (unknown, invisible, not a uuid). */
export async function getEditableInitiative(supabase: TypedSupabaseClient, id: string): Promise<EditableInitiative | null> {
  if (!isUuid(id)) return null;
  const [row, partners] = await Promise.all([
    supabase.from("initiatives").select("*").eq("id", id).maybeSingle(),
    supabase.from("initiative_partners").select("org_id, role").eq("initiative_id", id).limit(200),
  ]);
  if (isUnreachable(row.error)) serviceUnavailable();
  if (row.error?.code === "22P02") return null;
  if (row.error) throw new Error(`Could not load the initiative: ${row.error.message}`);
  if (!row.data) return null;
  return { row: row.data, partners: rowsOf(partners, "the initiative's partners").map((p) => ({ orgId: p.org_id, role: p.role })) };
}

/** The form's values for an existing initiative. */
export function formStateOf(initiative: EditableInitiative): InitiativeFormState {
  const { row } = initiative;
  return {
    orgId: row.org_id,
    title: row.title,
    summary: row.summary ?? "",
    description: row.description ?? "",
    status: row.status,
    startsOn: row.starts_on ?? "",
    endsOn: row.ends_on ?? "",
    districts: row.districts ?? [],
    targetGroups: row.target_groups ?? [],
    focusAreas: row.focus_areas ?? [],
    participantsExpected: row.participants_expected === null ? "" : String(row.participants_expected),
    budget: row.budget_sek === null ? "" : String(row.budget_sek).replace(".", ","),
    fundingSource: row.funding_source ?? "",
    contactName: row.contact_name ?? "",
    contactEmail: row.contact_email ?? "",
    contactPhone: row.contact_phone ?? "",
    isPublic: row.is_public,
    partners: initiative.partners.map((p) => ({ orgId: p.orgId, role: p.role ?? "" })),
  };
}

export type SaveResult =
  | { ok: true; id: string; status: Database["public"]["Enums"]["initiative_status"] }
  | { ok: false; reason: "invalid"; errors: InitiativeFieldErrors }
  | { ok: false; reason: "refused" | "notFound" };

export interface SaveRequest {
  /** Null for a new initiative. */
  id: string | null;
  /** A new initiative's id: the form's submission key, so a repeated request creates one initiative. */
  newId?: string | null;
  data: InitiativeInput;
  /** Publish (or keep published): the required fields are checked and the status leaves draft. */
  publish: boolean;
  today?: string;
}

function rowOf(data: InitiativeInput, status: Database["public"]["Enums"]["initiative_status"]): InitiativeWrite {
  return {
    org_id: data.orgId,
    title: data.title,
    summary: data.summary,
    description: data.description,
    status,
    starts_on: data.startsOn,
    ends_on: data.endsOn,
    districts: data.districts,
    target_groups: data.targetGroups,
    focus_areas: data.focusAreas,
    participants_expected: data.participantsExpected,
    budget_sek: data.budget,
    funding_source: data.fundingSource,
    is_public: data.isPublic,
    contact_name: data.contactName,
    contact_email: data.contactEmail,
    contact_phone: data.contactPhone,
  };
}

/** A refusal from Postgres in the form's words, or null when it is not about the form. */
export function errorsOfConstraint(error: DbError, data: InitiativeInput): InitiativeFieldErrors | null {
  if (error.code !== "23514") return null;
  const text = `${error.message} ${error.details ?? ""}`;
  if (text.includes("initiative_partners")) return { partners: "partnerRoleTooLong" };
  if (text.includes("initiatives_publishable")) {
    const missing = publishProblems(data);
    return Object.keys(missing).length > 0 ? missing : { summary: "summaryRequired" };
  }
  if (text.includes("initiatives_dates_ordered")) return { endsOn: "endBeforeStart" };
  if (text.includes("districts")) return { districts: "districtUnknown" };
  if (text.includes("target_groups")) return { targetGroups: "targetGroupUnknown" };
  if (text.includes("focus_areas")) return { focusAreas: "focusAreaUnknown" };
  if (text.includes("budget")) return { budget: "budgetNegative" };
  if (text.includes("participants")) return { participantsExpected: "participantsNegative" };
  if (text.includes("contact_email")) return { contactEmail: "contactEmailInvalid" };
  if (text.includes("description")) return { description: "descriptionTooLong" };
  if (text.includes("summary")) return { summary: "summaryTooLong" };
  if (text.includes("title")) return { title: "titleTooLong" };
  return null;
}

function failed(what: string, error: DbError): never {
  if (isUnreachable(error)) serviceUnavailable();
  throw new Error(`Could not ${what}: ${error.code ?? ""} ${error.message}`);
}

/** Checks the named partners exist and are active (one query): the first problem, or null. */
async function partnerProblem(supabase: TypedSupabaseClient, data: InitiativeInput): Promise<InitiativeErrorKey | null> {
  const ids = data.partners.map((p) => p.orgId);
  if (ids.length === 0) return null;
  if (ids.includes(data.orgId)) return "partnerIsOwner";
  const { data: found, error } = await supabase.from("organisations").select("id").in("id", ids).eq("status", "active");
  if (error) {
    if (error.code === "22P02") return "partnerUnknown";
    failed("check the partner organisations", error);
  }
  return (found ?? []).length === ids.length ? null : "partnerUnknown";
}

/**
 * Saves the initiative and its partners as the caller. A draft save stores status 'draft' (or keeps
 * a published initiative's chosen status when `publish`); publishing checks the required fields
 * first and the database checks them again.
 */
export async function saveInitiative(supabase: TypedSupabaseClient, request: SaveRequest): Promise<SaveResult> {
  const { data, publish } = request;
  if (publish) {
    const missing = publishProblems(data);
    if (Object.keys(missing).length > 0) return { ok: false, reason: "invalid", errors: missing };
  }
  const problem = await partnerProblem(supabase, data);
  if (problem) return { ok: false, reason: "invalid", errors: { partners: problem } };
  const status = publish ? statusWhenPublished(data.status, data.startsOn, request.today ?? todayInSweden()) : "draft";
  const row = rowOf(data, status);

  if (request.id !== null) {
    const { data: existing, error } = await supabase.from("initiatives").select("id").eq("id", request.id).maybeSingle();
    if (error) failed("find the initiative", error);
    if (!existing) return { ok: false, reason: "notFound" };
  }
  // One transaction for the fields and the partner list (rpc save_initiative): nothing half-saved.
  const { data: id, error } = await supabase.rpc("save_initiative", {
    // null registers a new one (the generated type cannot express a nullable argument)
    initiative: request.id as string,
    fields: request.id === null && request.newId ? { ...row, id: request.newId } : row,
    partners: data.partners.map((partner) => ({ org_id: partner.orgId, role: partner.role })),
  });
  if (error || !id) {
    if (!error) failed("save the initiative", { message: "no id returned" });
    const errors = errorsOfConstraint(error, data);
    if (errors) return { ok: false, reason: "invalid", errors };
    // 23505: the key is some other initiative's id, not a retry of this person's (a forged form).
    if (error.code === "42501" || error.code === "23505") return { ok: false, reason: "refused" };
    if (error.code === "23503") return { ok: false, reason: "invalid", errors: { orgId: "organisationRequired" } };
    failed("save the initiative", error);
  }
  return { ok: true, id, status };
}

/** "Publicera" on a draft's page: the same checks as the form, on what is stored. */
export async function publishStoredInitiative(supabase: TypedSupabaseClient, id: string, today: string = todayInSweden()): Promise<SaveResult> {
  const stored = await getEditableInitiative(supabase, id);
  if (!stored) return { ok: false, reason: "notFound" };
  const { row } = stored;
  const asInput = {
    summary: row.summary,
    startsOn: row.starts_on,
    districts: row.districts ?? [],
    targetGroups: row.target_groups ?? [],
    focusAreas: row.focus_areas ?? [],
    isPublic: row.is_public,
    contactEmail: row.contact_email,
  };
  const missing = publishProblems(asInput);
  if (Object.keys(missing).length > 0) return { ok: false, reason: "invalid", errors: missing };
  const status = statusWhenPublished(row.status, row.starts_on, today);
  const { data: updated, error } = await supabase.from("initiatives").update({ status }).eq("id", id).select("id");
  if (error) {
    if (error.code === "23514") return { ok: false, reason: "invalid", errors: publishProblems(asInput) };
    if (error.code === "42501") return { ok: false, reason: "refused" };
    failed("publish the initiative", error);
  }
  if ((updated ?? []).length === 0) return { ok: false, reason: "refused" };
  return { ok: true, id, status };
}
