/**
 * RLS matrices for what happens around an initiative (issue 6): its progress updates (the
 * timeline; visible like the initiative, written by the owning organisation and coordinators in
 * their own name) and the links from follow-up reports (visible to readers of both; changed only
 * while the report is editable by its organisation; never updated).
 *
 * Write cells act on initiatives and reports made for this file (fixtures), never on seed rows
 * that other files compare: an update's trigger touches its initiative.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../../app/lib/schemas/initiative.ts";
import {
  ACTORS,
  INITIATIVE,
  ORG,
  REPORT,
  USER,
  as,
  fixtureInitiative,
  fixtureReport,
  newId,
  rlsMatrix,
  rowOf,
  seedInitiativeUpdates,
  serviceDelete,
  serviceInsert,
  visibleAmong,
  type Actor,
  type Cell,
  type Row,
  type Target,
} from "../../support/rls.ts";

/** A date `days` from today (UTC, as the database's current_date). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// --- fixtures -------------------------------------------------------------------------------------

// own: Eidar, ongoing & public, partners Kronogården (association, admin) and VGR (region, member).
// other: Eidar's second one (target of a moved update). krono: Kronogården's. draft: Eidar's draft.
const made: { remove: () => Promise<void> }[] = [];
const F = { own: "", other: "", krono: "", draft: "" };
beforeAll(async () => {
  const own = await fixtureInitiative(ORG.eidar);
  const other = await fixtureInitiative(ORG.eidar);
  const krono = await fixtureInitiative(ORG.kronogarden);
  const draft = await fixtureInitiative(ORG.eidar, { status: "draft" });
  made.push(own, other, krono, draft);
  Object.assign(F, { own: own.id, other: other.id, krono: krono.id, draft: draft.id });
  await serviceInsert("initiative_partners", [
    { initiative_id: own.id, org_id: ORG.kronogarden, role: "Partner" },
    { initiative_id: own.id, org_id: ORG.vgr, role: "Partner" },
  ]);
});
afterAll(async () => {
  for (const fixture of made) await fixture.remove();
});

// --- initiative_updates ---------------------------------------------------------------------------

// Seed: 9 updates, all on public non-draft initiatives (#1, #2, #3, #6, #8, #9, #12), so every
// actor reads all of them; drafts and non-public ones are checked with fixtures below.
const UPDATE_NAMES = ["#1 2025-08-29", "#1 2026-08-28", "#2 2025-05-15", "#2 2026-10-12", "#3 2026-06-20", "#6 2026-06-10", "#8 2026-09-30", "#9 2025-11-30", "#12 2026-09-01"];

const progress = (initiative: () => string, extra: Row = {}) => () => ({
  id: newId(),
  initiative_id: initiative(),
  reported_on: day(-1),
  body: "Lägesrapport från testet.",
  ...extra,
});
const addUpdate = (actor: Actor, label: string, row: () => Row, allowed: boolean, more: Partial<Extract<Cell, { op: "insert" }>> = {}): Cell => ({
  op: "insert",
  actor,
  label,
  row,
  key: ["id"],
  allowed,
  ...more,
});
/** An update on `own` by Eidar's admin, made by the service role for one cell. */
const updateFixture = (label: string): Target => ({
  label,
  make: async () => {
    const id = newId();
    await serviceInsert("initiative_updates", { id, initiative_id: F.own, reported_on: "2026-03-01", body: "Fixturuppdatering.", participants_reached: 5, author_id: USER.eidar });
    return { match: { id }, cleanup: () => serviceDelete("initiative_updates", { id }) };
  },
});

