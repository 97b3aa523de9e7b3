/**
 * RLS matrix for forums, forum_members, threads and posts (DESIGN.md: open = every signed-in
 * partner reads and posts; closed = all read, members post; private = members only; coordinators
 * run forums and moderate). Private forums are invisible to non-members; moderation is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../../support/clients.ts";
import {
  FORUM,
  LOGIN,
  PERSON_BY_ID,
  THREAD,
  USER,
  as,
  auditRows,
  expectUpdateAllowed,
  freshThread,
  newId,
  rlsMatrix,
  rowOf,
  service,
  serviceDelete,
  serviceInsert,
  serviceUpdate,
  sql,
  throwawayUser,
  visibleAmong,
  type Actor,
  type Cell,
  type Target,
} from "../../support/rls.ts";

const PARTNERS: readonly Actor[] = ["eidar", "association", "region"];

// A closed forum without members, to show that non-members cannot post in a closed forum.
const closedForum = newId();
beforeAll(async () => {
  await serviceInsert("forums", { id: closedForum, slug: `rls-${closedForum.slice(0, 8)}`, name: "Slutet testforum", visibility: "closed" });
});
afterAll(async () => {
  await serviceDelete("forums", { id: closedForum });
});

// --- forums --------------------------------------------------------------------------------------

const forumFixture: Target = {
  label: "a new forum",
  make: async () => {
    const id = newId();
    await serviceInsert("forums", { id, slug: `rls-${id.slice(0, 8)}`, name: "Testforum", visibility: "open" });
    return { match: { id }, cleanup: () => serviceDelete("forums", { id }) };
  },
};
const newForum = () => {
  const id = newId();
  return { id, slug: `nytt-${id.slice(0, 8)}`, name: "Nytt forum", visibility: "open" };
};
const forum = (label: string, id: string): Target => ({ label, match: { id } });
const NOT_PRIVATE = ["samverkan", "trygghet", "lov"];

rlsMatrix({
  table: "forums",
  seed: FORUM,
  select: { anon: [], coordinator: "all", board: NOT_PRIVATE, eidar: "all", association: NOT_PRIVATE, region: NOT_PRIVATE, service: "all" },
  cells: [
    { op: "insert", actor: "coordinator", label: "a new forum", row: newForum, key: ["id"], allowed: true },
    ...(["anon", "board", ...PARTNERS] as const).map((actor): Cell => ({ op: "insert", actor, label: "a new forum", row: newForum, key: ["id"], allowed: false })),
    { op: "update", actor: "coordinator", target: forum("Lov och fritid (description)", FORUM.lov), patch: { description: "Ny beskrivning" }, allowed: true },
    { op: "update", actor: "association", target: forum("the closed forum it moderates (visibility → open)", FORUM.trygghet), patch: { visibility: "open" }, allowed: false },
    { op: "update", actor: "eidar", target: forum("the private forum it is a member of (→ open)", FORUM.uppfoljning), patch: { visibility: "open" }, allowed: false },
    { op: "update", actor: "region", target: forum("the private forum (→ open)", FORUM.uppfoljning), patch: { visibility: "open" }, allowed: false },
    { op: "update", actor: "board", target: forum("Samverkan (archive)", FORUM.samverkan), patch: { archived_at: "2026-11-27T10:00:00Z" }, allowed: false },
    { op: "update", actor: "anon", target: forum("Samverkan (name)", FORUM.samverkan), patch: { name: "Anonymt" }, allowed: false },
    { op: "delete", actor: "coordinator", target: forumFixture, allowed: true },
    ...(["anon", "board", ...PARTNERS] as const).map((actor): Cell => ({ op: "delete", actor, target: forumFixture, allowed: false })),
  ],
});

// --- forum_members -------------------------------------------------------------------------------

const fm = (forumId: string, userId: string) => `${forumId}|${userId}`;
const FM_SEED = {
  "trygghet: coordinator (mod)": fm(FORUM.trygghet, USER.coordinator),
  "trygghet: association (mod)": fm(FORUM.trygghet, USER.association),
  "trygghet: eidar": fm(FORUM.trygghet, USER.eidar),
  "trygghet: region": fm(FORUM.trygghet, USER.region),
  "trygghet: elin (requested)": fm(FORUM.trygghet, USER.elin),
  "uppfoljning: coordinator (mod)": fm(FORUM.uppfoljning, USER.coordinator),
  "uppfoljning: eidar": fm(FORUM.uppfoljning, USER.eidar),
  "uppfoljning: johan": fm(FORUM.uppfoljning, USER.johan),
};
const TRYGGHET = Object.keys(FM_SEED).filter((name) => name.startsWith("trygghet"));
const seedFm = (label: string, forumId: string, userId: string): Target => ({ label, match: { forum_id: forumId, user_id: userId } });
const fmFixture = (label: string, forumId: string, userId?: string, extra = {}): Target => ({
  label,
  make: async () => {
    const user = userId ? undefined : await throwawayUser();
    const uid = userId ?? user!.id;
    await serviceInsert("forum_members", { forum_id: forumId, user_id: uid, role: "member", status: "requested", ...extra });
    return { match: { forum_id: forumId, user_id: uid }, cleanup: async () => (user ? user.remove() : serviceDelete("forum_members", { forum_id: forumId, user_id: uid })) };
  },
});
const request = (actor: Actor, label: string, forumId: string, userId: string, allowed: boolean, extra = {}): Cell => ({
  op: "insert",
  actor,
  label,
  row: () => ({ forum_id: forumId, user_id: userId, role: "member", status: "requested", ...extra }),
  key: ["forum_id", "user_id"],
  allowed,
});

rlsMatrix({
  table: "forum_members",
  key: ["forum_id", "user_id"],
  seed: FM_SEED,
  select: { anon: [], coordinator: "all", board: TRYGGHET, eidar: "all", association: TRYGGHET, region: TRYGGHET, service: "all" },
  cells: [
    request("region", "a request to join the open forum Lov och fritid", FORUM.lov, USER.region, true),
    request("association", "a request to join the open forum Samverkan", FORUM.samverkan, USER.association, true),
    request("region", "a request to join the private forum", FORUM.uppfoljning, USER.region, false),
    request("region", "itself as active member of the closed test forum", closedForum, USER.region, false, { status: "active" }),
    request("region", "itself as moderator of Lov och fritid", FORUM.lov, USER.region, false, { status: "active", role: "moderator" }),
    request("region", "a request on behalf of Eidar's user", FORUM.lov, USER.eidar, false),
    request("board", "a request to join Samverkan (the board is read-only)", FORUM.samverkan, USER.board, false),
    request("anon", "a request to join Samverkan", FORUM.samverkan, USER.region, false),
    { ...request("region", "itself as active member of the open forum Lov och fritid (join)", FORUM.lov, USER.region, true, { status: "active" }), expected: { status: "active", role: "member" } } as Cell,
    { ...request("eidar", "a request to join the closed test forum", closedForum, USER.eidar, true), expected: { status: "requested" } } as Cell,
    request("eidar", "itself as active member of the closed test forum", closedForum, USER.eidar, false, { status: "active" }),
    request("region", "itself as active member of the private forum", FORUM.uppfoljning, USER.region, false, { status: "active" }),
    request("association", "a request to join the private forum", FORUM.uppfoljning, USER.association, false),
    request("board", "itself as active member of Lov och fritid (the board is read-only)", FORUM.lov, USER.board, false, { status: "active" }),
    request("board", "a request to join the closed test forum", closedForum, USER.board, false),
    request("association", "Johan as active member of the forum it moderates", FORUM.trygghet, USER.johan, true, { status: "active" }),
    request("eidar", "Johan as active member of Trygghet (member, not moderator)", FORUM.trygghet, USER.johan, false, { status: "active" }),

    { op: "update", actor: "association", target: seedFm("Elin's request → active (moderator)", FORUM.trygghet, USER.elin), patch: { status: "active" }, allowed: true },
    { op: "update", actor: "coordinator", target: seedFm("Elin's request → active", FORUM.trygghet, USER.elin), patch: { status: "active" }, allowed: true },
    { op: "update", actor: "region", target: seedFm("Elin's request → active (member)", FORUM.trygghet, USER.elin), patch: { status: "active" }, allowed: false },
    { op: "update", actor: "region", target: seedFm("own membership → moderator", FORUM.trygghet, USER.region), patch: { role: "moderator" }, allowed: false },
    { op: "update", actor: "eidar", target: seedFm("Johan in the private forum → moderator", FORUM.uppfoljning, USER.johan), patch: { role: "moderator" }, allowed: false },
    { op: "update", actor: "board", target: seedFm("Elin's request → active", FORUM.trygghet, USER.elin), patch: { status: "active" }, allowed: false },
    { op: "update", actor: "anon", target: seedFm("Elin's request → active", FORUM.trygghet, USER.elin), patch: { status: "active" }, allowed: false },

    { op: "delete", actor: "region", target: fmFixture("own request in Lov och fritid (leaving)", FORUM.lov, USER.region), allowed: true },
    { op: "delete", actor: "association", target: fmFixture("a member of the forum it moderates", FORUM.trygghet), allowed: true },
    { op: "delete", actor: "region", target: fmFixture("a member of Trygghet (not moderator)", FORUM.trygghet), allowed: false },
    { op: "delete", actor: "eidar", target: seedFm("Johan from the private forum", FORUM.uppfoljning, USER.johan), allowed: false },
    { op: "delete", actor: "board", target: seedFm("region from Trygghet", FORUM.trygghet, USER.region), allowed: false },
    { op: "delete", actor: "anon", target: seedFm("region from Trygghet", FORUM.trygghet, USER.region), allowed: false },
  ],
});

// --- threads -------------------------------------------------------------------------------------

const THREAD_SEED = {
  "welcome (samverkan)": THREAD.welcome,
  "calendar (samverkan)": THREAD.calendar,
  "krono centrum (trygghet)": THREAD.kronoCentrum,
  "summer jobs, locked (trygghet)": THREAD.summerJobsLocked,
  "sportlov (lov)": THREAD.sportlov,
  "KS follow-up (private)": THREAD.ksFollowUp,
};
const NOT_PRIVATE_THREADS = Object.keys(THREAD_SEED).filter((name) => !name.includes("private"));
const thread = (label: string, id: string): Target => ({ label, match: { id } });
const threadFixture = (label: string, forumId: string, authorId: string = USER.region): Target => ({
  label,
  make: async () => {
    const id = newId();
    await serviceInsert("threads", { id, forum_id: forumId, title: "Testtråd", author_id: authorId });
    return { match: { id }, cleanup: () => serviceDelete("threads", { id }) };
  },
});
const newThread = (actor: Actor, label: string, forumId: string, authorId: string, allowed: boolean, extra = {}): Cell => ({
  op: "insert",
  actor,
  label,
  row: () => ({ id: newId(), forum_id: forumId, title: "En ny fråga", author_id: authorId, ...extra }),
  key: ["id"],
  allowed,
});

rlsMatrix({
  table: "threads",
  seed: THREAD_SEED,
  select: { anon: [], coordinator: "all", board: NOT_PRIVATE_THREADS, eidar: "all", association: NOT_PRIVATE_THREADS, region: NOT_PRIVATE_THREADS, service: "all" },
  cells: [
    newThread("region", "a thread in the open forum", FORUM.samverkan, USER.region, true),
    newThread("region", "a thread in the closed forum it is a member of", FORUM.trygghet, USER.region, true),
    newThread("eidar", "a thread in the private forum it is a member of", FORUM.uppfoljning, USER.eidar, true),
    newThread("region", "a thread in the closed forum it is no member of", closedForum, USER.region, false),
    newThread("region", "a thread in the private forum", FORUM.uppfoljning, USER.region, false),
    newThread("region", "a thread in another person's name", FORUM.samverkan, USER.eidar, false),
    newThread("region", "a pinned thread (not a moderator)", FORUM.samverkan, USER.region, false, { pinned: true }),
    newThread("board", "a thread in the open forum (the board is no partner)", FORUM.samverkan, USER.board, false),
    newThread("anon", "a thread in the open forum", FORUM.samverkan, USER.region, false),

    { op: "update", actor: "region", target: thread("title of own thread", THREAD.calendar), patch: { title: "Gemensam aktivitetskalender?" }, allowed: true },
    { op: "update", actor: "eidar", target: thread("title of region's thread", THREAD.calendar), patch: { title: "Kapad" }, allowed: false },
    { op: "update", actor: "region", target: thread("own thread → pinned", THREAD.calendar), patch: { pinned: true }, allowed: false },
    { op: "update", actor: "association", target: thread("Krono centrum → locked (moderator of Trygghet)", THREAD.kronoCentrum), patch: { locked: true }, allowed: true },
    { op: "update", actor: "association", target: thread("own Sportlov thread → pinned (not moderator of Lov)", THREAD.sportlov), patch: { pinned: true }, allowed: false },
    { op: "update", actor: "association", target: thread("own thread's post_count", THREAD.kronoCentrum), patch: { post_count: 99 }, allowed: false },
    // moving = changing forum_id: moderators of both forums only
    { op: "update", actor: "coordinator", target: threadFixture("a thread in Samverkan → moved to Lov (moderates both)", FORUM.samverkan), patch: { forum_id: FORUM.lov }, allowed: true },
    { op: "update", actor: "association", target: threadFixture("a thread in Trygghet → moved to Lov (moderates only Trygghet)", FORUM.trygghet, USER.association), patch: { forum_id: FORUM.lov }, allowed: false },
    { op: "update", actor: "association", target: threadFixture("own thread in Lov → moved to Trygghet (moderates only Trygghet)", FORUM.lov, USER.association), patch: { forum_id: FORUM.trygghet }, allowed: false },
    { op: "update", actor: "region", target: threadFixture("own thread in Samverkan → moved to Lov (author)", FORUM.samverkan), patch: { forum_id: FORUM.lov }, allowed: false },
    { op: "update", actor: "eidar", target: threadFixture("a thread in Trygghet → moved to the private forum (member of both)", FORUM.trygghet), patch: { forum_id: FORUM.uppfoljning }, allowed: false },
    { op: "update", actor: "region", target: threadFixture("own thread's last_position", FORUM.samverkan), patch: { last_position: 7 }, allowed: false },
    { op: "update", actor: "region", target: threadFixture("own thread's post_count", FORUM.samverkan), patch: { post_count: 7 }, allowed: false },
    { op: "update", actor: "association", target: threadFixture("own thread in Lov → last_position (not its moderator)", FORUM.lov, USER.association), patch: { last_position: 7 }, allowed: false },
    { op: "update", actor: "region", target: thread("the private KS thread", THREAD.ksFollowUp), patch: { title: "Kapad" }, allowed: false },
    { op: "update", actor: "board", target: thread("welcome → unpinned", THREAD.welcome), patch: { pinned: false }, allowed: false },
    { op: "update", actor: "anon", target: thread("welcome → unpinned", THREAD.welcome), patch: { pinned: false }, allowed: false },

    { op: "delete", actor: "coordinator", target: threadFixture("a thread in Samverkan", FORUM.samverkan), allowed: true },
    { op: "delete", actor: "association", target: threadFixture("a thread in the forum it moderates", FORUM.trygghet), allowed: true },
    { op: "delete", actor: "region", target: threadFixture("its own thread in Samverkan (authors don't delete)", FORUM.samverkan, USER.region), allowed: false },
    { op: "delete", actor: "eidar", target: thread("the private KS thread (member)", THREAD.ksFollowUp), allowed: false },
    { op: "delete", actor: "board", target: thread("welcome", THREAD.welcome), allowed: false },
    { op: "delete", actor: "anon", target: thread("welcome", THREAD.welcome), allowed: false },
  ],
});

// --- posts (no fixed ids in the seed: named thread/author, resolved once) -------------------------

const THREAD_NAME: Record<string, string> = { [THREAD.welcome]: "welcome", [THREAD.calendar]: "calendar", [THREAD.kronoCentrum]: "krono", [THREAD.summerJobsLocked]: "summer", [THREAD.sportlov]: "sportlov", [THREAD.ksFollowUp]: "ks" };
let postSeed: Promise<Record<string, string>> | undefined;
function posts(): Promise<Record<string, string>> {
  postSeed ??= (async () => {
    const { data, error } = await (await service()).from("posts").select("id, thread_id, author_id").in("thread_id", Object.values(THREAD));
    if (error) throw new Error(error.message);
    const rows = (data ?? []) as { id: string; thread_id: string; author_id: string }[];
    // only seed posts: authors are seed people, one post per thread and author
    return Object.fromEntries(rows.filter((row) => PERSON_BY_ID[row.author_id]).map((row) => [`${THREAD_NAME[row.thread_id]}/${PERSON_BY_ID[row.author_id]}`, row.id]));
  })();
  return postSeed;
}
const ALL_POSTS = [
  "welcome/coordinator", "welcome/association", "welcome/region", "welcome/elin",
  "calendar/region", "calendar/eidar", "calendar/elin", "calendar/coordinator",
  "krono/association", "krono/eidar", "krono/region",
  "summer/coordinator", "summer/eidar",
  "sportlov/association", "sportlov/elin", "sportlov/eidar",
  "ks/coordinator", "ks/eidar", "ks/johan",
];
const HIDDEN = "calendar/elin";
const without = (...names: string[]) => ALL_POSTS.filter((name) => !names.includes(name) && !names.some((n) => n.endsWith("/*") && name.startsWith(n.slice(0, -1))));

const seedPost = (label: string, name: string): Target => ({ label, make: async () => ({ match: { id: (await posts())[name]! } }) });
const postFixture = (label: string, threadId: string, authorId: string): Target => ({
  label,
  make: async () => {
    const id = newId();
    await serviceInsert("posts", { id, thread_id: threadId, author_id: authorId, body: "Testinlägg" });
    return { match: { id }, cleanup: () => serviceDelete("posts", { id }) };
  },
});
const reply = (actor: Actor, label: string, threadId: string, authorId: string, allowed: boolean, extra = {}, expected?: Record<string, unknown>): Cell => ({
  op: "insert",
  actor,
  label,
  row: () => ({ id: newId(), thread_id: threadId, author_id: authorId, body: "Ett svar.", ...extra }),
  key: ["id"],
  allowed,
  ...(expected ? { expected } : {}),
});

rlsMatrix({
  table: "posts",
  seed: posts,
  select: {
    anon: [],
    coordinator: ALL_POSTS,
    board: without(HIDDEN, "ks/*"),
    eidar: without(HIDDEN),
    association: without(HIDDEN, "ks/*"),
    region: without(HIDDEN, "ks/*"),
    service: ALL_POSTS,
  },
  cells: [
    reply("region", "a reply in the open forum", THREAD.welcome, USER.region, true),
    reply("eidar", "a reply in the private forum (member)", THREAD.ksFollowUp, USER.eidar, true),
    reply("association", "a reply in the locked thread it moderates", THREAD.summerJobsLocked, USER.association, true),
    reply("region", "a reply in the locked thread (member, not moderator)", THREAD.summerJobsLocked, USER.region, false),
    reply("eidar", "a reply in the locked thread (member of Trygghet)", THREAD.summerJobsLocked, USER.eidar, false),
    reply("region", "a reply in the private forum", THREAD.ksFollowUp, USER.region, false),
    reply("region", "a reply in another person's name", THREAD.welcome, USER.eidar, false),
    // a reply cannot be born hidden: the trigger clears the moderation fields
    reply("region", "a reply with hidden_at/hidden_by set (stored visible)", THREAD.welcome, USER.region, true, { hidden_at: "2026-11-27T10:00:00Z", hidden_by: USER.region }, { hidden_at: null, hidden_by: null }),
    reply("board", "a reply in the open forum (the board is no partner)", THREAD.welcome, USER.board, false),
    reply("anon", "a reply in the open forum", THREAD.welcome, USER.region, false),

    { op: "update", actor: "region", target: postFixture("body of own post", THREAD.welcome, USER.region), patch: { body: "Rättat." }, allowed: true },
    { op: "update", actor: "eidar", target: seedPost("body of region's post", "welcome/region"), patch: { body: "Kapat." }, allowed: false },
    { op: "update", actor: "coordinator", target: seedPost("body of region's post (moderators hide, not rewrite)", "welcome/region"), patch: { body: "Omskrivet." }, allowed: false },
    { op: "update", actor: "region", target: seedPost("own post → hidden", "welcome/region"), patch: { hidden_at: "2026-11-27T10:00:00Z" }, allowed: false },
    { op: "update", actor: "region", target: seedPost("Elin's hidden post → visible", HIDDEN), patch: { hidden_at: null }, allowed: false },
    { op: "update", actor: "association", target: seedPost("a post in Samverkan → hidden (not its moderator)", "welcome/region"), patch: { hidden_at: "2026-11-27T10:00:00Z" }, allowed: false },
    { op: "update", actor: "association", target: postFixture("a post in Trygghet → hidden (moderator)", THREAD.kronoCentrum, USER.region), patch: { hidden_at: "2026-11-27T10:00:00Z", hidden_reason: "Test" }, allowed: true, expected: { hidden_by: USER.association } },
    { op: "update", actor: "coordinator", target: postFixture("a post in Samverkan → hidden", THREAD.welcome, USER.region), patch: { hidden_at: "2026-11-27T10:00:00Z" }, allowed: true, expected: { hidden_by: USER.coordinator } },
    { op: "update", actor: "region", target: postFixture("own post → position 99", THREAD.welcome, USER.region), patch: { position: 99 }, allowed: false },
    { op: "update", actor: "coordinator", target: postFixture("a post → position 99 (positions never change)", THREAD.welcome, USER.region), patch: { position: 99 }, allowed: false },
    { op: "update", actor: "region", target: seedPost("a post in the private forum", "ks/eidar"), patch: { body: "Kapat." }, allowed: false },
    { op: "update", actor: "board", target: seedPost("region's post", "welcome/region"), patch: { body: "Kapat." }, allowed: false },
    { op: "update", actor: "anon", target: seedPost("region's post", "welcome/region"), patch: { body: "Kapat." }, allowed: false },

    { op: "delete", actor: "coordinator", target: postFixture("a post in Samverkan", THREAD.welcome, USER.region), allowed: true },
    { op: "delete", actor: "association", target: postFixture("a post in Trygghet (moderator)", THREAD.kronoCentrum, USER.region), allowed: true },
    { op: "delete", actor: "region", target: postFixture("its own post (authors don't delete)", THREAD.welcome, USER.region), allowed: false },
    { op: "delete", actor: "eidar", target: seedPost("region's post", "welcome/region"), allowed: false },
    { op: "delete", actor: "board", target: seedPost("region's post", "welcome/region"), allowed: false },
    { op: "delete", actor: "anon", target: seedPost("region's post", "welcome/region"), allowed: false },
  ],
});

describe("private forums are invisible to non-members, all the way down", () => {
  it("a non-member finds nothing of the private forum by id, by slug or through its threads and posts", async () => {
    for (const actor of ["region", "association", "board"] as const) {
      const client = await as(actor);
      expect((await client.from("forums").select("id").eq("slug", "uppfoljning-bostadsbolaget")).data, actor).toEqual([]);
      expect((await client.from("threads").select("id").eq("forum_id", FORUM.uppfoljning)).data, actor).toEqual([]);
      expect((await client.from("posts").select("id").eq("thread_id", THREAD.ksFollowUp)).data, actor).toEqual([]);
      expect((await client.from("forum_members").select("user_id").eq("forum_id", FORUM.uppfoljning)).data, actor).toEqual([]);
    }
    const eidarPosts = await (await as("eidar")).from("posts").select("id").eq("thread_id", THREAD.ksFollowUp);
    expect(eidarPosts.data).toHaveLength(3);
  });

  it("a new member sees the private forum at once, and loses it when removed", async () => {
    const user = await throwawayUser();
    try {
      const client = await signedInClient({ email: user.email, password: "rls-test-password" });
      expect((await client.from("forums").select("id").eq("id", FORUM.uppfoljning)).data).toEqual([]);
      await serviceInsert("forum_members", { forum_id: FORUM.uppfoljning, user_id: user.id, status: "active" });
      expect((await client.from("threads").select("id").eq("forum_id", FORUM.uppfoljning)).data).toEqual([{ id: THREAD.ksFollowUp }]);
      await serviceDelete("forum_members", { forum_id: FORUM.uppfoljning, user_id: user.id });
      expect((await client.from("threads").select("id").eq("forum_id", FORUM.uppfoljning)).data).toEqual([]);
      // a request (not yet accepted) is not membership
      await serviceInsert("forum_members", { forum_id: FORUM.uppfoljning, user_id: user.id, status: "requested" });
      expect((await client.from("posts").select("id").eq("thread_id", THREAD.ksFollowUp)).data).toEqual([]);
    } finally {
      await user.remove();
    }
  });
});

describe("moderation is audited", () => {
  it("hiding a post and locking a thread write audit rows with the moderator as actor", async () => {
    const postId = newId();
    await serviceInsert("posts", { id: postId, thread_id: THREAD.kronoCentrum, author_id: USER.region, body: "Olämpligt" });
    const threadId = newId();
    await serviceInsert("threads", { id: threadId, forum_id: FORUM.trygghet, title: "Att låsa", author_id: USER.region });
    try {
      await expectUpdateAllowed("association", "posts", { id: postId }, { hidden_at: "2026-11-27T10:00:00Z", hidden_reason: "Kränkande" }, { expected: { hidden_by: USER.association }, restore: false });
      await expectUpdateAllowed("coordinator", "threads", { id: threadId }, { locked: true }, { restore: false });
      expect((await auditRows(postId)).map((row) => [row.action, row.actor_id])).toEqual([["post.hidden", USER.association]]);
      expect((await auditRows(threadId)).map((row) => [row.action, row.actor_id])).toEqual([["thread.locked", USER.coordinator]]);
      // the hidden post no longer counts and is not visible to other readers
      expect(await visibleAmong("eidar", "posts", [postId])).toEqual([]);
      expect(await visibleAmong("region", "posts", [postId]), "the author still sees it").toEqual([postId]);
      expect(await rowOf("posts", { id: postId })).toMatchObject({ hidden_by: USER.association });
    } finally {
      await serviceDelete("posts", { id: postId });
      await serviceDelete("threads", { id: threadId });
    }
  });
});

// --- issue 5: joining, positions, hidden posts, search, overview, moderation audit ----------------

describe("adding members by e-mail (add_forum_member_by_email)", () => {
  it("a moderator adds an existing user as an active member and is told so; again: not added; an unknown address gives no row", async () => {
    const user = await throwawayUser();
    try {
      const { data, error } = await (await as("association")).rpc("add_forum_member_by_email", { forum: FORUM.trygghet, email: `  ${user.email.toUpperCase()} ` });
      expect(error).toBeNull();
      expect(data).toEqual([{ user_id: user.id, added: true }]);
      const again = await (await as("association")).rpc("add_forum_member_by_email", { forum: FORUM.trygghet, email: user.email });
      expect(again).toMatchObject({ data: [{ user_id: user.id, added: false }], error: null });
      expect(await rowOf("forum_members", { forum_id: FORUM.trygghet, user_id: user.id })).toMatchObject({ status: "active", role: "member" });
      expect((await auditRows(user.id)).filter((row) => row.action.startsWith("forum_member.")).map((row) => [row.action, row.actor_id])).toEqual([["forum_member.added", USER.association]]);
      const unknown = await (await as("association")).rpc("add_forum_member_by_email", { forum: FORUM.trygghet, email: `nobody-${newId()}@test.example` });
      expect(unknown).toMatchObject({ data: [], error: null });
    } finally {
      await user.remove();
    }
  });

  it("the coordinator adds to the private forum", async () => {
    const user = await throwawayUser();
    try {
      const { data, error } = await (await as("coordinator")).rpc("add_forum_member_by_email", { forum: FORUM.uppfoljning, email: user.email });
      expect(error).toBeNull();
      expect(data).toEqual([{ user_id: user.id, added: true }]);
      expect(await rowOf("forum_members", { forum_id: FORUM.uppfoljning, user_id: user.id })).toMatchObject({ status: "active" });
    } finally {
      await user.remove();
    }
  });

  it("nobody else adds anyone: members, non-moderators, moderators of another forum, the board, anonymous", async () => {
    const user = await throwawayUser();
    try {
      const attempts: [Actor, string][] = [
        ["association", FORUM.lov], // moderates Trygghet only
        ["region", FORUM.trygghet], // member
        ["eidar", FORUM.uppfoljning], // member of the private forum
        ["board", FORUM.samverkan],
        ["anon", FORUM.samverkan],
      ];
      for (const [actor, forumId] of attempts) {
        const { data, error } = await (await as(actor)).rpc("add_forum_member_by_email", { forum: forumId, email: user.email });
        expect(error?.code, `${actor} adding to ${forumId}`).toBe("42501");
        expect(data).toBeNull();
      }
      expect(await sql("select forum_id from public.forum_members where user_id = $1", [user.id])).toEqual([]);
    } finally {
      await user.remove();
    }
  });
});

describe("post positions", () => {
  it("the trigger numbers the posts of a thread 1, 2, 3 whatever position the client sends", async () => {
    const fresh = await freshThread(FORUM.samverkan);
    try {
      const region = await as("region");
      const ids = [newId(), newId(), newId()];
      for (const [i, id] of ids.entries()) {
        const { error } = await region.from("posts").insert({ id, thread_id: fresh.id, author_id: USER.region, body: `Inlägg ${i}`, position: [99, 1, 0][i] });
        expect(error).toBeNull();
      }
      const stored = await sql<{ id: string; position: number }>("select id::text, position from public.posts where thread_id = $1 order by position", [fresh.id]);
      expect(stored).toEqual(ids.map((id, i) => ({ id, position: i + 1 })));
      expect(await rowOf("threads", { id: fresh.id })).toMatchObject({ last_position: 3, post_count: 3 });
    } finally {
      await fresh.remove();
    }
  });
});

describe("hidden posts: the row is absent for ordinary readers, present for the author and the moderators", () => {
  it("the seed's hidden advert in Samverkan: its author and the coordinator get the body, other readers no row", async () => {
    const hiddenId = (await posts())[HIDDEN]!;
    const elin = await signedInClient(LOGIN.elin);
    const authorView = await elin.from("posts").select("id, body, hidden_at").eq("id", hiddenId);
    expect(authorView.data).toHaveLength(1);
    expect(authorView.data?.[0]?.body).toContain("mobiltelefoner");
    expect((await (await as("coordinator")).from("posts").select("body").eq("id", hiddenId)).data?.[0]?.body).toContain("mobiltelefoner");
    for (const actor of ["board", "eidar", "association", "region"] as const) {
      const { data, error } = await (await as(actor)).from("posts").select("id, body").eq("id", hiddenId);
      expect(error, actor).toBeNull();
      expect(data, actor).toEqual([]);
    }
    // a page of the thread skips its position
    const page = await (await as("region")).from("posts").select("position").eq("thread_id", THREAD.calendar).gte("position", 1).lte("position", 4).order("position");
    expect(page.data).toEqual([{ position: 1 }, { position: 2 }, { position: 4 }]);
  });

  it("a hidden post in Trygghet: its moderator (association) and its author read it, a member does not", async () => {
    const author = await throwawayUser();
    const postId = newId();
    try {
      // Trygghet is closed: its posters are its members (forums are for partners and members, issue 9).
      await serviceInsert("forum_members", { forum_id: FORUM.trygghet, user_id: author.id, role: "member", status: "active" });
      await serviceInsert("posts", { id: postId, thread_id: THREAD.kronoCentrum, author_id: author.id, body: "Dolt testinlägg" });
      await serviceUpdate("posts", { id: postId }, { hidden_at: "2026-11-27T10:00:00Z", hidden_by: USER.association, hidden_reason: "Test" });
      const authorClient = await signedInClient({ email: author.email, password: "rls-test-password" });
      expect((await authorClient.from("posts").select("body").eq("id", postId)).data).toEqual([{ body: "Dolt testinlägg" }]);
      expect((await (await as("association")).from("posts").select("body").eq("id", postId)).data).toEqual([{ body: "Dolt testinlägg" }]);
      expect((await (await as("eidar")).from("posts").select("body").eq("id", postId)).data).toEqual([]);
      expect((await (await as("region")).from("posts").select("body").eq("id", postId)).data).toEqual([]);
    } finally {
      await serviceDelete("posts", { id: postId });
      await author.remove();
    }
  });
});

describe("the private forum stays invisible by id, through search and in the overview", () => {
  it("non-members get no row for the forum, its thread or its posts asked for by id", async () => {
    const ksPosts = Object.entries(await posts()).filter(([name]) => name.startsWith("ks/")).map(([, id]) => id);
    expect(ksPosts).toHaveLength(3);
    for (const actor of ["region", "association", "board"] as const) {
      const client = await as(actor);
      expect((await client.from("forums").select("id").eq("id", FORUM.uppfoljning)).data, actor).toEqual([]);
      expect((await client.from("threads").select("id").eq("id", THREAD.ksFollowUp)).data, actor).toEqual([]);
      expect((await client.from("posts").select("id").in("id", ksPosts)).data, actor).toEqual([]);
    }
    const eidar = await as("eidar");
    expect((await eidar.from("forums").select("id").eq("id", FORUM.uppfoljning)).data).toEqual([{ id: FORUM.uppfoljning }]);
    expect((await eidar.from("posts").select("id").in("id", ksPosts)).data).toHaveLength(3);
  });

  it("search_forums finds a word that only the private forum uses for its members, nothing for others", async () => {
    // "avhysningar" is written only in the private forum's thread
    const member = await (await as("eidar")).rpc("search_forums", { query: "avhysningar", max_results: 20, skip: 0 });
    expect(member.error).toBeNull();
    const hits = (member.data ?? []) as { forum_slug: string; thread_id: string; total_count: number }[];
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(new Set(hits.map((hit) => hit.forum_slug))).toEqual(new Set(["uppfoljning-bostadsbolaget"]));
    for (const actor of ["region", "association", "board"] as const) {
      const { data, error } = await (await as(actor)).rpc("search_forums", { query: "avhysningar", max_results: 20, skip: 0 });
      expect(error, actor).toBeNull();
      expect(data, actor).toEqual([]);
    }
    const anon = await (await as("anon")).rpc("search_forums", { query: "avhysningar", max_results: 20, skip: 0 });
    expect(anon.error?.code).toBe("42501");
  });

  it("search_forums never finds a hidden post, not even for its author or the coordinator", async () => {
    for (const client of [await signedInClient(LOGIN.elin), await as("coordinator")]) {
      const { data, error } = await client.rpc("search_forums", { query: "mobiltelefoner", max_results: 20, skip: 0 });
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
  });

  it("forum_overview lists the private forum for its members and the coordinator only", async () => {
    const slugsOf = async (actor: Actor) => {
      const { data, error } = await (await as(actor)).rpc("forum_overview");
      expect(error, actor).toBeNull();
      return ((data ?? []) as { slug: string }[]).map((row) => row.slug);
    };
    for (const actor of ["region", "association", "board"] as const) {
      const slugs = await slugsOf(actor);
      expect(slugs, actor).toEqual(expect.arrayContaining(["samverkan-i-trollhattan", "trygghet-kronogarden-lextorp", "lov-och-fritid"]));
      expect(slugs, actor).not.toContain("uppfoljning-bostadsbolaget");
    }
    expect(await slugsOf("eidar")).toContain("uppfoljning-bostadsbolaget");
    expect(await slugsOf("coordinator")).toContain("uppfoljning-bostadsbolaget");
    expect((await (await as("anon")).rpc("forum_overview")).error?.code).toBe("42501");
  });
});

describe("moderation of threads and members is audited", () => {
  it("moving a thread writes thread.moved with the moderator as actor", async () => {
    const fresh = await freshThread(FORUM.samverkan);
    try {
      await expectUpdateAllowed("coordinator", "threads", { id: fresh.id }, { forum_id: FORUM.lov }, { restore: false });
      expect((await auditRows(fresh.id)).map((row) => [row.action, row.actor_id])).toEqual([["thread.moved", USER.coordinator]]);
    } finally {
      await fresh.remove();
    }
  });

  it("approving a request writes forum_member.approved with the moderator as actor", async () => {
    const user = await throwawayUser();
    try {
      await serviceInsert("forum_members", { forum_id: FORUM.trygghet, user_id: user.id, status: "requested" });
      await expectUpdateAllowed("association", "forum_members", { forum_id: FORUM.trygghet, user_id: user.id }, { status: "active" }, { restore: false });
      const approved = (await auditRows(user.id)).filter((row) => row.action === "forum_member.approved");
      expect(approved.map((row) => row.actor_id)).toEqual([USER.association]);
    } finally {
      await user.remove();
    }
  });
});
