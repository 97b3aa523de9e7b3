/**
 * Data of a forum thread page (/forums/:slug/threads/:id): the thread, one page of its posts, what
 * the signed-in person may do there, and the writes of the page (reply, edit, report, moderation).
 * Everything goes through the request's supabase client, so RLS decides; a refusal comes back as
 * a result ({ ok: false, error }) instead of an exception. A page is a range of post positions, so
 * every read costs the same on page 1 as on page 500 (no counting, no offsets).
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "./database.types";
import { isRateLimited, isUnreachable, serviceUnavailable } from "./http.server";
import { renderMarkdown } from "./markdown.server";
import { pageCount } from "./pagination";
import { rowsOf } from "./query.server";
import { POSTS_PER_PAGE, type ForumErrorKey } from "./schemas/forum-posts";

type Client = SupabaseClient<Database>;
type ForumVisibility = Database["public"]["Enums"]["forum_visibility"];

interface DbError {
  message: string;
  code?: string;
  status?: number;
  name?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ThreadForum {
  id: string;
  slug: string;
  name: string;
  visibility: ForumVisibility;
  archived_at: string | null;
}

export interface Thread {
  id: string;
  title: string;
  pinned: boolean;
  locked: boolean;
  lastPosition: number;
  forum: ThreadForum;
}

/** A post the person may read (hidden ones only for their author and moderators). */
export interface VisiblePost {
  kind: "post";
  id: string;
  position: number;
  body: string;
  authorId: string | null;
  /** null when the author's account was deleted. */
  authorName: string | null;
  createdAt: string;
  editedAt: string | null;
  hiddenAt: string | null;
  hiddenReason: string | null;
  hiddenByName: string | null;
}

/** A position without a readable row: a post hidden from this person. */
export interface MissingPost {
  kind: "hidden";
  position: number;
}

export type PageEntry = VisiblePost | MissingPost;

/** The outcome of a write: ok, or a key of `forums.errors` / a refusal. */
export type WriteResult<T = object> = ({ ok: true } & T) | { ok: false; error: ForumErrorKey | "duplicateReport" | "notFound" };

function fail(error: DbError | null, what: string): never {
  if (isUnreachable(error)) serviceUnavailable();
  throw new Error(`${what}: ${error?.message ?? "no data"}`);
}

/** A refusal by RLS or a guard trigger (insufficient privilege). */
function refused(error: DbError | null): boolean {
  return error?.code === "42501";
}

// --- pages ---------------------------------------------------------------------------------------

/** The page that holds post `position`. */
export function pageOfPosition(position: number): number {
  return Math.max(1, Math.ceil(position / POSTS_PER_PAGE));
}

/** How many pages a thread has, from its last position (hidden posts keep their place). */
export function threadPageCount(lastPosition: number): number {
  return pageCount(lastPosition, POSTS_PER_PAGE);
}

/** The positions [from, to] of page `page`. */
export function positionRange(page: number): [number, number] {
  const from = (page - 1) * POSTS_PER_PAGE + 1;
  return [from, from + POSTS_PER_PAGE - 1];
}

// --- reads ---------------------------------------------------------------------------------------

/**
 * The thread with `id` in the forum with `slug`, or null when there is none, it belongs to another
 * forum, or the person may not read it (RLS: the same answer as a thread that does not exist).
 */
export async function getThread(supabase: Client, slug: string, id: string): Promise<Thread | null> {
  if (!UUID.test(id)) return null;
  const { data, error } = await supabase
    .from("threads")
    .select("id, title, pinned, locked, last_position, forums!inner(id, slug, name, visibility, archived_at)")
    .eq("id", id)
    .eq("forums.slug", slug)
    .maybeSingle();
  if (error) fail(error, "Could not load the thread");
  if (!data) return null;
  const forum = data.forums;
  return {
    id: data.id,
    title: data.title,
    pinned: data.pinned,
    locked: data.locked,
    lastPosition: data.last_position,
    forum: { id: forum.id, slug: forum.slug, name: forum.name, visibility: forum.visibility, archived_at: forum.archived_at },
  };
}