rlsMatrix({
  table: "initiative_updates",
  seed: async () => {
    const seed = await seedInitiativeUpdates();
    expect(Object.keys(seed).sort(), "the seed's progress updates").toEqual([...UPDATE_NAMES].sort());
    return seed;
  },
  select: { anon: "all", coordinator: "all", board: "all", eidar: "all", association: "all", region: "all", service: "all" },
  cells: [
    addUpdate("eidar", "on own initiative in own name", progress(() => F.own, { author_id: USER.eidar }), true, { expected: { author_id: USER.eidar } }),
    addUpdate("eidar", "on own initiative, author left to the default", progress(() => F.own), true, { expected: { author_id: USER.eidar } }),
    addUpdate("coordinator", "on Eidar's initiative in own name", progress(() => F.own, { author_id: USER.coordinator }), true),
    addUpdate("eidar", "on own initiative in the association's name (forged author)", progress(() => F.own, { author_id: USER.association }), false),
    addUpdate("eidar", "on own initiative dated in the future", progress(() => F.own, { reported_on: day(2) }), false, { codes: ["22023"] }),
    // Today is Sweden's today, also between midnight and 02:00 when the UTC date is still yesterday.
    addUpdate("eidar", "on own initiative dated today in Sweden", progress(() => F.own, { reported_on: todayInSweden() }), true),
    addUpdate("eidar", "on Kronogården's initiative (other organisation)", progress(() => F.krono), false),
    addUpdate("association", "on Eidar's initiative it is a partner of (admin of the partner)", progress(() => F.own, { author_id: USER.association }), false),
    addUpdate("region", "on Eidar's initiative it is a partner of (member of the partner)", progress(() => F.own, { author_id: USER.region }), false),
    addUpdate("association", "on Eidar's draft", progress(() => F.draft, { author_id: USER.association }), false),
    addUpdate("board", "on Eidar's initiative", progress(() => F.own, { author_id: USER.board }), false),
    addUpdate("anon", "on Eidar's initiative", progress(() => F.own), false),
    addUpdate("service", "on Eidar's initiative", progress(() => F.own), true),

    { op: "update", actor: "eidar", target: updateFixture("text of an own update"), patch: { body: "Rättad text." }, allowed: true },
    { op: "update", actor: "coordinator", target: updateFixture("text of Eidar's update"), patch: { body: "Rättad av samordnaren." }, allowed: true },
    { op: "update", actor: "service", target: updateFixture("text of Eidar's update"), patch: { body: "Rättad av servern." }, allowed: true },
    { op: "update", actor: "eidar", target: updateFixture("own update moved to another own initiative"), patch: { get initiative_id() { return F.other; } }, allowed: false }, // read when the cell runs
    { op: "update", actor: "eidar", target: updateFixture("own update's author"), patch: { author_id: USER.association }, allowed: false },
    { op: "update", actor: "coordinator", target: updateFixture("Eidar's update's author"), patch: { author_id: USER.coordinator }, allowed: false },
    { op: "update", actor: "eidar", target: updateFixture("own update's created_at"), patch: { created_at: "2020-01-01T00:00:00+00:00" }, allowed: false },
    { op: "update", actor: "eidar", target: updateFixture("own update re-dated into the future"), patch: { reported_on: day(2) }, allowed: false, codes: ["22023", "42501", "23514"] },
    { op: "update", actor: "association", target: updateFixture("Eidar's update (partner)"), patch: { body: "Partnern skriver." }, allowed: false },
    { op: "update", actor: "region", target: updateFixture("Eidar's update (partner)"), patch: { body: "Partnern skriver." }, allowed: false },
    { op: "update", actor: "board", target: updateFixture("Eidar's update"), patch: { body: "Styrelsen skriver." }, allowed: false },
    { op: "update", actor: "anon", target: updateFixture("Eidar's update"), patch: { body: "Anonym." }, allowed: false },

    { op: "delete", actor: "eidar", target: updateFixture("an own update"), allowed: true },
    { op: "delete", actor: "coordinator", target: updateFixture("Eidar's update"), allowed: true },
    { op: "delete", actor: "service", target: updateFixture("Eidar's update"), allowed: true },
    { op: "delete", actor: "association", target: updateFixture("Eidar's update (partner)"), allowed: false },
    { op: "delete", actor: "region", target: updateFixture("Eidar's update (partner)"), allowed: false },
    { op: "delete", actor: "board", target: updateFixture("Eidar's update"), allowed: false },
    { op: "delete", actor: "anon", target: updateFixture("Eidar's update"), allowed: false },
  ],
});

