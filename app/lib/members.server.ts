/**
 * Organisations and their members, always through the signed-in user's client: RLS decides what
 * is seen and changed, the guard triggers refuse what RLS cannot express (the last active admin,
 * status and board reporting of an organisation), and the audit triggers log every change.
 */
import type { Database } from "./database.types";
import { isUnreachable, serviceUnavailable } from "./http.server";
import { FOCUS_AREAS, type FocusArea } from "./initiative-vocabulary";
import { pageCount, rangeOf } from "./pagination";
import { countOf, rowsOf } from "./query.server";
import type { TypedSupabaseClient } from "./supabase.server";

type OrganisationKind = Database["public"]["Enums"]["organisation_kind"];
type MembershipRole = Database["public"]["Enums"]["membership_role"];

export interface DirectoryEntry {
  id: string;
  name: string;
  kind: OrganisationKind;
  description: string | null;
  website: string | null;
  members: number;
  /** The organisation's districts and those of its published initiatives, by name. */
  districts: string[];
  /** Focus areas of its published initiatives, as vocabulary keys in vocabulary order. */
  focusAreas: FocusArea[];
}

/** Characters that mean something in a PostgREST `or=(…)` filter or an ILIKE pattern. */
function searchPattern(query: string): string {
  return `%${query.replace(/[%_\\,()."'*:]/g, " ").trim().replace(/\s+/g, "%")}%`;
}

/** Organisations on one page of the directory. */
export const DIRECTORY_PAGE_SIZE = 20;

export interface DirectoryPage {
  organisations: DirectoryEntry[];
  /** Matching organisations on all pages. */
  total: number;
  page: number;
  pages: number;
}

/**
 * One page of active organisations, by name, optionally matching `query` in name or description.
 * Counts and initiative summaries are asked for the page's organisations only, so the cost follows
 * the page size, not the number of organisations: three requests in two round trips.
 */
export async function listDirectory(supabase: TypedSupabaseClient, query: string, page = 1): Promise<DirectoryPage> {
  const q = query.trim();
  const matching = <T extends { or(filters: string): T }>(request: T): T => (q ? request.or(`name.ilike.${searchPattern(q)},description.ilike.${searchPattern(q)}`) : request);
  const [from, to] = rangeOf(page, DIRECTORY_PAGE_SIZE);
  // Index organisations_status_name_idx serves the filter and the order; id breaks ties.
  const result = await matching(
    supabase.from("organisations").select("id, name, kind, description, website, districts", { count: "exact" }).eq("status", "active"),
  )
    .order("name")
    .order("id")
    .range(from, to);
  // Past the last page PostgREST answers 416 (PGRST103) without rows: count them, so the route
  // can send the person to the last page that exists.
  if (result.error?.code === "PGRST103") {
    const counted = await matching(supabase.from("organisations").select("id", { count: "exact", head: true }).eq("status", "active"));
    const total = countOf(counted, "the organisation directory");
    return { organisations: [], total, page, pages: pageCount(total, DIRECTORY_PAGE_SIZE) };
  }
  const rows = rowsOf(result, "the organisation directory");
  const total = result.count ?? rows.length;
  const ids = rows.map((row) => row.id);
  // Where the listed organisations' non-draft initiatives are (migration
  // 20261127150500_organisation_initiative_summary.sql) and their member counts, for this page only.
  const [summary, counts] = ids.length
    ? await Promise.all([
        supabase.rpc("organisation_initiative_summary", { orgs: ids }),
        supabase.rpc("organisation_member_counts_for", { orgs: ids }),
      ])
    : [null, null];
  const countBy = new Map((counts ? rowsOf(counts, "member counts") : []).map((row) => [row.org_id, Number(row.members)]));
  const where = new Map((summary ? rowsOf(summary, "initiatives of organisations") : []).map((row) => [row.org_id, row]));
  const organisations = rows.map((row) => ({
    ...row,
    members: countBy.get(row.id) ?? 0,
    // Where it says it works, and where its published initiatives are.
    districts: [...new Set([...(row.districts ?? []), ...(where.get(row.id)?.districts ?? [])])].sort((a, b) => a.localeCompare(b, "sv")),
    // Keys of the vocabulary, in its order (the page shows them in words).
    focusAreas: FOCUS_AREAS.filter((area) => where.get(row.id)?.focus_areas?.includes(area)),
  }));
  return { organisations, total, page, pages: pageCount(total, DIRECTORY_PAGE_SIZE) };
}

