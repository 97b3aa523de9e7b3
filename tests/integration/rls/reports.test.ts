/**
 * RLS matrix for follow-up reports and their indicator values (DESIGN.md, "Who may do what",
 * Reports; issue 7): partners read only their own organisations' reports, drafts only the
 * organisation; members edit draft (open period) and returned reports, only the organisation's
 * admins submit them, and only complete ones; coordinators read every non-draft report and they
 * alone return (with a comment) or accept; the board reads submitted and accepted reports of
 * organisations that report to the board; a submitted report is read-only for the organisation
 * until returned, also through the REST API (report, answers, values, initiative links); nobody
 * changes an accepted report or anything in it. Answers, history and templates have their own
 * matrices in report-templates.test.ts; save_report in ../report-save.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INDICATOR,
  INITIATIVE,
  ORG,
  PERIOD,
  REPORT,
  USER,
  as,
  auditRows,
  expectDeleteRefused,
  expectInsertAllowed,
  expectInsertRefused,
  expectUpdateAllowed,
  expectUpdateRefused,
  fixtureReport,
  newId,
  purgeReports,
  rlsMatrix,
  rowOf,
  serviceInsert,
  sql,
  throwawayPeriod,
  visibleAmong,
  type Actor,
  type Cell,
  type Row,
  type Target,
} from "../../support/rls.ts";

// Periods of their own for the insert cells (so a new draft never collides with a seed report).
let openPeriod = "";
let closedPeriod = "";
beforeAll(async () => {
  openPeriod = await throwawayPeriod("open");
  closedPeriod = await throwawayPeriod("closed");
});
afterAll(async () => {
  const made = await sql<{ id: string }>("select id::text from public.reports where period_id = any($1::uuid[])", [[openPeriod, closedPeriod]]);
  await purgeReports(made.map((row) => row.id));
  await sql("delete from public.reporting_periods where id = any($1::uuid[])", [[openPeriod, closedPeriod]]);
});

const seedReport = (label: string, reportId: string): Target => ({ label, match: { id: reportId } });
const fixture = (label: string, org: string, status: "draft" | "submitted" | "returned" | "accepted", periodStatus: "open" | "closed" = "open"): Target => ({
  label,
  make: async () => {
    const report = await fixtureReport(org, status, {}, { periodStatus });
    return { match: { id: report.id }, cleanup: report.remove };
  },
});
const draftRow = (org: string, period: () => string, status = "draft") => () => ({ id: newId(), org_id: org, period_id: period(), status, summary: "Ny rapport" });

const REPORT_SEED = {
  "eidar 2025 accepted": REPORT.eidar2025Accepted,
  "eidar 2026 submitted": REPORT.eidar2026Submitted,
  "krono 2025 accepted": REPORT.krono2025Accepted,
  "krono 2026 draft": REPORT.krono2026Draft,
  "vgr 2025 accepted": REPORT.vgr2025Accepted,
  "vgr 2026 returned": REPORT.vgr2026Returned,
};

const reportCells: Cell[] = [
  // insert: only members, only drafts, only for their own organisation, only in open periods
  ...(["anon", "board", "coordinator", "region", "association"] as const).map(
    (actor): Cell => ({ op: "insert", actor, label: "a draft for AB Eidar", row: draftRow(ORG.eidar, () => openPeriod), key: ["id"], allowed: false }),
  ),
  { op: "insert", actor: "eidar", label: "a draft for AB Eidar", row: draftRow(ORG.eidar, () => openPeriod), key: ["id"], allowed: true, expected: { status: "draft", version: 0, created_by: USER.eidar } },
  { op: "insert", actor: "region", label: "a draft for Västra Götalandsregionen (member, not admin)", row: draftRow(ORG.vgr, () => openPeriod), key: ["id"], allowed: true, expected: { status: "draft" } },
  { op: "insert", actor: "eidar", label: "a report for AB Eidar that starts as submitted", row: draftRow(ORG.eidar, () => openPeriod, "submitted"), key: ["id"], allowed: false },
  { op: "insert", actor: "eidar", label: "a report for AB Eidar that starts as accepted", row: draftRow(ORG.eidar, () => openPeriod, "accepted"), key: ["id"], allowed: false },
  { op: "insert", actor: "eidar", label: "a draft in a closed period", row: draftRow(ORG.eidar, () => closedPeriod), key: ["id"], allowed: false },
  { op: "insert", actor: "service", label: "a draft for AB Eidar", row: draftRow(ORG.eidar, () => openPeriod), key: ["id"], allowed: true },

  // update: the organisation edits draft/returned only; a submitted report is read-only for it
  { op: "update", actor: "association", target: seedReport("own draft (krono 2026)", REPORT.krono2026Draft), patch: { summary: "Ändrat utkast" }, allowed: true },
  { op: "update", actor: "region", target: seedReport("own returned report (vgr 2026)", REPORT.vgr2026Returned), patch: { summary: "Kompletterat: 180 personer i fyra stadsdelar." }, allowed: true },
  // a returned report stays editable after its period closed; a draft of a closed period is frozen
  { op: "update", actor: "region", target: fixture("own returned report in a closed period", ORG.vgr, "returned", "closed"), patch: { summary: "Kompletterat efter stängning" }, allowed: true },
  { op: "update", actor: "association", target: fixture("own draft in a closed period", ORG.kronogarden, "draft", "closed"), patch: { summary: "För sent" }, allowed: false },
  // only an admin submits: the region's user is a member of VGR, not an admin
  { op: "update", actor: "region", target: fixture("own returned report → submitted (member, not admin)", ORG.vgr, "returned"), patch: { status: "submitted" }, allowed: false },
  { op: "update", actor: "region", target: seedReport("own returned report (vgr 2026) → submitted (member, not admin)", REPORT.vgr2026Returned), patch: { status: "submitted" }, allowed: false },
  // an admin submits only a complete report: Kronogården's draft lacks answers and values (SR422)
  { op: "update", actor: "association", target: seedReport("own incomplete draft (krono 2026) → submitted", REPORT.krono2026Draft), patch: { status: "submitted" }, allowed: false, codes: ["SR422"] },
  { op: "update", actor: "association", target: fixture("own complete draft → submitted (admin)", ORG.kronogarden, "draft"), patch: { status: "submitted" }, allowed: true, expected: { status: "submitted", submitted_by: USER.association, version: 1 } },
  { op: "update", actor: "association", target: fixture("own complete draft: summary emptied while submitting", ORG.kronogarden, "draft"), patch: { status: "submitted", summary: "  " }, allowed: false, codes: ["SR422"] },
  // the revision (edit-conflict counter) moves one save at a time
  { op: "update", actor: "association", target: seedReport("own draft: revision + 5", REPORT.krono2026Draft), patch: { revision: 5 }, allowed: false },
  { op: "update", actor: "eidar", target: seedReport("own submitted report (eidar 2026)", REPORT.eidar2026Submitted), patch: { summary: "Ändrat efter inskick" }, allowed: false },
  { op: "update", actor: "eidar", target: seedReport("own submitted report back to draft", REPORT.eidar2026Submitted), patch: { status: "draft" }, allowed: false },
  { op: "update", actor: "eidar", target: seedReport("own accepted report (eidar 2025)", REPORT.eidar2025Accepted), patch: { summary: "Ändrat efter godkännande" }, allowed: false },
  { op: "update", actor: "eidar", target: seedReport("krono's draft", REPORT.krono2026Draft), patch: { summary: "Fel organisation" }, allowed: false },
  { op: "update", actor: "region", target: seedReport("krono's draft", REPORT.krono2026Draft), patch: { summary: "Fel organisation" }, allowed: false },
  // a member cannot approve its own report or set the review fields
  { op: "update", actor: "eidar", target: seedReport("own submitted report → accepted", REPORT.eidar2026Submitted), patch: { status: "accepted" }, allowed: false },
  { op: "update", actor: "association", target: seedReport("own draft → accepted", REPORT.krono2026Draft), patch: { status: "accepted" }, allowed: false },
  { op: "update", actor: "association", target: seedReport("own draft: reviewed_by/reviewed_at", REPORT.krono2026Draft), patch: { reviewed_by: USER.association, reviewed_at: "2026-11-25T10:00:00Z" }, allowed: false },
  { op: "update", actor: "association", target: seedReport("own draft: review_comment", REPORT.krono2026Draft), patch: { review_comment: "Godkänd av oss själva" }, allowed: false },
  { op: "update", actor: "region", target: seedReport("own returned report → accepted", REPORT.vgr2026Returned), patch: { status: "accepted" }, allowed: false },
  { op: "update", actor: "region", target: seedReport("own returned report: review_comment", REPORT.vgr2026Returned), patch: { review_comment: "" }, allowed: false },
  { op: "update", actor: "association", target: seedReport("own draft: version/submitted_at", REPORT.krono2026Draft), patch: { version: 5, submitted_at: "2026-11-25T10:00:00Z" }, allowed: false },
  // coordinators review (return/accept) submitted reports; they don't edit them, drafts are invisible
  { op: "update", actor: "coordinator", target: fixture("a submitted report → returned", ORG.eidar, "submitted"), patch: { status: "returned", review_comment: "Komplettera" }, allowed: true, expected: { status: "returned", reviewed_by: USER.coordinator, review_comment: "Komplettera" } },
  { op: "update", actor: "coordinator", target: fixture("a submitted report → accepted", ORG.kronogarden, "submitted"), patch: { status: "accepted" }, allowed: true, expected: { status: "accepted", reviewed_by: USER.coordinator } },
  // a return says what to complete
  { op: "update", actor: "coordinator", target: fixture("a submitted report → returned without a comment", ORG.eidar, "submitted"), patch: { status: "returned" }, allowed: false, codes: ["23514"] },
  { op: "update", actor: "coordinator", target: fixture("a submitted report → returned with a blank comment", ORG.eidar, "submitted"), patch: { status: "returned", review_comment: "   " }, allowed: false, codes: ["23514"] },
  { op: "update", actor: "coordinator", target: fixture("a submitted report: revision", ORG.eidar, "submitted"), patch: { revision: 1 }, allowed: false },
  { op: "update", actor: "coordinator", target: seedReport("eidar 2026 submitted: summary", REPORT.eidar2026Submitted), patch: { summary: "Samordnaren skriver om" }, allowed: false },
  { op: "update", actor: "coordinator", target: seedReport("krono 2026 draft", REPORT.krono2026Draft), patch: { summary: "Samordnaren i ett utkast" }, allowed: false },
  { op: "update", actor: "coordinator", target: seedReport("krono 2026 draft → accepted", REPORT.krono2026Draft), patch: { status: "accepted" }, allowed: false },
  { op: "update", actor: "coordinator", target: seedReport("vgr 2026 returned → accepted", REPORT.vgr2026Returned), patch: { status: "accepted" }, allowed: false },
  // nobody edits an accepted report: not the coordinator, not the board, not even the service role
  ...(["anon", "board", "coordinator", "service"] as const).map(
    (actor): Cell => ({ op: "update", actor, target: seedReport("eidar 2025 accepted: review_comment", REPORT.eidar2025Accepted), patch: { review_comment: "Ändrad" }, allowed: false }),
  ),
  { op: "update", actor: "coordinator", target: seedReport("krono 2025 accepted → returned", REPORT.krono2025Accepted), patch: { status: "returned" }, allowed: false },
  { op: "update", actor: "board", target: seedReport("eidar 2026 submitted → accepted", REPORT.eidar2026Submitted), patch: { status: "accepted" }, allowed: false },
  { op: "update", actor: "anon", target: seedReport("krono 2026 draft", REPORT.krono2026Draft), patch: { summary: "Anonym" }, allowed: false },

  // delete: members discard never-submitted drafts; nothing else is ever deleted
  { op: "delete", actor: "association", target: fixture("own draft", ORG.kronogarden, "draft"), allowed: true },
  { op: "delete", actor: "region", target: fixture("krono's draft", ORG.kronogarden, "draft"), allowed: false },
  { op: "delete", actor: "coordinator", target: fixture("krono's draft", ORG.kronogarden, "draft"), allowed: false },
  { op: "delete", actor: "eidar", target: seedReport("own submitted report", REPORT.eidar2026Submitted), allowed: false },
  { op: "delete", actor: "region", target: seedReport("own returned report", REPORT.vgr2026Returned), allowed: false },
  { op: "delete", actor: "association", target: seedReport("own accepted report", REPORT.krono2025Accepted), allowed: false },
  ...(["anon", "board", "coordinator"] as const).map((actor): Cell => ({ op: "delete", actor, target: seedReport("eidar 2025 accepted", REPORT.eidar2025Accepted), allowed: false })),
  // Trusted server code may erase a report, even an accepted one (audited); see the migration.
  { op: "delete", actor: "service", target: fixture("an accepted report", ORG.eidar, "accepted"), allowed: true },
  { op: "delete", actor: "coordinator", target: seedReport("eidar 2026 submitted", REPORT.eidar2026Submitted), allowed: false },
];

rlsMatrix({
  table: "reports",
  seed: REPORT_SEED,
  select: {
    anon: [],
    coordinator: ["eidar 2025 accepted", "eidar 2026 submitted", "krono 2025 accepted", "vgr 2025 accepted", "vgr 2026 returned"],
    board: ["eidar 2025 accepted", "eidar 2026 submitted"],
    eidar: ["eidar 2025 accepted", "eidar 2026 submitted"],
    association: ["krono 2025 accepted", "krono 2026 draft"],
    region: ["vgr 2025 accepted", "vgr 2026 returned"],
    service: "all",
  },
  cells: reportCells,
});

describe("reports: who reads what, beyond the seed", () => {
  it("the board reads no Eidar draft and no returned Eidar report; coordinators read the returned one but not the draft", async () => {
    const draft = await fixtureReport(ORG.eidar, "draft");
    const returned = await fixtureReport(ORG.eidar, "returned");
    try {
      const universe = [draft.id, returned.id];
      expect(await visibleAmong("board", "reports", universe)).toEqual([]);
      expect(await visibleAmong("coordinator", "reports", universe)).toEqual([returned.id]);
      expect((await visibleAmong("eidar", "reports", universe)).sort()).toEqual([...universe].sort());
      // a partner never reads another organisation's draft
      for (const actor of ["association", "region", "anon"] as const) expect(await visibleAmong(actor, "reports", universe)).toEqual([]);
    } finally {
      await draft.remove();
      await returned.remove();
    }
  });

  it("a member of two organisations still reads no third organisation's draft (filter by id cannot bypass RLS)", async () => {
    for (const actor of ["eidar", "region", "board", "coordinator"] as const) {
      const { data, error } = await (await as(actor)).from("reports").select("id, summary").eq("id", REPORT.krono2026Draft);
      expect(error).toBeNull();
      expect(data, `${actor} reads krono's draft`).toEqual([]);
    }
  });
});

describe("reports: the workflow through the API", () => {
  it("draft → submitted (admin) → read-only → returned (coordinator, with a comment) → edited and resubmitted → accepted → frozen, each step audited and in the history", async () => {
    const report = await fixtureReport(ORG.eidar, "draft", {}, { template: { questions: [{ question: "Vad har ni gjort?", required: true }], indicators: [INDICATOR["UNG-01"]] } });
    try {
      const eidar = await as("eidar");
      const coordinator = await as("coordinator");

      // incomplete: the question and UNG-01 are missing, so even the admin cannot submit yet
      const incomplete = await eidar.from("reports").update({ status: "submitted" }).eq("id", report.id);
      expect(incomplete.error?.code).toBe("SR422");
      expect(JSON.parse(incomplete.error!.details).map((item: { item: string }) => item.item)).toEqual(["question", "indicator"]);
      expect(await rowOf("reports", { id: report.id })).toMatchObject({ status: "draft", version: 0 });

      // the admin fills it in through the API (answer + value) and submits; the workflow stamps submitted_* and the version
      expect((await eidar.from("report_answers").insert({ report_id: report.id, question_id: report.questions[0], body: "Sommarjobb och trygghetsvandringar." })).error).toBeNull();
      expect((await eidar.from("report_indicator_values").insert({ report_id: report.id, indicator_id: INDICATOR["UNG-01"], value: 40 })).error).toBeNull();
      await expectUpdateAllowed("eidar", "reports", { id: report.id }, { status: "submitted" }, { expected: { status: "submitted", submitted_by: USER.eidar, version: 1 }, restore: false });
      // now read-only for the organisation
      await expectUpdateRefused("eidar", "reports", { id: report.id }, { summary: "Efter inskick" });
      // the board sees it now (Eidar reports to the board)
      expect(await visibleAmong("board", "reports", [report.id])).toEqual([report.id]);

      // a return needs a comment; then the coordinator returns it
      const bare = await coordinator.from("reports").update({ status: "returned" }).eq("id", report.id);
      expect(bare.error?.code).toBe("23514");
      const returned = await coordinator.from("reports").update({ status: "returned", review_comment: "Lägg till TRY-01" }).eq("id", report.id);
      expect(returned.error).toBeNull();
      expect(await rowOf("reports", { id: report.id })).toMatchObject({ status: "returned", reviewed_by: USER.coordinator });
      expect(await visibleAmong("board", "reports", [report.id]), "board does not read returned reports").toEqual([]);

      // editable again for the organisation, then resubmitted (version 2)
      expect((await eidar.from("reports").update({ summary: "Kompletterad" }).eq("id", report.id)).error).toBeNull();
      expect((await eidar.from("reports").update({ status: "submitted" }).eq("id", report.id)).error).toBeNull();
      expect(await rowOf("reports", { id: report.id })).toMatchObject({ status: "submitted", summary: "Kompletterad", version: 2, revision: 1, submitted_by: USER.eidar });

      // accepted by the coordinator, then frozen for everyone
      expect((await coordinator.from("reports").update({ status: "accepted" }).eq("id", report.id)).error).toBeNull();
      for (const actor of ["eidar", "coordinator", "service"] as const) {
        await expectUpdateRefused(actor, "reports", { id: report.id }, { review_comment: "Ändrad i efterhand" });
      }
      for (const actor of ["eidar", "coordinator"] as const) await expectDeleteRefused(actor, "reports", { id: report.id });

      const audit = await auditRows(report.id);
      expect(audit.map((row) => [row.action, row.actor_id])).toEqual([
        ["report.created", null],
        ["report.submitted", USER.eidar],
        ["report.returned", USER.coordinator],
        ["report.updated", USER.eidar],
        ["report.submitted", USER.eidar],
        ["report.accepted", USER.coordinator],
      ]);
      // the report's own history, readable by the organisation
      const { data: events, error } = await eidar.from("report_events").select("kind, actor_id, comment").eq("report_id", report.id).order("id");
      expect(error).toBeNull();
      expect(events).toEqual([
        { kind: "started", actor_id: null, comment: null },
        { kind: "submitted", actor_id: USER.eidar, comment: null },
        { kind: "returned", actor_id: USER.coordinator, comment: "Lägg till TRY-01" },
        // the summary edited through the API still counts as a save (the edit-conflict check sees it)
        { kind: "saved", actor_id: USER.eidar, comment: null },
        { kind: "submitted", actor_id: USER.eidar, comment: null },
        { kind: "accepted", actor_id: USER.coordinator, comment: null },
      ]);
    } finally {
      await report.remove();
    }
  });
});

// --- what a report contains follows the report --------------------------------------------------

/** A report of `org` in `status` with an answer to question 1, UNG-01 = 40 and a link to initiative #1. */
async function reportWithContent(org: string, status: "draft" | "submitted" | "returned" | "accepted") {
  return fixtureReport(org, status, {}, {
    template: { questions: [{ question: "Vad har ni gjort?" }, { question: "Vad är nästa steg?" }], indicators: [INDICATOR["UNG-01"], INDICATOR["DEL-01"]] },
    content: { answersByPosition: { 1: "Sommarjobb för 40 ungdomar." }, values: [{ indicator_id: INDICATOR["UNG-01"], value: 40 }], links: [INITIATIVE[1]!] },
  });
}

