/**
 * Paginated lists at scale (issue 10), through supabase-js as the demo personas against the real
 * stack: the organisation directory and /admin/organisations come a page at a time, a page 2
 * holds the next rows in order, a page past the last answers with the real number of pages, and
 * the directory's member counts come only for the organisations on the page
 * (`organisation_member_counts_for`).
 * The threads policy asks readable_forum_ids() once per statement instead of can_read_forum()
 * per row: both must give every persona the same forums.
 * 51 throwaway organisations (page sizes 20 and 50 need a second page) are made through the
 * service role and removed.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/lib/database.types.ts";
import { DIRECTORY_PAGE_SIZE, listDirectory } from "../../app/lib/members.server.ts";
import { listOrganisations, ORGANISATIONS_PER_PAGE } from "../../app/lib/organisations.server.ts";
import { ORG, PERSONAS, USER, as, newId, removeOutsider, serviceDelete, serviceInsert, sql, type Actor } from "../support/rls.ts";

type Typed = SupabaseClient<Database>;
const typed = async (actor: Actor) => (await as(actor)) as unknown as Typed;

const PREFIX = "Sidtestförening";
const COUNT = ORGANISATIONS_PER_PAGE + 1;
const ids: string[] = [];

beforeAll(async () => {
  expect(COUNT).toBeGreaterThan(DIRECTORY_PAGE_SIZE);
  for (let n = 1; n <= COUNT; n += 1) ids.push(newId());
  // Names sort in the order made (zero-padded); the last one is pending, so the directory leaves it out.
  await serviceInsert(
    "organisations",
    ids.map((id, index) => ({ id, name: `${PREFIX} ${String(index + 1).padStart(2, "0")}`, kind: "association", status: index === COUNT - 1 ? "pending" : "active" })),
  );
  // One member in the first organisation, seen in its count on page 1.
  await serviceInsert("memberships", { org_id: ids[0], user_id: USER.region, role: "member", status: "active" });
});

afterAll(async () => {
  await removeOutsider();
  for (const id of ids) {
    await serviceDelete("memberships", { org_id: id });
    await serviceDelete("organisations", { id });
  }
});

describe("the organisation directory", () => {
  it("comes a page at a time: page 2 holds the next organisations by name, with their counts", async () => {
    const client = await typed("eidar");
    const first = await listDirectory(client, PREFIX, 1);
    const second = await listDirectory(client, PREFIX, 2);
    const active = COUNT - 1;
    expect(first.total).toBe(active);
    expect(first.pages).toBe(Math.ceil(active / DIRECTORY_PAGE_SIZE));
    expect(first.organisations.map((row) => row.id)).toEqual(ids.slice(0, DIRECTORY_PAGE_SIZE));
    expect(second.organisations.map((row) => row.id)).toEqual(ids.slice(DIRECTORY_PAGE_SIZE, 2 * DIRECTORY_PAGE_SIZE));
    expect(first.organisations[0]?.members).toBe(1);
    expect(second.organisations.every((row) => row.members === 0)).toBe(true);
  });

  it("past the last page: no rows, and the real number of pages for the route's redirect", async () => {
    const past = await listDirectory(await typed("eidar"), PREFIX, 99);
    expect(past.organisations).toEqual([]);
    expect(past.total).toBe(COUNT - 1);
    expect(past.pages).toBe(Math.ceil((COUNT - 1) / DIRECTORY_PAGE_SIZE));
  });

  it("member counts for the asked organisations only, active ones only, nothing to anonymous visitors", async () => {
    const { data, error } = await (await typed("region")).rpc("organisation_member_counts_for", { orgs: [ORG.eidar, ORG.lextorp, ids[0]!] });
    expect(error).toBeNull();
    const counts = new Map((data ?? []).map((row) => [row.org_id, Number(row.members)]));
    expect(counts.get(ORG.eidar)).toBeGreaterThanOrEqual(2);
    expect(counts.get(ids[0]!)).toBe(1);
    expect(counts.has(ORG.lextorp)).toBe(false);
    expect(counts.size).toBe(2);
    const anon = await (await typed("anon")).rpc("organisation_member_counts_for", { orgs: [ORG.eidar] });
    expect(anon.error?.code).toBe("42501");
  });
});

describe("/admin/organisations", () => {
  it("comes a page at a time: page 2 holds the rest, a page past the last none", async () => {
    const client = await typed("coordinator");
    const filters = { q: PREFIX, kind: "" as const, status: "" as const };
    const first = await listOrganisations(client, filters, 1);
    const second = await listOrganisations(client, filters, 2);
    expect(first.total).toBe(COUNT);
    expect(first.pages).toBe(2);
    expect(first.organisations.map((row) => row.id)).toEqual(ids.slice(0, ORGANISATIONS_PER_PAGE));
    expect(second.organisations.map((row) => row.id)).toEqual(ids.slice(ORGANISATIONS_PER_PAGE));
    expect((await listOrganisations(client, filters, 3)).organisations).toEqual([]);
  });
});

describe("readable_forum_ids(), behind the threads policy", () => {
  it("is can_read_forum() for every persona and the outsider, and refuses anonymous visitors", async () => {
    const forums = (await sql<{ id: string }>("select id from public.forums")).map((row) => row.id);
    expect(forums.length).toBeGreaterThan(2);
    for (const actor of [...PERSONAS, "outsider"] as const) {
      const client = await as(actor);
      const { data, error } = await client.rpc("readable_forum_ids");
      expect(error).toBeNull();
      const readable = new Set(data as string[]);
      const expected = new Set<string>();
      for (const forum of forums) {
        const check = await client.rpc("can_read_forum", { forum });
        expect(check.error).toBeNull();
        if (check.data === true) expected.add(forum);
      }
      expect([...readable].sort(), actor).toEqual([...expected].sort());
    }
    expect((await (await as("anon")).rpc("readable_forum_ids")).error?.code).toBe("42501");
  });

  it("a private forum's threads stay hidden from a partner who is not its member", async () => {
    // Through the policy: the region persona is a partner; a private forum made here has one thread.
    const forum = newId();
    const thread = newId();
    await serviceInsert("forums", { id: forum, slug: `privat-${forum.slice(0, 8)}`, name: "Privat sidtest", visibility: "private" });
    try {
      await serviceInsert("threads", { id: thread, forum_id: forum, title: "Dold tråd", author_id: USER.coordinator });
      const seen = await (await as("region")).from("threads").select("id").eq("forum_id", forum);
      expect(seen.error).toBeNull();
      expect(seen.data).toEqual([]);
      const coordinator = await (await as("coordinator")).from("threads").select("id").eq("forum_id", forum);
      expect(coordinator.data).toEqual([{ id: thread }]);
    } finally {
      await serviceDelete("threads", { id: thread });
      await serviceDelete("forums", { id: forum });
    }
  });
});