describe("initiative_updates follow the initiative's visibility", () => {
  it("a draft's updates only its organisation and coordinators; a non-public one's not anonymous visitors; an archived organisation's only coordinators", async () => {
    const nonPublic = await fixtureInitiative(ORG.eidar, { status: "planned", is_public: false, contact_email: null });
    const kronoDraft = await fixtureInitiative(ORG.kronogarden, { status: "draft" });
    const archived = await fixtureInitiative(ORG.stavre);
    try {
      const ids = { draft: newId(), kronoDraft: newId(), nonPublic: newId(), archived: newId(), public: newId() };
      await serviceInsert("initiative_updates", [
        { id: ids.draft, initiative_id: F.draft, reported_on: "2026-01-10", body: "Utkastets uppdatering." },
        { id: ids.kronoDraft, initiative_id: kronoDraft.id, reported_on: "2026-01-10", body: "Föreningens utkast." },
        { id: ids.nonPublic, initiative_id: nonPublic.id, reported_on: "2026-01-10", body: "Intern planering." },
        { id: ids.archived, initiative_id: archived.id, reported_on: "2026-01-10", body: "Arkiverad organisation." },
        { id: ids.public, initiative_id: F.own, reported_on: "2025-01-10", body: "Offentlig uppdatering." },
      ]);
      const expected: Record<Actor, (keyof typeof ids)[]> = {
        anon: ["public"],
        coordinator: ["archived", "draft", "kronoDraft", "nonPublic", "public"],
        board: ["nonPublic", "public"],
        eidar: ["draft", "nonPublic", "public"],
        association: ["kronoDraft", "nonPublic", "public"],
        region: ["nonPublic", "public"],
        service: ["archived", "draft", "kronoDraft", "nonPublic", "public"],
      };
      const name = new Map(Object.entries(ids).map(([label, id]) => [id, label]));
      for (const actor of ACTORS) {
        const seen = (await visibleAmong(actor, "initiative_updates", Object.values(ids))).map((id) => name.get(id)).sort();
        expect(seen, actor).toEqual(expected[actor]);
      }
      // asked for directly by the draft's id: nothing either
      for (const actor of ["anon", "board", "association", "region"] as const) {
        const { data, error } = await (await as(actor)).from("initiative_updates").select("id").eq("initiative_id", F.draft);
        expect(error, actor).toBeNull();
        expect(data, actor).toEqual([]);
      }
    } finally {
      await nonPublic.remove();
      await kronoDraft.remove();
      await archived.remove();
      await serviceDelete("initiative_updates", { initiative_id: F.draft }).catch(() => {});
      await serviceDelete("initiative_updates", { initiative_id: F.own, reported_on: "2025-01-10" }).catch(() => {});
    }
  });
});

