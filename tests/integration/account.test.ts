/**
 * The account schema of issue 4: profiles.notification_frequency (a person sets only their own),
 * my_audit_entries() (only one's own entries), my_sole_admin_organisations(), and deleting an
 * auth user (what cascades, what stays, and that an accepted report does not block it).
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, describe, expect, it } from "vitest";
import { signedInClient } from "../support/clients.ts";
import { USER, as, newId, rowOf, service, serviceInsert, sql, throwawayPeriod, throwawayUser } from "../support/rls.ts";

const PASSWORD = "rls-test-password";
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function person() {
  const user = await throwawayUser();
  cleanups.push(user.remove);
  const client = (await signedInClient({ email: user.email, password: PASSWORD })) as unknown as SupabaseClient;
  return { ...user, client };
}

async function organisation(name: string): Promise<string> {
  const [row] = await serviceInsert("organisations", { name: `${name} ${newId().slice(0, 6)}`, kind: "association", status: "active" });
  const orgId = row!.id as string;
  cleanups.push(async () => {
    await sql("delete from public.reports where org_id = $1", [orgId]).catch(() => undefined);
    await sql("delete from public.organisations where id = $1", [orgId]);
  });
  return orgId;
}

describe("profiles.notification_frequency", () => {
  it("defaults to immediately and is set by the person on their own profile", async () => {
    const me = await person();
    expect((await rowOf("profiles", { id: me.id }))?.notification_frequency).toBe("immediately");
    const { data, error } = await me.client.from("profiles").update({ notification_frequency: "weekly" }).eq("id", me.id).select("id");
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    expect((await rowOf("profiles", { id: me.id }))?.notification_frequency).toBe("weekly");
  });

  it("refuses values outside the enum", async () => {
    const me = await person();
    const { error } = await me.client.from("profiles").update({ notification_frequency: "hourly" }).eq("id", me.id);
    expect(error?.code).toBe("22P02");
    expect((await rowOf("profiles", { id: me.id }))?.notification_frequency).toBe("immediately");
  });

  it("cannot be changed on someone else's profile, by a partner, a coordinator or an anonymous visitor", async () => {
    const other = await person();
    for (const actor of ["region", "coordinator", "anon"] as const) {
      const { data } = await (await as(actor)).from("profiles").update({ notification_frequency: "never" }).eq("id", other.id).select("id");
      expect(data ?? []).toEqual([]);
    }
    expect((await rowOf("profiles", { id: other.id }))?.notification_frequency).toBe("immediately");
  });
});

describe("my_audit_entries()", () => {
  it("returns a person's own entries (what they did and what was done to them) and nobody else's", async () => {
    const me = await person();
    const colleague = await person();
    const orgId = await organisation("Granskningsföreningen");
    await serviceInsert("memberships", [
      { org_id: orgId, user_id: me.id, role: "admin", status: "active" },
      { org_id: orgId, user_id: colleague.id, role: "admin", status: "active" },
    ]);
    // Something I do: make my colleague a plain member (logged with me as the actor).
    const { error: changeError } = await me.client.from("memberships").update({ role: "member" }).eq("org_id", orgId).eq("user_id", colleague.id);
    expect(changeError).toBeNull();

    const { data: mine, error } = await me.client.rpc("my_audit_entries");
    expect(error).toBeNull();
    const myMembership = (await rowOf("memberships", { org_id: orgId, user_id: me.id }))!.id;
    const colleagueMembership = (await rowOf("memberships", { org_id: orgId, user_id: colleague.id }))!.id;
    const entries = mine as { actor_id: string | null; entity: string; entity_id: string; action: string }[];
    expect(entries.some((entry) => entry.entity_id === myMembership && entry.action === "membership.added")).toBe(true);
    expect(entries.some((entry) => entry.actor_id === me.id && entry.action === "membership.role_changed")).toBe(true);
    expect(entries.every((entry) => entry.actor_id === me.id || entry.entity_id === me.id || entry.entity_id === myMembership)).toBe(true);
    expect(entries.some((entry) => entry.entity_id === colleagueMembership && entry.action === "membership.added")).toBe(false);

    const { data: theirs } = await colleague.client.rpc("my_audit_entries");
    const theirEntries = theirs as { actor_id: string | null; entity_id: string; action: string }[];
    expect(theirEntries.some((entry) => entry.entity_id === colleagueMembership && entry.action === "membership.role_changed")).toBe(true);
    expect(theirEntries.some((entry) => entry.entity_id === myMembership)).toBe(false);
  });

  it("is not open to anonymous visitors", async () => {
    const { error } = await (await as("anon")).rpc("my_audit_entries");
    expect(error?.code).toBe("42501");
  });

  it("gives a demo coordinator only entries about themselves, although they may read the whole log", async () => {
    const { data, error } = await (await as("coordinator")).rpc("my_audit_entries");
    expect(error).toBeNull();
    const entries = data as { actor_id: string | null; entity_id: string | null; entity: string }[];
    const memberships = await sql<{ id: string }>("select id::text from public.memberships where user_id = $1", [USER.coordinator]);
    const mine = new Set([USER.coordinator, ...memberships.map((row) => row.id)]);
    expect(entries.every((entry) => entry.actor_id === USER.coordinator || mine.has(entry.entity_id ?? ""))).toBe(true);
  });
});

describe("my_sole_admin_organisations()", () => {
  it("names the organisations a person alone administers, and none once there is another admin", async () => {
    const me = await person();
    const orgId = await organisation("Ensamföreningen");
    await serviceInsert("memberships", { org_id: orgId, user_id: me.id, role: "admin", status: "active" });
    const { data } = await me.client.rpc("my_sole_admin_organisations");
    expect((data as { org_id: string }[]).map((row) => row.org_id)).toEqual([orgId]);

    const other = await person();
    await serviceInsert("memberships", { org_id: orgId, user_id: other.id, role: "admin", status: "active" });
    const { data: after } = await me.client.rpc("my_sole_admin_organisations");
    expect(after).toEqual([]);
  });

  it("is empty for a plain member and refused for anonymous visitors", async () => {
    const { data } = await (await as("region")).rpc("my_sole_admin_organisations");
    expect(data).toEqual([]);
    const { error } = await (await as("anon")).rpc("my_sole_admin_organisations");
    expect(error?.code).toBe("42501");
  });
});

describe("deleting an auth user", () => {
  it("removes profile, memberships and roles, keeps posts, reports (even accepted ones) and the audit trail", async () => {
    const me = await person();
    const colleague = await person();
    const orgId = await organisation("Raderingsföreningen");
    await serviceInsert("memberships", [
      { org_id: orgId, user_id: me.id, role: "admin", status: "active" },
      { org_id: orgId, user_id: colleague.id, role: "admin", status: "active" },
    ]);
    await me.client.from("memberships").update({ role: "member" }).eq("org_id", orgId).eq("user_id", colleague.id);
    const [post] = await serviceInsert("posts", { thread_id: "7a7a7a7a-0000-4000-8000-000000000001", author_id: me.id, body: "Finns kvar." });
    const periodId = await throwawayPeriod("closed");
    cleanups.push(async () => {
      await sql("delete from public.reports where period_id = $1", [periodId]);
      await sql("delete from public.reporting_periods where id = $1", [periodId]);
    });
    const [report] = await serviceInsert("reports", {
      org_id: orgId,
      period_id: periodId,
      status: "accepted",
      summary: "Godkänd rapport",
      submitted_by: me.id,
      created_by: me.id,
      updated_by: me.id,
      reviewed_by: USER.coordinator,
    });

    const { error } = await (await service()).auth.admin.deleteUser(me.id);
    expect(error).toBeNull();

    expect(await rowOf("profiles", { id: me.id })).toBeNull();
    expect(await sql("select 1 from public.memberships where user_id = $1", [me.id])).toEqual([]);
    expect(await rowOf("posts", { id: post!.id as string })).toMatchObject({ author_id: null, body: "Finns kvar." });
    expect(await rowOf("reports", { id: report!.id as string })).toMatchObject({
      status: "accepted",
      summary: "Godkänd rapport",
      submitted_by: null,
      created_by: null,
      updated_by: null,
      reviewed_by: USER.coordinator,
    });
    const kept = await sql<{ action: string }>("select action from public.audit_log where actor_id = $1", [me.id]);
    expect(kept.map((row) => row.action)).toContain("membership.role_changed");
    // The membership's removal is logged too (by the system, not by a user).
    const removed = await sql<{ action: string }>("select action from public.audit_log where entity = 'membership' and data ->> 'user_id' = $1", [me.id]);
    expect(removed.map((row) => row.action)).toContain("membership.removed");
  });

  it("still keeps an accepted report frozen for everything else", async () => {
    await expect(
      sql("update public.reports set summary = 'Ändrad' where id = $1", ["eeeeeeee-0000-4000-8000-000000000001"]),
    ).rejects.toThrow(/accepted report cannot be changed/);
    // Nulling a person column whose profile still exists is no exception either.
    await expect(
      sql("update public.reports set reviewed_by = null where id = $1 and reviewed_by is not null", ["eeeeeeee-0000-4000-8000-000000000001"]),
    ).rejects.toThrow(/accepted report cannot be changed/);
  });
});
