/**
 * Running forums (issue 5): creating and editing forums, their moderators and members, join
 * requests, and the moderation queue of reported posts. Always through the signed-in user's
 * client: RLS decides (coordinators create and edit forums; a forum's moderators and the
 * coordinators manage its members and reports), the guard triggers fill in who resolved or hid
 * what, and the audit triggers log every change. E-mails are not sent here: the routes call the
 * notification functions after a change succeeded.
 */
import type { Database } from "./database.types";
import { isUnreachable, serviceUnavailable } from "./http.server";
import { plainTextExcerpt } from "./markdown.server";
import { pageCount, rangeOf } from "./pagination";
import { countOf, rowsOf } from "./query.server";
import { HANDLED_REPORTS_SHOWN, MEMBERS_PER_PAGE, REPORTS_PER_PAGE, type ForumSettingsInput, type NewForumInput } from "./schemas/forum-admin";
import type { TypedSupabaseClient } from "./supabase.server";

type ForumVisibility = Database["public"]["Enums"]["forum_visibility"];
type ForumMemberRole = Database["public"]["Enums"]["forum_member_role"];
type ReportStatus = Database["public"]["Enums"]["post_report_status"];

interface DbError {
  message: string;
  code?: string;
  status?: number;
  name?: string;
}

/** A refusal by RLS or a guard trigger (as opposed to bad input or a broken backend). */
const isRefusal = (error: DbError) => error.code === "42501" || error.code === "PGRST116";

/** Unreachable backend → 503 page; anything else unexpected → thrown (500 page, message in the log only). */
function unexpected(error: DbError, what: string): never {
  if (isUnreachable(error)) serviceUnavailable();
  throw new Error(`Could not ${what}: ${error.code ?? ""} ${error.message}`);
}

export interface ForumSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: ForumVisibility;
  archivedAt: string | null;
}

/** The forum with this address, if the user may see it. */
export async function getForumBySlug(supabase: TypedSupabaseClient, slug: string): Promise<ForumSummary | null> {
  const result = await supabase.from("forums").select("id, slug, name, description, visibility, archived_at").eq("slug", slug).maybeSingle();
  if (result.error) unexpected(result.error, "load the forum");
  const row = result.data;
  return row ? { id: row.id, slug: row.slug, name: row.name, description: row.description ?? "", visibility: row.visibility, archivedAt: row.archived_at } : null;
}

/** Whether the signed-in user moderates the forum (coordinators moderate every forum). */
export async function isForumModerator(supabase: TypedSupabaseClient, forumId: string): Promise<boolean> {
  const result = await supabase.rpc("is_forum_moderator", { forum: forumId });
  if (result.error) unexpected(result.error, "check the moderator role");
  return result.data === true;
}

/** The forums `userId` moderates as a forum moderator (not counting the coordinator role). */
export async function moderatedForumIds(supabase: TypedSupabaseClient, userId: string): Promise<string[]> {
  const rows = rowsOf(
    await supabase.from("forum_members").select("forum_id").eq("user_id", userId).eq("role", "moderator").eq("status", "active").limit(500),
    "the forums one moderates",
  );
  return rows.map((row) => row.forum_id);
}

// --- forums ----------------------------------------------------------------------------------------

export type ModeratorOutcome = "added" | "unknown" | "refused" | "failed";

export type CreateForumResult =
  | { ok: true; forum: { id: string; slug: string }; moderators: { email: string; outcome: ModeratorOutcome; userId: string | null; newMember: boolean }[] }
  | { ok: false; field: "slug"; error: "slugTaken" | "slugReserved" | "slugInvalid" }
  | { ok: false; field: null; error: "refused" };

/**
 * Creates a forum, then adds the named moderators one by one. The forum insert is one statement:
 * when it fails nothing is stored; each moderator addition after it is reported on its own (an
 * unknown address does not undo the forum).
 */
