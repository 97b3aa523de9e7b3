/**
 * Forums (issue 5): the /forums list, one forum with its page of threads, and what a person does on
 * a forum's page (join, request, leave, watch, mark as read, start a thread). Everything goes
 * through the request's client, so RLS decides; the service role is used only to undo a
 * half-saved new thread, which the person may not delete themselves.
 */
import type { CurrentUser } from "./auth.server";
import type { Database } from "./database.types";
import { isRateLimited, isUnreachable, serviceUnavailable } from "./http.server";
import { rangeOf } from "./pagination";
import { countOf, rowsOf } from "./query.server";
import { THREADS_PER_PAGE, type ForumErrorKey } from "./schemas/forum-posts";
import type { TypedSupabaseClient } from "./supabase.server";

type Enums = Database["public"]["Enums"];
export type ForumVisibility = Enums["forum_visibility"];
export type ForumMemberRole = Enums["forum_member_role"];
export type ForumMemberStatus = Enums["forum_member_status"];

/** The person's relation to a forum, as the list and the header show it. */
export type ForumStanding = "moderator" | "member" | "requested" | null;

function standingOf(status: ForumMemberStatus | null | undefined, role: ForumMemberRole | null | undefined): ForumStanding {
  if (status === "requested") return "requested";
  if (status === "active") return role === "moderator" ? "moderator" : "member";
  return null;
}

// --- /forums -----------------------------------------------------------------------------------

export interface ForumSummary {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  visibility: ForumVisibility;
  archived: boolean;
  memberCount: number;
  threadCount: number;
  lastPostAt: string | null;
  unreadCount: number;
  standing: ForumStanding;
}

/**
 * Every forum the person may see with its counts and their unread posts: one query (the
 * `forum_overview()` function), reading one row of counters per forum and the person's own read
 * marks, so its cost does not follow the number of threads or posts.
 */
export async function forumOverview(supabase: TypedSupabaseClient): Promise<ForumSummary[]> {
  const rows = rowsOf(await supabase.rpc("forum_overview"), "the forum overview");
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: (row.description as string | null) || null,
    visibility: row.visibility,
    archived: (row.archived_at as string | null) !== null,
    memberCount: Number(row.member_count ?? 0),
    threadCount: Number(row.thread_count ?? 0),
    lastPostAt: (row.last_post_at as string | null) ?? null,
    unreadCount: Number(row.unread_count ?? 0),
    standing: standingOf(row.my_status as ForumMemberStatus | null, row.my_role as ForumMemberRole | null),
  }));
}

/**
 * Open reports in the forums the person moderates (coordinators: all forums). RLS also lets a
 * reporter read their own reports, so moderators count only reports of posts in their forums.
 */
export async function openReportCount(supabase: TypedSupabaseClient, moderated: "all" | string[]): Promise<number> {
  if (moderated !== "all" && moderated.length === 0) return 0;
  if (moderated === "all") {
    return countOf(await supabase.from("post_reports").select("id", { count: "exact", head: true }).eq("status", "open"), "open reports");
  }
  const result = await supabase
    .from("post_reports")
    .select("id, posts!post_reports_post_id_fkey!inner(threads!posts_thread_id_fkey!inner(forum_id))", { count: "exact", head: true })
    .eq("status", "open")
    .in("posts.threads.forum_id", moderated);
  return countOf(result, "open reports");
}

// --- /forums/:slug -----------------------------------------------------------------------------

export interface ForumDetail {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  visibility: ForumVisibility;
  archived: boolean;
  standing: ForumStanding;
  /** A moderator of this forum or a coordinator. */
  isModerator: boolean;
  isCoordinator: boolean;
  /** Whether the person may start threads and reply (same rule as can_post_in_forum). */
  canPost: boolean;
  watching: boolean;
}

export function isCoordinator(user: CurrentUser): boolean {
  return user.roles.includes("coordinator");
}