const POST_COLUMNS =
  "id, position, body, author_id, created_at, edited_at, hidden_at, hidden_reason, author:profiles!posts_author_id_fkey(full_name), hider:profiles!posts_hidden_by_fkey(full_name)";

interface PostRow {
  id: string;
  position: number;
  body: string;
  author_id: string | null;
  created_at: string;
  edited_at: string | null;
  hidden_at: string | null;
  hidden_reason: string | null;
  author: { full_name: string } | null;
  hider: { full_name: string } | null;
}

function toPost(row: PostRow): VisiblePost {
  return {
    kind: "post",
    id: row.id,
    position: row.position,
    body: row.body,
    authorId: row.author_id,
    authorName: row.author_id ? (row.author?.full_name ?? null) : null,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    hiddenAt: row.hidden_at,
    hiddenReason: row.hidden_reason,
    hiddenByName: row.hider?.full_name ?? null,
  };
}

/**
 * The posts of positions [from, to] the person may read, authors embedded: one index range scan on
 * (thread_id, position), whatever the page number.
 */
async function pageRows(supabase: Client, threadId: string, from: number, to: number): Promise<VisiblePost[]> {
  const rows = rowsOf(
    await supabase
      .from("posts")
      .select(POST_COLUMNS)
      .eq("thread_id", threadId)
      .gte("position", from)
      .lte("position", to)
      .order("position")
      .limit(POSTS_PER_PAGE),
    "the posts of a thread page",
  ) as unknown as PostRow[];
  return rows.map(toPost);
}

/** Positions from..last, each the readable post or a gap (a post hidden from this person). */
function withGaps(posts: readonly VisiblePost[], from: number, last: number): PageEntry[] {
  const byPosition = new Map(posts.map((post) => [post.position, post]));
  const entries: PageEntry[] = [];
  for (let position = from; position <= last; position += 1) {
    entries.push(byPosition.get(position) ?? { kind: "hidden", position });
  }
  return entries;
}

/**
 * Page `page` of a thread: one query for its position range, authors embedded. Positions in the
 * range without a row (up to the thread's last position) are posts hidden from this person.
 */
export async function loadThreadPage(supabase: Client, thread: Pick<Thread, "id" | "lastPosition">, page: number): Promise<PageEntry[]> {
  const [from, to] = positionRange(page);
  const last = Math.min(to, thread.lastPosition);
  if (last < from) return [];
  return withGaps(await pageRows(supabase, thread.id, from, last), from, last);
}

/** What the thread page reads before it can render. */
export interface OpenedThread {
  thread: Thread;
  viewer: ThreadViewer;
  /** The page shown: the one asked for, or the last one when that is past the end. */
  page: number;
  pages: number;
  entries: PageEntry[];
}

/**
 * The thread page's reads, all needing only the URL, in one round of parallel requests: the thread
 * (null when not found or not readable), the reader's rights, and page `wanted` by position range.
 * The posts are read before the thread is known (RLS decides what comes back) and kept only once
 * the thread is found in that forum. A page past the end (an old link to a thread that lost posts)
 * shows the last page, at the cost of a second read in that rare case. `wanted` null reads no posts.
 */
export async function openThread(supabase: Client, slug: string, id: string, wanted: number | null): Promise<OpenedThread | null> {
  if (!UUID.test(id)) return null;
  const range = wanted === null ? null : positionRange(wanted);
  const [thread, viewer, rows] = await Promise.all([
    getThread(supabase, slug, id),
    loadViewer(supabase, { id }),
    range ? pageRows(supabase, id, range[0], range[1]) : Promise.resolve([]),
  ]);
  if (!thread) return null;
  const pages = threadPageCount(thread.lastPosition);
  if (wanted === null || range === null) return { thread, viewer, page: 1, pages, entries: [] };
  if (wanted > pages) return { thread, viewer, page: pages, pages, entries: await loadThreadPage(supabase, thread, pages) };
  return { thread, viewer, page: wanted, pages, entries: withGaps(rows, range[0], Math.min(range[1], thread.lastPosition)) };
}