/** Every way to change a report's content through the REST API, each refused and nothing changed. */
async function expectContentFrozen(actor: Actor, report: { id: string; questions: string[] }): Promise<void> {
  const answer = { report_id: report.id, question_id: report.questions[0]! };
  const ung = { report_id: report.id, indicator_id: INDICATOR["UNG-01"] };
  const link = { report_id: report.id, initiative_id: INITIATIVE[1]! };
  await expectUpdateRefused(actor, "reports", { id: report.id }, { summary: "Ändrad i efterhand" });
  await expectUpdateRefused(actor, "reports", { id: report.id }, { revision: 1 });
  await expectUpdateRefused(actor, "report_answers", answer, { body: "Ändrat svar" });
  await expectDeleteRefused(actor, "report_answers", answer);
  await expectInsertRefused(actor, "report_answers", { report_id: report.id, question_id: report.questions[1], body: "Nytt svar" }, { report_id: report.id, question_id: report.questions[1]! });
  await expectUpdateRefused(actor, "report_indicator_values", ung, { value: 99 });
  await expectDeleteRefused(actor, "report_indicator_values", ung);
  await expectInsertRefused(actor, "report_indicator_values", { report_id: report.id, indicator_id: INDICATOR["DEL-01"], value: 5 }, { report_id: report.id, indicator_id: INDICATOR["DEL-01"] });
  await expectDeleteRefused(actor, "report_initiatives", link);
  await expectInsertRefused(actor, "report_initiatives", { report_id: report.id, initiative_id: INITIATIVE[2] }, { report_id: report.id, initiative_id: INITIATIVE[2]! });
}