/** A partner acts for at least one active organisation (is_partner() in the database). */
export function isPartner(user: CurrentUser): boolean {
  return user.memberships.length > 0;
}

/** Mirrors can_post_in_forum: archived → nobody; moderators always; open → partners; else members. */
export function canPostIn(
  user: CurrentUser,
  forum: { visibility: ForumVisibility; archived: boolean; standing: ForumStanding },
): boolean {
  if (forum.archived) return false;
  if (isCoordinator(user) || forum.standing === "moderator") return true;
  if (forum.visibility === "open") return isPartner(user);
  return forum.standing === "member";
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The forum with this slug as the person sees it, with their membership and watch; null when it
 * does not exist or RLS hides it (a private forum the person is not a member of), alike.
 */
export async function getForum(supabase: TypedSupabaseClient, user: CurrentUser, slug: string): Promise<ForumDetail | null> {
  if (!SLUG.test(slug) || slug.length > 80) return null;
  const result = await supabase
    .from("forums")
    .select(
      "id, slug, name, description, visibility, archived_at, forum_members!forum_members_forum_id_fkey(role, status), forum_watches!forum_watches_forum_id_fkey(id)",
    )
    .eq("slug", slug)
    .eq("forum_members.user_id", user.id)
    .eq("forum_watches.user_id", user.id)
    .maybeSingle();
  if (isUnreachable(result.error)) serviceUnavailable();
  if (result.error) throw new Error(`Could not load the forum: ${result.error.message}`);
  const row = result.data;
  if (!row) return null;
  const mine = row.forum_members[0];
  const standing = standingOf(mine?.status, mine?.role);
  const archived = row.archived_at !== null;
  const coordinator = isCoordinator(user);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description || null,
    visibility: row.visibility,
    archived,
    standing,
    isModerator: coordinator || standing === "moderator",
    isCoordinator: coordinator,
    canPost: canPostIn(user, { visibility: row.visibility, archived, standing }),
    watching: row.forum_watches.length > 0,
  };
}

export interface ThreadListItem {
  id: string;
  title: string;
  pinned: boolean;
  locked: boolean;
  /** Visible posts. */
  postCount: number;
  lastPostAt: string;
  /** null: the author deleted their account. */
  authorName: string | null;
  unreadCount: number;
}

/**
 * One page of a forum's threads, pinned first, then by latest activity (index
 * threads_forum_last_post_idx), with the person's unread posts from their read marks (embedded:
 * RLS returns only the person's own thread_reads rows). One query, bounded by THREADS_PER_PAGE.
 */
export async function listThreads(
  supabase: TypedSupabaseClient,
  userId: string,
  forumId: string,
  page: number,
): Promise<{ threads: ThreadListItem[]; total: number }> {
  const [from, to] = rangeOf(page, THREADS_PER_PAGE);
  const result = await supabase
    .from("threads")
    .select(
      "id, title, pinned, locked, post_count, last_position, last_post_at, profiles!threads_author_id_fkey(full_name), thread_reads!thread_reads_thread_id_fkey(last_read_position)",
      { count: "exact" },
    )
    .eq("forum_id", forumId)
    .eq("thread_reads.user_id", userId)
    .order("pinned", { ascending: false })
    .order("last_post_at", { ascending: false })
    .order("id")
    .range(from, to);
  const rows = rowsOf(result, "the forum's threads");
  return {
    total: result.count ?? rows.length,
    threads: rows.map((row) => ({
      id: row.id,
      title: row.title,
      pinned: row.pinned,
      locked: row.locked,
      postCount: row.post_count,
      lastPostAt: row.last_post_at,
      authorName: row.profiles?.full_name ?? null,
      unreadCount: Math.max(row.last_position - (row.thread_reads[0]?.last_read_position ?? 0), 0),
    })),
  };
}

// --- actions -----------------------------------------------------------------------------------

export type ForumActionResult = { ok: true } | { ok: false; reason: "refused" | "failed" };

