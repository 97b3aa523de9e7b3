/**
 * The data functions of the thread page (app/lib/threads.server.ts, issue 5) through supabase-js as
 * the demo personas against the real stack: pages are exact position ranges, hidden posts are gaps
 * for ordinary readers and carry their reason for moderators, a locked thread refuses replies
 * (RLS) and the refusal maps to `threadLocked`, editing records edited_at, a second open report is
 * the friendly `duplicateReport`, and moving a thread is a moderator's act written to the audit log.
 * Throwaway threads are made through the service role and removed afterwards.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/lib/database.types.ts";
import { renderMarkdown } from "../../app/lib/markdown.server.ts";
import {
  editPost,
  getThread,
  hidePost,
  loadThreadPage,
  loadViewer,
  markThreadRead,
  mentionedNames,
  moveTargets,
  moveThread,
  openThread,
  pageOfPosition,
  positionRange,
  replyToThread,
  renderPost,
  reportPost,
  setLocked,
  threadPageCount,
  unhidePost,
  type Thread,
} from "../../app/lib/threads.server.ts";
import { signedInClient, type Persona } from "../support/clients.ts";
import { FORUM, USER, auditRows, newId, rowOf, serviceDelete, serviceInsert, serviceUpdate } from "../support/rls.ts";

type Client = SupabaseClient<Database>;
const clients = new Map<Persona, Promise<Client>>();
const client = (persona: Persona) => {
  let existing = clients.get(persona);
  if (!existing) {
    existing = signedInClient(persona);
    clients.set(persona, existing);
  }
  return existing;
};

const threads: string[] = [];

async function throwawayThread(forumId: string, title: string, posts: number): Promise<string> {
  const id = newId();
  await serviceInsert("threads", { id, forum_id: forumId, title, author_id: USER.region });
  threads.push(id);
  if (posts > 0) {
    const rows = Array.from({ length: posts }, (_, i) => ({
      thread_id: id,
      author_id: i % 2 === 0 ? USER.region : USER.association,
      body: `Inlägg nummer ${i + 1}`,
    }));
    await serviceInsert("posts", rows);
  }
  return id;
}

async function threadAs(persona: Persona, slug: string, id: string): Promise<Thread> {
  const thread = await getThread(await client(persona), slug, id);
  expect(thread, `${persona} reading thread ${id} in ${slug}`).not.toBeNull();
  return thread as Thread;
}

let longThread = "";

beforeAll(async () => {
  longThread = await throwawayThread(FORUM.samverkan, "Trådsidestest med många inlägg", 45);
  // Post 22 is hidden by the coordinator.
  await serviceUpdate("posts", { thread_id: longThread, position: 22 }, { hidden_at: new Date().toISOString(), hidden_by: USER.coordinator, hidden_reason: "Reklam för en firma" });
});

afterAll(async () => {
  for (const id of threads) await serviceDelete("threads", { id });
});

describe("finding the thread", () => {
  it("needs the right forum slug: another forum's slug or a bad id is not found", async () => {
    const eidar = await client("eidar");
    expect((await getThread(eidar, "samverkan-i-trollhattan", longThread))?.lastPosition).toBe(45);
    expect(await getThread(eidar, "lov-och-fritid", longThread)).toBeNull();
    expect(await getThread(eidar, "samverkan-i-trollhattan", "inte-ett-id")).toBeNull();
  });

  it("a private forum's thread is not found for a non-member, as if it did not exist", async () => {
    const privateThread = await throwawayThread(FORUM.uppfoljning, "Privat trådsidestest", 1);
    expect(await getThread(await client("association"), "uppfoljning-bostadsbolaget", privateThread)).toBeNull();
    expect(await getThread(await client("eidar"), "uppfoljning-bostadsbolaget", privateThread)).not.toBeNull();
  });
});

describe("pages are position ranges", () => {
  it("computes pages from the last position", () => {
    expect(threadPageCount(45)).toBe(3);
    expect(threadPageCount(0)).toBe(1);
    expect(positionRange(2)).toEqual([21, 40]);
    expect(pageOfPosition(40)).toBe(2);
    expect(pageOfPosition(41)).toBe(3);
  });

  it("page 2 holds exactly positions 21–40 and page 3 positions 41–45", async () => {
    const thread = await threadAs("region", "samverkan-i-trollhattan", longThread);
    const page2 = await loadThreadPage(await client("region"), thread, 2);
    expect(page2.map((entry) => entry.position)).toEqual(Array.from({ length: 20 }, (_, i) => 21 + i));
    const page3 = await loadThreadPage(await client("region"), thread, 3);
    expect(page3.map((entry) => entry.position)).toEqual([41, 42, 43, 44, 45]);
    const first = page3[0];
    expect(first?.kind === "post" && first.body).toBe("Inlägg nummer 41");
    expect(first?.kind === "post" && first.authorName).toBeTruthy();
  });

  it("a page past the end is empty", async () => {
    const thread = await threadAs("region", "samverkan-i-trollhattan", longThread);
    expect(await loadThreadPage(await client("region"), thread, 4)).toEqual([]);
  });
});

describe("opening the page in one round (openThread)", () => {
  it("returns the thread, the reader's rights and the asked page; the wrong forum's slug is not found", async () => {
    const region = await client("region");
    const opened = await openThread(region, "samverkan-i-trollhattan", longThread, 2);
    expect(opened).toMatchObject({ page: 2, pages: 3, thread: { id: longThread, lastPosition: 45 }, viewer: { moderator: false } });
    expect(opened?.entries.map((entry) => entry.position)).toEqual(Array.from({ length: 20 }, (_, i) => 21 + i));
    expect(opened?.entries.find((entry) => entry.position === 22)).toEqual({ kind: "hidden", position: 22 });
    // The posts were read alongside the thread: they are dropped when the slug is another forum's.
    expect(await openThread(region, "lov-och-fritid", longThread, 2)).toBeNull();
    expect(await openThread(region, "samverkan-i-trollhattan", "inte-ett-id", 1)).toBeNull();
  });

  it("shows the last page for a page past the end, and no posts for the unread jump", async () => {
    const region = await client("region");
    const past = await openThread(region, "samverkan-i-trollhattan", longThread, 9);
    expect(past).toMatchObject({ page: 3, pages: 3 });
    expect(past?.entries.map((entry) => entry.position)).toEqual([41, 42, 43, 44, 45]);
    expect(await openThread(region, "samverkan-i-trollhattan", longThread, null)).toMatchObject({ page: 1, pages: 3, entries: [] });
  });

  it("move targets leave out the thread's own forum, found by its slug", async () => {
    const targets = await moveTargets(await client("coordinator"), USER.coordinator, true, "samverkan-i-trollhattan");
    expect(targets.map((forum) => forum.slug)).toContain("lov-och-fritid");
    expect(targets.map((forum) => forum.slug)).not.toContain("samverkan-i-trollhattan");
    // A forum moderator (the association moderates only the Trygghet forum): their other forums.
    const association = await client("association");
    expect(await moveTargets(association, USER.association, false, "samverkan-i-trollhattan")).toEqual([
      { id: FORUM.trygghet, slug: "trygghet-kronogarden-lextorp", name: "Trygghet i Kronogården och Lextorp" },
    ]);
    expect(await moveTargets(association, USER.association, false, "trygghet-kronogarden-lextorp")).toEqual([]);
  });
});

describe("hidden posts", () => {
  it("are a placeholder without body or author for an ordinary member", async () => {
    const thread = await threadAs("eidar", "samverkan-i-trollhattan", longThread);
    const page = await loadThreadPage(await client("eidar"), thread, 2);
    expect(page.find((entry) => entry.position === 22)).toEqual({ kind: "hidden", position: 22 });
    expect(page.filter((entry) => entry.kind === "hidden")).toHaveLength(1);
  });

  it("are there with the reason and who hid them for a moderator (coordinator)", async () => {
    const coordinator = await client("coordinator");
    const thread = await threadAs("coordinator", "samverkan-i-trollhattan", longThread);
    const viewer = await loadViewer(coordinator, thread);
    expect(viewer.moderator).toBe(true);
    const post = (await loadThreadPage(coordinator, thread, 2)).find((entry) => entry.position === 22);
    expect(post).toMatchObject({ kind: "post", body: "Inlägg nummer 22", hiddenReason: "Reklam för en firma" });
    expect(post?.kind === "post" && post.hiddenByName).toBeTruthy();
  });

  it("are visible to their own author (marked hidden)", async () => {
    // Position 22 was written by the association (odd index → association).
    const thread = await threadAs("association", "samverkan-i-trollhattan", longThread);
    const post = (await loadThreadPage(await client("association"), thread, 2)).find((entry) => entry.position === 22);
    expect(post).toMatchObject({ kind: "post", authorId: USER.association });
    expect(post?.kind === "post" && post.hiddenAt).toBeTruthy();
  });

  it("hiding and unhiding is for moderators only, and both are logged", async () => {
    const hideThread = await throwawayThread(FORUM.samverkan, "Dölj-test", 2);
    expect(await hidePost(await client("eidar"), hideThread, 1, "Inte okej")).toEqual({ ok: false, error: "notAllowed" });
    expect(await hidePost(await client("coordinator"), hideThread, 1, "Inte okej")).toEqual({ ok: true });
    const hidden = await rowOf("posts", { thread_id: hideThread, position: 1 });
    expect(hidden).toMatchObject({ hidden_by: USER.coordinator, hidden_reason: "Inte okej" });
    expect(await unhidePost(await client("coordinator"), hideThread, 1)).toEqual({ ok: true });
    expect(await rowOf("posts", { thread_id: hideThread, position: 1 })).toMatchObject({ hidden_at: null, hidden_reason: null });
    const actions = (await auditRows(String(hidden?.id))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["post.hidden", "post.unhidden"]));
  });
});

describe("replying and editing", () => {
  it("a reply gets the next position and moves the author's read mark", async () => {
    const replyThread = await throwawayThread(FORUM.samverkan, "Svarstest", 3);
    const association = await client("association");
    const result = await replyToThread(association, replyThread, "Ett svar från föreningen", { authorId: USER.association, key: null });
    expect(result).toMatchObject({ ok: true, position: 4 });
    const thread = await threadAs("association", "samverkan-i-trollhattan", replyThread);
    expect((await loadViewer(association, thread)).lastRead).toBe(4);
  });

  it("a locked thread refuses a member's reply (RLS) and the function says threadLocked", async () => {
    const lockedThread = await throwawayThread(FORUM.samverkan, "Låst trådsidestest", 1);
    expect(await setLocked(await client("eidar"), lockedThread, true)).toEqual({ ok: false, error: "notAllowed" });
    expect(await setLocked(await client("coordinator"), lockedThread, true)).toEqual({ ok: true });
    const association = await client("association");
    const raw = await association.from("posts").insert({ thread_id: lockedThread, body: "Försöker ändå", position: 0 });
    expect(raw.error?.code).toBe("42501");
    expect(await replyToThread(association, lockedThread, "Försöker ändå", { authorId: USER.association, key: null })).toEqual({ ok: false, error: "threadLocked" });
    const thread = await threadAs("association", "samverkan-i-trollhattan", lockedThread);
    expect(thread.lastPosition).toBe(1);
    expect((await loadViewer(association, thread)).canPost).toBe(false);
    // Moderators still reply in a locked thread.
    expect(await replyToThread(await client("coordinator"), lockedThread, "Moderatorn avslutar", { authorId: USER.coordinator, key: null })).toMatchObject({ ok: true, position: 2 });
    expect((await auditRows(lockedThread)).map((row) => row.action)).toContain("thread.locked");
  });

  it("editing one's own post records edited_at; someone else's post is refused", async () => {
    const editThread = await throwawayThread(FORUM.samverkan, "Redigeringstest", 0);
    const association = await client("association");
    const reply = await replyToThread(association, editThread, "Första versionen", { authorId: USER.association, key: null });
    expect(reply.ok).toBe(true);
    expect(await rowOf("posts", { thread_id: editThread, position: 1 })).toMatchObject({ edited_at: null });
    expect(await editPost(association, editThread, 1, "Andra versionen")).toEqual({ ok: true });
    const edited = await rowOf("posts", { thread_id: editThread, position: 1 });
    expect(edited).toMatchObject({ body: "Andra versionen" });
    expect(edited?.edited_at).toBeTruthy();
    expect(await editPost(await client("eidar"), editThread, 1, "Kapad")).toEqual({ ok: false, error: "notAllowed" });
    expect(await rowOf("posts", { thread_id: editThread, position: 1 })).toMatchObject({ body: "Andra versionen" });
  });
});

describe("reporting", () => {
  it("a second open report by the same person is the friendly duplicateReport", async () => {
    const reportThread = await throwawayThread(FORUM.samverkan, "Anmälningstest", 2);
    const eidar = await client("eidar");
    expect(await reportPost(eidar, reportThread, 1, "Det här är reklam")).toEqual({ ok: true });
    expect(await reportPost(eidar, reportThread, 1, "Reklam igen")).toEqual({ ok: false, error: "duplicateReport" });
    expect(await reportPost(eidar, reportThread, 99, "Finns inte")).toEqual({ ok: false, error: "notFound" });
    const post = await rowOf("posts", { thread_id: reportThread, position: 1 });
    expect(await rowOf("post_reports", { post_id: String(post?.id) })).toMatchObject({ reporter_id: USER.eidar, status: "open" });
  });
});

describe("moving a thread", () => {
  it("is refused for a non-moderator and changes the forum, logged as thread.moved, for a coordinator", async () => {
    const moveThreadId = await throwawayThread(FORUM.samverkan, "Flyttest", 1);
    expect(await moveThread(await client("association"), moveThreadId, FORUM.lov)).toEqual({ ok: false, error: "notAllowed" });
    expect(await rowOf("threads", { id: moveThreadId })).toMatchObject({ forum_id: FORUM.samverkan });
    expect(await moveThread(await client("coordinator"), moveThreadId, FORUM.lov)).toEqual({ ok: true, slug: "lov-och-fritid" });
    expect(await rowOf("threads", { id: moveThreadId })).toMatchObject({ forum_id: FORUM.lov });
    const moved = (await auditRows(moveThreadId)).find((row) => row.action === "thread.moved");
    expect(moved).toMatchObject({ actor_id: USER.coordinator });
    expect(await getThread(await client("coordinator"), "lov-och-fritid", moveThreadId)).not.toBeNull();
  });
});

describe("read marks and mentions", () => {
  it("mark_thread_read never moves backwards", async () => {
    // eidar wrote nothing in the long thread, so no post of theirs moved the mark.
    const eidar = await client("eidar");
    const thread = await threadAs("eidar", "samverkan-i-trollhattan", longThread);
    await markThreadRead(eidar, longThread, 40);
    await markThreadRead(eidar, longThread, 20);
    expect((await loadViewer(eidar, thread)).lastRead).toBe(40);
  });

  it("renders a post as markdown does, and a kept rendering never outlives its source or names", () => {
    const body = "Hej @Amina Hassan, se **punkt två**.";
    const plain = renderMarkdown(body, { mentions: [] });
    const highlighted = renderMarkdown(body, { mentions: ["Amina Hassan"] });
    expect(highlighted).not.toBe(plain);
    expect(renderPost(body, [])).toBe(plain);
    expect(renderPost(body, ["Amina Hassan"])).toBe(highlighted);
    expect(renderPost(body, [])).toBe(plain);
    expect(renderPost(`${body} Redigerat.`, [])).toBe(renderMarkdown(`${body} Redigerat.`, { mentions: [] }));
  });

  it("finds the full names after @ among profiles in one bounded lookup", async () => {
    const coordinatorName = String((await rowOf("profiles", { id: USER.coordinator }))?.full_name);
    const names = await mentionedNames(await client("eidar"), [`Hej @${coordinatorName}, kan du titta? @Ingen Sådan Person`], []);
    expect(names).toContain(coordinatorName);
    expect(names).not.toContain("Ingen Sådan Person");
  });
});
