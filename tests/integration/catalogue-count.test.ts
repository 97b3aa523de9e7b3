/**
 * `catalogue_match_count` counts the catalogue's matches with the indexes, as security definer: it
 * applies the read rule itself. It must count exactly what the same filters return through RLS,
 * for everyone who can call it — the rows query of the page is built by the app's own
 * `applyFilters`, so both sides use the app's meaning of each filter. The read rule's list of
 * inactive organisations is not public: it must not be callable over the API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyFilters, catalogueCountArguments } from "../../app/lib/initiatives.server.ts";
import { EMPTY_FILTERS, type InitiativeFilters } from "../../app/lib/schemas/initiative-filters.ts";
import type { TypedSupabaseClient } from "../../app/lib/supabase.server.ts";
import { as, fixtureInitiative, ORG, USERS, type Actor } from "../support/rls.ts";

const FILTERS: Partial<InitiativeFilters>[] = [
  {},
  { district: "Kronogården" },
  { group: "unga" },
  { area: "utbildning" },
  { status: "ongoing" },
  { org: ORG.eidar },
  { q: "läxhjälp" },
  { q: "språkcafé", district: "Kronogården" },
  { from: "2026-01-01", to: "2026-12-31" },
  // The fixtures below: public, ongoing, yet of an organisation that is not active.
  { org: ORG.stavre },
  { org: ORG.lextorp },
];

const actors: (Actor | "outsider")[] = [...USERS, "outsider"];

describe("catalogue_match_count", () => {
  // The seed has no published initiative of an inactive organisation: without these the rule's
  // "of an active organisation" part would go untested (only coordinators read them).
  const inactive: { remove: () => Promise<void> }[] = [];
  beforeAll(async () => {
    inactive.push(await fixtureInitiative(ORG.stavre), await fixtureInitiative(ORG.lextorp));
  });
  afterAll(async () => {
    await Promise.all(inactive.map((fixture) => fixture.remove()));
  });

  it.each(actors)("as %s equals the count of the same filters through RLS", async (actor) => {
    // Typed as the app's client, so that applyFilters takes the query exactly as the page builds it.
    const client = (await as(actor)) as unknown as TypedSupabaseClient;
    let matchedSomething = false;
    for (const partial of FILTERS) {
      const filters = { ...EMPTY_FILTERS, ...partial };
      const visible = await applyFilters(client.from("initiatives").select("id"), filters).limit(1000);
      expect(visible.error).toBeNull();
      const counted = await client.rpc("catalogue_match_count", catalogueCountArguments(filters));
      expect(counted.error).toBeNull();
      expect({ filters: partial, count: counted.data }).toEqual({ filters: partial, count: visible.data!.length });
      if (visible.data!.length > 0) matchedSomething = true;
    }
    // The comparison means something only if some filter matched for this actor.
    if (actor !== "outsider") expect(matchedSomething).toBe(true);
  });

  it("skips and caps as asked (the page's start, at most 1,000)", async () => {
    const client = await as("region");
    const all = (await client.rpc("catalogue_match_count", {})).data!;
    expect(all).toBeGreaterThan(3);
    expect((await client.rpc("catalogue_match_count", { cap: 2 })).data).toBe(2);
    expect((await client.rpc("catalogue_match_count", { skip: all - 1 })).data).toBe(1);
    expect((await client.rpc("catalogue_match_count", { skip: all + 5 })).data).toBe(0);
    expect((await client.rpc("catalogue_match_count", { cap: 100_000 })).data).toBe(Math.min(all, 1000));
  });

  it("keeps the inactive organisations' ids (rls.inactive_org_ids, used by the read rule) off the API", async () => {
    for (const actor of ["anon", "region"] as const) {
      // Not a function of the public API, so not in the generated types: called by name.
      const client = await as(actor);
      const call = client.rpc.bind(client) as unknown as (name: string) => PromiseLike<{ data: unknown; error: unknown }>;
      const result = await call("inactive_org_ids");
      expect({ actor, data: result.data, refused: result.error !== null }).toEqual({ actor, data: null, refused: true });
    }
  });

  it("counts drafts for nobody, and only public initiatives for anonymous visitors", async () => {
    const anon = await as("anon");
    const publicCount = await anon.from("initiatives").select("id", { count: "exact", head: true }).eq("is_public", true).neq("status", "draft");
    expect((await anon.rpc("catalogue_match_count", {})).data).toBe(publicCount.count);
    const coordinator = await as("coordinator");
    const nonDrafts = await coordinator.from("initiatives").select("id", { count: "exact", head: true }).neq("status", "draft");
    expect((await coordinator.rpc("catalogue_match_count", {})).data).toBe(nonDrafts.count);
  });
});
