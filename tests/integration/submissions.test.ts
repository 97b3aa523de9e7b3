/**
 * Submissions are idempotent and posting is rate-limited (issue 9), at the level the portal uses:
 * the lib functions behind the forms, as a real signed-in partner through PostgREST.
 * - The form's submission key becomes the new row's id: the same request twice (a double click, a
 *   retried POST), one after the other or at the same moment, leaves one row and answers the same.
 * - A person may post 20 posts and start 5 threads per 10 minutes through the API; the 21st post
 *   is refused with SR429 and the portal's functions say `rateLimited`; rows written by server code
 *   in the person's name do not count; the window moves.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/lib/database.types.ts";
import { startThread } from "../../app/lib/forums.server.ts";
import { saveInitiative } from "../../app/lib/initiative-editor.server.ts";
import { addProgressUpdate } from "../../app/lib/initiative-page.server.ts";
import { isRepeatedSubmit } from "../../app/lib/report-editor.server.ts";
import { parseInitiative } from "../../app/lib/schemas/initiative.ts";
import { replyToThread } from "../../app/lib/threads.server.ts";
import { signedInClient } from "../support/clients.ts";
import { FORUM, ORG, THROWAWAY_PASSWORD, newId, serviceInsert, sql, throwawayUser } from "../support/rls.ts";

type Client = SupabaseClient<Database>;

let person: { id: string; email: string; remove: () => Promise<void> };
let client: Client;
let threadId = "";
const newIdShared = newId();

/** Rows of `table` with this id (as the superuser sees them: nothing hidden). */
async function countById(table: "posts" | "threads" | "initiatives" | "initiative_updates", id: string): Promise<number> {
  const rows = await sql<{ n: number }>(`select count(*)::int as n from public.${table} where id = $1`, [id]);
  return rows[0]?.n ?? 0;
}

/** Forgets the person's recent posting (as if ten minutes had passed). */
async function forgetPosting(): Promise<void> {
  await sql("delete from private.posting_events where user_id = $1", [person.id]);
}

beforeAll(async () => {
  // A partner of its own (a member of Kronogården), so no demo persona's limit is used up.
  person = await throwawayUser();
  await serviceInsert("memberships", { org_id: ORG.kronogarden, user_id: person.id, role: "member", status: "active" });
  client = await signedInClient({ email: person.email, password: THROWAWAY_PASSWORD });
  const started = await startThread(client, FORUM.samverkan, { title: "Idempotenstest", body: "Första inlägget", key: null });
  if (!started.ok) throw new Error(`could not start the test thread: ${started.error}`);
  threadId = started.threadId;
});

afterAll(async () => {
  await sql("delete from public.threads where author_id = $1", [person.id]);
  await sql("delete from public.initiatives where created_by = $1", [person.id]);
  await person.remove();
});

