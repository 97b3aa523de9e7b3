/**
 * Forum e-mail: new posts (immediately or as a daily/weekly digest) and joining a forum.
 *
 * The `notifications` rows are written by the `posts_notify` trigger (who watches, who was
 * mentioned, who may read the forum, who wants e-mail at all); this module only delivers them.
 * Everything here uses the service role: no user may read other people's e-mail addresses or
 * notification rows. Addresses and languages are read from `profiles` (the trigger-kept copy of the
 * sign-in address), the same way `mailApplication` in organisations.server.ts reaches coordinators.
 *
 * Delivery is claim-then-send, so no e-mail goes out twice however many processes run:
 * - a notification is claimed by `UPDATE … SET emailed_at = … WHERE emailed_at IS NULL RETURNING`;
 *   only the caller that got the row back sends it. A failed send sets emailed_at back to null.
 * - a digest is claimed by inserting (person, period) into `notification_digests`, ON CONFLICT DO
 *   NOTHING: if the row was already there, this person's digest for the day/week is done (or
 *   in progress elsewhere). A failed send deletes the claim and un-claims the notifications.
 *
 * Posts hidden by a moderator are never mailed: their notifications stay pending (if the post is
 * shown again, the next digest includes it).
 *
 * People who want e-mail "immediately" but whose notification is still pending after
 * STALE_IMMEDIATE_MS (the immediate send failed, or the server stopped in between) get it in the
 * daily digest run, under the day's period key like the daily people.
 *
 * Every function here logs and carries on: a failed e-mail never fails the user's action.
 */
import type { Database } from "./database.types";
import { sendEmail } from "./email.server";
import { getEnv } from "./env.server";
import { isLocale, type Locale } from "./i18n";
import { getMessages } from "./messages.server";
import { plainTextExcerpt } from "./markdown.server";
import { getServiceRoleClient, type TypedSupabaseClient } from "./supabase.server";
import {
  addedToForumEmail,
  digestEmail,
  joinDecisionEmail,
  joinRequestEmail,
  postNotificationEmail,
  type DigestThread,
} from "~/emails/forum-emails";

type Frequency = Database["public"]["Enums"]["notification_frequency"];

/** Notifications claimed and sent per round trip (one post's recipients, one person's digest page). */
const BATCH = 100;
/** People handled per query of a digest run. */
const PEOPLE_BATCH = 50;
/** At most this many notifications go into one digest; the rest wait for the next period. */
const MAX_PER_DIGEST = 200;
/** An immediate notification still pending after this long goes into the daily digest. */
export const STALE_IMMEDIATE_MS = 10 * 60 * 1000;
const EXCERPT_LENGTH = 300;
const TIME_ZONE = "Europe/Stockholm";

interface Recipient {
  id: string;
  email: string;
  name: string | null;
  locale: Locale;
  frequency: Frequency;
}

function logError(what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : typeof error === "object" && error && "message" in error ? String(error.message) : String(error);
  console.error(`Forum e-mail: ${what}: ${message}`);
}

function url(path: string): string {
  return new URL(path, getEnv().SITE_URL).href;
}

export function postPath(slug: string, threadId: string, position: number): string {
  return `/forums/${encodeURIComponent(slug)}/threads/${threadId}?post=${position}#post-${position}`;
}

/** E-mail address, name, language and e-mail frequency of people (only those with an address). */
async function recipientsOf(service: TypedSupabaseClient, ids: string[]): Promise<Map<string, Recipient>> {
  const result = new Map<string, Recipient>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const { data, error } = await service
      .from("profiles")
      .select("id, email, full_name, locale, notification_frequency")
      .in("id", unique.slice(i, i + BATCH));
    if (error) throw error;
    for (const row of data ?? []) {
      if (!row.email) continue;
      result.set(row.id, {
        id: row.id,
        email: row.email,
        name: row.full_name?.trim() || null,
        locale: isLocale(row.locale) ? row.locale : "sv",
        frequency: row.notification_frequency,
      });
    }
  }
  return result;
}