export async function createForum(supabase: TypedSupabaseClient, input: NewForumInput): Promise<CreateForumResult> {
  const inserted = await supabase
    .from("forums")
    .insert({ slug: input.slug, name: input.name, description: input.description || null, visibility: input.visibility })
    .select("id, slug")
    .single();
  if (inserted.error) {
    if (inserted.error.code === "23505") return { ok: false, field: "slug", error: "slugTaken" };
    if (inserted.error.code === "23514") {
      // The schema checks the same rules; this is the database's last word.
      const reserved = inserted.error.message.includes("forums_slug_not_reserved");
      return { ok: false, field: "slug", error: reserved ? "slugReserved" : "slugInvalid" };
    }
    if (isRefusal(inserted.error)) return { ok: false, field: null, error: "refused" };
    unexpected(inserted.error, "create the forum");
  }
  const forum = inserted.data;
  const moderators: { email: string; outcome: ModeratorOutcome; userId: string | null; newMember: boolean }[] = [];
  for (const email of input.moderators) {
    moderators.push({ email, ...(await addModeratorByEmail(supabase, forum.id, email)) });
  }
  return { ok: true, forum, moderators };
}

/** Makes the portal user with this sign-in address a moderator of the forum (a member first, if needed). */
export async function addModeratorByEmail(
  supabase: TypedSupabaseClient,
  forumId: string,
  email: string,
): Promise<{ outcome: ModeratorOutcome; userId: string | null; newMember: boolean }> {
  const added = await addMemberByEmail(supabase, forumId, email);
  if (!added.ok) return { outcome: added.reason, userId: null, newMember: false };
  const role = await setMemberRole(supabase, forumId, added.userId, "moderator");
  return { outcome: role === "ok" ? "added" : role, userId: added.userId, newMember: !added.alreadyMember };
}

export type ChangeResult = "ok" | "refused" | "failed";

/** Saves name, description and visibility (the slug never changes: links in e-mails keep working). */
export async function updateForum(supabase: TypedSupabaseClient, forumId: string, input: ForumSettingsInput): Promise<ChangeResult> {
  const result = await supabase
    .from("forums")
    .update({ name: input.name, description: input.description || null, visibility: input.visibility })
    .eq("id", forumId)
    .select("id");
  return changeOutcome(result, "update the forum");
}

/** Archives (read-only for everyone) or reopens the forum. */
export async function setForumArchived(supabase: TypedSupabaseClient, forumId: string, archived: boolean): Promise<ChangeResult> {
  const result = await supabase
    .from("forums")
    .update({ archived_at: archived ? new Date().toISOString() : null })
    .eq("id", forumId)
    .select("id");
  return changeOutcome(result, archived ? "archive the forum" : "reopen the forum");
}

function changeOutcome(result: { data: unknown[] | null; error: DbError | null }, what: string): ChangeResult {
  if (result.error) {
    if (isRefusal(result.error)) return "refused";
    if (result.error.code === "23514" || result.error.code === "22P02") return "failed";
    unexpected(result.error, what);
  }
  // No row changed: RLS hid it (not allowed) or it is gone.
  return (result.data ?? []).length > 0 ? "ok" : "refused";
}

// --- members ---------------------------------------------------------------------------------------

export interface ForumPerson {
  userId: string;
  /** Null when the profile has no name (shown as "name missing"). */
  name: string | null;
  role: ForumMemberRole;
  since: string;
}

const MEMBER_COLUMNS = "user_id, role, status, created_at, updated_at, profile:profiles!forum_members_user_id_fkey(full_name)";

type MemberRow = {
  user_id: string;
  role: ForumMemberRole;
  created_at: string;
  updated_at: string;
  profile: { full_name: string | null } | null;
};

const personOf = (row: MemberRow): ForumPerson => ({
  userId: row.user_id,
  name: row.profile?.full_name?.trim() || null,
  role: row.role,
  since: row.created_at,
});

/** The forum's moderators (active), by name. */
export async function listModerators(supabase: TypedSupabaseClient, forumId: string): Promise<ForumPerson[]> {
  const rows = rowsOf(
    await supabase
      .from("forum_members")
      .select(MEMBER_COLUMNS)
      .eq("forum_id", forumId)
      .eq("role", "moderator")
      .eq("status", "active")
      .order("created_at")
      .limit(200),
    "the forum's moderators",
  );
  return rows.map((row) => personOf(row)).sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "sv"));
}

/** Join requests of the forum, oldest first (at most 200 at a time; the rest after these are handled). */
export async function listJoinRequests(supabase: TypedSupabaseClient, forumId: string): Promise<{ requests: ForumPerson[]; total: number }> {
  const result = await supabase
    .from("forum_members")
    .select(MEMBER_COLUMNS, { count: "exact" })
    .eq("forum_id", forumId)
    .eq("status", "requested")
    .order("created_at")
    .limit(200);
  const rows = rowsOf(result, "join requests");
  return { requests: rows.map((row) => personOf(row)), total: result.count ?? rows.length };
}

