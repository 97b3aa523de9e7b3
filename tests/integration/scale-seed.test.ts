/**
 * `npm run seed:scale` at a small scale, on two fresh stacks of its own (the shared integration
 * stack is used by other tests meanwhile): volumes follow the scale, derived columns are what the
 * triggers would have kept, RLS shows the long thread to the region user, the same seed gives the
 * same rows, and a second run is refused.
 */
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ws from "ws";
import type { Database } from "../../app/lib/database.types.ts";
import { ScaleSeedError, scaleVolumes, seedScale, type ScaleSummary } from "../../scripts/lib/scale-seed.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../support/clients.ts";
import { startEphemeralStack, type TestStack } from "../support/ephemeral-stack.ts";

const SCALE = 0.01;
const OPTIONS = { seed: 7, scale: SCALE, today: "2026-11-28" };

// Generated rows of each table (demo rows have fixed id prefixes, see supabase/seed.sql), whole rows.
const GENERATED: Record<string, string> = {
  profiles: "email like '%@skala.example'",
  organisations: "id::text not like 'bbbbbbbb-%'",
  memberships: "user_id::text not like 'aaaaaaaa-%'",
  forums: "id::text not like 'ffffffff-%'",
  forum_members: "forum_id::text not like 'ffffffff-%' or user_id::text not like 'aaaaaaaa-%'",
  threads: "id::text not like '7a7a7a7a-%'",
  posts: "thread_id::text not like '7a7a7a7a-%'",
  initiatives: "id::text not like '1a1a1a1a-%'",
  initiative_updates: "initiative_id::text not like '1a1a1a1a-%'",
  initiative_partners: "initiative_id::text not like '1a1a1a1a-%'",
  reporting_periods: "id::text not like 'cccccccc-%'",
  period_questions: "period_id::text not like 'cccccccc-%'",
  reports: "id::text not like 'eeeeeeee-%'",
  report_indicator_values: "report_id::text not like 'eeeeeeee-%'",
  report_answers: "report_id::text not like 'eeeeeeee-%'",
  report_events: "report_id::text not like 'eeeeeeee-%'",
};

async function checksums(db: pg.Client): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [table, where] of Object.entries(GENERATED)) {
    const { rows } = await db.query<{ n: string; sum: string }>(
      `select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from public.${table} t where ${where}`,
    );
    result[table] = `${rows[0]!.n}:${rows[0]!.sum}`;
  }
  return result;
}

async function seededStack(): Promise<{ info: TestStack; db: pg.Client; summary: ScaleSummary; dispose(): Promise<void> }> {
  const { info, dispose } = await startEphemeralStack();
  const db = new pg.Client({ connectionString: info.dbUrl });
  await db.connect();
  const summary = await seedScale(db, OPTIONS);
  return { info, db, summary, dispose: async () => { await db.end(); await dispose(); } };
}

