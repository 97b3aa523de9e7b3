/**
 * RLS matrix for the forum activity tables of issue 5: thread_reads, forum_watches, notifications,
 * notification_digests and post_reports (supabase/migrations/20261127140200…140600). What someone
 * has read or watches, and their notifications, are theirs alone (coordinators included); only the
 * posts trigger and the server (service role) write notifications and digests; reports are made by
 * readers of a post and handled by the forum's moderators (audited).
 */
import { afterAll, describe, expect, it } from "vitest";
import { signedInClient } from "../../support/clients.ts";
import {
  FORUM,
  LOGIN,
  PERSON_BY_ID,
  SEED_POSITIONS,
  THREAD,
  USER,
  as,
  auditRows,
  expectUpdateAllowed,
  freshThread,
  newId,
  postIdAt,
  rlsMatrix,
  rowOf,
  serviceDelete,
  serviceInsert,
  sql,
  throwawayUser,
  type Actor,
  type Cell,
  type Row,
  type Target,
} from "../../support/rls.ts";

const USERS_AND_SERVICE: readonly Actor[] = ["anon", "coordinator", "board", "eidar", "association", "region", "service"];
const NAME: Record<string, string> = { [THREAD.welcome]: "welcome", [THREAD.calendar]: "calendar", [THREAD.kronoCentrum]: "krono", [THREAD.summerJobsLocked]: "summer", [THREAD.sportlov]: "sportlov", [THREAD.ksFollowUp]: "ks" };
const THREAD_BY_NAME: Record<string, string> = Object.fromEntries(Object.entries(NAME).map(([id, name]) => [name, id]));
/** "welcome#2" → the id of that seed post. */
const post = (name: string): Promise<string> => {
  const [thread, position] = name.split("#") as [string, string];
  return postIdAt(THREAD_BY_NAME[thread]!, Number(position));
};

/**
 * An insert cell whose row needs a thread made for it (removed after the cell, with everything
 * the trigger made for it).
 */
function onFreshThread(forumId: string, build: (threadId: string) => Row): Pick<Extract<Cell, { op: "insert" }>, "row" | "cleanup"> {
  let made: { remove: () => Promise<void> } | undefined;
  return {
    row: async () => {
      const thread = await freshThread(forumId);
      made = thread;
      return build(thread.id);
    },
    cleanup: async () => {
      await made?.remove();
      made = undefined;
    },
  };
}

// --- thread_reads ---------------------------------------------------------------------------------

const mark = (user: keyof typeof USER, thread: string) => `${USER[user]}|${THREAD_BY_NAME[thread]}`;
/** The read marks the seed's posts left (each author has read up to their own post). */
const TR_SEED = {
  "coordinator·welcome": mark("coordinator", "welcome"),
  "coordinator·calendar": mark("coordinator", "calendar"),
  "coordinator·summer": mark("coordinator", "summer"),
  "coordinator·ks": mark("coordinator", "ks"),
  "eidar·calendar": mark("eidar", "calendar"),
  "eidar·krono": mark("eidar", "krono"),
  "eidar·summer": mark("eidar", "summer"),
  "eidar·sportlov": mark("eidar", "sportlov"),
  "eidar·ks": mark("eidar", "ks"),
  "association·welcome": mark("association", "welcome"),
  "association·krono": mark("association", "krono"),
  "association·sportlov": mark("association", "sportlov"),
  "region·welcome": mark("region", "welcome"),
  "region·calendar": mark("region", "calendar"),
  "region·krono": mark("region", "krono"),
  "johan·ks": mark("johan", "ks"),
  "elin·welcome": mark("elin", "welcome"),
  "elin·calendar": mark("elin", "calendar"),
  "elin·sportlov": mark("elin", "sportlov"),
};
const own = (seed: Record<string, string>, person: string) => Object.keys(seed).filter((name) => name.split(/[·:]/)[0] === person);

/** A read mark of `userId` on a thread of its own (so concurrent replies never move it). */
const markFixture = (label: string, userId: string, forumId: string = FORUM.samverkan): Target => ({
  label,
  make: async () => {
    const thread = await freshThread(forumId);
    await serviceInsert("thread_reads", { user_id: userId, thread_id: thread.id, last_read_position: 1 });
    return { match: { user_id: userId, thread_id: thread.id }, cleanup: thread.remove };
  },
});
const markInsert = (actor: Actor, label: string, userId: string, forumId: string, allowed: boolean): Cell => ({
  op: "insert",
  actor,
  label,
  key: ["user_id", "thread_id"],
  allowed,
  ...onFreshThread(forumId, (threadId) => ({ user_id: userId, thread_id: threadId, last_read_position: 0 })),
});

