/**
 * RLS matrix for initiative_reach_cells (issue 10, the summary behind "Täckning"): the active half
 * (counts of active organisations' ongoing initiatives) is read by partners and board members, who
 * read every such initiative; the inactive half (pending/archived organisations) only by the
 * coordinator; anonymous visitors and outsiders read nothing; nobody writes through the API (the
 * triggers on initiatives and organisations maintain it).
 * Fixtures: two ongoing initiatives (one of AB Eidar, one of the archived Stavre organisation), so
 * each half has its overall row (the seed rows of the matrix).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { ORG, as, newId, removeOutsider, rlsMatrix, serviceDelete, serviceInsert, sql, type Actor, type Cell, type Target } from "../../support/rls.ts";

const fixtures = { active: newId(), archived: newId() };
const seedRows: Record<string, string> = {};

beforeAll(async () => {
  const common = { status: "ongoing", summary: "Summeringstest.", starts_on: "2026-01-01", districts: ["Centrum"], target_groups: ["barn"], focus_areas: ["trygghet"], participants_reached: 3 };
  await serviceInsert("initiatives", [
    { ...common, id: fixtures.active, org_id: ORG.eidar, title: "Summeringstest: aktiv organisation" },
    { ...common, id: fixtures.archived, org_id: ORG.stavre, title: "Summeringstest: arkiverad organisation" },
  ]);
  // The overall row of each half (the inactive one exists thanks to the archived fixture).
  const rows = await sql<{ org_active: boolean; id: string }>("select org_active, id::text from public.initiative_reach_cells where focus_area is null and district is null");
  for (const row of rows) seedRows[row.org_active ? "active half" : "inactive half"] = row.id;
});

afterAll(async () => {
  for (const id of Object.values(fixtures)) await serviceDelete("initiatives", { id });
  await removeOutsider();
});

const USERS_AND_SERVICE: readonly Actor[] = ["anon", "coordinator", "board", "eidar", "association", "region", "service"];
const row = (which: string): Target => ({ label: `the ${which}'s overall row`, make: () => Promise.resolve({ match: { id: Number(seedRows[which]) } }) });

rlsMatrix({
  table: "initiative_reach_cells",
  seed: () => Promise.resolve(seedRows),
  select: {
    anon: [],
    coordinator: "all",
    board: ["active half"],
    eidar: ["active half"],
    association: ["active half"],
    region: ["active half"],
    service: "all",
  },
  cells: [
    ...USERS_AND_SERVICE.map(
      (actor): Cell => ({
        op: "insert",
        actor,
        label: "a made-up cell",
        row: () => ({ org_active: true, focus_area: "matris", district: "Centrum", target_group: "unga", initiative_count: 99 }),
        key: ["focus_area"],
        allowed: false,
      }),
    ),
    ...USERS_AND_SERVICE.map((actor): Cell => ({ op: "update", actor, target: row("active half"), patch: { initiative_count: 99 }, allowed: false })),
    ...USERS_AND_SERVICE.map((actor): Cell => ({ op: "update", actor, target: row("inactive half"), patch: { participants: 99 }, allowed: false })),
    ...USERS_AND_SERVICE.map((actor): Cell => ({ op: "delete", actor, target: row("active half"), allowed: false })),
  ],
});

it("an outsider (signed in, no organisation, no platform role) reads neither half", async () => {
  const { data, error } = await (await as("outsider")).from("initiative_reach_cells").select("id").in("id", Object.values(seedRows).map(Number));
  expect(error).toBeNull();
  expect(data).toEqual([]);
});

it("the fixtures made both halves' rows (else the matrix above would prove nothing)", () => {
  expect(Object.keys(seedRows).sort()).toEqual(["active half", "inactive half"]);
});