export interface OrganisationProfile {
  id: string;
  name: string;
  kind: OrganisationKind;
  description: string | null;
  website: string | null;
  contactEmail: string | null;
  status: Database["public"]["Enums"]["organisation_status"];
  districts: string[];
  members: number;
  forums: { slug: string; name: string }[];
}

/** One organisation as RLS lets the caller see it (active ones; members and coordinators also others), or null. */
export async function getOrganisation(supabase: TypedSupabaseClient, id: string): Promise<OrganisationProfile | null> {
  const result = await supabase
    .from("organisations")
    .select("id, name, kind, description, website, contact_email, status, districts")
    .eq("id", id)
    .maybeSingle();
  if (isUnreachable(result.error)) serviceUnavailable();
  // A malformed id is a PostgREST 22P02: the same "not found" as an unknown one.
  if (result.error?.code === "22P02" || !result.data) return null;
  const [forums, counts] = await Promise.all([
    supabase.rpc("organisation_forums", { org: id }),
    supabase.rpc("organisation_member_counts_for", { orgs: [id] }),
  ]);
  const row = result.data;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    website: row.website,
    contactEmail: row.contact_email,
    status: row.status,
    districts: row.districts ?? [],
    members: Number(rowsOf(counts, "member counts").find((count) => count.org_id === id)?.members ?? 0),
    forums: rowsOf(forums, "the organisation's forums").map((forum) => ({ slug: forum.slug, name: forum.name })),
  };
}

export type ChangeResult = { ok: true } | { ok: false; reason: "last-admin" | "refused" | "failed" };

function refusal(error: { code?: string; message: string } | null, what: string): ChangeResult {
  if (!error) return { ok: false, reason: "refused" };
  if (isUnreachable(error)) serviceUnavailable();
  // The memberships guard: "the organisation must keep at least one active admin".
  if (error.code === "23514" && /active admin/.test(error.message)) return { ok: false, reason: "last-admin" };
  if (error.code === "42501") return { ok: false, reason: "refused" };
  console.error(`Could not ${what}: ${error.code ?? ""} ${error.message}`);
  return { ok: false, reason: "failed" };
}

/** Description and website; RLS lets only the organisation's admins and coordinators change it. */
export async function updateProfile(
  supabase: TypedSupabaseClient,
  orgId: string,
  values: { description: string; website: string },
): Promise<ChangeResult> {
  const { data, error } = await supabase
    .from("organisations")
    .update({ description: values.description || null, website: values.website || null })
    .eq("id", orgId)
    .select("id");
  if (error || !data?.length) return refusal(error, "update an organisation's profile");
  return { ok: true };
}

export interface Member {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  status: Database["public"]["Enums"]["membership_status"];
  invitedAt: string;
  joinedAt: string | null;
}

/** The organisation's members and pending invitations (RLS: its members and coordinators). */
export async function listMembers(supabase: TypedSupabaseClient, orgId: string): Promise<Member[]> {
  const result = await supabase
    .from("memberships")
    .select("id, user_id, role, status, invited_at, joined_at, email:member_email, profiles!memberships_user_id_fkey(full_name)")
    .eq("org_id", orgId)
    .order("invited_at");
  return rowsOf(result, "the organisation's members")
    .map((row) => ({
      id: row.id,
      userId: row.user_id,
      name: row.profiles?.full_name || "",
      email: row.email ?? "",
      role: row.role,
      status: row.status,
      invitedAt: row.invited_at,
      joinedAt: row.joined_at,
    }))
    .sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email, "sv"));
}

export async function changeRole(supabase: TypedSupabaseClient, orgId: string, membershipId: string, role: MembershipRole): Promise<ChangeResult> {
  const { data, error } = await supabase
    .from("memberships")
    .update({ role })
    .eq("id", membershipId)
    .eq("org_id", orgId)
    .select("id");
  if (error || !data?.length) return refusal(error, "change a member's role");
  return { ok: true };
}

/** Removes a member, or withdraws an invitation (`status: "invited"`). */
export async function removeMembership(
  supabase: TypedSupabaseClient,
  orgId: string,
  membershipId: string,
  status?: "invited",
): Promise<ChangeResult> {
  let request = supabase.from("memberships").delete().eq("id", membershipId).eq("org_id", orgId);
  if (status) request = request.eq("status", status);
  const { data, error } = await request.select("id");
  if (error || !data?.length) return refusal(error, "remove a membership");
  return { ok: true };
}