describe("a submitted report is read-only for its organisation, also through the REST API", () => {
  for (const actor of ["eidar", "coordinator", "board"] as const) {
    it(`${actor}: no change to the report, its answers, values or initiative links`, async () => {
      const report = await reportWithContent(ORG.eidar, "submitted");
      try {
        await expectContentFrozen(actor, report);
      } finally {
        await report.remove();
      }
    });
  }

  it("the same report, once returned, is editable again by the organisation (answers, values, links)", async () => {
    const report = await reportWithContent(ORG.eidar, "returned");
    try {
      const answer = { report_id: report.id, question_id: report.questions[0]! };
      await expectUpdateAllowed("eidar", "report_answers", answer, { body: "Kompletterat svar" }, { restore: false });
      await expectUpdateAllowed("eidar", "report_indicator_values", { report_id: report.id, indicator_id: INDICATOR["UNG-01"] }, { value: 41 }, { restore: false });
      await expectInsertAllowed("eidar", "report_initiatives", { report_id: report.id, initiative_id: INITIATIVE[2] }, { report_id: report.id, initiative_id: INITIATIVE[2]! });
    } finally {
      await report.remove();
    }
  });

  it("a draft's content stays inside the organisation: nobody else reads its answers, values, links or history", async () => {
    const report = await reportWithContent(ORG.kronogarden, "draft");
    try {
      for (const actor of ["anon", "coordinator", "board", "eidar", "region"] as const) {
        for (const table of ["report_answers", "report_indicator_values", "report_initiatives", "report_events"]) {
          const { data, error } = await (await as(actor)).from(table).select("report_id").eq("report_id", report.id);
          if (error) expect(error.code, `${actor} reading ${table}`).toBe("42501");
          else expect(data, `${actor} reading ${table}`).toEqual([]);
        }
      }
      const association = await as("association");
      for (const table of ["report_answers", "report_indicator_values", "report_initiatives", "report_events"]) {
        const { data } = await association.from(table).select("report_id").eq("report_id", report.id);
        expect(data?.length, `association reading ${table}`).toBeGreaterThan(0);
      }
    } finally {
      await report.remove();
    }
  });
});