rlsMatrix({
  table: "thread_reads",
  key: ["user_id", "thread_id"],
  seed: TR_SEED,
  select: {
    anon: [],
    coordinator: own(TR_SEED, "coordinator"),
    board: [],
    eidar: own(TR_SEED, "eidar"),
    association: own(TR_SEED, "association"),
    region: own(TR_SEED, "region"),
    service: "all",
  },
  cells: [
    markInsert("coordinator", "own mark in Samverkan", USER.coordinator, FORUM.samverkan, true),
    markInsert("board", "own mark in Samverkan (the board reads)", USER.board, FORUM.samverkan, true),
    markInsert("eidar", "own mark in the private forum (member)", USER.eidar, FORUM.uppfoljning, true),
    markInsert("association", "own mark in the closed forum", USER.association, FORUM.trygghet, true),
    markInsert("region", "own mark in Lov och fritid", USER.region, FORUM.lov, true),
    markInsert("service", "region's mark", USER.region, FORUM.samverkan, true),
    markInsert("region", "own mark in the private forum (no member)", USER.region, FORUM.uppfoljning, false),
    markInsert("association", "own mark in the private forum (no member)", USER.association, FORUM.uppfoljning, false),
    markInsert("board", "own mark in the private forum", USER.board, FORUM.uppfoljning, false),
    markInsert("region", "a mark in Eidar's name", USER.eidar, FORUM.samverkan, false),
    markInsert("coordinator", "a mark in region's name", USER.region, FORUM.samverkan, false),
    markInsert("anon", "a mark in region's name", USER.region, FORUM.samverkan, false),

    { op: "update", actor: "region", target: markFixture("own mark → position 3", USER.region), patch: { last_read_position: 3 }, allowed: true },
    { op: "update", actor: "region", target: markFixture("own mark → Eidar's name", USER.region), patch: { user_id: USER.eidar }, allowed: false },
    { op: "update", actor: "service", target: markFixture("region's mark", USER.region), patch: { last_read_position: 3 }, allowed: true },
    ...(["anon", "coordinator", "board", "eidar", "association"] as const).map((actor): Cell => ({ op: "update", actor, target: markFixture("region's mark", USER.region), patch: { last_read_position: 9 }, allowed: false })),

    { op: "delete", actor: "region", target: markFixture("own mark", USER.region), allowed: true },
    { op: "delete", actor: "service", target: markFixture("region's mark", USER.region), allowed: true },
    ...(["anon", "coordinator", "board", "eidar", "association"] as const).map((actor): Cell => ({ op: "delete", actor, target: markFixture("region's mark", USER.region), allowed: false })),
  ],
});

describe("thread_reads through the rpcs", () => {
  it("mark_thread_read moves the caller's mark forward, never backwards, never past the newest post", async () => {
    const thread = await freshThread(FORUM.samverkan);
    try {
      await serviceInsert("posts", Array.from({ length: 6 }, (_, i) => ({ thread_id: thread.id, author_id: null, body: `Inlägg ${i + 1}` })));
      const region = await as("region");
      const at = async () => (await rowOf("thread_reads", { user_id: USER.region, thread_id: thread.id }))?.last_read_position;
      expect((await region.rpc("mark_thread_read", { thread: thread.id, upto: 3 })).error).toBeNull();
      expect(await at()).toBe(3);
      expect((await region.rpc("mark_thread_read", { thread: thread.id, upto: 1 })).error).toBeNull();
      expect(await at(), "mark_thread_read moved the mark backwards").toBe(3);
      expect((await region.rpc("mark_thread_read", { thread: thread.id, upto: 5 })).error).toBeNull();
      expect(await at()).toBe(5);
      expect((await region.rpc("mark_thread_read", { thread: thread.id, upto: 99 })).error).toBeNull();
      expect(await at(), "a mark past the newest post would hide posts yet to come").toBe(6);
      // nobody else's mark was made or moved
      expect(await sql("select user_id::text from public.thread_reads where thread_id = $1", [thread.id])).toEqual([{ user_id: USER.region }]);
    } finally {
      await thread.remove();
    }
  });

  it("a non-member cannot mark a thread of the private forum read, by rpc or for the whole forum", async () => {
    for (const actor of ["region", "association", "board"] as const) {
      const client = await as(actor);
      // The thread is invisible to them (RLS), so there is nothing to mark: no error, no row (below).
      expect((await client.rpc("mark_thread_read", { thread: THREAD.ksFollowUp, upto: 3 })).error, actor).toBeNull();
      expect((await client.rpc("mark_forum_read", { forum: FORUM.uppfoljning })).error, actor).toBeNull();
    }
    const marks = await sql<{ user_id: string }>("select user_id::text from public.thread_reads where thread_id = $1", [THREAD.ksFollowUp]);
    const people = marks.map((row) => PERSON_BY_ID[row.user_id] ?? row.user_id);
    expect(people).toEqual(expect.arrayContaining(["coordinator", "eidar", "johan"]));
    expect(people.filter((person) => ["region", "association", "board"].includes(person))).toEqual([]);
  });

  it("mark_forum_read marks every thread of a readable forum up to its newest post", async () => {
    const thread = await freshThread(FORUM.lov);
    const user = await throwawayUser();
    try {
      await serviceInsert("posts", [1, 2].map(() => ({ thread_id: thread.id, author_id: null, body: "Testinlägg" })));
      // A reader of Lov: an account with no organisation reads no forum (issue 9), a member of the forum does.
      await serviceInsert("forum_members", { forum_id: FORUM.lov, user_id: user.id, role: "member", status: "active" });
      const client = await signedInClient({ email: user.email, password: "rls-test-password" });
      expect((await client.rpc("mark_forum_read", { forum: FORUM.lov })).error).toBeNull();
      expect(await rowOf("thread_reads", { user_id: user.id, thread_id: thread.id })).toMatchObject({ last_read_position: 2 });
      expect(await rowOf("thread_reads", { user_id: user.id, thread_id: THREAD.sportlov })).toMatchObject({ last_read_position: 3 });
      // ... and nothing of the private forum, asked for by id
      expect((await client.rpc("mark_forum_read", { forum: FORUM.uppfoljning })).error).toBeNull();
      expect(await rowOf("thread_reads", { user_id: user.id, thread_id: THREAD.ksFollowUp })).toBeNull();
    } finally {
      await thread.remove();
      await user.remove();
    }
  });

  it("another person's marks are invisible, even to the coordinator asking for them by name", async () => {
    const { data, error } = await (await as("coordinator")).from("thread_reads").select("user_id, thread_id").eq("user_id", USER.region);
    expect(error).toBeNull();
    expect(data).toEqual([]);
    expect((await (await as("region")).from("thread_reads").select("thread_id").eq("user_id", USER.region)).data?.length).toBeGreaterThanOrEqual(3);
  });
});

