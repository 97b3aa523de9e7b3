/**
 * Running forums (issue 5) through app/lib/forum-admin.server.ts as the personas, against the real
 * stack: a coordinator creates a forum (a taken address gives the friendly key), others cannot;
 * moderators approve and decline requests and add members by e-mail (logged), plain members
 * cannot; hiding a reported post resolves the report (who, when, logged); the moderation queue of
 * a forum moderator holds only their forums' reports. Everything made here is removed again.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/lib/database.types.ts";
import {
  addMemberByEmail,
  approveRequest,
  closeReport,
  createForum,
  declineRequest,
  hideReportedPost,
  listHandledReports,
  listJoinRequests,
  listMembers,
  listOpenReports,
  moderationScope,
  pendingRequestCounts,
} from "../../app/lib/forum-admin.server.ts";
import { newForumSchema } from "../../app/lib/schemas/forum-admin.ts";
import { DEMO_USERS, signedInClient } from "../support/clients.ts";
import { FORUM, USER, auditRows, newId, rowOf, serviceInsert, sql, throwawayUser } from "../support/rls.ts";

type Client = SupabaseClient<Database>;

const cleanups: (() => Promise<void>)[] = [];
let coordinator: Client;
let association: Client;
let eidar: Client;

const slug = (label: string) => `test-${label}-${newId().slice(0, 8)}`;

function input(values: Record<string, string>) {
  const parsed = newForumSchema.safeParse(values);
  if (!parsed.success) throw new Error(`bad test input: ${parsed.error.message}`);
  return parsed.data;
}

/** A forum made by the service role (for fixtures that are not what is being tested). */
async function fixtureForum(visibility: "open" | "closed" | "private"): Promise<string> {
  const [row] = await serviceInsert("forums", { slug: slug("fixture"), name: `Testforum ${newId().slice(0, 6)}`, visibility });
  const forumId = row!.id as string;
  cleanups.push(async () => {
    await sql("delete from public.forums where id = $1", [forumId]);
  });
  return forumId;
}

/** A thread with one post by `author` in the forum, and an open report of the post by `reporter`. */
async function reportedPost(forumId: string, author: string, reporter: string) {
  const [thread] = await serviceInsert("threads", { forum_id: forumId, title: "Testtråd om moderering", author_id: author });
  const [post] = await serviceInsert("posts", { thread_id: thread!.id, author_id: author, body: "Ett **anmält** inlägg med <script>alert(1)</script>" });
  const [report] = await serviceInsert("post_reports", { post_id: post!.id, reporter_id: reporter, reason: "Inlägget är kränkande." });
  return { threadId: thread!.id as string, postId: post!.id as string, reportId: report!.id as string };
}