describe("an accepted report changes for no one", () => {
  for (const actor of ["eidar", "coordinator", "board", "anon", "service"] as const) {
    it(`${actor}: no change to the report, its answers, values or initiative links`, async () => {
      const report = await reportWithContent(ORG.eidar, "accepted");
      try {
        await expectContentFrozen(actor, report);
        await expectUpdateRefused(actor, "reports", { id: report.id }, { status: "returned", review_comment: "Öppnas igen" });
      } finally {
        await report.remove();
      }
    });
  }

  it("not even the table owner changes it or its content", async () => {
    const report = await reportWithContent(ORG.eidar, "accepted");
    try {
      await expect(sql("update public.reports set summary = 'x' where id = $1", [report.id])).rejects.toThrow(/accepted/);
      await expect(sql("update public.report_answers set body = 'x' where report_id = $1", [report.id])).rejects.toThrow(/accepted/);
      await expect(sql("update public.report_indicator_values set value = 1 where report_id = $1", [report.id])).rejects.toThrow(/accepted/);
      await expect(sql("delete from public.report_initiatives where report_id = $1", [report.id])).rejects.toThrow(/accepted/);
    } finally {
      await report.remove();
    }
  });
});

// --- report_indicator_values ----------------------------------------------------------------------

const value = (reportId: string, indicatorId: string) => ({ report_id: reportId, indicator_id: indicatorId });
const valueTarget = (label: string, reportId: string, indicatorId: string): Target => ({ label, match: value(reportId, indicatorId) });