/** One post of a thread by position (for quoting a post on another page), or null. */
export async function getPostAt(supabase: Client, threadId: string, position: number): Promise<VisiblePost | null> {
  if (!Number.isInteger(position) || position < 1) return null;
  const { data, error } = await supabase
    .from("posts")
    .select(POST_COLUMNS)
    .eq("thread_id", threadId)
    .eq("position", position)
    .maybeSingle();
  if (error) fail(error, "Could not load the post");
  return data ? toPost(data as unknown as PostRow) : null;
}

/** What the signed-in person may do in the thread, and their watch and read state. */
export interface ThreadViewer {
  moderator: boolean;
  canPost: boolean;
  watching: boolean;
  lastRead: number;
}

export async function loadViewer(supabase: Client, thread: Pick<Thread, "id">): Promise<ThreadViewer> {
  // One round trip (rpc thread_viewer); RLS and the helper functions answer for the caller.
  const { data, error } = await supabase.rpc("thread_viewer", { thread: thread.id }).maybeSingle();
  if (error) fail(error, "Could not load the reader's rights");
  return {
    moderator: data?.moderator === true,
    canPost: data?.can_post === true,
    watching: data?.watching === true,
    lastRead: data?.last_read_position ?? 0,
  };
}

/** Records that the person has read the thread up to `position` (never moves backwards). Never throws. */
export async function markThreadRead(supabase: Client, threadId: string, position: number): Promise<void> {
  if (position < 1) return;
  const { error } = await supabase.rpc("mark_thread_read", { thread: threadId, upto: position });
  if (error) console.error(`Could not mark thread ${threadId} read: ${error.message}`);
}

const MENTION_CANDIDATE = /@([\p{L}\p{N}][\p{L}\p{N}'’.-]*(?:[ \t]+[\p{L}\p{N}][\p{L}\p{N}'’.-]*){0,3})/gu;
const MAX_MENTION_CANDIDATES = 60;

/**
 * The full names @-mentioned in `bodies`: the words after each "@" (one to four of them) looked up
 * among profiles in one bounded query, plus `knownNames` (the page's authors).
 */
export async function mentionedNames(supabase: Client, bodies: readonly string[], knownNames: readonly string[] = []): Promise<string[]> {
  const candidates = new Set<string>();
  for (const body of bodies) {
    if (!body.includes("@")) continue;
    for (const match of body.matchAll(MENTION_CANDIDATE)) {
      const words = (match[1] ?? "").split(/[ \t]+/);
      for (let n = 1; n <= words.length; n += 1) {
        candidates.add(words.slice(0, n).join(" ").replace(/[.,!?:;]+$/, ""));
        if (candidates.size >= MAX_MENTION_CANDIDATES) break;
      }
      if (candidates.size >= MAX_MENTION_CANDIDATES) break;
    }
  }
  const names = new Set(knownNames.filter((name) => name.trim().length >= 2));
  const lookup = [...candidates].filter((name) => name.length >= 2 && !names.has(name));
  if (lookup.length > 0) {
    const { data, error } = await supabase.from("profiles").select("full_name").in("full_name", lookup).limit(MAX_MENTION_CANDIDATES);
    if (error) console.error(`Could not look up mentioned names: ${error.message}`);
    for (const row of data ?? []) names.add(row.full_name);
  }
  return [...names];
}

const RENDERED_MAX = 600;
// Long posts are rendered each time: the map stays a few megabytes at most.
const RENDERED_BODY_MAX = 4_000;
const rendered = new Map<string, string>();

/**
 * A post's HTML with the page's names highlighted. Rendering (markdown, then sanitising) is most of
 * the thread page's own CPU time, and the same posts are read by many people, so the HTML is kept
 * in a small least-recently-used map. The key is the source itself and the names, so an edit or a
 * new name can never be served stale HTML.
 */