/** Active members, moderators first, then by when they joined; MEMBERS_PER_PAGE a page. */
export async function listMembers(
  supabase: TypedSupabaseClient,
  forumId: string,
  page: number,
): Promise<{ members: ForumPerson[]; total: number; page: number; pages: number }> {
  const count = countOf(
    await supabase.from("forum_members").select("user_id", { count: "exact", head: true }).eq("forum_id", forumId).eq("status", "active"),
    "forum members",
  );
  const pages = pageCount(count, MEMBERS_PER_PAGE);
  const current = Math.min(page, pages);
  const [from, to] = rangeOf(current, MEMBERS_PER_PAGE);
  const rows = rowsOf(
    await supabase
      .from("forum_members")
      .select(MEMBER_COLUMNS)
      .eq("forum_id", forumId)
      .eq("status", "active")
      .order("role", { ascending: false }) // enum order member < moderator: moderators first
      .order("created_at")
      .order("user_id")
      .range(from, to),
    "forum members",
  );
  return { members: rows.map((row) => personOf(row)), total: count, page: current, pages };
}

export type AddMemberResult = { ok: true; userId: string; alreadyMember: boolean } | { ok: false; reason: "unknown" | "refused" | "failed" };

/**
 * Adds the portal user with this sign-in address as an active member (accepting a pending
 * request). `alreadyMember`: they were an active member before (no "added" e-mail then).
 */
export async function addMemberByEmail(supabase: TypedSupabaseClient, forumId: string, email: string): Promise<AddMemberResult> {
  const result = await supabase.rpc("add_forum_member_by_email", { forum: forumId, email: email.trim() }).maybeSingle();
  if (result.error) {
    if (isRefusal(result.error)) return { ok: false, reason: "refused" };
    if (isUnreachable(result.error)) serviceUnavailable();
    console.error(`Adding a forum member failed: ${result.error.code} ${result.error.message}`);
    return { ok: false, reason: "failed" };
  }
  if (!result.data) return { ok: false, reason: "unknown" };
  return { ok: true, userId: result.data.user_id, alreadyMember: !result.data.added };
}

/** Makes a member a moderator, or a moderator a member. */
export async function setMemberRole(supabase: TypedSupabaseClient, forumId: string, userId: string, role: ForumMemberRole): Promise<ChangeResult> {
  const result = await supabase
    .from("forum_members")
    .update({ role })
    .eq("forum_id", forumId)
    .eq("user_id", userId)
    .eq("status", "active")
    .select("user_id");
  return changeOutcome(result, "change a forum member's role");
}

/** Removes an active member (or moderator) from the forum. */
export async function removeMember(supabase: TypedSupabaseClient, forumId: string, userId: string): Promise<ChangeResult> {
  const result = await supabase.from("forum_members").delete().eq("forum_id", forumId).eq("user_id", userId).eq("status", "active").select("user_id");
  return changeOutcome(result, "remove a forum member");
}

/** Approves a join request: the person becomes an active member (logged as forum_member.approved). */
export async function approveRequest(supabase: TypedSupabaseClient, forumId: string, userId: string): Promise<ChangeResult> {
  const result = await supabase
    .from("forum_members")
    .update({ status: "active" })
    .eq("forum_id", forumId)
    .eq("user_id", userId)
    .eq("status", "requested")
    .select("user_id");
  return changeOutcome(result, "approve a join request");
}

/** Declines a join request: the request is removed (logged as forum_member.declined). */
export async function declineRequest(supabase: TypedSupabaseClient, forumId: string, userId: string): Promise<ChangeResult> {
  const result = await supabase
    .from("forum_members")
    .delete()
    .eq("forum_id", forumId)
    .eq("user_id", userId)
    .eq("status", "requested")
    .select("user_id");
  return changeOutcome(result, "decline a join request");
}

// --- the moderation queue -------------------------------------------------------------------------

export const EXCERPT_LENGTH = 280;