/** Full names by id (for authors); a missing entry means a deleted account. */
async function namesOf(service: TypedSupabaseClient, ids: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const { data, error } = await service.from("profiles").select("id, full_name").in("id", unique.slice(i, i + BATCH));
    if (error) throw error;
    for (const row of data ?? []) result.set(row.id, row.full_name?.trim() ?? "");
  }
  return result;
}

function authorName(names: Map<string, string>, authorId: string | null, locale: Locale): string {
  const t = getMessages(locale);
  if (!authorId || !names.has(authorId)) return t.account.deletedUser;
  return names.get(authorId) || t.forumEmails.unnamed;
}

async function unclaim(service: TypedSupabaseClient, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const { error } = await service.from("notifications").update({ emailed_at: null }).in("id", ids);
  if (error) logError(`could not release notifications ${ids.join(", ")} for a retry`, error);
}

// --- a new post ----------------------------------------------------------------------------------

/**
 * E-mails a new post's pending notifications to the people who want e-mail immediately: one e-mail
 * per person, "X nämnde dig i …" for a mention, "Nytt inlägg i …" for a reply. Safe to call twice
 * or concurrently (each notification is claimed before it is sent). A hidden post is not mailed.
 */
export async function deliverPostNotifications(postId: string): Promise<{ sent: number }> {
  let sent = 0;
  try {
    const service = getServiceRoleClient();
    const { data: post, error } = await service
      .from("posts")
      .select("id, position, body, author_id, hidden_at, thread_id, threads!inner(title, forums!inner(slug, name))")
      .eq("id", postId)
      .maybeSingle();
    if (error) throw error;
    if (!post || post.hidden_at) return { sent };
    const thread = post.threads;
    const names = post.author_id ? await namesOf(service, [post.author_id]) : new Map<string, string>();
    const excerpt = plainTextExcerpt(post.body, EXCERPT_LENGTH);
    const postUrl = url(postPath(thread.forums.slug, post.thread_id, post.position));
    const settingsUrl = url("/account");

    let after = 0;
    for (;;) {
      const { data: pending, error: pendingError } = await service
        .from("notifications")
        .select("id, profiles!notifications_user_id_fkey!inner(notification_frequency)")
        .eq("post_id", postId)
        .is("emailed_at", null)
        .eq("profiles.notification_frequency", "immediately")
        .gt("id", after)
        .order("id")
        .limit(BATCH);
      if (pendingError) throw pendingError;
      if (!pending || pending.length === 0) break;
      after = pending[pending.length - 1]!.id;

      // The claim: only rows still unsent come back, so a concurrent call cannot send them too.
      const { data: claimed, error: claimError } = await service
        .from("notifications")
        .update({ emailed_at: new Date().toISOString() })
        .in("id", pending.map((row) => row.id))
        .is("emailed_at", null)
        .select("id, user_id, kind");
      if (claimError) throw claimError;
      if (!claimed || claimed.length === 0) continue;

      let recipients: Map<string, Recipient>;
      try {
        recipients = await recipientsOf(service, claimed.map((row) => row.user_id));
      } catch (recipientError) {
        await unclaim(service, claimed.map((row) => row.id));
        throw recipientError;
      }
      const results = await Promise.all(
        claimed.map(async (row) => {
          const recipient = recipients.get(row.user_id);
          // No address (should not happen): nothing can be sent; leave it marked so it is not retried forever.
          if (!recipient) return false;
          const email = postNotificationEmail(
            {
              kind: row.kind,
              recipientName: recipient.name,
              authorName: authorName(names, post.author_id, recipient.locale),
              threadTitle: thread.title,
              forumName: thread.forums.name,
              excerpt,
              postUrl,
              settingsUrl,
            },
            recipient.locale,
          );
          const result = await sendEmail({ to: recipient.email, ...email });
          if (!result.ok) await unclaim(service, [row.id]);
          return result.ok;
        }),
      );
      sent += results.filter(Boolean).length;
      if (pending.length < BATCH) break;
    }
  } catch (error) {
    logError(`could not deliver the notifications of post ${postId}`, error);
  }
  return { sent };
}