// --- forum_watches ---------------------------------------------------------------------------------

const watchT = (user: keyof typeof USER, thread: string) => `${USER[user]}|null|${THREAD_BY_NAME[thread]}`;
const watchF = (user: keyof typeof USER, forumId: string) => `${USER[user]}|${forumId}|null`;
/** Authors watch the threads they posted in; the seed adds two forum watches. */
const FW_SEED = {
  "coordinator·welcome": watchT("coordinator", "welcome"),
  "coordinator·calendar": watchT("coordinator", "calendar"),
  "coordinator·summer": watchT("coordinator", "summer"),
  "coordinator·ks": watchT("coordinator", "ks"),
  "coordinator·forum samverkan": watchF("coordinator", FORUM.samverkan),
  "eidar·calendar": watchT("eidar", "calendar"),
  "eidar·krono": watchT("eidar", "krono"),
  "eidar·summer": watchT("eidar", "summer"),
  "eidar·sportlov": watchT("eidar", "sportlov"),
  "eidar·ks": watchT("eidar", "ks"),
  "association·welcome": watchT("association", "welcome"),
  "association·krono": watchT("association", "krono"),
  "association·sportlov": watchT("association", "sportlov"),
  "region·welcome": watchT("region", "welcome"),
  "region·calendar": watchT("region", "calendar"),
  "region·krono": watchT("region", "krono"),
  "region·forum lov": watchF("region", FORUM.lov),
  "johan·ks": watchT("johan", "ks"),
  "elin·welcome": watchT("elin", "welcome"),
  "elin·calendar": watchT("elin", "calendar"),
  "elin·sportlov": watchT("elin", "sportlov"),
};
const watchForum = (actor: Actor, label: string, userId: string, forumId: string, allowed: boolean): Cell => ({
  op: "insert",
  actor,
  label,
  row: () => ({ user_id: userId, forum_id: forumId }),
  key: ["user_id", "forum_id"],
  allowed,
});
const watchThread = (actor: Actor, label: string, userId: string, forumId: string, allowed: boolean): Cell => ({
  op: "insert",
  actor,
  label,
  key: ["user_id", "thread_id"],
  allowed,
  ...onFreshThread(forumId, (threadId) => ({ user_id: userId, thread_id: threadId })),
});
const watchFixture = (label: string, userId: string): Target => ({
  label,
  make: async () => {
    const thread = await freshThread(FORUM.samverkan);
    const [watch] = await serviceInsert("forum_watches", { user_id: userId, thread_id: thread.id });
    return { match: { id: watch!.id as number }, cleanup: thread.remove };
  },
});