describe("initiative_updates set the initiative's figures and status", () => {
  it("the latest update (by date) sets participants_reached and status; removing it falls back to the one before", async () => {
    const initiative = await fixtureInitiative(ORG.eidar, { participants_reached: 3 });
    const eidar = await as("eidar");
    try {
      const latest = newId();
      const earlier = newId();
      let result = await eidar.from("initiative_updates").insert({ id: latest, initiative_id: initiative.id, reported_on: day(-1), body: "Avslutad.", participants_reached: 99, new_status: "completed", author_id: USER.eidar });
      expect(result.error).toBeNull();
      expect(await rowOf("initiatives", { id: initiative.id })).toMatchObject({ participants_reached: 99, status: "completed" });

      // an older update added later does not override the latest one
      result = await eidar.from("initiative_updates").insert({ id: earlier, initiative_id: initiative.id, reported_on: "2026-02-01", body: "Första halvåret.", participants_reached: 40, new_status: "paused" });
      expect(result.error).toBeNull();
      expect(await rowOf("initiatives", { id: initiative.id })).toMatchObject({ participants_reached: 99, status: "completed" });

      // correcting the latest one's figure is copied too
      result = await eidar.from("initiative_updates").update({ participants_reached: 101 }).eq("id", latest);
      expect(result.error).toBeNull();
      expect(await rowOf("initiatives", { id: initiative.id })).toMatchObject({ participants_reached: 101 });

      result = await eidar.from("initiative_updates").delete().eq("id", latest);
      expect(result.error).toBeNull();
      expect(await rowOf("initiatives", { id: initiative.id })).toMatchObject({ participants_reached: 40, status: "paused" });
    } finally {
      await initiative.remove();
    }
  });

  it("a draft stays a draft even if an update says 'ongoing' (the figures are still copied)", async () => {
    const draft = await fixtureInitiative(ORG.eidar, { status: "draft" });
    try {
      const { error } = await (await as("eidar")).from("initiative_updates").insert({ initiative_id: draft.id, reported_on: day(-1), body: "Vi har börjat.", participants_reached: 12, new_status: "ongoing" });
      expect(error).toBeNull();
      expect(await rowOf("initiatives", { id: draft.id })).toMatchObject({ status: "draft", participants_reached: 12, published_at: null });
    } finally {
      await draft.remove();
    }
  });

  it("an update cannot be marked as a draft (new_status 'draft' refused)", async () => {
    const { error } = await (await as("eidar")).from("initiative_updates").insert({ initiative_id: F.own, reported_on: day(-1), body: "Tillbaka till utkast.", new_status: "draft" });
    expect(error?.code).toBe("23514");
    const { data } = await (await as("service")).from("initiative_updates").select("id").eq("initiative_id", F.own).eq("new_status", "draft");
    expect(data).toEqual([]);
  });
});

// --- report_initiatives ---------------------------------------------------------------------------

// Seed: Eidar's accepted 2025 report (r1) and submitted 2026 report (r2) link #1–#3; Kronogården's
// accepted 2025 report (r3) and draft 2026 report (r4) link #6. VGR's reports link nothing.
const link = (reportId: string, n: number) => `${reportId}|${INITIATIVE[n]}`;
const LINK_SEED = {
  "r1 accepted → #1": link(REPORT.eidar2025Accepted, 1),
  "r1 accepted → #2": link(REPORT.eidar2025Accepted, 2),
  "r2 submitted → #1": link(REPORT.eidar2026Submitted, 1),
  "r2 submitted → #2": link(REPORT.eidar2026Submitted, 2),
  "r2 submitted → #3": link(REPORT.eidar2026Submitted, 3),
  "r3 accepted → #6": link(REPORT.krono2025Accepted, 6),
  "r4 draft → #6": link(REPORT.krono2026Draft, 6),
};
const EIDAR_LINKS = ["r1 accepted → #1", "r1 accepted → #2", "r2 submitted → #1", "r2 submitted → #2", "r2 submitted → #3"];
const LINK_KEY = ["report_id", "initiative_id"] as const;
const seedLink = (label: string, reportId: string, n: number): Target => ({ label, match: { report_id: reportId, initiative_id: INITIATIVE[n]! } });

type ReportStatus = "draft" | "submitted" | "returned" | "accepted";
/** An insert cell linking `initiative` to a fresh report of `org` in `status` (removed afterwards). */
const addLink = (actor: Actor, label: string, org: string, status: ReportStatus, initiative: () => string, allowed: boolean): Cell => {
  let remove: (() => Promise<void>) | undefined;
  return {
    op: "insert",
    actor,
    label,
    key: LINK_KEY,
    allowed,
    row: async () => {
      const report = await fixtureReport(org, status);
      remove = report.remove;
      return { report_id: report.id, initiative_id: initiative() };
    },
    cleanup: async () => {
      await remove?.();
    },
  };
};
/** A link from a fresh report of `org` in `status` to `initiative` (removed with the report). */
const linkFixture = (label: string, org: string, status: ReportStatus, initiative: () => string): Target => ({
  label,
  make: async () => {
    // the link goes in before the report reaches its status (an accepted report's links are frozen)
    const report = await fixtureReport(org, status, {}, { content: { links: [initiative()] } });
    return { match: { report_id: report.id, initiative_id: initiative() }, cleanup: report.remove };
  },
});
const seedInit = (n: number) => () => INITIATIVE[n]!;