const VALUE_SEED: Record<string, string> = {
  "eidar 2025/UNG-01": `${REPORT.eidar2025Accepted}|${INDICATOR["UNG-01"]}`,
  "eidar 2025/TRY-01": `${REPORT.eidar2025Accepted}|${INDICATOR["TRY-01"]}`,
  "eidar 2025/BOE-01": `${REPORT.eidar2025Accepted}|${INDICATOR["BOE-01"]}`,
  "eidar 2025/DEL-01": `${REPORT.eidar2025Accepted}|${INDICATOR["DEL-01"]}`,
  "eidar 2025/VOL-01": `${REPORT.eidar2025Accepted}|${INDICATOR["VOL-01"]}`, // comment only, no figure
  "eidar 2026/UNG-01": `${REPORT.eidar2026Submitted}|${INDICATOR["UNG-01"]}`,
  "eidar 2026/TRY-01": `${REPORT.eidar2026Submitted}|${INDICATOR["TRY-01"]}`,
  "eidar 2026/BOE-01": `${REPORT.eidar2026Submitted}|${INDICATOR["BOE-01"]}`,
  "eidar 2026/DEL-01": `${REPORT.eidar2026Submitted}|${INDICATOR["DEL-01"]}`,
  "eidar 2026/VOL-01": `${REPORT.eidar2026Submitted}|${INDICATOR["VOL-01"]}`, // comment only, no figure
  "krono 2025/DEL-01": `${REPORT.krono2025Accepted}|${INDICATOR["DEL-01"]}`,
  "krono 2025/VOL-01": `${REPORT.krono2025Accepted}|${INDICATOR["VOL-01"]}`,
  "krono 2026 draft/DEL-01": `${REPORT.krono2026Draft}|${INDICATOR["DEL-01"]}`,
  "vgr 2025/DEL-01": `${REPORT.vgr2025Accepted}|${INDICATOR["DEL-01"]}`,
  "vgr 2026 returned/DEL-01": `${REPORT.vgr2026Returned}|${INDICATOR["DEL-01"]}`,
};
const names = (prefixes: string[]) => Object.keys(VALUE_SEED).filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));