rlsMatrix({
  table: "forum_watches",
  key: ["user_id", "forum_id", "thread_id"],
  seed: FW_SEED,
  select: {
    anon: [],
    coordinator: own(FW_SEED, "coordinator"),
    board: [],
    eidar: own(FW_SEED, "eidar"),
    association: own(FW_SEED, "association"),
    region: own(FW_SEED, "region"),
    service: "all",
  },
  cells: [
    watchForum("region", "own watch of the forum Samverkan", USER.region, FORUM.samverkan, true),
    watchForum("board", "own watch of Lov och fritid (the board reads)", USER.board, FORUM.lov, true),
    watchForum("coordinator", "own watch of Lov och fritid", USER.coordinator, FORUM.lov, true),
    watchForum("eidar", "own watch of the private forum (member)", USER.eidar, FORUM.uppfoljning, true),
    watchForum("association", "own watch of the closed forum", USER.association, FORUM.trygghet, true),
    watchForum("service", "region's watch of Samverkan", USER.region, FORUM.samverkan, true),
    watchThread("region", "own watch of a thread in Lov och fritid", USER.region, FORUM.lov, true),
    watchForum("region", "own watch of the private forum", USER.region, FORUM.uppfoljning, false),
    watchForum("association", "own watch of the private forum", USER.association, FORUM.uppfoljning, false),
    watchForum("board", "own watch of the private forum", USER.board, FORUM.uppfoljning, false),
    watchThread("region", "own watch of a thread in the private forum", USER.region, FORUM.uppfoljning, false),
    watchThread("association", "own watch of a thread in the private forum", USER.association, FORUM.uppfoljning, false),
    watchForum("region", "a watch in Eidar's name", USER.eidar, FORUM.samverkan, false),
    watchForum("coordinator", "a watch in region's name", USER.region, FORUM.samverkan, false),
    watchForum("anon", "a watch in region's name", USER.region, FORUM.samverkan, false),

    // nobody updates a watch (no update privilege): stop watching and watch again
    ...(["anon", "coordinator", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({ op: "update", actor, target: watchFixture("region's thread watch → created_at", USER.region), patch: { created_at: "2030-01-01T00:00:00+00:00" }, allowed: false })),
    { op: "update", actor: "region", target: watchFixture("own thread watch → another thread", USER.region), patch: { thread_id: THREAD.calendar }, allowed: false },
    { op: "update", actor: "service", target: watchFixture("region's thread watch → created_at", USER.region), patch: { created_at: "2030-01-01T00:00:00+00:00" }, allowed: true },

    { op: "delete", actor: "region", target: watchFixture("own thread watch", USER.region), allowed: true },
    { op: "delete", actor: "service", target: watchFixture("region's thread watch", USER.region), allowed: true },
    ...(["anon", "coordinator", "board", "eidar", "association"] as const).map((actor): Cell => ({ op: "delete", actor, target: watchFixture("region's thread watch", USER.region), allowed: false })),
  ],
});

// --- notifications ----------------------------------------------------------------------------------

/** What the seed's posts queued (trigger posts_notify): recipient:thread#position. */
const NOTIFIED: Record<string, readonly string[]> = {
  coordinator: ["welcome#2", "welcome#3", "welcome#4", "summer#2", "ks#2", "ks#3"],
  association: ["welcome#3", "welcome#4", "krono#2", "krono#3", "sportlov#2", "sportlov#3"],
  region: ["welcome#4", "calendar#2", "calendar#3", "calendar#4"],
  eidar: ["calendar#3", "calendar#4", "krono#3", "ks#3"],
  elin: ["calendar#4", "sportlov#3"],
};
let notificationSeed: Promise<Record<string, string>> | undefined;
/** The seed's notifications by name (ids differ per run): those about posts at seed positions. */
function notifications(): Promise<Record<string, string>> {
  notificationSeed ??= (async () => {
    const rows = await sql<{ user_id: string; thread_id: string; post_id: string; position: number }>(
      `select n.user_id::text, n.thread_id::text, n.post_id::text, p.position
         from public.notifications n join public.posts p on p.id = n.post_id
        where n.thread_id = any($1::uuid[])`,
      [Object.keys(SEED_POSITIONS)],
    );
    const named: Record<string, string> = {};
    for (const row of rows.filter((r) => r.position <= SEED_POSITIONS[r.thread_id]!)) {
      named[`${PERSON_BY_ID[row.user_id] ?? row.user_id}:${NAME[row.thread_id]}#${row.position}`] = `${row.user_id}|${row.post_id}`;
    }
    return named;
  })();
  return notificationSeed;
}
const notified = (person: string) => (NOTIFIED[person] ?? []).map((name) => `${person}:${name}`);

/** A notification for `userId` about the first post of Samverkan's welcome thread (nobody has one). */
const notificationFixture = (label: string, userId: string): Target => ({
  label,
  make: async () => {
    const postId = await post("welcome#1");
    await serviceInsert("notifications", { user_id: userId, kind: "reply", post_id: postId, thread_id: THREAD.welcome, actor_id: USER.coordinator });
    return { match: { user_id: userId, post_id: postId }, cleanup: () => serviceDelete("notifications", { user_id: userId, post_id: postId }) };
  },
});
const notificationInsert = (actor: Actor, userId: string, allowed: boolean): Cell => ({
  op: "insert",
  actor,
  label: `a notification for ${PERSON_BY_ID[userId]} about welcome#1`,
  row: async () => ({ user_id: userId, kind: "mention", post_id: await post("welcome#1"), thread_id: THREAD.welcome, actor_id: USER.coordinator }),
  key: ["user_id", "post_id"],
  allowed,
});
const READ_AT = "2030-01-01T10:00:00+00:00";

rlsMatrix({
  table: "notifications",
  key: ["user_id", "post_id"],
  seed: notifications,
  select: {
    anon: [],
    coordinator: notified("coordinator"),
    board: [],
    eidar: notified("eidar"),
    association: notified("association"),
    region: notified("region"),
    service: "all",
  },
  cells: [
    // only the posts trigger (and the server) write notifications
    notificationInsert("anon", USER.region, false),
    ...(["coordinator", "board", "eidar", "association", "region"] as const).map((actor) => notificationInsert(actor, USER[actor], false)),
    notificationInsert("region", USER.eidar, false),
    notificationInsert("service", USER.region, true),

    { op: "update", actor: "region", target: notificationFixture("own notification → read", USER.region), patch: { read_at: READ_AT }, allowed: true },
    { op: "update", actor: "board", target: notificationFixture("own notification → read", USER.board), patch: { read_at: READ_AT }, allowed: true },
    { op: "update", actor: "region", target: notificationFixture("own notification → emailed_at", USER.region), patch: { emailed_at: READ_AT }, allowed: false },
    { op: "update", actor: "region", target: notificationFixture("own notification → Eidar's", USER.region), patch: { user_id: USER.eidar }, allowed: false },
    { op: "update", actor: "region", target: notificationFixture("own notification → kind", USER.region), patch: { kind: "mention" }, allowed: false },
    ...(["anon", "coordinator", "board", "eidar", "association"] as const).map((actor): Cell => ({ op: "update", actor, target: notificationFixture("region's notification → read", USER.region), patch: { read_at: READ_AT }, allowed: false })),
    { op: "update", actor: "service", target: notificationFixture("region's notification → emailed", USER.region), patch: { emailed_at: READ_AT }, allowed: true },

    ...(["anon", "coordinator", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({ op: "delete", actor, target: notificationFixture("region's notification", USER.region), allowed: false })),
    { op: "delete", actor: "region", target: notificationFixture("... and region's own", USER.region), allowed: false },
    { op: "delete", actor: "service", target: notificationFixture("region's notification", USER.region), allowed: true },
  ],
});

describe("the posts trigger writes the notifications", () => {
  it("a reply in a watched thread notifies the watcher (and the forum's watcher), not the author", async () => {
    const thread = await freshThread(FORUM.samverkan);
    try {
      await serviceInsert("posts", { thread_id: thread.id, author_id: null, body: "Första inlägget" });
      const watch = await (await as("eidar")).from("forum_watches").insert({ user_id: USER.eidar, thread_id: thread.id });
      expect(watch.error).toBeNull();
      const replyId = newId();
      const reply = await (await as("region")).from("posts").insert({ id: replyId, thread_id: thread.id, author_id: USER.region, body: "Ett svar." });
      expect(reply.error).toBeNull();
      const rows = await sql<{ user_id: string; kind: string; actor_id: string }>("select user_id::text, kind::text, actor_id::text from public.notifications where post_id = $1 order by user_id", [replyId]);
      // eidar watches the thread, the coordinator the whole forum; region wrote it (other test files
      // running at the same time may add forum watchers, so no exact list)
      expect(rows).toEqual(
        expect.arrayContaining([
          { user_id: USER.coordinator, kind: "reply", actor_id: USER.region },
          { user_id: USER.eidar, kind: "reply", actor_id: USER.region },
        ]),
      );
      expect(rows.filter((row) => row.user_id === USER.region), "the author is not notified").toEqual([]);
      // the watcher sees it; the author and others do not
      expect((await (await as("eidar")).from("notifications").select("post_id").eq("post_id", replyId)).data).toEqual([{ post_id: replyId }]);
      for (const actor of ["region", "association", "board"] as const) {
        expect((await (await as(actor)).from("notifications").select("post_id").eq("post_id", replyId)).data, actor).toEqual([]);
      }
      // replying made region watch the thread and marked it read
      expect(await rowOf("forum_watches", { user_id: USER.region, thread_id: thread.id })).not.toBeNull();
      expect(await rowOf("thread_reads", { user_id: USER.region, thread_id: thread.id })).toMatchObject({ last_read_position: 2 });
    } finally {
      await thread.remove();
    }
  });

  it("someone removed from the private forum is no longer notified of a thread they still watch", async () => {
    const thread = await freshThread(FORUM.uppfoljning);
    const user = await throwawayUser();
    try {
      await serviceInsert("forum_members", { forum_id: FORUM.uppfoljning, user_id: user.id, status: "active" });
      const client = await signedInClient({ email: user.email, password: "rls-test-password" });
      expect((await client.from("forum_watches").insert({ user_id: user.id, thread_id: thread.id })).error).toBeNull();
      const before = newId();
      expect((await (await as("eidar")).from("posts").insert({ id: before, thread_id: thread.id, author_id: USER.eidar, body: "Medan du är medlem." })).error).toBeNull();
      await serviceDelete("forum_members", { forum_id: FORUM.uppfoljning, user_id: user.id });
      const after = newId();
      expect((await (await as("eidar")).from("posts").insert({ id: after, thread_id: thread.id, author_id: USER.eidar, body: "Efter att du togs bort." })).error).toBeNull();
      const rows = await sql<{ post_id: string }>("select post_id::text from public.notifications where user_id = $1", [user.id]);
      expect(rows).toEqual([{ post_id: before }]);
    } finally {
      await thread.remove();
      await user.remove();
    }
  });

  it("an @mention in the private forum notifies a member, never a non-member", async () => {
    const thread = await freshThread(FORUM.uppfoljning);
    try {
      const postId = newId();
      const { error } = await (await as("eidar")).from("posts").insert({ id: postId, thread_id: thread.id, author_id: USER.eidar, body: "@Karin Svensson och @Johan Ek: kan ni titta på detta?" });
      expect(error).toBeNull();
      const rows = await sql<{ user_id: string; kind: string }>("select user_id::text, kind::text from public.notifications where post_id = $1", [postId]);
      // Johan (member) is mentioned; Karin Svensson (region) cannot read the forum
      expect(rows).toContainEqual({ user_id: USER.johan, kind: "mention" });
      expect(rows.filter((row) => row.user_id === USER.region), "a non-member was notified").toEqual([]);
    } finally {
      await thread.remove();
    }
  });
});

// --- notification_digests -----------------------------------------------------------------------------

const DIGESTS = {
  "region·day": { user_id: USER.region, period_key: "day:2031-01-02" },
  "eidar·week": { user_id: USER.eidar, period_key: "week:2031-W01" },
  "coordinator·day": { user_id: USER.coordinator, period_key: "day:2031-01-02" },
  "association·week": { user_id: USER.association, period_key: "week:2031-W01" },
};
let digestSeed: Promise<Record<string, string>> | undefined;
function digests(): Promise<Record<string, string>> {
  digestSeed ??= (async () => {
    await serviceInsert("notification_digests", Object.values(DIGESTS).map((row) => ({ ...row, notification_count: 3 })));
    return Object.fromEntries(Object.entries(DIGESTS).map(([name, row]) => [name, `${row.user_id}|${row.period_key}`]));
  })();
  return digestSeed;
}
afterAll(async () => {
  if (digestSeed) await sql("delete from public.notification_digests where period_key like '%2031-%'");
});
const digestTarget = (label: string, name: keyof typeof DIGESTS): Target => ({
  label,
  make: async () => {
    await digests();
    return { match: DIGESTS[name] };
  },
});
const digestFixture = (label: string, userId: string): Target => ({
  label,
  make: async () => {
    const periodKey = "day:2031-02-03";
    await serviceInsert("notification_digests", { user_id: userId, period_key: periodKey, notification_count: 1 });
    return { match: { user_id: userId, period_key: periodKey }, cleanup: () => serviceDelete("notification_digests", { user_id: userId, period_key: periodKey }) };
  },
});
const OWN_DIGEST: Record<string, keyof typeof DIGESTS> = { coordinator: "coordinator·day", eidar: "eidar·week", association: "association·week", region: "region·day" };

rlsMatrix({
  table: "notification_digests",
  key: ["user_id", "period_key"],
  seed: digests,
  select: { anon: [], coordinator: ["coordinator·day"], board: [], eidar: ["eidar·week"], association: ["association·week"], region: ["region·day"], service: "all" },
  cells: [
    ...USERS_AND_SERVICE.map((actor): Cell => ({
      op: "insert",
      actor,
      label: actor === "anon" || actor === "service" ? "region's digest claim" : "own digest claim",
      row: () => ({ user_id: actor === "anon" || actor === "service" ? USER.region : USER[actor], period_key: "day:2031-03-04", notification_count: 1 }),
      key: ["user_id", "period_key"],
      allowed: actor === "service",
    })),
    ...(["anon", "coordinator", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({
      op: "update",
      actor,
      target: actor in OWN_DIGEST ? digestTarget("own digest → count", OWN_DIGEST[actor]!) : digestTarget("region's digest → count", "region·day"),
      patch: { notification_count: 99 },
      allowed: false,
    })),
    { op: "update", actor: "service", target: digestTarget("region's digest → count", "region·day"), patch: { notification_count: 4 }, allowed: true },
    ...(["anon", "coordinator", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({
      op: "delete",
      actor,
      target: digestFixture(actor === "anon" ? "region's digest" : "own digest", actor === "anon" ? USER.region : USER[actor]),
      allowed: false,
    })),
    { op: "delete", actor: "service", target: digestFixture("region's digest", USER.region), allowed: true },
  ],
});

// --- post_reports -------------------------------------------------------------------------------------

/** A report made by the service role (as if by `reporter`), removed after the test. */
async function makeReport(postName: string, reporter: string, extra: Row = {}): Promise<{ id: string; remove: () => Promise<void> }> {
  const id = newId();
  await serviceInsert("post_reports", { id, post_id: await post(postName), reporter_id: reporter, reason: "Stämmer inte", ...extra });
  return { id, remove: () => serviceDelete("post_reports", { id }) };
}
const reportFixture = (label: string, postName: string, reporter: string, extra: Row = {}): Target => ({
  label,
  make: async () => {
    const report = await makeReport(postName, reporter, extra);
    return { match: { id: report.id }, cleanup: report.remove };
  },
});
const RESOLVED = { status: "resolved", resolved_at: "2026-11-20T10:00:00+00:00", resolved_by: USER.association };

const madeReports: { remove: () => Promise<void> }[] = [];
let reportSeed: Promise<Record<string, string>> | undefined;
function reports(): Promise<Record<string, string>> {
  reportSeed ??= (async () => {
    const seeded = await rowOf("post_reports", { post_id: await post("sportlov#2"), reporter_id: USER.region, status: "open" });
    const trygghet = await makeReport("krono#3", USER.eidar);
    const ks = await makeReport("ks#2", USER.johan);
    madeReports.push(trygghet, ks);
    return { "seed: region on sportlov#2 (Lov)": seeded!.id as string, "eidar on krono#3 (Trygghet)": trygghet.id, "johan on ks#2 (private)": ks.id };
  })();
  return reportSeed;
}
afterAll(async () => {
  for (const report of madeReports) await report.remove();
});

const report = (actor: Actor, label: string, postName: string, reporter: string, allowed: boolean, extra: Row = {}): Cell => ({
  op: "insert",
  actor,
  label,
  row: async () => ({ id: newId(), post_id: await post(postName), reporter_id: reporter, reason: "Fel uppgifter i inlägget", ...extra }),
  key: ["id"],
  allowed,
  ...(allowed ? { expected: { status: "open", resolved_by: null, resolved_at: null } } : {}),
});

rlsMatrix({
  table: "post_reports",
  seed: reports,
  select: {
    anon: [],
    coordinator: "all",
    board: [],
    eidar: ["eidar on krono#3 (Trygghet)"],
    association: ["eidar on krono#3 (Trygghet)"],
    region: ["seed: region on sportlov#2 (Lov)"],
    service: "all",
  },
  cells: [
    report("region", "own open report of a post in Samverkan", "welcome#2", USER.region, true),
    report("eidar", "own open report of a post in Trygghet", "krono#1", USER.eidar, true),
    report("eidar", "own open report of a post in the private forum (member)", "ks#1", USER.eidar, true),
    report("board", "own open report of a post in Samverkan (the board reads)", "welcome#1", USER.board, true),
    report("association", "own open report of a post in Samverkan", "calendar#2", USER.association, true),
    report("coordinator", "own open report of a post in Lov", "sportlov#1", USER.coordinator, true),
    report("service", "a report in region's name", "welcome#3", USER.region, true),
    report("region", "a post in the private forum", "ks#1", USER.region, false),
    report("association", "a post in the private forum", "ks#1", USER.association, false),
    report("board", "a post in the private forum", "ks#1", USER.board, false),
    report("region", "the hidden post it cannot see (calendar#3)", "calendar#3", USER.region, false),
    report("eidar", "the hidden post it cannot see (calendar#3)", "calendar#3", USER.eidar, false),
    report("region", "a report in Eidar's name", "welcome#2", USER.eidar, false),
    report("region", "a report born resolved", "welcome#2", USER.region, false, RESOLVED),
    report("region", "an open report with a resolution note", "welcome#2", USER.region, false, { resolution_note: "Klart" }),
    report("region", "an open report with resolved_by set", "welcome#2", USER.region, false, { resolved_by: USER.region }),
    report("anon", "a report in region's name", "welcome#2", USER.region, false),

    {
      op: "update",
      actor: "association",
      target: reportFixture("an open report in Trygghet → resolved (moderator)", "krono#2", USER.region),
      patch: { status: "resolved", resolution_note: "Inlägget är dolt." },
      allowed: true,
      expected: { status: "resolved", resolution_note: "Inlägget är dolt.", resolved_by: USER.association },
    },
    {
      op: "update",
      actor: "coordinator",
      target: reportFixture("an open report in Lov → dismissed", "sportlov#3", USER.region),
      patch: { status: "dismissed", resolved_by: USER.region },
      allowed: true,
      expected: { status: "dismissed", resolved_by: USER.coordinator },
    },
    { op: "update", actor: "association", target: reportFixture("a report in Trygghet → its reason (moderator)", "krono#2", USER.region), patch: { reason: "Omskrivet skäl" }, allowed: false },
    { op: "update", actor: "association", target: reportFixture("a report in Trygghet → another reporter (moderator)", "krono#2", USER.region), patch: { reporter_id: USER.board }, allowed: false },
    { op: "update", actor: "association", target: reportFixture("an open report in Lov → dismissed (not its moderator)", "sportlov#3", USER.region), patch: { status: "dismissed" }, allowed: false },
    { op: "update", actor: "eidar", target: reportFixture("own open report in Trygghet → dismissed (reporter)", "krono#2", USER.eidar), patch: { status: "dismissed" }, allowed: false },
    { op: "update", actor: "region", target: reportFixture("own report → its reason", "welcome#2", USER.region), patch: { reason: "Nytt skäl här" }, allowed: false },
    { op: "update", actor: "eidar", target: reportFixture("a report in the private forum → dismissed (member)", "ks#1", USER.johan), patch: { status: "dismissed" }, allowed: false },
    { op: "update", actor: "board", target: reportFixture("a report in Samverkan → dismissed", "welcome#2", USER.region), patch: { status: "dismissed" }, allowed: false },
    { op: "update", actor: "anon", target: reportFixture("a report in Samverkan → dismissed", "welcome#2", USER.region), patch: { status: "dismissed" }, allowed: false },
    { op: "update", actor: "service", target: reportFixture("a report in Samverkan → note", "welcome#2", USER.region), patch: { resolution_note: "Service" }, allowed: true },

    // nobody deletes a report, not even the moderators (they resolve or dismiss it)
    ...(["anon", "coordinator", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({
      op: "delete",
      actor,
      target: reportFixture(actor === "region" ? "own report in Samverkan" : actor === "association" ? "a report in Trygghet (moderator)" : "region's report in Samverkan", actor === "association" ? "krono#2" : "welcome#2", USER.region),
      allowed: false,
    })),
    { op: "delete", actor: "service", target: reportFixture("a report in Samverkan", "welcome#2", USER.region), allowed: true },
  ],
});

describe("post reports: the resolution is recorded by the database, and audited", () => {
  it("resolving a report writes post_report.resolved with the moderator as actor", async () => {
    const fixture = await makeReport("krono#2", USER.region);
    try {
      await expectUpdateAllowed("association", "post_reports", { id: fixture.id }, { status: "resolved", resolution_note: "Åtgärdat" }, { expected: { resolved_by: USER.association }, restore: false });
      const stored = await rowOf("post_reports", { id: fixture.id });
      expect(stored?.resolved_at).not.toBeNull();
      const resolved = (await auditRows(fixture.id)).filter((row) => row.action === "post_report.resolved");
      expect(resolved.map((row) => row.actor_id)).toEqual([USER.association]);
    } finally {
      await fixture.remove();
    }
  });

  it("a report made through the API is audited as post_report.created by its reporter", async () => {
    const id = newId();
    const { error } = await (await as("region")).from("post_reports").insert({ id, post_id: await post("welcome#3"), reporter_id: USER.region, reason: "Kontrollera detta" });
    try {
      expect(error).toBeNull();
      expect((await auditRows(id)).map((row) => [row.action, row.actor_id])).toEqual([["post_report.created", USER.region]]);
    } finally {
      await serviceDelete("post_reports", { id });
    }
  });

  it("a moderator cannot rewrite who resolved an already resolved report, or when", async () => {
    const fixture = await makeReport("krono#2", USER.region, RESOLVED);
    try {
      const before = await rowOf("post_reports", { id: fixture.id });
      const { error } = await (await as("association"))
        .from("post_reports")
        .update({ resolved_by: USER.region, resolved_at: "2020-01-01T00:00:00+00:00" })
        .eq("id", fixture.id);
      const after = await rowOf("post_reports", { id: fixture.id });
      // either refused, or resolved_by/resolved_at kept: the record of who resolved it stays true
      if (!error) expect(after?.resolved_by).toBe(USER.association);
      expect(pickResolution(after)).toEqual(pickResolution(before));
    } finally {
      await fixture.remove();
    }
  });

  it("a reporter cannot backdate a report (the queue is ordered by created_at)", async () => {
    const id = newId();
    const { error } = await (await as("region")).from("post_reports").insert({ id, post_id: await post("welcome#3"), reporter_id: USER.region, reason: "Kontrollera detta", created_at: "2020-01-01T00:00:00+00:00" });
    try {
      expect(error).toBeNull();
      const stored = await rowOf("post_reports", { id });
      expect(Date.now() - new Date(stored?.created_at as string).getTime(), "created_at taken from the client").toBeLessThan(10 * 60_000);
    } finally {
      await serviceDelete("post_reports", { id });
    }
  });

  it("a report is seen by its reporter and the forum's moderators, not by another reader", async () => {
    const fixture = await makeReport("krono#2", USER.region);
    try {
      const elin = await signedInClient(LOGIN.elin);
      expect((await elin.from("post_reports").select("id").eq("id", fixture.id)).data).toEqual([]);
      expect((await (await as("region")).from("post_reports").select("id").eq("id", fixture.id)).data).toEqual([{ id: fixture.id }]);
      expect((await (await as("association")).from("post_reports").select("id").eq("id", fixture.id)).data).toEqual([{ id: fixture.id }]);
    } finally {
      await fixture.remove();
    }
  });
});

function pickResolution(row: Row | null): Row {
  return { resolved_by: row?.resolved_by, resolved_at: row?.resolved_at, status: row?.status };
}