rlsMatrix({
  table: "report_initiatives",
  key: LINK_KEY,
  seed: LINK_SEED,
  select: {
    anon: [],
    coordinator: [...EIDAR_LINKS, "r3 accepted → #6"], // not the draft report's link
    board: EIDAR_LINKS, // Eidar reports to the board; Kronogården does not
    eidar: EIDAR_LINKS,
    association: ["r3 accepted → #6", "r4 draft → #6"],
    region: [],
    service: "all",
  },
  cells: [
    addLink("association", "#6 to own draft report", ORG.kronogarden, "draft", seedInit(6), true),
    addLink("association", "Eidar's non-public #4 to own draft report", ORG.kronogarden, "draft", seedInit(4), true),
    addLink("region", "#8 to own returned report", ORG.vgr, "returned", seedInit(8), true),
    addLink("eidar", "own draft #5 to own draft report", ORG.eidar, "draft", seedInit(5), true),
    addLink("association", "Eidar's draft #5 (not visible) to own draft report", ORG.kronogarden, "draft", seedInit(5), false),
    addLink("eidar", "#1 to own submitted report", ORG.eidar, "submitted", seedInit(1), false),
    addLink("eidar", "#1 to own accepted report", ORG.eidar, "accepted", seedInit(1), false),
    addLink("region", "#8 to own accepted report", ORG.vgr, "accepted", seedInit(8), false),
    addLink("eidar", "#1 to Kronogården's draft report", ORG.kronogarden, "draft", seedInit(1), false),
    addLink("coordinator", "#1 to Eidar's submitted report", ORG.eidar, "submitted", seedInit(1), false),
    addLink("coordinator", "#6 to Kronogården's draft report", ORG.kronogarden, "draft", seedInit(6), false),
    addLink("board", "#1 to Eidar's draft report", ORG.eidar, "draft", seedInit(1), false),
    addLink("anon", "#1 to Eidar's draft report", ORG.eidar, "draft", seedInit(1), false),
    addLink("service", "#1 to Eidar's submitted report (trusted code)", ORG.eidar, "submitted", seedInit(1), true),
    // an accepted report changes for no one, its links included (report_initiatives_guard)
    addLink("service", "#1 to Eidar's accepted report", ORG.eidar, "accepted", seedInit(1), false),

    // no UPDATE at all (privilege revoked): not even on a link of an editable report
    { op: "update", actor: "association", target: linkFixture("link of own draft report (created_at)", ORG.kronogarden, "draft", seedInit(6)), patch: { created_at: "2020-01-01T00:00:00+00:00" }, allowed: false },
    { op: "update", actor: "association", target: linkFixture("link of own draft report moved to #4", ORG.kronogarden, "draft", seedInit(6)), patch: { initiative_id: INITIATIVE[4] }, allowed: false },
    { op: "update", actor: "region", target: linkFixture("link of own returned report (created_at)", ORG.vgr, "returned", seedInit(8)), patch: { created_at: "2020-01-01T00:00:00+00:00" }, allowed: false },
    { op: "update", actor: "eidar", target: seedLink("link of own submitted report moved to #4", REPORT.eidar2026Submitted, 3), patch: { initiative_id: INITIATIVE[4] }, allowed: false },
    { op: "update", actor: "coordinator", target: seedLink("link of Eidar's accepted report", REPORT.eidar2025Accepted, 1), patch: { created_at: "2020-01-01T00:00:00+00:00" }, allowed: false },
    { op: "update", actor: "board", target: seedLink("link of Eidar's accepted report", REPORT.eidar2025Accepted, 1), patch: { created_at: "2020-01-01T00:00:00+00:00" }, allowed: false },
    { op: "update", actor: "anon", target: seedLink("link of Eidar's accepted report", REPORT.eidar2025Accepted, 1), patch: { created_at: "2020-01-01T00:00:00+00:00" }, allowed: false },
    { op: "update", actor: "service", target: linkFixture("link of Eidar's submitted report (created_at)", ORG.eidar, "submitted", seedInit(1)), patch: { created_at: "2020-01-01T00:00:00+00:00" }, allowed: true },
    { op: "update", actor: "service", target: linkFixture("link of Eidar's accepted report (created_at)", ORG.eidar, "accepted", seedInit(1)), patch: { created_at: "2020-01-01T00:00:00+00:00" }, allowed: false },

    { op: "delete", actor: "association", target: linkFixture("link of own draft report", ORG.kronogarden, "draft", seedInit(6)), allowed: true },
    { op: "delete", actor: "region", target: linkFixture("link of own returned report", ORG.vgr, "returned", seedInit(8)), allowed: true },
    { op: "delete", actor: "service", target: linkFixture("link of Eidar's submitted report", ORG.eidar, "submitted", seedInit(1)), allowed: true },
    { op: "delete", actor: "service", target: linkFixture("link of Eidar's accepted report", ORG.eidar, "accepted", seedInit(1)), allowed: false },
    { op: "delete", actor: "eidar", target: seedLink("link of own submitted report", REPORT.eidar2026Submitted, 3), allowed: false },
    { op: "delete", actor: "eidar", target: seedLink("link of own accepted report", REPORT.eidar2025Accepted, 1), allowed: false },
    { op: "delete", actor: "association", target: seedLink("link of own accepted report", REPORT.krono2025Accepted, 6), allowed: false },
    { op: "delete", actor: "region", target: linkFixture("link of own accepted report", ORG.vgr, "accepted", seedInit(8)), allowed: false },
    { op: "delete", actor: "association", target: linkFixture("link of Eidar's draft report", ORG.eidar, "draft", seedInit(1)), allowed: false },
    { op: "delete", actor: "coordinator", target: seedLink("link of Eidar's submitted report", REPORT.eidar2026Submitted, 1), allowed: false },
    { op: "delete", actor: "board", target: seedLink("link of Eidar's submitted report", REPORT.eidar2026Submitted, 1), allowed: false },
    { op: "delete", actor: "anon", target: seedLink("link of Eidar's submitted report", REPORT.eidar2026Submitted, 1), allowed: false },
  ],
});