const valueFixture = (label: string, reportId: string, indicatorId: string): Target => ({
  label,
  make: async () => {
    await serviceInsert("report_indicator_values", { ...value(reportId, indicatorId), value: 7 });
    return { match: value(reportId, indicatorId), cleanup: () => purgeValue(reportId, indicatorId) };
  },
});
async function purgeValue(reportId: string, indicatorId: string): Promise<void> {
  await sql("delete from public.report_indicator_values where report_id = $1 and indicator_id = $2", [reportId, indicatorId]);
}

const insertValue = (actor: Actor, label: string, reportId: string, indicatorId: string, allowed: boolean, codes?: string[], fields: Row = { value: 12, comment: "RLS-test" }): Cell => ({
  op: "insert",
  actor,
  label,
  row: () => ({ ...value(reportId, indicatorId), ...fields }),
  key: ["report_id", "indicator_id"],
  allowed,
  ...(codes ? { codes } : {}),
});

rlsMatrix({
  table: "report_indicator_values",
  key: ["report_id", "indicator_id"],
  seed: VALUE_SEED,
  select: {
    anon: [],
    coordinator: names(["eidar", "krono 2025", "vgr"]),
    board: names(["eidar"]),
    eidar: names(["eidar"]),
    association: names(["krono"]),
    region: names(["vgr"]),
    service: "all",
  },
  cells: [
    insertValue("association", "UNG-01 into own draft", REPORT.krono2026Draft, INDICATOR["UNG-01"], true),
    insertValue("region", "UNG-01 into own returned report", REPORT.vgr2026Returned, INDICATOR["UNG-01"], true),
    // a comment instead of a figure is a value too; neither is nothing
    insertValue("association", "VOL-01 with only a comment into own draft", REPORT.krono2026Draft, INDICATOR["VOL-01"], true, undefined, { value: null, comment: "Vi för ingen statistik över timmar i år." }),
    insertValue("association", "VOL-01 with neither value nor comment", REPORT.krono2026Draft, INDICATOR["VOL-01"], false, ["23514"], { value: null, comment: "  " }),
    // the indicator's range: TRY-01 is a percentage (0–100), UNG-01 a count (min 0)
    insertValue("association", "TRY-01 = 150 % into own draft", REPORT.krono2026Draft, INDICATOR["TRY-01"], false, ["23514"], { value: 150 }),
    insertValue("association", "UNG-01 = -1 into own draft", REPORT.krono2026Draft, INDICATOR["UNG-01"], false, ["23514"], { value: -1 }),
    insertValue("service", "TRY-01 = 101 % into a draft (the range holds for everyone)", REPORT.krono2026Draft, INDICATOR["TRY-01"], false, ["23514"], { value: 101 }),
    // only the period's indicators (SKO-01 is in no template), only active ones (SFI-01 is retired)
    insertValue("association", "SKO-01 (not in the period's template) into own draft", REPORT.krono2026Draft, INDICATOR["SKO-01"], false, ["23514"]),
    insertValue("association", "an inactive indicator (SFI-01) into own draft", REPORT.krono2026Draft, INDICATOR["SFI-01"], false, ["23514"]),
    insertValue("eidar", "SKO-01 into own submitted report", REPORT.eidar2026Submitted, INDICATOR["SKO-01"], false),
    insertValue("eidar", "SKO-01 into own accepted report", REPORT.eidar2025Accepted, INDICATOR["SKO-01"], false),
    insertValue("eidar", "UNG-01 into krono's draft", REPORT.krono2026Draft, INDICATOR["UNG-01"], false),
    insertValue("region", "UNG-01 into krono's draft (member of another organisation)", REPORT.krono2026Draft, INDICATOR["UNG-01"], false),
    insertValue("coordinator", "UNG-01 into vgr's returned report", REPORT.vgr2026Returned, INDICATOR["UNG-01"], false),
    insertValue("board", "SKO-01 into eidar's submitted report", REPORT.eidar2026Submitted, INDICATOR["SKO-01"], false),
    insertValue("anon", "UNG-01 into krono's draft", REPORT.krono2026Draft, INDICATOR["UNG-01"], false),
    insertValue("service", "SKO-01 into an accepted report", REPORT.eidar2025Accepted, INDICATOR["SKO-01"], false),

    { op: "update", actor: "association", target: valueTarget("own draft DEL-01", REPORT.krono2026Draft, INDICATOR["DEL-01"]), patch: { value: 96 }, allowed: true },
    { op: "update", actor: "region", target: valueTarget("own returned DEL-01", REPORT.vgr2026Returned, INDICATOR["DEL-01"]), patch: { value: 181 }, allowed: true },
    { op: "update", actor: "association", target: valueTarget("own draft DEL-01 → a comment instead of a figure", REPORT.krono2026Draft, INDICATOR["DEL-01"]), patch: { value: null, comment: "Siffran kommer i december." }, allowed: true },
    { op: "update", actor: "association", target: valueTarget("own draft DEL-01 → neither figure nor comment", REPORT.krono2026Draft, INDICATOR["DEL-01"]), patch: { value: null, comment: null }, allowed: false, codes: ["23514"] },
    { op: "update", actor: "association", target: valueTarget("own draft DEL-01 → -5", REPORT.krono2026Draft, INDICATOR["DEL-01"]), patch: { value: -5 }, allowed: false, codes: ["23514"] },
    { op: "update", actor: "eidar", target: valueTarget("own submitted UNG-01", REPORT.eidar2026Submitted, INDICATOR["UNG-01"]), patch: { value: 99 }, allowed: false },
    { op: "update", actor: "eidar", target: valueTarget("own accepted UNG-01", REPORT.eidar2025Accepted, INDICATOR["UNG-01"]), patch: { value: 99 }, allowed: false },
    { op: "update", actor: "region", target: valueTarget("krono's draft DEL-01", REPORT.krono2026Draft, INDICATOR["DEL-01"]), patch: { value: 1 }, allowed: false },
    { op: "update", actor: "coordinator", target: valueTarget("eidar's submitted UNG-01", REPORT.eidar2026Submitted, INDICATOR["UNG-01"]), patch: { value: 1 }, allowed: false },
    { op: "update", actor: "board", target: valueTarget("eidar's submitted UNG-01", REPORT.eidar2026Submitted, INDICATOR["UNG-01"]), patch: { value: 1 }, allowed: false },
    { op: "update", actor: "anon", target: valueTarget("krono's draft DEL-01", REPORT.krono2026Draft, INDICATOR["DEL-01"]), patch: { value: 1 }, allowed: false },
    { op: "update", actor: "service", target: valueTarget("eidar's accepted UNG-01", REPORT.eidar2025Accepted, INDICATOR["UNG-01"]), patch: { value: 1 }, allowed: false },
    { op: "update", actor: "association", target: valueTarget("own draft DEL-01 moved to the accepted report", REPORT.krono2026Draft, INDICATOR["DEL-01"]), patch: { report_id: REPORT.krono2025Accepted }, allowed: false },

    { op: "delete", actor: "association", target: valueFixture("a value of own draft", REPORT.krono2026Draft, INDICATOR["UNG-01"]), allowed: true },
    { op: "delete", actor: "eidar", target: valueTarget("own submitted UNG-01", REPORT.eidar2026Submitted, INDICATOR["UNG-01"]), allowed: false },
    { op: "delete", actor: "region", target: valueTarget("krono's draft DEL-01", REPORT.krono2026Draft, INDICATOR["DEL-01"]), allowed: false },
    ...(["anon", "board", "coordinator", "service"] as const).map((actor): Cell => ({ op: "delete", actor, target: valueTarget("eidar's accepted UNG-01", REPORT.eidar2025Accepted, INDICATOR["UNG-01"]), allowed: false })),
  ],
});

