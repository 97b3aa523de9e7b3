/**
 * /account on the server: the person's own profile and settings, checking the current password,
 * "download my data" and deleting the account. Reads and writes go through the person's own
 * client (RLS decides); only deleting the auth user needs the service role, because no user may
 * delete an auth user.
 */
import { createClient } from "@supabase/supabase-js";
import ws from "ws";
import type { CurrentUser } from "./auth.server";
import type { Database } from "./database.types";
import { getEnv } from "./env.server";
import { isUnreachable, serviceUnavailable } from "./http.server";
import { rowsOf } from "./query.server";
import type { NotificationFrequency } from "./schemas/account";
import { getServiceRoleClient, type TypedSupabaseClient } from "./supabase.server";

export interface AccountProfile {
  fullName: string;
  title: string;
  phone: string;
  locale: "sv" | "en";
  notificationFrequency: NotificationFrequency;
}

/** The editable part of the person's profile. */
export async function loadAccountProfile(supabase: TypedSupabaseClient, userId: string): Promise<AccountProfile> {
  const result = await supabase
    .from("profiles")
    .select("full_name, title, phone, locale, notification_frequency")
    .eq("id", userId)
    .maybeSingle();
  if (result.error) rowsOf(result, "the profile");
  const row = result.data;
  return {
    fullName: row?.full_name ?? "",
    title: row?.title ?? "",
    phone: row?.phone ?? "",
    locale: row?.locale === "en" ? "en" : "sv",
    notificationFrequency: row?.notification_frequency ?? "immediately",
  };
}

/** Saves the profile form (RLS: a person updates only their own row). */
export async function saveAccountProfile(supabase: TypedSupabaseClient, userId: string, profile: AccountProfile): Promise<void> {
  const { data, error } = await supabase
    .from("profiles")
    .update({
      full_name: profile.fullName,
      title: profile.title || null,
      phone: profile.phone || null,
      locale: profile.locale,
      notification_frequency: profile.notificationFrequency,
    })
    .eq("id", userId)
    .select("id");
  if (isUnreachable(error)) serviceUnavailable();
  if (error || !data?.length) throw new Error(`Could not save the profile: ${error?.message ?? "no row updated"}`);
}

/**
 * Whether `password` is the person's current password: a sign-in on a throwaway client that keeps
 * no session (never the person's own client, whose session must not change), signed out at once.
 */
export async function isCurrentPassword(email: string, password: string): Promise<boolean> {
  const env = getEnv();
  const probe = createClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
  const { data, error } = await probe.auth.signInWithPassword({ email, password });
  if (isUnreachable(error)) serviceUnavailable();
  if (error || !data.session) return false;
  // Only this probe's session ends; the person's browser session stays.
  await probe.auth.signOut({ scope: "local" });
  return true;
}

export interface SoleAdminOrganisation {
  orgId: string;
  name: string;
}

/** Organisations of which the person is the only active admin: the account cannot go while any exist. */
export async function soleAdminOrganisations(supabase: TypedSupabaseClient): Promise<SoleAdminOrganisation[]> {
  const rows = rowsOf(await supabase.rpc("my_sole_admin_organisations"), "the organisations the person alone administers");
  return rows.map((row) => ({ orgId: row.org_id, name: row.name }));
}

/**
 * Deletes the auth user (service role: no user may delete an auth user). The profile goes with it
 * (on delete cascade), and with the profile the memberships, forum memberships and platform roles;
 * posts, threads, reports and initiatives stay with the person columns set to null; audit_log keeps
 * the id (no foreign key).
 */
export async function deleteAuthUser(userId: string): Promise<void> {
  const { error } = await getServiceRoleClient().auth.admin.deleteUser(userId);
  if (isUnreachable(error)) serviceUnavailable();
  if (error) throw new Error(`Could not delete the account: ${error.code ?? error.status}: ${error.message}`);
}

function all<T>(result: { data: T[] | null; error: { message: string; code?: string } | null }, what: string): T[] {
  return rowsOf(result, what) ?? [];
}