describe("report_initiatives are visible only to readers of both sides", () => {
  it("a draft report's link to a public initiative stays inside the organisation; a link to a draft only its organisation sees", async () => {
    const kronoDraftReport = await fixtureReport(ORG.kronogarden, "draft");
    const eidarSubmitted = await fixtureReport(ORG.eidar, "submitted");
    try {
      // Kronogården's draft report → public #1; Eidar's submitted report → Eidar's draft (made by the server)
      await serviceInsert("report_initiatives", [
        { report_id: kronoDraftReport.id, initiative_id: INITIATIVE[1] },
        { report_id: eidarSubmitted.id, initiative_id: F.draft },
      ]);
      const draftLink = `${kronoDraftReport.id}|${INITIATIVE[1]}`;
      const toDraft = `${eidarSubmitted.id}|${F.draft}`;
      const universe = [draftLink, toDraft];
      const expected: Record<Actor, string[]> = {
        anon: [],
        coordinator: [toDraft], // reads the submitted report and every initiative; not the draft report
        board: [], // reads the submitted report, not the draft initiative
        eidar: [toDraft],
        association: [draftLink],
        region: [],
        service: [draftLink, toDraft].sort(),
      };
      for (const actor of ACTORS) {
        expect((await visibleAmong(actor, "report_initiatives", universe, LINK_KEY)).sort(), actor).toEqual(expected[actor]);
      }
    } finally {
      await kronoDraftReport.remove();
      await eidarSubmitted.remove();
    }
  });
});
