/**
 * The /forums list and a forum's page through supabase-js as the demo personas against the real
 * stack (issue 5): `forum_overview()` gives each person exactly the forums RLS lets them read,
 * with counts equal to direct counts through the service role; unread posts drop to 0 after
 * mark_forum_read and rise by one with someone else's post, and stay right (one row per thread,
 * never per post) in a thread of 2,000 posts. Also the page helpers of app/lib/forums.server.ts:
 * a private forum is as invisible as a missing one, the thread page's unread counts, the open
 * reports count of a moderator. Throwaway forums are made through the service role and removed.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/lib/auth.server.ts";
import type { Database } from "../../app/lib/database.types.ts";
import { forumOverview, getForum, listThreads, openReportCount } from "../../app/lib/forums.server.ts";
import { FORUM, PERSONAS, USER, as, newId, service, serviceDelete, serviceInsert, sql, type Actor } from "../support/rls.ts";

type Typed = SupabaseClient<Database>;
const typed = async (actor: Actor) => (await as(actor)) as unknown as Typed;

interface OverviewRow {
  id: string;
  slug: string;
  member_count: number;
  thread_count: number;
  last_post_at: string | null;
  unread_count: number;
  my_status: string | null;
  my_role: string | null;
}

async function overview(actor: Actor): Promise<OverviewRow[]> {
  const { data, error } = await (await as(actor)).rpc("forum_overview");
  expect(error, `forum_overview as ${actor}`).toBeNull();
  return (data ?? []) as OverviewRow[];
}

async function unreadIn(actor: Actor, forumId: string): Promise<number> {
  const row = (await overview(actor)).find((forum) => forum.id === forumId);
  expect(row, `${actor} sees the forum`).toBeDefined();
  return Number(row?.unread_count);
}

const SEED_FORUMS = Object.values(FORUM) as string[];
const userFor = (actor: keyof typeof USER, roles: CurrentUser["roles"] = []): CurrentUser => ({
  id: USER[actor],
  email: `${actor}@test.example`,
  fullName: actor,
  locale: "sv",
  roles,
  memberships: [{ orgId: "org", orgName: "Org", role: "member" }],
});

// A throwaway open forum with one thread started by the coordinator.
const forumId = newId();
const threadId = newId();
const bigThreadId = newId();

beforeAll(async () => {
  await serviceInsert("forums", { id: forumId, slug: `oversikt-${forumId.slice(0, 8)}`, name: "Översiktstest", visibility: "open" });
  await serviceInsert("threads", { id: threadId, forum_id: forumId, title: "Tråd för olästa", author_id: USER.coordinator });
  await serviceInsert("posts", [1, 2, 3].map((n) => ({ thread_id: threadId, author_id: USER.coordinator, body: `Inlägg ${n}` })));
});

afterAll(async () => {
  await serviceDelete("forums", { id: forumId });
});

describe("forum_overview()", () => {
  it("gives each persona exactly the seed forums RLS lets them read (private only for members and coordinators)", async () => {
    for (const persona of PERSONAS) {
      const rows = await overview(persona);
      const listed = rows.map((row) => row.id).filter((id) => SEED_FORUMS.includes(id)).sort();
      const { data, error } = await (await as(persona)).from("forums").select("id").in("id", SEED_FORUMS);
      expect(error).toBeNull();
      const readable = (data ?? []).map((row) => row.id as string).sort();
      expect(listed, persona).toEqual(readable);
      const seesPrivate = persona === "coordinator" || persona === "eidar";
      expect(listed.includes(FORUM.uppfoljning), `${persona} and the private forum`).toBe(seesPrivate);
      expect(listed.length, persona).toBe(seesPrivate ? 4 : 3);
    }
    const anon = await (await as("anon")).rpc("forum_overview");
    expect(anon.error?.code, "anonymous visitors may not call forum_overview").toBe("42501");
  });

  it("counts members, threads, latest activity and unread posts like direct counts through the service role", async () => {
    const admin = await service();
    for (const persona of ["coordinator", "association"] as const) {
      const rows = (await overview(persona)).filter((row) => SEED_FORUMS.includes(row.id));
      for (const row of rows) {
        const members = await admin.from("forum_members").select("user_id", { count: "exact", head: true }).eq("forum_id", row.id).eq("status", "active");
        const threads = await admin.from("threads").select("id, last_position, last_post_at").eq("forum_id", row.id);
        const reads = await admin.from("thread_reads").select("thread_id, last_read_position").eq("user_id", USER[persona]);
        const readOf = new Map((reads.data ?? []).map((read) => [read.thread_id as string, read.last_read_position as number]));
        const list = (threads.data ?? []) as { id: string; last_position: number; last_post_at: string }[];
        const unread = list.reduce((sum, thread) => sum + Math.max(thread.last_position - (readOf.get(thread.id) ?? 0), 0), 0);
        const latest = list.map((thread) => new Date(thread.last_post_at).getTime()).sort((a, b) => b - a)[0];
        const mine = await admin.from("forum_members").select("status, role").eq("forum_id", row.id).eq("user_id", USER[persona]).maybeSingle();

        expect(Number(row.member_count), `${row.slug} members`).toBe(members.count);
        expect(Number(row.thread_count), `${row.slug} threads`).toBe(list.length);
        expect(Number(row.unread_count), `${row.slug} unread for ${persona}`).toBe(unread);
        expect(row.last_post_at ? new Date(row.last_post_at).getTime() : undefined, `${row.slug} latest`).toBe(latest);
        expect(row.my_status, `${row.slug} status of ${persona}`).toBe(mine.data?.status ?? null);
        expect(row.my_role, `${row.slug} role of ${persona}`).toBe(mine.data?.role ?? null);
      }
    }
  });

  it("drops the unread count to 0 after mark_forum_read and raises it by one when someone else posts", async () => {
    expect(await unreadIn("region", forumId)).toBe(3);
    const { error } = await (await as("region")).rpc("mark_forum_read", { forum: forumId });
    expect(error).toBeNull();
    expect(await unreadIn("region", forumId)).toBe(0);

    const reply = await (await as("eidar")).from("posts").insert({ thread_id: threadId, author_id: USER.eidar, body: "Ett svar från AB Eidar" });
    expect(reply.error).toBeNull();
    expect(await unreadIn("region", forumId)).toBe(1);
    // Posting marks the author's own read.
    expect(await unreadIn("eidar", forumId)).toBe(0);
  });

  it("stays right with 2,000 posts in a thread (one read row per thread, no per-post work)", async () => {
    await serviceInsert("threads", { id: bigThreadId, forum_id: forumId, title: "Stor tråd", author_id: USER.coordinator });
    const posts = Array.from({ length: 2000 }, (_, n) => ({ thread_id: bigThreadId, author_id: USER.coordinator, body: `Massinlägg ${n}` }));
    const { error } = await (await service()).from("posts").insert(posts);
    expect(error).toBeNull();
    expect(await unreadIn("region", forumId)).toBe(1 + 2000);

    // Reading half the big thread leaves the other half unread.
    const half = await (await as("region")).rpc("mark_thread_read", { thread: bigThreadId, upto: 1000 });
    expect(half.error).toBeNull();
    expect(await unreadIn("region", forumId)).toBe(1 + 1000);
    const all = await (await as("region")).rpc("mark_forum_read", { forum: forumId });
    expect(all.error).toBeNull();
    expect(await unreadIn("region", forumId)).toBe(0);
  }, 90_000);
});

/** Forums whose forum_counters row differs from a count from scratch (empty when all are exact). */
async function driftedCounters(forums: readonly string[]): Promise<unknown[]> {
  return sql(
    `select f.id, c.member_count, c.thread_count, c.position_sum, c.last_post_at
       from public.forums f left join private.forum_counters c on c.forum_id = f.id
      where f.id = any($1::uuid[])
        and (c.forum_id is null
             or c.member_count <> (select count(*) from public.forum_members m where m.forum_id = f.id and m.status = 'active')
             or c.thread_count <> (select count(*) from public.threads t where t.forum_id = f.id)
             or c.position_sum <> (select coalesce(sum(t.last_position), 0) from public.threads t where t.forum_id = f.id)
             or c.last_post_at is distinct from (select max(t.last_post_at) from public.threads t where t.forum_id = f.id))`,
    [forums],
  );
}

