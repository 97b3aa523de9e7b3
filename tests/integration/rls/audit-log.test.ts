/**
 * audit_log (DESIGN.md): rows written only by triggers; coordinators read; nobody updates or
 * deletes — not coordinators, and not the service role either (the migration revokes its writes).
 * Other tests check that each kind of state change writes its row (reports, memberships,
 * organisations, platform roles, moderation); this file checks the log itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, REPORT, USER, as, auditRows, sql } from "../../support/rls.ts";

interface AuditRow {
  id: string;
  action: string;
  entity: string;
  entity_id: string | null;
  actor_id: string | null;
  at: string;
  data: unknown;
}

let target: AuditRow;
beforeAll(async () => {
  // the seed's acceptance of AB Eidar's 2025 report
  const rows = await sql<AuditRow>("select id::text, action, entity, entity_id::text, actor_id::text, at::text, data from public.audit_log where entity_id = $1 and action = 'report.accepted'", [REPORT.eidar2025Accepted]);
  expect(rows).toHaveLength(1);
  target = rows[0]!;
});

async function current(): Promise<AuditRow | undefined> {
  return (await sql<AuditRow>("select id::text, action, entity, entity_id::text, actor_id::text, at::text, data from public.audit_log where id = $1", [target.id]))[0];
}

describe("audit_log: who reads", () => {
  it("the seed's report history is in the log, in order", async () => {
    expect((await auditRows(REPORT.eidar2025Accepted)).map((row) => row.action)).toEqual(["report.created", "report.submitted", "report.accepted"]);
  });

  it("coordinators read the log (the seed's report history included)", async () => {
    const { data, error } = await (await as("coordinator")).from("audit_log").select("id, action").eq("entity_id", REPORT.eidar2025Accepted).order("id");
    expect(error).toBeNull();
    expect((data as { action: string }[]).map((row) => row.action)).toEqual(["report.created", "report.submitted", "report.accepted"]);
  });

  for (const actor of ["anon", "board", "eidar", "association", "region"] as const) {
    it(`${actor} reads nothing of the log, not even entries about itself`, async () => {
      const { data, error } = await (await as(actor)).from("audit_log").select("id");
      if (error) expect(error.code).toBe("42501");
      else expect(data).toEqual([]);
    });
  }

  it("the service role reads the log (server-side exports)", async () => {
    const { data, error } = await (await as("service")).from("audit_log").select("id").eq("id", Number(target.id));
    expect(error).toBeNull();
    expect(data).toEqual([{ id: Number(target.id) }]);
  });
});

describe("audit_log: nobody writes it directly", () => {
  const forged = { action: "report.accepted", entity: "reports", entity_id: REPORT.krono2026Draft, actor_id: USER.coordinator, data: { forged: true } };

  for (const actor of ACTORS) {
    it(`insert · ${actor} → refused`, async () => {
      const { error } = await (await as(actor)).from("audit_log").insert(forged);
      expect(error?.code, `${actor}: ${error?.message}`).toBe("42501");
      expect(await sql("select id from public.audit_log where entity_id = $1 and data ? 'forged'", [REPORT.krono2026Draft])).toEqual([]);
    });

    it(`update · ${actor} → refused, the entry unchanged`, async () => {
      const { error, count } = await (await as(actor)).from("audit_log").update({ action: "report.returned", actor_id: null }, { count: "exact" }).eq("id", Number(target.id));
      if (error) expect(error.code).toBe("42501");
      else expect(count).toBe(0);
      expect(await current()).toEqual(target);
    });

    it(`delete · ${actor} → refused, the entry still there`, async () => {
      const { error, count } = await (await as(actor)).from("audit_log").delete({ count: "exact" }).eq("id", Number(target.id));
      if (error) expect(error.code).toBe("42501");
      else expect(count).toBe(0);
      expect(await current()).toEqual(target);
    });
  }

  it("the coordinator's refusal is a real one (it can read the row it tries to change)", async () => {
    const coordinator = await as("coordinator");
    expect((await coordinator.from("audit_log").select("id").eq("id", Number(target.id))).data).toHaveLength(1);
    const { error, count } = await coordinator.from("audit_log").update({ action: "x" }, { count: "exact" }).eq("id", Number(target.id));
    expect(error?.code ?? count).not.toBe(1);
  });

  it("not even the table owner can change or delete an entry (append-only trigger)", async () => {
    await expect(sql("update public.audit_log set action = 'x' where id = $1", [target.id])).rejects.toThrow(/append-only/);
    await expect(sql("delete from public.audit_log where id = $1", [target.id])).rejects.toThrow(/append-only/);
    expect(await current()).toEqual(target);
  });
});