describe("seed:scale", () => {
  let a: Awaited<ReturnType<typeof seededStack>>;
  let b: Awaited<ReturnType<typeof seededStack>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([seededStack(), seededStack()]);
  }, 120_000);
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
  });

  it("generates the volumes of the scale on top of the demo seed", () => {
    const v = scaleVolumes(SCALE);
    const { counts } = a.summary;
    expect(counts.profiles).toBe(8 + v.users);
    expect(counts.memberships).toBe(6 + v.users); // every generated account belongs to one organisation
    expect(counts.organisations).toBe(7 + v.organisations);
    expect(counts.forums).toBe(4 + v.forums);
    expect(counts.threads).toBe(6 + v.threads);
    expect(counts.posts).toBe(19 + v.bigThreadPosts + v.otherPosts);
    expect(counts.initiatives).toBe(12 + v.initiatives);
    expect(counts.reporting_periods).toBe(2 + v.periods);
    expect(counts.reports).toBeGreaterThan(6);
    expect(counts.reports).toBeLessThanOrEqual(6 + v.reports);
    expect(counts.initiative_updates).toBeGreaterThan(9);
    expect(a.summary.bigThreadPosts).toBe(Math.round(10_000 * SCALE));
    expect(a.summary.generatedPeriodIds).toHaveLength(v.periods);
  });

  it("fills what the skipped triggers would have maintained", async () => {
    const { rows } = await a.db.query<{ problem: string; n: string }>(`
      select 'thread counters' as problem, count(*) as n from public.threads t
       where t.post_count <> (select count(*) from public.posts p where p.thread_id = t.id and p.hidden_at is null)
          or t.last_position <> (select coalesce(max(p.position), 0) from public.posts p where p.thread_id = t.id)
          or t.last_position <> (select count(*) from public.posts p where p.thread_id = t.id)
          or t.last_post_at <> coalesce((select max(p.created_at) from public.posts p where p.thread_id = t.id and p.hidden_at is null), t.created_at)
      union all
      select 'initiative follows its latest update', count(*) from public.initiatives i
        join lateral (select u.participants_reached, u.new_status from public.initiative_updates u where u.initiative_id = i.id
                       order by u.reported_on desc, u.created_at desc limit 1) u on true
       where i.participants_reached is distinct from u.participants_reached or (u.new_status is not null and i.status <> u.new_status)
      union all
      select 'published_at of non-drafts', count(*) from public.initiatives where (status <> 'draft') <> (published_at is not null)
      union all
      select 'report without history', count(*) from public.reports r
       where not exists (select 1 from public.report_events e where e.report_id = r.id and e.kind = r.status::text::public.report_event_kind)
         and r.status <> 'draft'
      union all
      select 'account without profile', count(*) from auth.users u where not exists (select 1 from public.profiles p where p.id = u.id)
      union all
      select 'dangling author', count(*) from public.posts p where not exists (select 1 from public.profiles x where x.id = p.author_id)
      union all
      select 'future activity', count(*) from public.posts where created_at >= timestamptz '2026-11-28 00:00 Europe/Stockholm'`);
    expect(Object.fromEntries(rows.map((row) => [row.problem, Number(row.n)]))).toEqual({
      "thread counters": 0,
      "initiative follows its latest update": 0,
      "published_at of non-drafts": 0,
      "report without history": 0,
      "account without profile": 0,
      "dangling author": 0,
      "future activity": 0,
    });
  });

  it("shows the long thread to the region user and lets generated accounts sign in", async () => {
    const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }, realtime: { transport: ws as unknown as typeof WebSocket } };
    const region = createClient<Database>(a.info.url, a.info.anonKey, options);
    const signIn = await region.auth.signInWithPassword({ email: DEMO_USERS.region, password: DEMO_PASSWORD });
    expect(signIn.error).toBeNull();
    const { data: thread } = await region.from("threads").select("id, last_position, forums!inner(slug)").eq("id", a.summary.bigThreadId).single();
    expect(thread).toMatchObject({ last_position: a.summary.bigThreadPosts, forums: { slug: a.summary.bigThreadForumSlug } });
    const { data: lastPage } = await region.from("posts").select("position").eq("thread_id", a.summary.bigThreadId)
      .gt("position", a.summary.bigThreadPosts - 20).order("position");
    expect(lastPage?.map((post) => post.position)).toEqual(Array.from({ length: 20 }, (_, i) => a.summary.bigThreadPosts - 19 + i));

    const member = createClient<Database>(a.info.url, a.info.anonKey, options);
    expect((await member.auth.signInWithPassword({ email: a.summary.sampleMemberEmail, password: DEMO_PASSWORD })).error).toBeNull();
    const { data: report } = await createClient<Database>(a.info.url, a.info.serviceRoleKey, options)
      .from("reports").select("status, org_id").eq("id", a.summary.eidarAcceptedReportId).single();
    expect(report).toEqual({ status: "accepted", org_id: "bbbbbbbb-0000-4000-8000-000000000001" });
  });

  it("gives the same rows for the same seed and today", async () => {
    const [first, second] = await Promise.all([checksums(a.db), checksums(b.db)]);
    expect(second).toEqual(first);
    expect(b.summary.bigThreadId).toBe(a.summary.bigThreadId);
  });

  it("refuses a second run on the same database", async () => {
    await expect(seedScale(a.db, OPTIONS)).rejects.toThrow(ScaleSeedError);
    await expect(seedScale(a.db, { ...OPTIONS, seed: 8 })).rejects.toThrow(/already has the scale data set/);
  });
});