describe("forum_counters (what forum_overview() reads)", () => {
  it("stay exact through new, hidden, deleted and moved posts and threads, and members joining and leaving", async () => {
    const [a, b, thread, other] = [newId(), newId(), newId(), newId()];
    const both = [a, b];
    await sql(
      `insert into public.forums (id, slug, name, visibility) values ($1::uuid, 'raknare-a-' || left($1::uuid::text, 8), 'Räknare A', 'open'), ($2::uuid, 'raknare-b-' || left($2::uuid::text, 8), 'Räknare B', 'closed')`,
      both,
    );
    try {
      expect(await driftedCounters(both), "a new forum gets a zero row").toEqual([]);
      const steps: [string, string, unknown[]][] = [
        ["new threads", `insert into public.threads (id, forum_id, title, author_id) values ($1, $3, 'Räknartråd', $4), ($2, $3, 'Annan tråd', $4)`, [thread, other, a, USER.coordinator]],
        ["new posts", `insert into public.posts (thread_id, author_id, body, created_at) select $1, $2, 'Inlägg ' || n, now() + n * interval '1 minute' from generate_series(1, 3) n`, [thread, USER.coordinator]],
        ["the newest post hidden", `update public.posts set hidden_at = now(), hidden_by = $2 where thread_id = $1 and position = 3`, [thread, USER.coordinator]],
        ["a post deleted", `delete from public.posts where thread_id = $1 and position = 2`, [thread]],
        ["a thread moved", `update public.threads set forum_id = $2 where id = $1`, [thread, b]],
        ["members joining", `insert into public.forum_members (forum_id, user_id, role, status) values ($1, $2, 'member', 'active'), ($1, $3, 'member', 'requested')`, [b, USER.region, USER.eidar]],
        ["a request accepted", `update public.forum_members set status = 'active' where forum_id = $1 and user_id = $2`, [b, USER.eidar]],
        ["a member moved", `update public.forum_members set forum_id = $2 where forum_id = $1 and user_id = $3`, [b, a, USER.eidar]],
        ["a member leaving", `delete from public.forum_members where forum_id = $1 and user_id = $2`, [b, USER.region]],
        ["a thread deleted", `delete from public.threads where id = $1`, [thread]],
      ];
      for (const [what, statement, params] of steps) {
        await sql(statement, params);
        expect(await driftedCounters(both), `after ${what}`).toEqual([]);
      }
    } finally {
      await sql(`delete from public.forums where id = any($1::uuid[])`, [both]);
    }
    expect(await sql(`select 1 from private.forum_counters where forum_id = any($1::uuid[])`, [both]), "deleted with its forum").toEqual([]);
  });
});