describe("idempotent submissions", () => {
  it("a reply sent twice with the same key is stored once, and the second answer names the same post", async () => {
    await forgetPosting();
    const key = newId();
    const first = await replyToThread(client, threadId, "Ett svar, skickat två gånger", { authorId: person.id, key });
    const second = await replyToThread(client, threadId, "Ett svar, skickat två gånger", { authorId: person.id, key });
    expect(first).toMatchObject({ ok: true, postId: key, replayed: false });
    expect(second).toMatchObject({ ok: true, postId: key, replayed: true });
    if (first.ok && second.ok) expect(second.position).toBe(first.position);
    expect(await countById("posts", key)).toBe(1);
  });

  it("two identical replies at the same moment leave one post", async () => {
    await forgetPosting();
    const key = newId();
    const results = await Promise.all([1, 2].map(() => replyToThread(client, threadId, "Dubbelklick", { authorId: person.id, key })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.filter((result) => result.ok && result.replayed)).toHaveLength(1);
    expect(await countById("posts", key)).toBe(1);
    const bodies = await sql<{ n: number }>("select count(*)::int as n from public.posts where thread_id = $1 and body = 'Dubbelklick'", [threadId]);
    expect(bodies[0]?.n).toBe(1);
  });

  it("someone else's ids as keys are no replay: refused, nothing is written", async () => {
    const foreign = (await sql<{ id: string }>("select id::text from public.posts where thread_id <> $1 and author_id <> $2 limit 1", [threadId, person.id]))[0]!.id;
    const before = await sql<{ n: number }>("select count(*)::int as n from public.posts where thread_id = $1", [threadId]);
    expect(await replyToThread(client, threadId, "Kapat id", { authorId: person.id, key: foreign })).toEqual({ ok: false, error: "notAllowed" });
    const foreignThread = (await sql<{ id: string }>("select id::text from public.threads where author_id <> $1 and forum_id = $2 limit 1", [person.id, FORUM.samverkan]))[0]!.id;
    expect(await startThread(client, FORUM.samverkan, { title: "Kapad tråd", body: "Text", key: foreignThread })).toEqual({ ok: false, error: "notAllowed" });
    const parsed = parseInitiative({ orgId: ORG.kronogarden, title: "Kapat initiativ" }, false);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    const foreignInitiative = (await sql<{ id: string }>("select id::text from public.initiatives where created_by is distinct from $1 limit 1", [person.id]))[0]!.id;
    expect(await saveInitiative(client, { id: null, newId: foreignInitiative, data: parsed.data, publish: false })).toEqual({ ok: false, reason: "refused" });
    const after = await sql<{ n: number }>("select count(*)::int as n from public.posts where thread_id = $1", [threadId]);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("a new thread started twice with the same key is one thread with one first post", async () => {
    await forgetPosting();
    const key = newId();
    const input = { title: "Samma tråd två gånger", body: "Hej!", key };
    const [first, second] = [await startThread(client, FORUM.samverkan, input), await startThread(client, FORUM.samverkan, input)];
    expect(first).toEqual({ ok: true, threadId: key, postId: expect.any(String), replayed: false });
    expect(second).toEqual({ ok: true, threadId: key, postId: first.ok ? first.postId : "", replayed: true });
    const [simultaneousA, simultaneousB] = await Promise.all([1, 2].map(() => startThread(client, FORUM.samverkan, { ...input, key: newIdShared })));
    expect([simultaneousA?.ok, simultaneousB?.ok]).toEqual([true, true]);
    expect(await countById("threads", key)).toBe(1);
    expect(await countById("threads", newIdShared)).toBe(1);
    const posts = await sql<{ n: number }>("select count(*)::int as n from public.posts where thread_id = any($1::uuid[])", [[key, newIdShared]]);
    expect(posts[0]?.n).toBe(2);
  });

  it("a new initiative registered twice with the same key is one initiative", async () => {
    const parsed = parseInitiative({ orgId: ORG.kronogarden, title: "Idempotent initiativ" }, false);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    const key = newId();
    const first = await saveInitiative(client, { id: null, newId: key, data: parsed.data, publish: false });
    const second = await saveInitiative(client, { id: null, newId: key, data: parsed.data, publish: false });
    expect(first).toMatchObject({ ok: true, id: key });
    expect(second).toMatchObject({ ok: true, id: key });
    expect(await countById("initiatives", key)).toBe(1);

    const update = { reportedOn: "2026-11-20", body: "Vi har träffats tre gånger.", participantsReached: 12, newStatus: null };
    const updateKey = newId();
    const results = await Promise.all([1, 2].map(() => addProgressUpdate(client, key, person.id, update, updateKey)));
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(await countById("initiative_updates", updateKey)).toBe(1);
  });

  it("a repeated 'Skicka in' is recognised only for the same person, a submitted report and the form's revision", () => {
    const submitted = { status: "submitted" as const, submittedById: person.id, revision: 4 };
    expect(isRepeatedSubmit(submitted, person.id, 4)).toBe(true);
    expect(isRepeatedSubmit(submitted, person.id, 3)).toBe(true); // the submit itself saved once more
    expect(isRepeatedSubmit(submitted, person.id, 2)).toBe(false); // saved by others since
    expect(isRepeatedSubmit(submitted, newId(), 4)).toBe(false);
    expect(isRepeatedSubmit({ ...submitted, status: "draft" }, person.id, 4)).toBe(false);
    expect(isRepeatedSubmit({ ...submitted, status: "accepted" }, person.id, 4)).toBe(false);
  });
});

describe("the posting rate limit", () => {
  it("allows 20 posts in 10 minutes, refuses the 21st with SR429 and the function says rateLimited; nothing is stored", async () => {
    await forgetPosting();
    for (let i = 1; i <= 20; i++) {
      const result = await replyToThread(client, threadId, `Inlägg ${i}`, { authorId: person.id, key: null });
      expect(result.ok, `post ${i}`).toBe(true);
    }
    const raw = await client.from("posts").insert({ thread_id: threadId, body: "Ett för mycket", position: 0 });
    expect(raw.error?.code).toBe("SR429");
    const key = newId();
    expect(await replyToThread(client, threadId, "Ett för mycket", { authorId: person.id, key })).toEqual({ ok: false, error: "rateLimited" });
    expect(await countById("posts", key)).toBe(0);
  });

  it("a retry of a post that went through is still answered when the limit is reached", async () => {
    await forgetPosting();
    const key = newId();
    expect(await replyToThread(client, threadId, "Sparat före gränsen", { authorId: person.id, key })).toMatchObject({ ok: true });
    await sql("insert into private.posting_events (user_id, kind) select $1, 'posts' from generate_series(1, 20)", [person.id]);
    expect(await replyToThread(client, threadId, "Sparat före gränsen", { authorId: person.id, key })).toMatchObject({ ok: true, replayed: true });
  });

  it("posts written by server code in the person's name neither count nor are limited", async () => {
    await forgetPosting();
    await serviceInsert(
      "posts",
      Array.from({ length: 25 }, (_, i) => ({ thread_id: threadId, author_id: person.id, body: `Import ${i}` })),
    );
    expect(await replyToThread(client, threadId, "Efter importen", { authorId: person.id, key: null })).toMatchObject({ ok: true });
  });

  it("the window moves: posts older than 10 minutes no longer count", async () => {
    await forgetPosting();
    await sql("insert into private.posting_events (user_id, kind, at) select $1, 'posts', now() - interval '11 minutes' from generate_series(1, 20)", [person.id]);
    expect(await replyToThread(client, threadId, "Elva minuter senare", { authorId: person.id, key: null })).toMatchObject({ ok: true });
    const left = await sql<{ n: number }>("select count(*)::int as n from private.posting_events where user_id = $1", [person.id]);
    expect(left[0]?.n, "old entries are cleared as the person posts").toBe(1);
  });

  it("allows 5 new threads in 10 minutes and refuses the 6th (no empty thread is left behind)", async () => {
    await forgetPosting();
    await sql("delete from private.posting_events where user_id = $1", [person.id]);
    for (let i = 1; i <= 5; i++) {
      expect((await startThread(client, FORUM.samverkan, { title: `Ny tråd ${i}`, body: "Text", key: null })).ok, `thread ${i}`).toBe(true);
    }
    const key = newId();
    expect(await startThread(client, FORUM.samverkan, { title: "Sjätte tråden", body: "Text", key })).toEqual({ ok: false, error: "rateLimited" });
    expect(await countById("threads", key)).toBe(0);
  });

  it("API roles cannot read or change the bookkeeping", async () => {
    // Not served by the REST API at all (PostgREST exposes only its configured schemas) ...
    const { error } = await client.schema("private" as "public").from("posting_events" as "posts").select("*");
    expect(error?.code).toBe("PGRST106");
    // ... and refused to the API roles by the database itself.
    for (const role of ["anon", "authenticated"]) {
      await expect(sql(`begin; set local role ${role}; select count(*) from private.posting_events; commit;`), role).rejects.toThrow(/permission denied for schema private/);
    }
  });
});