beforeAll(async () => {
  [coordinator, association, eidar] = await Promise.all([signedInClient("coordinator"), signedInClient("association"), signedInClient("eidar")]);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe("creating a forum", () => {
  it("a coordinator creates a forum with its moderators; unknown addresses are reported, the forum stays", async () => {
    const address = slug("skapa");
    const unknown = `ingen-${newId().slice(0, 8)}@test.example`;
    const result = await createForum(
      coordinator,
      input({ name: "Trygghet i testområdet", slug: address, description: "Ett testforum.", visibility: "closed", moderators: `${DEMO_USERS.association}\n${unknown}` }),
    );
    if (!result.ok) throw new Error(`not created: ${result.error}`);
    cleanups.push(async () => {
      await sql("delete from public.forums where id = $1", [result.forum.id]);
    });
    expect(result.forum.slug).toBe(address);
    expect(result.moderators).toEqual([
      { email: DEMO_USERS.association, outcome: "added", userId: USER.association, newMember: true },
      { email: unknown, outcome: "unknown", userId: null, newMember: false },
    ]);
    expect(await rowOf("forums", { id: result.forum.id })).toMatchObject({ name: "Trygghet i testområdet", visibility: "closed", created_by: USER.coordinator });
    expect(await rowOf("forum_members", { forum_id: result.forum.id, user_id: USER.association })).toMatchObject({ role: "moderator", status: "active" });
    expect((await auditRows(result.forum.id)).map((row) => row.action)).toContain("forum.created");
  });

  it("a taken address gives the friendly key and saves nothing", async () => {
    const address = slug("upptagen");
    const first = await createForum(coordinator, input({ name: "Första forumet", slug: address, visibility: "open" }));
    if (!first.ok) throw new Error("first forum not created");
    cleanups.push(async () => {
      await sql("delete from public.forums where id = $1", [first.forum.id]);
    });
    const second = await createForum(coordinator, input({ name: "Andra forumet", slug: address, visibility: "open", moderators: DEMO_USERS.eidar }));
    expect(second).toEqual({ ok: false, field: "slug", error: "slugTaken" });
    expect(await sql("select count(*)::int as n from public.forums where slug = $1", [address])).toEqual([{ n: 1 }]);
    expect(await rowOf("forum_members", { forum_id: first.forum.id, user_id: USER.eidar })).toBeNull();
  });

  it("a partner cannot create a forum (RLS)", async () => {
    const address = slug("partner");
    expect(await createForum(association, input({ name: "Eget forum", slug: address, visibility: "open" }))).toEqual({ ok: false, field: null, error: "refused" });
    expect(await rowOf("forums", { slug: address })).toBeNull();
  });

  it("the address is suggested from the name and reserved words are refused", () => {
    expect(newForumSchema.safeParse({ name: "Trygghet i Kronogården & Öst", visibility: "open" })).toMatchObject({
      success: true,
      data: { slug: "trygghet-i-kronogarden-ost" },
    });
    const reserved = newForumSchema.safeParse({ name: "Nytt", slug: "moderation", visibility: "open" });
    expect(reserved.success ? null : reserved.error.issues[0]?.message).toBe("slugReserved");
    const invalid = newForumSchema.safeParse({ name: "Nytt", slug: "Stora Bokstäver", visibility: "open" });
    expect(invalid.success ? null : invalid.error.issues[0]?.message).toBe("slugInvalid");
  });
});

describe("members and join requests", () => {
  let forumId: string;
  let approved: Awaited<ReturnType<typeof throwawayUser>>;
  let declined: Awaited<ReturnType<typeof throwawayUser>>;
  let invited: Awaited<ReturnType<typeof throwawayUser>>;

  beforeAll(async () => {
    forumId = await fixtureForum("closed");
    await serviceInsert("forum_members", { forum_id: forumId, user_id: USER.association, role: "moderator", status: "active" });
    await serviceInsert("forum_members", { forum_id: forumId, user_id: USER.eidar, role: "member", status: "active" });
    [approved, declined, invited] = await Promise.all([throwawayUser(), throwawayUser(), throwawayUser()]);
    cleanups.push(approved.remove, declined.remove, invited.remove);
    await serviceInsert("forum_members", [
      { forum_id: forumId, user_id: approved.id, role: "member", status: "requested" },
      { forum_id: forumId, user_id: declined.id, role: "member", status: "requested" },
    ]);
  });

  it("the forum's moderator sees the requests and the members", async () => {
    const { requests, total } = await listJoinRequests(association, forumId);
    expect(total).toBe(2);
    expect(requests.map((person) => person.userId).sort()).toEqual([approved.id, declined.id].sort());
    const members = await listMembers(association, forumId, 1);
    expect(members.total).toBe(2);
    expect(members.members[0]).toMatchObject({ userId: USER.association, role: "moderator" });
    expect(await pendingRequestCounts(association, await moderationScope(association, USER.association, false))).toContainEqual(
      expect.objectContaining({ forumId, count: 2 }),
    );
  });

  it("approving writes forum_member.approved, declining forum_member.declined, with the moderator as actor", async () => {
    expect(await approveRequest(association, forumId, approved.id)).toBe("ok");
    expect(await declineRequest(association, forumId, declined.id)).toBe("ok");
    expect(await rowOf("forum_members", { forum_id: forumId, user_id: approved.id })).toMatchObject({ status: "active" });
    expect(await rowOf("forum_members", { forum_id: forumId, user_id: declined.id })).toBeNull();
    const approval = (await auditRows(approved.id)).find((row) => row.action === "forum_member.approved" && row.data.forum_id === forumId);
    const decline = (await auditRows(declined.id)).find((row) => row.action === "forum_member.declined" && row.data.forum_id === forumId);
    expect(approval?.actor_id).toBe(USER.association);
    expect(decline?.actor_id).toBe(USER.association);
    // Handled already: a second click changes nothing.
    expect(await approveRequest(association, forumId, approved.id)).toBe("refused");
  });

  it("a plain member cannot approve a request", async () => {
    const other = await throwawayUser();
    cleanups.push(other.remove);
    await serviceInsert("forum_members", { forum_id: forumId, user_id: other.id, role: "member", status: "requested" });
    expect(await approveRequest(eidar, forumId, other.id)).toBe("refused");
    expect(await rowOf("forum_members", { forum_id: forumId, user_id: other.id })).toMatchObject({ status: "requested" });
  });

  it("a moderator adds a member by e-mail address (forum_member.added); unknown addresses give null", async () => {
    const added = await addMemberByEmail(association, forumId, ` ${invited.email.toUpperCase()} `);
    expect(added).toEqual({ ok: true, userId: invited.id, alreadyMember: false });
    expect(await rowOf("forum_members", { forum_id: forumId, user_id: invited.id })).toMatchObject({ status: "active", role: "member" });
    expect((await auditRows(invited.id)).find((row) => row.action === "forum_member.added")?.actor_id).toBe(USER.association);
    expect(await addMemberByEmail(association, forumId, invited.email)).toEqual({ ok: true, userId: invited.id, alreadyMember: true });
    expect(await addMemberByEmail(association, forumId, `ingen-${newId().slice(0, 8)}@test.example`)).toEqual({ ok: false, reason: "unknown" });
  });

  it("a plain member cannot add anyone by e-mail address", async () => {
    const outsider = await throwawayUser();
    cleanups.push(outsider.remove);
    expect(await addMemberByEmail(eidar, forumId, outsider.email)).toEqual({ ok: false, reason: "refused" });
    expect(await addMemberByEmail(eidar, FORUM.trygghet, outsider.email)).toEqual({ ok: false, reason: "refused" });
    expect(await rowOf("forum_members", { forum_id: forumId, user_id: outsider.id })).toBeNull();
  });
});

describe("the moderation queue", () => {
  let mine: { forumId: string; reportId: string; postId: string };
  let others: { forumId: string; reportId: string };
  let ownReportElsewhere: string;

  beforeAll(async () => {
    const myForum = await fixtureForum("open");
    await serviceInsert("forum_members", { forum_id: myForum, user_id: USER.association, role: "moderator", status: "active" });
    const reported = await reportedPost(myForum, USER.eidar, USER.region);
    mine = { forumId: myForum, reportId: reported.reportId, postId: reported.postId };
    const otherForum = await fixtureForum("open");
    const elsewhere = await reportedPost(otherForum, USER.region, USER.eidar);
    others = { forumId: otherForum, reportId: elsewhere.reportId };
    // The moderator's own report in a forum they do not moderate: visible to them (RLS), not their queue.
    const [own] = await serviceInsert("post_reports", { post_id: elsewhere.postId, reporter_id: USER.association, reason: "Jag anmäler också." });
    ownReportElsewhere = own!.id as string;
  });

  it("a forum moderator's queue holds only their forums' reports; a coordinator's holds all", async () => {
    const scope = await moderationScope(association, USER.association, false);
    expect(scope).toContain(mine.forumId);
    expect(scope).not.toContain(others.forumId);
    const queue = await listOpenReports(association, scope, 1);
    const ids = queue.reports.map((report) => report.id);
    expect(ids).toContain(mine.reportId);
    expect(ids).not.toContain(others.reportId);
    expect(ids).not.toContain(ownReportElsewhere);
    const entry = queue.reports.find((report) => report.id === mine.reportId);
    // Plain text (React escapes it); the Markdown is never rendered as HTML in the queue.
    expect(entry?.post?.excerpt).toBe("Ett anmält inlägg med <script>alert(1)</script>");
    expect(entry?.forum?.id).toBe(mine.forumId);

    const all = await listOpenReports(coordinator, "all", 1);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const everything = [];
    for (let page = 1; page <= all.pages; page += 1) everything.push(...(await listOpenReports(coordinator, "all", page)).reports.map((report) => report.id));
    expect(everything).toEqual(expect.arrayContaining([mine.reportId, others.reportId, ownReportElsewhere]));
  });

  it("the moderator cannot handle another forum's report", async () => {
    expect(await closeReport(association, others.reportId, "dismissed", "")).toBe("gone");
    expect(await hideReportedPost(association, others.reportId, "Inte mitt forum")).toBe("gone");
    expect(await rowOf("post_reports", { id: others.reportId })).toMatchObject({ status: "open", resolved_by: null });
  });

  it("hiding the post resolves the report: resolved_by, resolved_at, the note, post_report.resolved and post.hidden", async () => {
    expect(await hideReportedPost(association, mine.reportId, "Bryter mot forumets regler.")).toBe("ok");
    const report = await rowOf("post_reports", { id: mine.reportId });
    expect(report).toMatchObject({ status: "resolved", resolved_by: USER.association, resolution_note: "Bryter mot forumets regler." });
    expect(report?.resolved_at).not.toBeNull();
    expect(await rowOf("posts", { id: mine.postId })).toMatchObject({ hidden_by: USER.association, hidden_reason: "Bryter mot forumets regler." });
    const actions = (await auditRows(mine.reportId)).map((row) => row.action);
    expect(actions).toContain("post_report.resolved");
    expect((await auditRows(mine.postId)).map((row) => row.action)).toContain("post.hidden");
    // Now in the handled list, not the queue.
    const scope = await moderationScope(association, USER.association, false);
    expect((await listOpenReports(association, scope, 1)).reports.map((r) => r.id)).not.toContain(mine.reportId);
    const handled = await listHandledReports(association, scope);
    expect(handled.find((r) => r.id === mine.reportId)).toMatchObject({ status: "resolved", resolutionNote: "Bryter mot forumets regler." });
    expect(handled.map((r) => r.id)).not.toContain(others.reportId);
  });

  it("a coordinator dismisses a report with a note (post_report.dismissed)", async () => {
    expect(await closeReport(coordinator, ownReportElsewhere, "dismissed", "Inget att åtgärda.")).toBe("ok");
    expect(await rowOf("post_reports", { id: ownReportElsewhere })).toMatchObject({ status: "dismissed", resolved_by: USER.coordinator, resolution_note: "Inget att åtgärda." });
    expect((await auditRows(ownReportElsewhere)).map((row) => row.action)).toContain("post_report.dismissed");
    expect(await closeReport(coordinator, ownReportElsewhere, "dismissed", "")).toBe("gone");
  });
});
