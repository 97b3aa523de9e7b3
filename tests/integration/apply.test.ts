/**
 * The SQL behind /apply and the coordinators' decisions (issue 4): `apply_for_membership` lets
 * anyone (anonymous included) create a pending organisation with its application, and nothing more;
 * `reject_organisation_application` is for coordinators only and leaves the reason in the audit log.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../app/lib/org-number.ts";
import { anonClient, serviceClient, signedInClient } from "../support/clients.ts";
import { sql } from "../support/rls.ts";

function newOrgNumber(): string {
  const nine = `802${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

function application(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8);
  return {
    p_name: `Integrationsföreningen ${tag}`,
    p_org_number: newOrgNumber(),
    p_kind: "association" as const,
    p_districts: ["Sylte"],
    p_description: "Vi ordnar språkcafé varje vecka.",
    p_website: "",
    p_contact_name: "Test Testsson",
    p_contact_email: `test-${tag}@apply-int.example`,
    p_message: null as unknown as string,
    ...overrides,
  };
}

describe("apply_for_membership", () => {
  it("an anonymous visitor applies: a pending organisation and its application, atomically", async () => {
    const input = application({ p_org_number: "" });
    input.p_org_number = newOrgNumber().replace("-", "");
    const { data: id, error } = await anonClient().rpc("apply_for_membership", input);
    expect(error).toBeNull();
    const { data: org } = await serviceClient()
      .from("organisations")
      .select("name, org_number, status, reports_to_board, districts, created_by, organisation_applications(applicant_name, applicant_email, user_id)")
      .eq("id", id!)
      .single();
    expect(org).toMatchObject({
      name: input.p_name,
      org_number: `${input.p_org_number.slice(0, 6)}-${input.p_org_number.slice(6)}`,
      status: "pending",
      reports_to_board: false,
      districts: ["Sylte"],
      created_by: null,
      organisation_applications: { applicant_name: "Test Testsson", applicant_email: input.p_contact_email, user_id: null },
    });
    // logged as created, by nobody in particular (the anonymous role)
    const rows = await sql<{ action: string; actor_id: string | null; actor_role: string }>(
      "select action, actor_id::text, actor_role from public.audit_log where entity_id = $1",
      [id],
    );
    expect(rows).toEqual([{ action: "organisation.created", actor_id: null, actor_role: "anon" }]);
  });

  it("anonymous visitors still cannot write the tables directly, nor see the pending organisation", async () => {
    const anon = anonClient();
    const insert = await anon.from("organisations").insert({ name: "Direkt AB", status: "active" });
    expect(insert.error?.code).toBe("42501");
    const { data: id } = await anon.rpc("apply_for_membership", application());
    const { data } = await anon.from("organisations").select("id").eq("id", id!);
    expect(data).toEqual([]);
  });

  it("cannot set the status or board reporting: there are no such parameters, and extra ones are refused", async () => {
    const { error } = await anonClient().rpc("apply_for_membership", { ...application(), p_status: "active", p_reports_to_board: true } as never);
    // PostgREST finds no function with those parameters
    expect(error?.code).toBe("PGRST202");
  });

  it("refuses a duplicate organisation number, with or without the hyphen, whatever the first one's status", async () => {
    const first = application();
    expect((await anonClient().rpc("apply_for_membership", first)).error).toBeNull();
    for (const number of [first.p_org_number, first.p_org_number.replace("-", "")]) {
      const { error } = await anonClient().rpc("apply_for_membership", application({ p_org_number: number }));
      expect(error?.code).toBe("23505");
      expect(error?.hint).toBe("orgNumber");
    }
    // a seeded active organisation's number (invalid check digit in the seed: refused either way)
    const seeded = await anonClient().rpc("apply_for_membership", application({ p_org_number: "202100-4004" }));
    expect(seeded.error?.code).toMatch(/^(22023|23505)$/);
  });

  it("refuses invalid input with the field named in the hint", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ p_org_number: "802500-6006" }, "orgNumber"],
      [{ p_org_number: "12345" }, "orgNumber"],
      [{ p_name: " " }, "name"],
      [{ p_districts: [] }, "districts"],
      [{ p_description: "kort" }, "description"],
      [{ p_website: "ftp://x" }, "website"],
      [{ p_contact_email: "inte-en-adress" }, "contactEmail"],
    ];
    for (const [overrides, field] of cases) {
      const { error } = await anonClient().rpc("apply_for_membership", application(overrides));
      expect(error?.code, field).toBe("22023");
      expect(error?.hint, field).toBe(field);
    }
    const district = await anonClient().rpc("apply_for_membership", application({ p_districts: ["Göteborg"] }));
    expect(district.error?.code).toBe("23514"); // the column's check
  });

  it("org_number_is_valid agrees with the Luhn rule", async () => {
    const rows = await sql<{ v: boolean }>(
      "select public.org_number_is_valid(x) as v from unnest(array['212000-1561','5560743089','212000-1562','802500-6006','abc']) as x",
    );
    expect(rows.map((row) => row.v)).toEqual([true, true, false, false, false]);
  });
});

describe("reject_organisation_application", () => {
  it("only coordinators reject; the reason is logged and the organisation removed", async () => {
    const { data: id } = await anonClient().rpc("apply_for_membership", application());
    for (const client of [anonClient(), await signedInClient("eidar")]) {
      const { error } = await client.rpc("reject_organisation_application", { p_org_id: id!, p_reason: "Inte aktuellt just nu." });
      expect(error?.code).toBe("42501");
    }
    const coordinator = await signedInClient("coordinator");
    const tooShort = await coordinator.rpc("reject_organisation_application", { p_org_id: id!, p_reason: "nej" });
    expect(tooShort.error?.code).toBe("22023");
    const { error } = await coordinator.rpc("reject_organisation_application", { p_org_id: id!, p_reason: "Inte aktuellt just nu." });
    expect(error).toBeNull();
    const { data } = await serviceClient().from("organisations").select("id").eq("id", id!);
    expect(data).toEqual([]);
    const rows = await sql<{ action: string; reason: string | null; actor_role: string }>(
      "select action, data->>'reason' as reason, actor_role from public.audit_log where entity_id = $1 order by id",
      [id],
    );
    expect(rows.map((row) => row.action)).toEqual(["organisation.created", "organisation.rejected", "organisation.deleted"]);
    expect(rows[1]).toMatchObject({ reason: "Inte aktuellt just nu.", actor_role: "authenticated" });
  });

  it("does not reject an active organisation", async () => {
    const coordinator = await signedInClient("coordinator");
    const { data: active } = await serviceClient().from("organisations").select("id").eq("status", "active").limit(1).single();
    const { error } = await coordinator.rpc("reject_organisation_application", { p_org_id: active!.id, p_reason: "Försök att avslå en aktiv." });
    expect(error?.code).toBe("22023");
  });
});