/**
 * "Download my data": everything the portal holds about the person, read with their own client
 * (so RLS applies), and their audit entries through `my_audit_entries()` (only coordinators read
 * audit_log itself).
 */
// Explicit columns: the generated search vectors are not the person's data.
const THREAD_COLUMNS = "id, forum_id, title, pinned, locked, created_at, updated_at";
const PROFILE_COLUMNS =
  "id, full_name, title, phone, locale, notify_forum_replies, notify_report_reminders, notify_report_reviews, notify_digest, notification_frequency, created_at, updated_at";
const POST_COLUMNS = "id, thread_id, position, body, created_at, edited_at, hidden_at, hidden_reason";

export async function collectMyData(supabase: TypedSupabaseClient, user: CurrentUser) {
  const id = user.id;
  const { data: auth, error: authError } = await supabase.auth.getUser();
  if (isUnreachable(authError)) serviceUnavailable();
  const [profile, memberships, platformRoles, forumMemberships, threads, posts, watches, readMarks, notifications, postReports, initiatives, reports, reportEvents, applications, audit] = await Promise.all([
    // Named columns: `email` is not a readable column (it is added from the account below).
    supabase.from("profiles").select(PROFILE_COLUMNS).eq("id", id).maybeSingle(),
    supabase.from("memberships").select("*, organisation:organisations(id, name)").eq("user_id", id).order("created_at"),
    supabase.from("platform_roles").select("*").eq("user_id", id),
    supabase.from("forum_members").select("*, forum:forums(id, slug, name)").eq("user_id", id),
    supabase.from("threads").select(THREAD_COLUMNS).eq("author_id", id).order("created_at"),
    supabase.from("posts").select(POST_COLUMNS).eq("author_id", id).order("created_at"),
    supabase.from("forum_watches").select("forum_id, thread_id, created_at").eq("user_id", id).order("created_at"),
    supabase.from("thread_reads").select("thread_id, last_read_position, read_at").eq("user_id", id).order("read_at"),
    supabase.from("notifications").select("kind, post_id, thread_id, created_at, emailed_at, read_at").eq("user_id", id).order("created_at"),
    supabase.from("post_reports").select("post_id, reason, status, created_at, resolved_at").eq("reporter_id", id).order("created_at"),
    supabase.from("initiatives").select("*").eq("created_by", id).order("created_at"),
    supabase.from("reports").select("*").or(`submitted_by.eq.${id},created_by.eq.${id}`).order("created_at"),
    supabase.from("report_events").select("report_id, at, kind, revision, comment, changed").eq("actor_id", id).order("at"),
    supabase.from("organisation_applications").select("*").eq("user_id", id).order("created_at"),
    supabase.rpc("my_audit_entries"),
  ]);
  if (profile.error) rowsOf(profile, "the profile");
  return {
    exportedAt: new Date().toISOString(),
    portal: "Samverkansportalen, Trollhättans Stad",
    account: {
      id,
      email: auth.user?.email ?? user.email,
      createdAt: auth.user?.created_at ?? null,
      lastSignInAt: auth.user?.last_sign_in_at ?? null,
      emailConfirmedAt: auth.user?.email_confirmed_at ?? null,
    },
    // The profile's copy of the address is not a readable column; it is the account's address.
    profile: profile.data ? { ...profile.data, email: auth.user?.email ?? user.email } : null,
    memberships: all(memberships, "memberships").map(({ organisation, ...membership }) => ({
      ...membership,
      organisationName: organisation?.name ?? null,
    })),
    platformRoles: all(platformRoles, "platform roles"),
    forumMemberships: all(forumMemberships, "forum memberships"),
    threads: all(threads, "threads"),
    posts: all(posts, "posts"),
    forumWatches: all(watches, "forum watches"),
    threadReadMarks: all(readMarks, "read marks"),
    notifications: all(notifications, "notifications"),
    postReports: all(postReports, "post reports"),
    initiatives: all(initiatives, "initiatives"),
    reports: all(reports, "reports"),
    reportHistory: all(reportEvents, "report history"),
    organisationApplications: all(applications, "organisation applications"),
    auditEntries: all(audit, "audit entries"),
  };
}
