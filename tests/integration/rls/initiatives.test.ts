/**
 * RLS matrix for initiatives (the public catalogue) and initiative_partners: anonymous visitors read
 * public, non-draft initiatives; signed-in users every non-draft one plus their own drafts; members
 * write only their own organisation's initiatives.
 */
import { describe, expect, it } from "vitest";
import { INITIATIVE, ORG, USER, newId, rlsMatrix, serviceDelete, serviceInsert, visibleAmong, type Cell, type Target } from "../../support/rls.ts";

// Seed: 1–3 Eidar ongoing & public, 4 Eidar planned NOT public, 5 Eidar DRAFT (is_public!),
// 6 Kronogården ongoing, 7 Kronogården draft, 8 VGR ongoing, 9 VGR completed, 10 Arbetsförmedlingen,
// 11 Svenska kyrkan ongoing, 12 Svenska kyrkan paused.
const SEED = Object.fromEntries(Object.entries(INITIATIVE).map(([n, id]) => [`#${n}`, id]));
const nums = (...n: number[]) => n.map((i) => `#${i}`);
const NON_DRAFT = nums(1, 2, 3, 4, 6, 8, 9, 10, 11, 12);

const init = (label: string, n: number): Target => ({ label, match: { id: INITIATIVE[n]! } });
const initFixture = (label: string, orgId: string, status = "ongoing"): Target => ({
  label,
  make: async () => {
    const id = newId();
    await serviceInsert("initiatives", { id, org_id: orgId, title: "Testinsats", status, is_public: true });
    return { match: { id }, cleanup: () => serviceDelete("initiatives", { id }) };
  },
});
const newInit = (orgId: string) => () => ({ id: newId(), org_id: orgId, title: "Ny förebyggande insats", status: "planned", districts: ["Sylte"], is_public: true });

rlsMatrix({
  table: "initiatives",
  seed: SEED,
  select: {
    anon: nums(1, 2, 3, 6, 8, 9, 10, 11, 12),
    coordinator: "all",
    board: NON_DRAFT,
    eidar: [...NON_DRAFT, "#5"],
    association: [...NON_DRAFT, "#7"],
    region: NON_DRAFT,
    service: "all",
  },
  cells: [
    { op: "insert", actor: "eidar", label: "an initiative of own organisation", row: newInit(ORG.eidar), key: ["id"], allowed: true },
    { op: "insert", actor: "region", label: "an initiative of own organisation (member)", row: newInit(ORG.vgr), key: ["id"], allowed: true },
    { op: "insert", actor: "eidar", label: "an initiative of Kronogården", row: newInit(ORG.kronogarden), key: ["id"], allowed: false },
    { op: "insert", actor: "region", label: "an initiative of the archived Stavre network", row: newInit(ORG.stavre), key: ["id"], allowed: false },
    { op: "insert", actor: "board", label: "an initiative of AB Eidar", row: newInit(ORG.eidar), key: ["id"], allowed: false },
    { op: "insert", actor: "anon", label: "an initiative of AB Eidar", row: newInit(ORG.eidar), key: ["id"], allowed: false },
    { op: "insert", actor: "service", label: "an initiative of AB Eidar", row: newInit(ORG.eidar), key: ["id"], allowed: true },

    { op: "update", actor: "eidar", target: init("own #1 (summary)", 1), patch: { participants_reached: 47 }, allowed: true },
    { op: "update", actor: "eidar", target: init("own draft #5 (title)", 5), patch: { title: "Lördagsöppet i Kronogården" }, allowed: true },
    { op: "update", actor: "region", target: init("own #8 (member)", 8), patch: { participants_reached: 360 }, allowed: true },
    { op: "update", actor: "eidar", target: init("Kronogården's #6", 6), patch: { summary: "Fel organisation" }, allowed: false },
    { op: "update", actor: "association", target: init("Eidar's draft #5", 5), patch: { summary: "Osynligt utkast" }, allowed: false },
    { op: "update", actor: "eidar", target: init("own #1 moved to Kronogården", 1), patch: { org_id: ORG.kronogarden }, allowed: false },
    { op: "update", actor: "eidar", target: init("own #1's created_by", 1), patch: { created_by: USER.association }, allowed: false },
    { op: "update", actor: "board", target: init("Eidar's #1", 1), patch: { summary: "Styrelsen" }, allowed: false },
    { op: "update", actor: "anon", target: init("Eidar's #1", 1), patch: { summary: "Anonym" }, allowed: false },

    { op: "delete", actor: "eidar", target: initFixture("an initiative of own organisation", ORG.eidar), allowed: true },
    { op: "delete", actor: "region", target: initFixture("a draft of own organisation", ORG.vgr, "draft"), allowed: true },
    { op: "delete", actor: "association", target: initFixture("an initiative of AB Eidar", ORG.eidar), allowed: false },
    { op: "delete", actor: "region", target: init("Eidar's #1", 1), allowed: false },
    { op: "delete", actor: "board", target: init("Eidar's #1", 1), allowed: false },
    { op: "delete", actor: "anon", target: init("Eidar's #1", 1), allowed: false },
  ],
});