// --- digests -------------------------------------------------------------------------------------

/** The calendar date of `now` in Stockholm: [year, month, day]. */
function stockholmDate(now: Date): [number, number, number] {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return [get("year"), get("month"), get("day")];
}

/** `day:YYYY-MM-DD` of `now` in Stockholm. */
export function dayPeriodKey(now: Date): string {
  const [year, month, day] = stockholmDate(now);
  return `day:${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `week:YYYY-Www`, the ISO week (Monday first; week 1 holds the year's first Thursday) of `now` in Stockholm. */
export function weekPeriodKey(now: Date): string {
  const [year, month, day] = stockholmDate(now);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const isoYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `week:${isoYear}-W${String(week).padStart(2, "0")}`;
}

interface DigestRun {
  service: TypedSupabaseClient;
  now: Date;
  totals: { emails: number; notifications: number; failures: number };
}

/** People with this frequency who have pending notifications created before `before`, a page at a time. */
async function* peopleWithPending(service: TypedSupabaseClient, frequency: Frequency, before: Date): AsyncGenerator<string> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const { data, error } = await service
      .from("profiles")
      .select("id, notifications!notifications_user_id_fkey!inner(id)")
      .eq("notification_frequency", frequency)
      .is("notifications.emailed_at", null)
      .lt("notifications.created_at", before.toISOString())
      .limit(1, { referencedTable: "notifications" })
      .gt("id", after)
      .order("id")
      .limit(PEOPLE_BATCH);
    if (error) throw error;
    for (const row of data ?? []) yield row.id;
    if (!data || data.length < PEOPLE_BATCH) return;
    after = data[data.length - 1]!.id;
  }
}

/** One person's digest. Returns false if something failed (and was undone). */
async function digestFor(run: DigestRun, userId: string, periodKey: string, period: "daily" | "weekly", before: Date): Promise<boolean> {
  const { service } = run;
  const { data: pending, error } = await service
    .from("notifications")
    .select("id, kind, thread_id, actor_id, created_at, posts!inner(position, author_id, hidden_at)")
    .eq("user_id", userId)
    .is("emailed_at", null)
    .lt("created_at", before.toISOString())
    .is("posts.hidden_at", null)
    .order("created_at")
    .order("id")
    .limit(MAX_PER_DIGEST);
  if (error) throw error;
  if (!pending || pending.length === 0) return true; // only hidden posts: nothing to send

  // The idempotency claim of this person's period.
  const { data: digest, error: digestError } = await service
    .from("notification_digests")
    .upsert({ user_id: userId, period_key: periodKey, notification_count: pending.length }, { onConflict: "user_id,period_key", ignoreDuplicates: true })
    .select("user_id");
  if (digestError) throw digestError;
  if (!digest || digest.length === 0) return true; // already sent (or being sent) for this period

  const releaseDigest = async () => {
    const { error: deleteError } = await service.from("notification_digests").delete().eq("user_id", userId).eq("period_key", periodKey);
    if (deleteError) logError(`could not release the digest claim ${periodKey} of ${userId}`, deleteError);
  };

  let claimedIds: number[] = [];
  try {
    const { data: claimed, error: claimError } = await service
      .from("notifications")
      .update({ emailed_at: run.now.toISOString() })
      .in("id", pending.map((row) => row.id))
      .is("emailed_at", null)
      .select("id");
    if (claimError) throw claimError;
    claimedIds = (claimed ?? []).map((row) => row.id);
    if (claimedIds.length === 0) {
      await releaseDigest(); // sent meanwhile by an immediate delivery
      return true;
    }
    const claimedSet = new Set(claimedIds);
    const items = pending.filter((row) => claimedSet.has(row.id));
    if (items.length !== pending.length) {
      const { error: countError } = await service
        .from("notification_digests")
        .update({ notification_count: items.length })
        .eq("user_id", userId)
        .eq("period_key", periodKey);
      if (countError) logError(`could not correct the count of the digest ${periodKey} of ${userId}`, countError);
    }

    const recipient = (await recipientsOf(service, [userId])).get(userId);
    if (!recipient) throw new Error("the person has no e-mail address");
    const threadIds = [...new Set(items.map((row) => row.thread_id))];
    const { data: threads, error: threadsError } = await service.from("threads").select("id, title, forums!inner(slug, name)").in("id", threadIds);
    if (threadsError) throw threadsError;
    const threadById = new Map((threads ?? []).map((thread) => [thread.id, thread]));
    const names = await namesOf(service, items.map((row) => row.posts.author_id).filter((id): id is string => Boolean(id)));

    const groups = new Map<string, { rows: typeof items; mentioned: boolean }>();
    for (const row of items) {
      const group = groups.get(row.thread_id) ?? { rows: [], mentioned: false };
      group.rows.push(row);
      if (row.kind === "mention") group.mentioned = true;
      groups.set(row.thread_id, group);
    }
    const digestThreads: DigestThread[] = [];
    for (const [threadId, group] of groups) {
      const thread = threadById.get(threadId);
      if (!thread) continue;
      const first = group.rows.reduce((a, b) => (b.posts.position < a.posts.position ? b : a));
      digestThreads.push({
        threadTitle: thread.title,
        forumName: thread.forums.name,
        count: group.rows.length,
        authorNames: [...new Set(group.rows.map((row) => authorName(names, row.posts.author_id, recipient.locale)))],
        mentioned: group.mentioned,
        url: url(postPath(thread.forums.slug, threadId, first.posts.position)),
      });
    }
    const email = digestEmail(
      { period, recipientName: recipient.name, threads: digestThreads, forumsUrl: url("/forums"), settingsUrl: url("/account") },
      recipient.locale,
    );
    const result = await sendEmail({ to: recipient.email, ...email });
    if (!result.ok) throw new Error(result.error);
    run.totals.emails += 1;
    run.totals.notifications += items.length;
    return true;
  } catch (error) {
    logError(`the ${periodKey} digest of ${userId} was not sent`, error);
    await unclaim(service, claimedIds);
    await releaseDigest();
    return false;
  }
}

/**
 * Sends the digests that are due at `now` (default: the current time): one e-mail per person and
 * period with their pending notifications, grouped by thread.
 * - 'daily' people: period `day:YYYY-MM-DD` (Stockholm), notifications created before `now`;
 * - 'weekly' people: period `week:YYYY-Www` (ISO week, Stockholm);
 * - 'immediately' people whose notifications are still pending STALE_IMMEDIATE_MS after they were
 *   made (a failed immediate send): in the daily digest, under the day's key.
 * Running it again in the same day/week sends nothing more to anyone already handled. Never throws:
 * `failures` counts people whose digest failed (and was undone, to be retried by the next run).
 */
export async function runDigests(options: { now?: Date } = {}): Promise<{ emails: number; notifications: number; failures: number }> {
  const now = options.now ?? new Date();
  const run: DigestRun = { service: getServiceRoleClient(), now, totals: { emails: 0, notifications: 0, failures: 0 } };
  const plans: { frequency: Frequency; periodKey: string; period: "daily" | "weekly"; before: Date }[] = [
    { frequency: "daily", periodKey: dayPeriodKey(now), period: "daily", before: now },
    { frequency: "weekly", periodKey: weekPeriodKey(now), period: "weekly", before: now },
    { frequency: "immediately", periodKey: dayPeriodKey(now), period: "daily", before: new Date(now.getTime() - STALE_IMMEDIATE_MS) },
  ];
  for (const plan of plans) {
    try {
      for await (const userId of peopleWithPending(run.service, plan.frequency, plan.before)) {
        try {
          if (!(await digestFor(run, userId, plan.periodKey, plan.period, plan.before))) run.totals.failures += 1;
        } catch (error) {
          logError(`the ${plan.periodKey} digest of ${userId} failed`, error);
          run.totals.failures += 1;
        }
      }
    } catch (error) {
      logError(`could not list the people due a digest (${plan.frequency})`, error);
      run.totals.failures += 1;
    }
  }
  return run.totals;
}

// --- joining a forum -----------------------------------------------------------------------------

async function forumOf(service: TypedSupabaseClient, forumId: string): Promise<{ slug: string; name: string }> {
  const { data, error } = await service.from("forums").select("slug, name").eq("id", forumId).single();
  if (error) throw error;
  return data;
}

/**
 * People who get e-mail about forum activity at all (not 'never'). Join requests to moderators are
 * activity; the answer to one's own request and being added to a forum are about one's own access
 * and are always sent.
 */
function wantsEmail(recipient: Recipient | undefined): recipient is Recipient {
  return Boolean(recipient && recipient.frequency !== "never");
}

/** To the forum's active moderators (or, if it has none, the coordinators): someone asks to join. */
export async function sendJoinRequestToModerators(input: { forumId: string; requesterId: string }): Promise<void> {
  try {
    const service = getServiceRoleClient();
    const forum = await forumOf(service, input.forumId);
    const { data: moderators, error } = await service
      .from("forum_members")
      .select("user_id")
      .eq("forum_id", input.forumId)
      .eq("role", "moderator")
      .eq("status", "active")
      .limit(BATCH);
    if (error) throw error;
    let ids = (moderators ?? []).map((row) => row.user_id);
    if (ids.length === 0) {
      const { data: coordinators, error: rolesError } = await service.from("platform_roles").select("user_id").eq("role", "coordinator").limit(BATCH);
      if (rolesError) throw rolesError;
      ids = (coordinators ?? []).map((row) => row.user_id);
    }
    ids = ids.filter((id) => id !== input.requesterId);
    if (ids.length === 0) return;
    const recipients = await recipientsOf(service, ids);
    const names = await namesOf(service, [input.requesterId]);
    const membersUrl = url(`/forums/${encodeURIComponent(forum.slug)}/members`);
    await Promise.all(
      [...recipients.values()].filter(wantsEmail).map((recipient) =>
        sendEmail({
          to: recipient.email,
          ...joinRequestEmail(
            { recipientName: recipient.name, requesterName: authorName(names, input.requesterId, recipient.locale), forumName: forum.name, url: membersUrl },
            recipient.locale,
          ),
        }),
      ),
    );
  } catch (error) {
    logError(`could not tell the moderators of forum ${input.forumId} about a join request`, error);
  }
}

/** To the person who asked to join: approved or declined. */
export async function sendJoinDecision(input: { forumId: string; userId: string; approved: boolean }): Promise<void> {
  try {
    const service = getServiceRoleClient();
    const forum = await forumOf(service, input.forumId);
    const recipient = (await recipientsOf(service, [input.userId])).get(input.userId);
    if (!recipient) return;
    await sendEmail({
      to: recipient.email,
      ...joinDecisionEmail(
        { recipientName: recipient.name, forumName: forum.name, approved: input.approved, url: url(`/forums/${encodeURIComponent(forum.slug)}`) },
        recipient.locale,
      ),
    });
  } catch (error) {
    logError(`could not tell ${input.userId} the decision about forum ${input.forumId}`, error);
  }
}

/** To a person a moderator added to the forum. */
export async function sendAddedToForum(input: { forumId: string; userId: string }): Promise<void> {
  try {
    const service = getServiceRoleClient();
    const forum = await forumOf(service, input.forumId);
    const recipient = (await recipientsOf(service, [input.userId])).get(input.userId);
    if (!recipient) return;
    await sendEmail({
      to: recipient.email,
      ...addedToForumEmail({ recipientName: recipient.name, forumName: forum.name, url: url(`/forums/${encodeURIComponent(forum.slug)}`) }, recipient.locale),
    });
  } catch (error) {
    logError(`could not tell ${input.userId} they were added to forum ${input.forumId}`, error);
  }
}