describe("the forum pages' reads (app/lib/forums.server.ts)", () => {
  it("lists the overview for the person and hides a private forum like a missing one", async () => {
    const region = await typed("region");
    const summaries = await forumOverview(region);
    expect(summaries.some((forum) => forum.id === FORUM.uppfoljning)).toBe(false);
    const trygghet = summaries.find((forum) => forum.id === FORUM.trygghet);
    expect(trygghet?.standing).toBe("member");

    const hidden = await getForum(region, userFor("region"), "uppfoljning-bostadsbolaget");
    const missing = await getForum(region, userFor("region"), "finns-inte-alls");
    expect(hidden).toBeNull();
    expect(missing).toBeNull();
    const member = await getForum(await typed("eidar"), userFor("eidar"), "uppfoljning-bostadsbolaget");
    expect(member).toMatchObject({ visibility: "private", standing: "member", canPost: true, isModerator: false });
  });

  it("knows who may post: closed forum members and moderators, not other partners", async () => {
    const moderator = await getForum(await typed("association"), userFor("association"), "trygghet-kronogarden-lextorp");
    expect(moderator).toMatchObject({ standing: "moderator", isModerator: true, canPost: true });
    const coordinator = await getForum(await typed("coordinator"), { ...userFor("coordinator", ["coordinator"]), memberships: [] }, "lov-och-fritid");
    expect(coordinator).toMatchObject({ isModerator: true, isCoordinator: true, canPost: true });
  });

  it("gives a page of threads with the person's unread posts from their read marks", async () => {
    const region = await typed("region");
    const { threads, total } = await listThreads(region, USER.region, forumId, 1);
    expect(total).toBe(2);
    expect(threads.map((thread) => thread.unreadCount)).toEqual([0, 0]);
    const reply = await (await as("eidar")).from("posts").insert({ thread_id: threadId, author_id: USER.eidar, body: "Ett till svar" });
    expect(reply.error).toBeNull();
    const after = await listThreads(region, USER.region, forumId, 1);
    expect(after.threads[0]).toMatchObject({ id: threadId, unreadCount: 1 });
  });

  it("counts open reports only in the forums a moderator moderates", async () => {
    const admin = await service();
    const open = await admin
      .from("post_reports")
      .select("id, posts!inner(threads!inner(forum_id))", { count: "exact", head: true })
      .eq("status", "open")
      .eq("posts.threads.forum_id", FORUM.trygghet);
    expect(open.error).toBeNull();
    expect(await openReportCount(await typed("association"), [FORUM.trygghet])).toBe(open.count);
    const everything = await admin.from("post_reports").select("id", { count: "exact", head: true }).eq("status", "open");
    expect(await openReportCount(await typed("coordinator"), "all")).toBe(everything.count);
  });
});