export interface QueueReport {
  id: string;
  reason: string;
  createdAt: string;
  reporterName: string | null;
  reporterDeleted: boolean;
  status: ReportStatus;
  resolvedAt: string | null;
  resolvedByName: string | null;
  resolverDeleted: boolean;
  resolutionNote: string | null;
  post: {
    id: string;
    position: number;
    /** Plain text, never HTML: the reported Markdown is not rendered here. */
    excerpt: string;
    authorName: string | null;
    authorDeleted: boolean;
    hidden: boolean;
  } | null;
  thread: { id: string; title: string } | null;
  forum: { id: string; slug: string; name: string } | null;
}

const REPORT_COLUMNS = `id, reason, status, created_at, resolved_at, resolution_note, reporter_id, resolved_by,
  reporter:profiles!post_reports_reporter_id_fkey(full_name),
  resolver:profiles!post_reports_resolved_by_fkey(full_name),
  post:posts!post_reports_post_id_fkey!inner(id, position, body, author_id, hidden_at,
    author:profiles!posts_author_id_fkey(full_name),
    thread:threads!posts_thread_id_fkey!inner(id, title, forum_id, forum:forums!threads_forum_id_fkey(id, slug, name)))`;

interface ReportRow {
  id: string;
  reason: string;
  status: ReportStatus;
  created_at: string;
  resolved_at: string | null;
  resolution_note: string | null;
  reporter_id: string | null;
  resolved_by: string | null;
  reporter: { full_name: string | null } | null;
  resolver: { full_name: string | null } | null;
  post: {
    id: string;
    position: number;
    body: string;
    author_id: string | null;
    hidden_at: string | null;
    author: { full_name: string | null } | null;
    thread: { id: string; title: string; forum_id: string; forum: { id: string; slug: string; name: string } | null } | null;
  } | null;
}

function reportOf(row: ReportRow): QueueReport {
  const post = row.post;
  return {
    id: row.id,
    reason: row.reason,
    createdAt: row.created_at,
    reporterName: row.reporter?.full_name?.trim() || null,
    reporterDeleted: row.reporter_id === null,
    status: row.status,
    resolvedAt: row.resolved_at,
    resolvedByName: row.resolver?.full_name?.trim() || null,
    resolverDeleted: row.status !== "open" && row.resolved_by === null,
    resolutionNote: row.resolution_note,
    post: post
      ? {
          id: post.id,
          position: post.position,
          excerpt: plainTextExcerpt(post.body, EXCERPT_LENGTH),
          authorName: post.author?.full_name?.trim() || null,
          authorDeleted: post.author_id === null,
          hidden: post.hidden_at !== null,
        }
      : null,
    thread: post?.thread ? { id: post.thread.id, title: post.thread.title } : null,
    forum: post?.thread?.forum ?? null,
  };
}

/**
 * Which forums' reports a moderation list shows: "all" for coordinators, else the forums the user
 * moderates. RLS also lets a reporter read their own reports, which are not their queue.
 */
export type ForumScope = string[] | "all";

/** Open reports the user handles (their forums' reports; coordinators all), oldest first. */
export async function listOpenReports(
  supabase: TypedSupabaseClient,
  scope: ForumScope,
  page: number,
): Promise<{ reports: QueueReport[]; total: number; page: number; pages: number }> {
  if (scope !== "all" && scope.length === 0) return { reports: [], total: 0, page: 1, pages: 1 };
  let counting = supabase
    .from("post_reports")
    .select("id, post:posts!post_reports_post_id_fkey!inner(thread:threads!posts_thread_id_fkey!inner(forum_id))", { count: "exact", head: true })
    .eq("status", "open");
  if (scope !== "all") counting = counting.in("post.thread.forum_id", scope);
  const total = countOf(await counting, "open reports");
  const pages = pageCount(total, REPORTS_PER_PAGE);
  const current = Math.min(page, pages);
  const [from, to] = rangeOf(current, REPORTS_PER_PAGE);
  let query = supabase.from("post_reports").select(REPORT_COLUMNS).eq("status", "open");
  if (scope !== "all") query = query.in("post.thread.forum_id", scope);
  const rows = rowsOf(await query.order("created_at").order("id").range(from, to), "open reports") as unknown as ReportRow[];
  return { reports: rows.map(reportOf), total, page: current, pages };
}