const p = (n: number, orgId: string) => `${INITIATIVE[n]}|${orgId}`;
const PARTNER_SEED = {
  "#1 ← Arbetsförmedlingen": p(1, ORG.arbetsformedlingen),
  "#2 ← Kronogården": p(2, ORG.kronogarden),
  "#2 ← VGR": p(2, ORG.vgr),
  "#8 ← Kronogården": p(8, ORG.kronogarden),
  "#10 ← VGR": p(10, ORG.vgr),
};
const partner = (label: string, n: number, orgId: string): Target => ({ label, match: { initiative_id: INITIATIVE[n]!, org_id: orgId } });
const partnerFixture = (label: string, n: number, orgId: string): Target => ({
  label,
  make: async () => {
    await serviceInsert("initiative_partners", { initiative_id: INITIATIVE[n], org_id: orgId, role: "Test" });
    return { match: { initiative_id: INITIATIVE[n]!, org_id: orgId }, cleanup: () => serviceDelete("initiative_partners", { initiative_id: INITIATIVE[n]!, org_id: orgId }) };
  },
});
const addPartner = (actor: Cell["actor"], label: string, n: number, orgId: string, allowed: boolean): Cell => ({
  op: "insert",
  actor,
  label,
  row: () => ({ initiative_id: INITIATIVE[n], org_id: orgId, role: "Medarrangör" }),
  key: ["initiative_id", "org_id"],
  allowed,
});

rlsMatrix({
  table: "initiative_partners",
  key: ["initiative_id", "org_id"],
  seed: PARTNER_SEED,
  select: { anon: "all", coordinator: "all", board: "all", eidar: "all", association: "all", region: "all", service: "all" },
  cells: [
    addPartner("eidar", "Kronogården to own #3", 3, ORG.kronogarden, true),
    addPartner("coordinator", "Svenska kyrkan to Eidar's #3", 3, ORG.svenskaKyrkan, true),
    addPartner("eidar", "itself to Kronogården's #6", 6, ORG.eidar, false),
    addPartner("eidar", "the pending Lextorp organisation to own #3", 3, ORG.lextorp, false),
    addPartner("board", "VGR to Eidar's #3", 3, ORG.vgr, false),
    addPartner("anon", "VGR to Eidar's #3", 3, ORG.vgr, false),

    { op: "update", actor: "eidar", target: partner("role of a partner of own #1", 1, ORG.arbetsformedlingen), patch: { role: "Matchning" }, allowed: true },
    { op: "update", actor: "association", target: partner("role of a partner of Eidar's #1", 1, ORG.arbetsformedlingen), patch: { role: "Fel" }, allowed: false },
    { op: "update", actor: "board", target: partner("role of a partner of Eidar's #1", 1, ORG.arbetsformedlingen), patch: { role: "Fel" }, allowed: false },

    { op: "delete", actor: "eidar", target: partnerFixture("a partner of own #3", 3, ORG.vgr), allowed: true },
    { op: "delete", actor: "association", target: partnerFixture("Kronogården withdrawing from Eidar's #3 (its admin)", 3, ORG.kronogarden), allowed: true },
    { op: "delete", actor: "region", target: partnerFixture("VGR withdrawing from Eidar's #3 (member, not admin)", 3, ORG.vgr), allowed: false },
    { op: "delete", actor: "association", target: partner("VGR from Eidar's #2", 2, ORG.vgr), allowed: false },
    { op: "delete", actor: "board", target: partner("VGR from Eidar's #2", 2, ORG.vgr), allowed: false },
    { op: "delete", actor: "anon", target: partner("VGR from Eidar's #2", 2, ORG.vgr), allowed: false },
  ],
});

describe("initiative_partners follow the initiative's visibility", () => {
  it("partners of a draft are seen only by its organisation; of a non-public initiative not by anonymous visitors", async () => {
    await serviceInsert("initiative_partners", [
      { initiative_id: INITIATIVE[5], org_id: ORG.kronogarden, role: "Test" },
      { initiative_id: INITIATIVE[4], org_id: ORG.vgr, role: "Test" },
    ]);
    try {
      const draftPartner = p(5, ORG.kronogarden);
      const hiddenPartner = p(4, ORG.vgr);
      const universe = [draftPartner, hiddenPartner];
      const key = ["initiative_id", "org_id"];
      expect(await visibleAmong("anon", "initiative_partners", universe, key)).toEqual([]);
      expect(await visibleAmong("association", "initiative_partners", universe, key)).toEqual([hiddenPartner]);
      expect(await visibleAmong("board", "initiative_partners", universe, key)).toEqual([hiddenPartner]);
      expect((await visibleAmong("eidar", "initiative_partners", universe, key)).sort()).toEqual([...universe].sort());
    } finally {
      await serviceDelete("initiative_partners", { initiative_id: INITIATIVE[5]!, org_id: ORG.kronogarden });
      await serviceDelete("initiative_partners", { initiative_id: INITIATIVE[4]!, org_id: ORG.vgr });
    }
  });
});