interface WriteError {
  message: string;
  code?: string;
  status?: number;
  name?: string;
}

function outcome(error: WriteError | null, what: string, { duplicateIsFine = false } = {}): ForumActionResult {
  if (!error) return { ok: true };
  if (isUnreachable(error)) serviceUnavailable();
  if (duplicateIsFine && error.code === "23505") return { ok: true };
  if (error.code === "42501" || error.code === "23514") return { ok: false, reason: "refused" };
  console.error(`forums: ${what} failed: ${error.code ?? ""} ${error.message}`);
  return { ok: false, reason: "failed" };
}

/** Joins an open forum (RLS: partners, open and not archived forums only). */
export async function joinForum(supabase: TypedSupabaseClient, userId: string, forumId: string): Promise<ForumActionResult> {
  const { error } = await supabase.from("forum_members").insert({ forum_id: forumId, user_id: userId, role: "member", status: "active" });
  return outcome(error, "join", { duplicateIsFine: true });
}

/** Asks to become a member of a closed forum; a moderator approves or declines. */
export async function requestMembership(supabase: TypedSupabaseClient, userId: string, forumId: string): Promise<ForumActionResult> {
  const { error } = await supabase.from("forum_members").insert({ forum_id: forumId, user_id: userId, role: "member", status: "requested" });
  return outcome(error, "request");
}

/** Leaves a forum or withdraws a request (the person's own row; `status` guards against a stale form). */
export async function leaveForum(
  supabase: TypedSupabaseClient,
  userId: string,
  forumId: string,
  status: ForumMemberStatus,
): Promise<ForumActionResult> {
  const { error } = await supabase.from("forum_members").delete().eq("forum_id", forumId).eq("user_id", userId).eq("status", status);
  return outcome(error, "leave");
}

export async function watchForum(supabase: TypedSupabaseClient, userId: string, forumId: string): Promise<ForumActionResult> {
  const { error } = await supabase.from("forum_watches").insert({ user_id: userId, forum_id: forumId });
  return outcome(error, "watch", { duplicateIsFine: true });
}

export async function unwatchForum(supabase: TypedSupabaseClient, userId: string, forumId: string): Promise<ForumActionResult> {
  const { error } = await supabase.from("forum_watches").delete().eq("user_id", userId).eq("forum_id", forumId);
  return outcome(error, "unwatch");
}

export async function markForumRead(supabase: TypedSupabaseClient, forumId: string): Promise<ForumActionResult> {
  const { error } = await supabase.rpc("mark_forum_read", { forum: forumId });
  return outcome(error, "mark forum read");
}

export type StartThreadResult = { ok: true; threadId: string; postId: string; replayed: boolean } | { ok: false; error: ForumErrorKey | "failed" };

/** Starts a thread with its first post in the person's name (RLS decides whether they may). */
export async function startThread(
  supabase: TypedSupabaseClient,
  forumId: string,
  input: { title: string; body: string; key: string | null },
): Promise<StartThreadResult> {
  // One transaction (rpc start_thread): a refused first post leaves no empty thread behind. The
  // submission key is the new thread's id; a repeated request gets the first one's thread back.
  const started = await supabase
    .rpc("start_thread", { forum: forumId, title: input.title, body: input.body, ...(input.key ? { thread: input.key } : {}) })
    .single();
  if (isRateLimited(started.error)) return { ok: false, error: "rateLimited" };
  // A key that is some other thread's id: not a retry of this person's thread (a forged form).
  if (started.error?.code === "23505" && input.key) return { ok: false, error: "notAllowed" };
  if (started.error || !started.data) {
    const result = outcome(started.error ?? { message: "no thread returned" }, "start thread");
    return { ok: false, error: !result.ok && result.reason === "refused" ? "notAllowed" : "failed" };
  }
  return { ok: true, threadId: started.data.thread_id, postId: started.data.post_id, replayed: started.data.replayed };
}