/** The last HANDLED_REPORTS_SHOWN resolved or dismissed reports of the user's forums, newest first. */
export async function listHandledReports(supabase: TypedSupabaseClient, scope: ForumScope): Promise<QueueReport[]> {
  if (scope !== "all" && scope.length === 0) return [];
  let query = supabase.from("post_reports").select(REPORT_COLUMNS).neq("status", "open");
  if (scope !== "all") query = query.in("post.thread.forum_id", scope);
  const rows = rowsOf(
    await query.order("resolved_at", { ascending: false }).order("id").limit(HANDLED_REPORTS_SHOWN),
    "handled reports",
  ) as unknown as ReportRow[];
  return rows.map(reportOf);
}

/** Pending join requests per forum the user moderates (coordinators: all forums). */
export async function pendingRequestCounts(
  supabase: TypedSupabaseClient,
  forumIds: ForumScope,
): Promise<{ forumId: string; slug: string; name: string; count: number }[]> {
  if (forumIds !== "all" && forumIds.length === 0) return [];
  let query = supabase
    .from("forum_members")
    .select("forum_id, forum:forums!forum_members_forum_id_fkey(slug, name)")
    .eq("status", "requested")
    .order("created_at")
    .limit(1000);
  if (forumIds !== "all") query = query.in("forum_id", forumIds);
  const rows = rowsOf(await query, "join requests per forum");
  const byForum = new Map<string, { forumId: string; slug: string; name: string; count: number }>();
  for (const row of rows) {
    if (!row.forum) continue;
    const entry = byForum.get(row.forum_id) ?? { forumId: row.forum_id, slug: row.forum.slug, name: row.forum.name, count: 0 };
    entry.count += 1;
    byForum.set(row.forum_id, entry);
  }
  return [...byForum.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

export type ResolveResult = "ok" | "refused" | "gone";

/** Resolves or dismisses one open report with a note (resolved_by/resolved_at come from the guard trigger). */
export async function closeReport(
  supabase: TypedSupabaseClient,
  reportId: string,
  status: "resolved" | "dismissed",
  note: string,
): Promise<ResolveResult> {
  const result = await supabase
    .from("post_reports")
    .update({ status, resolution_note: note || null })
    .eq("id", reportId)
    .eq("status", "open")
    .select("id");
  if (result.error) {
    if (isRefusal(result.error)) return "refused";
    unexpected(result.error, "close a report");
  }
  return (result.data ?? []).length > 0 ? "ok" : "gone";
}

/**
 * "Dölj inlägget": hides the reported post with the reason and resolves the report (and any other
 * open report of the same post) with the reason as note.
 */
export async function hideReportedPost(supabase: TypedSupabaseClient, reportId: string, reason: string): Promise<ResolveResult> {
  const report = await supabase.from("post_reports").select("id, post_id, status").eq("id", reportId).maybeSingle();
  if (report.error) unexpected(report.error, "load the report");
  if (!report.data || report.data.status !== "open") return "gone";
  const postId = report.data.post_id;

  const post = await supabase.from("posts").select("id, hidden_at").eq("id", postId).maybeSingle();
  if (post.error) unexpected(post.error, "load the reported post");
  if (!post.data) return "gone";
  if (!post.data.hidden_at) {
    const hidden = await supabase
      .from("posts")
      .update({ hidden_at: new Date().toISOString(), hidden_reason: reason })
      .eq("id", postId)
      .select("id");
    if (hidden.error) {
      if (isRefusal(hidden.error)) return "refused";
      unexpected(hidden.error, "hide the post");
    }
    if ((hidden.data ?? []).length === 0) return "refused";
  }
  const resolved = await supabase
    .from("post_reports")
    .update({ status: "resolved", resolution_note: reason })
    .eq("post_id", postId)
    .eq("status", "open")
    .select("id");
  if (resolved.error) {
    if (isRefusal(resolved.error)) return "refused";
    unexpected(resolved.error, "resolve the report");
  }
  return (resolved.data ?? []).some((row) => row.id === reportId) ? "ok" : "gone";
}

/** The forums whose moderation the user does: every forum for coordinators, else those they moderate. */
export async function moderationScope(supabase: TypedSupabaseClient, userId: string, coordinator: boolean): Promise<ForumScope> {
  return coordinator ? "all" : moderatedForumIds(supabase, userId);
}