export function renderPost(body: string, mentions: readonly string[]): string {
  if (body.length > RENDERED_BODY_MAX) return renderMarkdown(body, { mentions });
  const key = `${mentions.join("\u0001")}\u0000${body}`;
  const hit = rendered.get(key);
  if (hit !== undefined) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const html = renderMarkdown(body, { mentions });
  rendered.set(key, html);
  for (const oldest of rendered.keys()) {
    if (rendered.size <= RENDERED_MAX) break;
    rendered.delete(oldest);
  }
  return html;
}

/** A forum the thread could be moved to. */
export interface MoveTarget {
  id: string;
  slug: string;
  name: string;
}

/**
 * Forums the person moderates (coordinators: every forum), not archived, other than the one with
 * slug `exceptSlug`. Needs only the URL's slug, so a coordinator's list is read alongside the page.
 */
export async function moveTargets(supabase: Client, userId: string, coordinator: boolean, exceptSlug: string): Promise<MoveTarget[]> {
  if (coordinator) {
    const rows = rowsOf(
      await supabase.from("forums").select("id, slug, name").is("archived_at", null).neq("slug", exceptSlug).order("name").limit(200),
      "forums to move a thread to",
    );
    return rows;
  }
  const rows = rowsOf(
    await supabase
      .from("forum_members")
      .select("forums!inner(id, slug, name, archived_at)")
      .eq("user_id", userId)
      .eq("role", "moderator")
      .eq("status", "active")
      .is("forums.archived_at", null)
      .neq("forums.slug", exceptSlug)
      .limit(200),
    "forums to move a thread to",
  );
  return rows
    .map((row) => ({ id: row.forums.id, slug: row.forums.slug, name: row.forums.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

// --- writes --------------------------------------------------------------------------------------

async function threadLocked(supabase: Client, threadId: string): Promise<boolean> {
  const { data } = await supabase.from("threads").select("locked").eq("id", threadId).maybeSingle();
  return data?.locked === true;
}

/**
 * A reply in the thread; refused (threadLocked / notAllowed) when the person may not post there,
 * rateLimited past the posting limit. With a submission key (the new post's id), a repeated request
 * answers with the post the first one made (`replayed`) instead of writing it twice.
 */
export async function replyToThread(
  supabase: Client,
  threadId: string,
  body: string,
  submission: { authorId: string; key: string | null },
): Promise<WriteResult<{ postId: string; position: number; replayed: boolean }>> {
  const { data, error } = await supabase
    .from("posts")
    // The position is assigned by a trigger; the value sent here is always replaced.
    .insert({ ...(submission.key ? { id: submission.key } : {}), thread_id: threadId, body, position: 0 })
    .select("id, position")
    .single();
  if (error && submission.key && !isUnreachable(error)) {
    const first = await supabase
      .from("posts")
      .select("id, position")
      .eq("id", submission.key)
      .eq("thread_id", threadId)
      .eq("author_id", submission.authorId)
      .maybeSingle();
    if (first.data) return { ok: true, postId: first.data.id, position: first.data.position, replayed: true };
  }
  if (isRateLimited(error)) return { ok: false, error: "rateLimited" };
  // A key that is some other post's id: not a retry of this person's reply (a forged form).
  if (error?.code === "23505" && submission.key) return { ok: false, error: "notAllowed" };
  if (refused(error)) return { ok: false, error: (await threadLocked(supabase, threadId)) ? "threadLocked" : "notAllowed" };
  if (error || !data) fail(error, "Could not save the reply");
  return { ok: true, postId: data.id, position: data.position, replayed: false };
}

/** The post's id at `position` in the thread (as the person sees it), or null. */
export async function postIdAt(supabase: Client, threadId: string, position: number): Promise<string | null> {
  if (!Number.isInteger(position) || position < 1) return null;
  const { data, error } = await supabase.from("posts").select("id").eq("thread_id", threadId).eq("position", position).maybeSingle();
  if (error) fail(error, "Could not find the post");
  return data?.id ?? null;
}

type PostPatch = Database["public"]["Tables"]["posts"]["Update"];

async function updatePost(supabase: Client, threadId: string, position: number, patch: PostPatch): Promise<WriteResult> {
  const { data, error } = await supabase
    .from("posts")
    .update(patch)
    .eq("thread_id", threadId)
    .eq("position", position)
    .select("id");
  if (refused(error)) {
    if (patch.body !== undefined && (await threadLocked(supabase, threadId))) return { ok: false, error: "threadLocked" };
    return { ok: false, error: "notAllowed" };
  }
  if (error) fail(error, "Could not update the post");
  // RLS's using clause hides rows one may not change: nothing updated means refused (or gone).
  if (!data || data.length === 0) return { ok: false, error: "notAllowed" };
  return { ok: true };
}

/** The author edits their post's body (the database records edited_at). */
export function editPost(supabase: Client, threadId: string, position: number, body: string): Promise<WriteResult> {
  return updatePost(supabase, threadId, position, { body });
}

/** A moderator hides a post with a reason (who and when are recorded by the database). */
export function hidePost(supabase: Client, threadId: string, position: number, reason: string): Promise<WriteResult> {
  return updatePost(supabase, threadId, position, { hidden_at: new Date().toISOString(), hidden_reason: reason });
}

export function unhidePost(supabase: Client, threadId: string, position: number): Promise<WriteResult> {
  return updatePost(supabase, threadId, position, { hidden_at: null, hidden_by: null, hidden_reason: null });
}

/** A reader reports a post; a second open report by the same person is `duplicateReport`. */
export async function reportPost(supabase: Client, threadId: string, position: number, reason: string): Promise<WriteResult> {
  const postId = await postIdAt(supabase, threadId, position);
  if (!postId) return { ok: false, error: "notFound" };
  const { error } = await supabase.from("post_reports").insert({ post_id: postId, reason });
  if (error?.code === "23505") return { ok: false, error: "duplicateReport" };
  if (refused(error)) return { ok: false, error: "notAllowed" };
  if (error) fail(error, "Could not save the report");
  return { ok: true };
}

type ThreadPatch = Pick<Database["public"]["Tables"]["threads"]["Update"], "pinned" | "locked" | "forum_id">;

async function updateThread(supabase: Client, threadId: string, patch: ThreadPatch): Promise<WriteResult> {
  const { data, error } = await supabase.from("threads").update(patch).eq("id", threadId).select("id");
  if (refused(error)) return { ok: false, error: "notAllowed" };
  if (error) fail(error, "Could not update the thread");
  if (!data || data.length === 0) return { ok: false, error: "notAllowed" };
  return { ok: true };
}

export function setPinned(supabase: Client, threadId: string, pinned: boolean): Promise<WriteResult> {
  return updateThread(supabase, threadId, { pinned });
}

export function setLocked(supabase: Client, threadId: string, locked: boolean): Promise<WriteResult> {
  return updateThread(supabase, threadId, { locked });
}

/** Moves the thread to another forum (moderators of both forums); returns the new forum's slug. */
export async function moveThread(supabase: Client, threadId: string, forumId: string): Promise<WriteResult<{ slug: string }>> {
  if (!UUID.test(forumId)) return { ok: false, error: "forumRequired" };
  const { data: forum, error } = await supabase.from("forums").select("slug, archived_at").eq("id", forumId).maybeSingle();
  if (error) fail(error, "Could not load the forum");
  if (!forum || forum.archived_at) return { ok: false, error: "forumRequired" };
  const moved = await updateThread(supabase, threadId, { forum_id: forumId });
  return moved.ok ? { ok: true, slug: forum.slug } : moved;
}

/** Starts or stops watching the thread (notifications of new replies). */
export async function setWatching(supabase: Client, userId: string, threadId: string, watch: boolean): Promise<WriteResult> {
  if (watch) {
    const { error } = await supabase.from("forum_watches").insert({ user_id: userId, thread_id: threadId });
    if (error?.code === "23505") return { ok: true };
    if (refused(error)) return { ok: false, error: "notAllowed" };
    if (error) fail(error, "Could not watch the thread");
    return { ok: true };
  }
  const { error } = await supabase.from("forum_watches").delete().eq("user_id", userId).eq("thread_id", threadId);
  if (error) fail(error, "Could not stop watching the thread");
  return { ok: true };
}
