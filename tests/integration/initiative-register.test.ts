/**
 * Registering, publishing and following up an initiative (issue 6) through the portal's own server
 * functions (app/lib/initiative-editor.server.ts, app/lib/initiative-page.server.ts) as the demo
 * personas against the real stack: a draft saves with little, publishing names the missing fields
 * and then stamps published_at, a partner organisation reads but cannot change the initiative,
 * progress updates drive participants_reached and status, another organisation's member cannot add
 * one, and a failing partner step leaves nothing half-saved. Everything made here is removed.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/lib/database.types.ts";
import { getEditableInitiative, publishStoredInitiative, saveInitiative } from "../../app/lib/initiative-editor.server.ts";
import { addProgressUpdate, deleteProgressUpdate, getInitiativePage } from "../../app/lib/initiative-page.server.ts";
import { listOrganisationInitiatives } from "../../app/lib/organisations.server.ts";
import { parseInitiative, type InitiativeInput } from "../../app/lib/schemas/initiative.ts";
import { anonClient, signedInClient, type Persona } from "../support/clients.ts";
import { ORG, USER, rowOf, serviceDelete } from "../support/rls.ts";

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

const created: string[] = [];
afterAll(async () => {
  for (const id of created) await serviceDelete("initiatives", { id });
});

const marker = `Registreringstest ${Date.now()}`;

function input(values: Record<string, unknown>, publish = false): InitiativeInput {
  const parsed = parseInitiative({ orgId: ORG.eidar, ...values }, publish);
  if (!parsed.success) throw new Error(`Test input is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.data;
}

const complete = {
  title: `${marker} – läxhjälp`,
  summary: "Läxhjälp två kvällar i veckan.",
  startsOn: "2026-01-15",
  districts: ["Kronogården", "Lextorp"],
  targetGroups: ["barn", "foraldrar"],
  focusAreas: ["utbildning"],
  participantsExpected: "40",
  budget: "12 500,50",
  isPublic: "on",
  contactEmail: "laxhjalp@eidar.example",
  partners: [{ orgId: ORG.kronogarden, role: "Lokaler" }],
};

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function createDraft(title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await saveInitiative(await client("eidar"), { id: null, data: input({ title, ...extra }), publish: false });
  if (!result.ok) throw new Error(`Could not create a draft: ${JSON.stringify(result)}`);
  created.push(result.id);
  return result.id;
}

describe("registering and publishing", () => {
  it("saves a draft as Eidar's member, refuses publishing it with the missing fields, then publishes it complete", async () => {
    const eidar = await client("eidar");
    const id = await createDraft(`${marker} – utkast`);
    const stored = await rowOf("initiatives", { id });
    expect(stored).toMatchObject({ org_id: ORG.eidar, status: "draft", published_at: null, created_by: USER.eidar });

    // Publishing what is stored names each missing field.
    const refused = await publishStoredInitiative(eidar, id);
    expect(refused).toEqual({
      ok: false,
      reason: "invalid",
      errors: { summary: "summaryRequired", startsOn: "startRequired", districts: "districtsRequired", targetGroups: "targetGroupsRequired", focusAreas: "focusAreasRequired" },
    });
    // The form's publish check names the same keys (and the e-mail of a public one).
    const form = parseInitiative({ orgId: ORG.eidar, title: "Utkast", isPublic: "on" }, true);
    expect(form.success ? [] : Object.keys(form.errors).sort()).toEqual(["contactEmail", "districts", "focusAreas", "startsOn", "summary", "targetGroups"]);
    expect((await rowOf("initiatives", { id }))?.status).toBe("draft");

    // The database refuses an incomplete non-draft too (the check behind the form).
    const { error } = await eidar.from("initiatives").update({ status: "ongoing" }).eq("id", id);
    expect(error?.code).toBe("23514");

    // Complete and publish through the form's save.
    const published = await saveInitiative(eidar, { id, data: input({ ...complete, title: `${marker} – utkast` }, true), publish: true, today: "2026-11-27" });
    expect(published).toEqual({ ok: true, id, status: "ongoing" });
    const row = await rowOf("initiatives", { id });
    expect(row).toMatchObject({ status: "ongoing", budget_sek: 12500.5, participants_expected: 40, is_public: true });
    expect(row?.published_at).toEqual(expect.any(String));
    const partners = await (await client("eidar")).from("initiative_partners").select("org_id, role").eq("initiative_id", id);
    expect(partners.data).toEqual([{ org_id: ORG.kronogarden, role: "Lokaler" }]);
  });

  it("shows a draft only to its organisation; a non-uuid is not found", async () => {
    const id = await createDraft(`${marker} – hemligt utkast`);
    expect(await getInitiativePage(anonClient(), id, false)).toBeNull();
    expect(await getInitiativePage(await client("region"), id, true)).toBeNull();
    expect((await getInitiativePage(await client("eidar"), id, true))?.status).toBe("draft");
    expect(await getInitiativePage(anonClient(), "inte-ett-id", false)).toBeNull();
  });
});

describe("partners", () => {
  it("lets a named partner organisation read the initiative but not change it", async () => {
    const eidar = await client("eidar");
    const result = await saveInitiative(eidar, { id: null, data: input({ ...complete, title: `${marker} – partner` }, true), publish: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    created.push(result.id);

    const kronogarden = await client("association");
    const page = await getInitiativePage(kronogarden, result.id, true);
    expect(page?.partners).toEqual([{ orgId: ORG.kronogarden, name: expect.any(String), role: "Lokaler" }]);
    // Budget only for signed-in readers; residents see the contact but no budget.
    expect(page?.budget).toBe(12500.5);
    const residents = await getInitiativePage(anonClient(), result.id, false);
    expect(residents).toMatchObject({ budget: null, contactEmail: "laxhjalp@eidar.example" });

    const { data, error } = await kronogarden.from("initiatives").update({ title: "Kapad titel" }).eq("id", result.id).select("id");
    expect(error ? error.code : (data ?? []).length).toBe(error ? "42501" : 0);
    const attempt = await saveInitiative(kronogarden, { id: result.id, data: input({ ...complete, title: "Kapad titel" }, true), publish: true });
    expect(attempt).toEqual({ ok: false, reason: "refused" });
    expect((await rowOf("initiatives", { id: result.id }))?.title).toBe(`${marker} – partner`);
  });

  it("leaves nothing half-saved when the partners are refused", async () => {
    const eidar = await client("eidar");
    const title = `${marker} – halvsparad`;

    // An unknown partner organisation: refused before anything is written.
    const unknown = await saveInitiative(eidar, {
      id: null,
      data: { ...input({ title }), partners: [{ orgId: "99999999-0000-4000-8000-000000000099", role: null }] },
      publish: false,
    });
    expect(unknown).toEqual({ ok: false, reason: "invalid", errors: { partners: "partnerUnknown" } });
    // An archived organisation is no partner either.
    const archived = await saveInitiative(eidar, { id: null, data: { ...input({ title }), partners: [{ orgId: ORG.stavre, role: null }] }, publish: false });
    expect(archived).toMatchObject({ ok: false, reason: "invalid" });
    const none = await eidar.from("initiatives").select("id").eq("title", title);
    expect(none.data).toEqual([]);

    // The partner step itself failing (a role the database refuses) leaves no new initiative: the
    // fields and the partners are one transaction...
    const tooLong = "x".repeat(300);
    const failedNew = await saveInitiative(eidar, { id: null, data: { ...input({ title }), partners: [{ orgId: ORG.vgr, role: tooLong }] }, publish: false });
    expect(failedNew).toEqual({ ok: false, reason: "invalid", errors: { partners: "partnerRoleTooLong" } });
    expect((await eidar.from("initiatives").select("id").eq("title", title)).data).toEqual([]);

    // ...and leaves an existing one as it was, partners included.
    const id = await createDraft(title, { summary: "Före", partners: [{ orgId: ORG.kronogarden, role: "Lokaler" }] });
    const failedEdit = await saveInitiative(eidar, {
      id,
      data: { ...input({ title: `${title} ändrad`, summary: "Efter" }), partners: [{ orgId: ORG.vgr, role: tooLong }] },
      publish: false,
    });
    expect(failedEdit).toEqual({ ok: false, reason: "invalid", errors: { partners: "partnerRoleTooLong" } });
    const after = await getEditableInitiative(eidar, id);
    expect(after?.row).toMatchObject({ title, summary: "Före" });
    expect(after?.partners).toEqual([{ orgId: ORG.kronogarden, role: "Lokaler" }]);
  });
});

describe("progress updates", () => {
  it("makes the latest update's participants and status the initiative's; another organisation cannot add one", async () => {
    const eidar = await client("eidar");
    const result = await saveInitiative(eidar, { id: null, data: input({ ...complete, title: `${marker} – tidslinje`, partners: [] }, true), publish: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    created.push(result.id);

    expect(await addProgressUpdate(eidar, result.id, USER.eidar, { reportedOn: daysAgo(10), body: "Första terminen igång.", participantsReached: 12, newStatus: null })).toEqual({ ok: true });
    expect(await addProgressUpdate(eidar, result.id, USER.eidar, { reportedOn: daysAgo(2), body: "Paus över jul.", participantsReached: 25, newStatus: "paused" })).toEqual({ ok: true });
    expect(await rowOf("initiatives", { id: result.id })).toMatchObject({ participants_reached: 25, status: "paused" });

    const page = await getInitiativePage(eidar, result.id, true);
    expect(page?.updates.map((u) => u.body)).toEqual(["Paus över jul.", "Första terminen igång."]);
    expect(page?.updates[0]?.authorName).toEqual(expect.any(String));
    expect((await getInitiativePage(anonClient(), result.id, false))?.updates[0]?.authorName).toBeNull();

    // A member of another organisation (even a partner) cannot add or remove updates.
    expect(await addProgressUpdate(await client("association"), result.id, USER.association, { reportedOn: daysAgo(1), body: "Inte vår insats.", participantsReached: 999, newStatus: "cancelled" })).toEqual({
      ok: false,
      reason: "refused",
    });
    const latest = page?.updates[0]?.id ?? "";
    expect(await deleteProgressUpdate(await client("region"), result.id, latest)).toEqual({ ok: false, reason: "refused" });
    expect(await rowOf("initiatives", { id: result.id })).toMatchObject({ participants_reached: 25, status: "paused" });

    // Removing the latest update: the figures follow the one before.
    expect(await deleteProgressUpdate(eidar, result.id, latest)).toEqual({ ok: true });
    expect((await rowOf("initiatives", { id: result.id }))?.participants_reached).toBe(12);
  });
});

describe("an organisation's page", () => {
  it("lists its own initiatives and those it is a named partner in, marked as such, and no one else's drafts", async () => {
    const region = await client("region");
    const { initiatives } = await listOrganisationInitiatives(region, ORG.vgr);
    const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
    // Own: Hälsokommunikatörer (08). Partner: Trygghetsvandringar (02, "Folkhälsoperspektiv") and Jobbspår (10).
    expect(byId.get("1a1a1a1a-0000-4000-8000-000000000008")).toMatchObject({ partner: false });
    expect(byId.get("1a1a1a1a-0000-4000-8000-000000000002")).toMatchObject({ partner: true, partnerRole: "Folkhälsoperspektiv" });
    expect(byId.get("1a1a1a1a-0000-4000-8000-000000000010")).toMatchObject({ partner: true });
    // Eidar's draft (05) and the association's draft (07) are not the region's to see.
    expect(byId.has("1a1a1a1a-0000-4000-8000-000000000005")).toBe(false);
    expect(byId.has("1a1a1a1a-0000-4000-8000-000000000007")).toBe(false);
  });
});