describe("indicator_totals(): aggregates for the board and coordinators", () => {
  const delTotals = async (actor: Actor, periodId: string) => {
    const { data, error } = await (await as(actor)).rpc("indicator_totals", { p_period_id: periodId });
    return { error, del: ((data ?? []) as { code: string; report_count: number; value_sum: number }[]).find((row) => row.code === "DEL-01") };
  };

  it("counts only submitted and accepted reports of every organisation", async () => {
    for (const actor of ["board", "coordinator"] as const) {
      const helar = await delTotals(actor, PERIOD.helar2025);
      expect(helar.error).toBeNull();
      // accepted: Eidar 640 + Kronogården 180 + VGR 358
      expect(helar.del).toMatchObject({ report_count: 3, value_sum: 1178 });
      const halvar = await delTotals(actor, PERIOD.halvar2026);
      // only Eidar's submitted report counts (Kronogården's draft and VGR's returned report do not)
      expect(halvar.del).toMatchObject({ report_count: 1, value_sum: 410 });
    }
  });

  it("is refused to partners and anonymous visitors", async () => {
    for (const actor of ["anon", "eidar", "association", "region"] as const) {
      const { error, del } = await delTotals(actor, PERIOD.helar2025);
      expect(error?.code, actor).toBe("42501");
      expect(del).toBeUndefined();
    }
  });
});
