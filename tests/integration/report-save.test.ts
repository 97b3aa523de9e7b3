/**
 * save_report and review_report (issue 7) through supabase-js as the real people who use them:
 * AB Eidar's admin (eidar@) and member (Johan), VGR's member (region@, not an admin), Kronogården's
 * admin and the coordinator. Every report here lives in a period of its own with its own template
 * (two questions, the first required; UNG-01, TRY-01 and DEL-01), made by the service role and
 * removed afterwards, so nothing depends on other tests' use of the seed reports.
 *
 * What must hold (issue 7, "Bad input"): two editors never overwrite each other (SR409, nothing
 * saved, the history says who changed what); an incomplete submit (SR422 with the missing items), a
 * submit by a non-admin (42501), out-of-range and non-numeric values (23514/22P02), a closed period
 * and a forged status change are refused and change nothing; a save without changes keeps the
 * revision; a return needs a comment; the history (report_events) lists every step with its actor.
 */
import type { PostgrestError, SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/lib/database.types";
import { signedInClient } from "../support/clients.ts";
import { INDICATOR, INITIATIVE, LOGIN, ORG, USER, fixtureReport, fixtureTemplate, newId, purgeReports, sql, throwawayPeriod, type TemplateSpec } from "../support/rls.ts";

type Client = SupabaseClient<Database>;
let eidar: Client; // AB Eidar's admin
let johan: Client; // AB Eidar's member (not admin)
let region: Client; // VGR's member (not admin)
let association: Client; // Kronogården's admin
let coordinator: Client;

beforeAll(async () => {
  [eidar, johan, region, association, coordinator] = await Promise.all([
    signedInClient("eidar"),
    signedInClient(LOGIN.johan),
    signedInClient("region"),
    signedInClient("association"),
    signedInClient("coordinator"),
  ]);
});

const TEMPLATE: TemplateSpec = {
  questions: [
    { question: "Vad har ni gjort under perioden?", required: true },
    { question: "Något mer ni vill berätta?", required: false },
  ],
  indicators: [INDICATOR["UNG-01"], INDICATOR["TRY-01"], INDICATOR["DEL-01"]],
};
const UNG = INDICATOR["UNG-01"];
const TRY = INDICATOR["TRY-01"];
const DEL = INDICATOR["DEL-01"];

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A report of `org` in `status` in a period of its own with TEMPLATE; removed after the file. */
async function report(org: string, status: "draft" | "submitted" | "returned" | "accepted" = "draft", periodStatus: "open" | "closed" = "open") {
  const made = await fixtureReport(org, status, { summary: "Utkast från testet." }, { template: TEMPLATE, periodStatus });
  cleanups.push(made.remove);
  return { id: made.id, periodId: made.periodId, q1: made.questions[0]!, q2: made.questions[1]! };
}

interface Form {
  summary?: string;
  answers?: Record<string, string>;
  values?: Record<string, { value: unknown; comment?: string | null }>;
  initiatives?: string[];
  submit?: boolean;
}

async function save(client: Client, reportId: string, revision: number, form: Form): Promise<{ data: { revision: number; status: string }[] | null; error: PostgrestError | null }> {
  const { data, error } = await client.rpc("save_report", {
    p_report_id: reportId,
    p_revision: revision,
    p_summary: form.summary ?? "",
    p_answers: form.answers ?? {},
    p_values: (form.values ?? {}) as Database["public"]["Functions"]["save_report"]["Args"]["p_values"],
    p_initiative_ids: form.initiatives ?? [],
    p_submit: form.submit ?? false,
  });
  return { data, error };
}

/** Everything a report is, read as the superuser: the row, answers, values, links and history length. */
async function snapshot(reportId: string) {
  const [row] = await sql<{ status: string; summary: string | null; revision: number; version: number; review_comment: string | null }>(
    "select status::text, summary, revision, version, review_comment from public.reports where id = $1",
    [reportId],
  );
  const answers = await sql<{ question_id: string; body: string }>("select question_id::text, body from public.report_answers where report_id = $1 order by question_id", [reportId]);
  const values = await sql<{ indicator_id: string; value: string | null; comment: string | null }>(
    "select indicator_id::text, value::text, comment from public.report_indicator_values where report_id = $1 order by indicator_id",
    [reportId],
  );
  const links = await sql<{ initiative_id: string }>("select initiative_id::text from public.report_initiatives where report_id = $1 order by initiative_id", [reportId]);
  const [events] = await sql<{ n: number }>("select count(*)::int as n from public.report_events where report_id = $1", [reportId]);
  return { ...row!, answers, values, links, events: events!.n };
}

/** The history as the organisation reads it, oldest first. */
async function history(client: Client, reportId: string, afterRevision = -1) {
  const { data, error } = await client.from("report_events").select("kind, actor_id, revision, changed, comment").eq("report_id", reportId).gt("revision", afterRevision).order("id");
  expect(error).toBeNull();
  return data!;
}

/** A complete form for TEMPLATE: summary, the required answer and all three values. */
const complete = (r: { q1: string }): Form => ({
  summary: "Sommarjobb och trygghetsvandringar under halvåret.",
  answers: { [r.q1]: "Sommarjobb för 40 ungdomar och två trygghetsvandringar." },
  values: { [UNG]: { value: 40 }, [TRY]: { value: 64.5, comment: "Hyresgästenkäten." }, [DEL]: { value: null, comment: "Räknas i december." } },
});

describe("two people editing the same report", () => {
  it("the second save (same starting revision) is refused with SR409; nothing of it is saved; the history says who changed what", async () => {
    const r = await report(ORG.eidar);
    const start = await snapshot(r.id);
    expect(start.revision).toBe(0);

    // both opened revision 0; Eidar's admin saves first
    const first = await save(eidar, r.id, 0, { summary: "Eidars sammanfattning.", answers: { [r.q1]: "Eidars svar." }, values: { [UNG]: { value: 12 } }, initiatives: [INITIATIVE[1]!] });
    expect(first.error).toBeNull();
    expect(first.data).toEqual([{ revision: 1, status: "draft" }]);

    // Johan (a member) saves what he had open: refused, told the current revision
    const second = await save(johan, r.id, 0, { summary: "Johans sammanfattning.", answers: { [r.q1]: "Johans svar.", [r.q2]: "Johans tillägg." }, values: { [UNG]: { value: 99 }, [DEL]: { value: 5 } } });
    expect(second.error?.code).toBe("SR409");
    expect(second.error?.details).toBe("1");
    expect(second.data).toBeNull();

    const after = await snapshot(r.id);
    expect(after).toMatchObject({ summary: "Eidars sammanfattning.", revision: 1, status: "draft" });
    expect(after.answers).toEqual([{ question_id: r.q1, body: "Eidars svar." }]);
    expect(after.values).toEqual([{ indicator_id: UNG, value: "12", comment: null }]);
    expect(after.links).toEqual([{ initiative_id: INITIATIVE[1] }]);

    // what the portal shows Johan: who saved since his revision, and what they changed
    expect(await history(johan, r.id, 0)).toEqual([
      { kind: "saved", actor_id: USER.eidar, revision: 1, changed: ["summary", `question:${r.q1}`, `indicator:${UNG}`, "initiatives"], comment: null },
    ]);

    // Johan saves again on top of revision 1: accepted, his changes recorded under his name
    const retry = await save(johan, r.id, 1, { summary: "Eidars sammanfattning.", answers: { [r.q1]: "Eidars svar.", [r.q2]: "Johans tillägg." }, values: { [UNG]: { value: 12 }, [DEL]: { value: 5 } }, initiatives: [INITIATIVE[1]!] });
    expect(retry.error).toBeNull();
    expect(retry.data).toEqual([{ revision: 2, status: "draft" }]);
    expect(await history(eidar, r.id, 1)).toEqual([{ kind: "saved", actor_id: USER.johan, revision: 2, changed: [`question:${r.q2}`, `indicator:${DEL}`], comment: null }]);
  });

  it("two saves racing from the same revision: exactly one wins", async () => {
    const r = await report(ORG.eidar);
    const results = await Promise.all([
      save(eidar, r.id, 0, { summary: "Först?" }),
      save(johan, r.id, 0, { summary: "Nej, jag först?" }),
    ]);
    const errors = results.map((result) => result.error?.code ?? null).sort();
    expect(errors).toEqual(["SR409", null]);
    const winner = results.find((result) => !result.error)!;
    expect(winner.data).toEqual([{ revision: 1, status: "draft" }]);
    const after = await snapshot(r.id);
    expect(after.revision).toBe(1);
    expect(["Först?", "Nej, jag först?"]).toContain(after.summary);
  });

  it("a save that changes nothing keeps the revision and writes no history (whitespace around the text does not count)", async () => {
    const r = await report(ORG.eidar);
    const form = complete(r);
    expect((await save(eidar, r.id, 0, form)).data).toEqual([{ revision: 1, status: "draft" }]);
    const before = await snapshot(r.id);
    const same = await save(eidar, r.id, 1, { ...form, summary: `  ${form.summary}  `, answers: { [r.q1]: `  ${form.answers![r.q1]} `, [r.q2]: "   " } });
    expect(same.error).toBeNull();
    expect(same.data).toEqual([{ revision: 1, status: "draft" }]);
    expect(await snapshot(r.id)).toEqual(before);
  });
});

describe("submitting", () => {
  it("an incomplete report is refused with SR422 listing what is missing; nothing of the save is kept", async () => {
    const r = await report(ORG.eidar);
    const before = await snapshot(r.id);
    // a new summary and one value, but no answer to the required question and no UNG-01/TRY-01
    const result = await save(eidar, r.id, 0, { summary: "Ny sammanfattning", values: { [DEL]: { value: 300 } }, submit: true });
    expect(result.error?.code).toBe("SR422");
    const missing = JSON.parse(result.error!.details) as { item: string; ref_id: string | null; label: string }[];
    expect(missing).toEqual([
      { item: "question", ref_id: r.q1, label: "Vad har ni gjort under perioden?" },
      { item: "indicator", ref_id: UNG, label: "UNG-01 Unga i sommarjobb via förebyggande insatser" },
      { item: "indicator", ref_id: TRY, label: "TRY-01 Upplevd trygghet i bostadsområdet" },
    ]);
    expect(await snapshot(r.id)).toEqual(before);

    // an empty summary is missing too (and the optional question never is)
    const noSummary = await save(eidar, r.id, 0, { ...complete(r), summary: "   ", submit: true });
    expect(noSummary.error?.code).toBe("SR422");
    expect(JSON.parse(noSummary.error!.details)).toEqual([{ item: "summary", ref_id: null, label: "Sammanfattning" }]);
    expect(await snapshot(r.id)).toEqual(before);
  });

  it("only an admin of the organisation submits: a member's submit is refused (42501) and saves nothing", async () => {
    const r = await report(ORG.eidar);
    const before = await snapshot(r.id);
    const byMember = await save(johan, r.id, 0, { ...complete(r), submit: true });
    expect(byMember.error?.code).toBe("42501");
    expect(await snapshot(r.id)).toEqual(before);

    const vgr = await report(ORG.vgr, "returned");
    const vgrBefore = await snapshot(vgr.id);
    const byRegion = await save(region, vgr.id, 0, { ...complete(vgr), submit: true });
    expect(byRegion.error?.code).toBe("42501");
    expect(await snapshot(vgr.id)).toEqual(vgrBefore);

    // the member may still save the same content as a draft, and the admin submit it
    expect((await save(johan, r.id, 0, complete(r))).data).toEqual([{ revision: 1, status: "draft" }]);
    expect((await save(eidar, r.id, 1, { ...complete(r), submit: true })).data).toEqual([{ revision: 1, status: "submitted" }]);
    expect(await snapshot(r.id)).toMatchObject({ status: "submitted", version: 1, revision: 1 });
  });

  it("a submitted report is read-only: a further save by the organisation is refused (42501), also by its admin", async () => {
    const r = await report(ORG.eidar, "submitted");
    const before = await snapshot(r.id);
    for (const client of [eidar, johan]) {
      const result = await save(client, r.id, 0, { ...complete(r), summary: "Ändrad efter inskick" });
      expect(result.error?.code).toBe("42501");
    }
    // the coordinator does not edit reports either
    expect((await save(coordinator, r.id, 0, complete(r))).error?.code).toBe("42501");
    expect(await snapshot(r.id)).toEqual(before);
  });

  it("someone outside the organisation gets P0002 (the report does not exist for them), and nothing changes", async () => {
    const r = await report(ORG.kronogarden);
    const before = await snapshot(r.id);
    for (const client of [eidar, region, coordinator]) {
      expect((await save(client, r.id, 0, complete(r))).error?.code).toBe("P0002");
    }
    expect(await snapshot(r.id)).toEqual(before);
  });
});

describe("bad values change nothing", () => {
  const cases: { label: string; values: Form["values"]; code: string; message?: RegExp }[] = [
    { label: "a negative count (UNG-01 = -3)", values: (() => ({ [UNG]: { value: -3 } }))(), code: "23514", message: /UNG-01/ },
    { label: "a percentage above 100 (TRY-01 = 150)", values: (() => ({ [TRY]: { value: 150 } }))(), code: "23514", message: /TRY-01/ },
    { label: "text instead of a number", values: (() => ({ [UNG]: { value: "tolv" } }))(), code: "22P02" },
    { label: "a number written as text", values: (() => ({ [UNG]: { value: "12" } }))(), code: "22P02" },
    { label: "true instead of a number", values: (() => ({ [UNG]: { value: true } }))(), code: "22P02" },
    { label: "an indicator that does not exist", values: (() => ({ [newId()]: { value: 1 } }))(), code: "23503" },
    { label: "an indicator not in the period (SKO-01)", values: (() => ({ [INDICATOR["SKO-01"]]: { value: 80 } }))(), code: "23514", message: /SKO-01/ },
  ];
  for (const { label, values, code, message } of cases) {
    it(`${label}: ${code}, and the rest of the save is not kept either`, async () => {
      const r = await report(ORG.eidar);
      const before = await snapshot(r.id);
      const result = await save(eidar, r.id, 0, { summary: "Ny sammanfattning", answers: { [r.q1]: "Ett svar" }, values: { [DEL]: { value: 10 }, ...values } });
      expect(result.error?.code, result.error?.message).toBe(code);
      if (message) expect(result.error?.message).toMatch(message);
      expect(await snapshot(r.id)).toEqual(before);
    });
  }

  it("an unknown question: 23503, nothing saved", async () => {
    const r = await report(ORG.eidar);
    const before = await snapshot(r.id);
    const result = await save(eidar, r.id, 0, { summary: "Ny", answers: { [newId()]: "Svar på en fråga som inte finns" } });
    expect(result.error?.code).toBe("23503");
    expect(await snapshot(r.id)).toEqual(before);
  });

  it("a question of another period: 23503, nothing saved", async () => {
    const r = await report(ORG.eidar);
    const other = await report(ORG.eidar);
    const before = await snapshot(r.id);
    const result = await save(eidar, r.id, 0, { summary: "Ny", answers: { [other.q1]: "Fel period" } });
    expect(result.error?.code).toBe("23503");
    expect(await snapshot(r.id)).toEqual(before);
  });

  it("the bounds themselves, a comment instead of a figure, and clearing a value are fine", async () => {
    const r = await report(ORG.eidar);
    const first = await save(eidar, r.id, 0, { summary: "S", values: { [UNG]: { value: 0 }, [TRY]: { value: 100 }, [DEL]: { value: null, comment: "Ingen siffra i år." } } });
    expect(first.error).toBeNull();
    expect((await snapshot(r.id)).values).toEqual(
      [
        { indicator_id: UNG, value: "0", comment: null },
        { indicator_id: TRY, value: "100", comment: null },
        { indicator_id: DEL, value: null, comment: "Ingen siffra i år." },
      ].sort((a, b) => a.indicator_id.localeCompare(b.indicator_id)),
    );
    // value and comment both empty: the row goes
    const cleared = await save(eidar, r.id, 1, { summary: "S", values: { [DEL]: { value: null, comment: "  " } } });
    expect(cleared.error).toBeNull();
    expect((await snapshot(r.id)).values.map((row) => row.indicator_id).sort()).toEqual([UNG, TRY].sort());
  });
});

describe("a closed period", () => {
  it("no report is started in it, and a draft in it is not saved", async () => {
    const periodId = await throwawayPeriod("closed");
    await fixtureTemplate(periodId, TEMPLATE);
    cleanups.push(async () => {
      const made = await sql<{ id: string }>("select id::text from public.reports where period_id = $1", [periodId]);
      await purgeReports(made.map((row) => row.id));
      await sql("delete from public.reporting_periods where id = $1", [periodId]);
    });
    const started = await eidar.from("reports").insert({ org_id: ORG.eidar, period_id: periodId, summary: "För sent" });
    expect(started.error?.code).toBe("42501");
    expect(await sql("select id from public.reports where period_id = $1", [periodId])).toEqual([]);

    const r = await report(ORG.eidar, "draft", "closed");
    const before = await snapshot(r.id);
    const result = await save(eidar, r.id, 0, complete(r));
    expect(result.error?.code).toBe("42501");
    expect(result.error?.message).toMatch(/closed/);
    expect((await save(eidar, r.id, 0, { ...complete(r), submit: true })).error?.code).toBe("42501");
    expect(await snapshot(r.id)).toEqual(before);
  });

  it("a returned report is still fixed and resubmitted after its period closed", async () => {
    const r = await report(ORG.eidar, "returned", "closed");
    const result = await save(eidar, r.id, 0, { ...complete(r), submit: true });
    expect(result.error).toBeNull();
    expect(result.data).toEqual([{ revision: 1, status: "submitted" }]);
  });
});

describe("forged status changes through the REST API", () => {
  it("the organisation cannot accept, return or re-open its own report, nor skip the revision", async () => {
    const draft = await report(ORG.eidar);
    const submitted = await report(ORG.eidar, "submitted");
    const attempts: [string, Database["public"]["Tables"]["reports"]["Update"]][] = [
      [draft.id, { status: "accepted" }],
      [draft.id, { status: "returned", review_comment: "Själv" }],
      [draft.id, { review_comment: "Godkänd av oss själva", reviewed_by: USER.eidar }],
      [draft.id, { version: 3 }],
      [draft.id, { revision: 7 }],
      [submitted.id, { status: "draft" }],
      [submitted.id, { status: "accepted" }],
      [submitted.id, { summary: "Ändrad efter inskick" }],
    ];
    for (const [reportId, patch] of attempts) {
      const before = await snapshot(reportId);
      const { error, count } = await eidar.from("reports").update(patch, { count: "exact" }).eq("id", reportId);
      if (error) expect(error.code, JSON.stringify(patch)).toBe("42501");
      else expect(count, JSON.stringify(patch)).toBe(0);
      expect(await snapshot(reportId), JSON.stringify(patch)).toEqual(before);
    }
  });

  it("an incomplete report submitted by a plain PATCH is refused like through save_report (SR422)", async () => {
    const r = await report(ORG.kronogarden);
    const before = await snapshot(r.id);
    const { error } = await association.from("reports").update({ status: "submitted" }).eq("id", r.id);
    expect(error?.code).toBe("SR422");
    expect(await snapshot(r.id)).toEqual(before);
  });
});

describe("review_report", () => {
  it("return needs a comment; only coordinators review; only submitted reports", async () => {
    const r = await report(ORG.eidar, "submitted");
    const before = await snapshot(r.id);
    for (const comment of ["", "   "]) {
      const { error } = await coordinator.rpc("review_report", { p_report_id: r.id, p_decision: "returned", p_comment: comment });
      expect(error?.code, JSON.stringify(comment)).toBe("23514");
    }
    for (const client of [eidar, johan, association]) {
      const { error } = await client.rpc("review_report", { p_report_id: r.id, p_decision: "accepted", p_comment: "" });
      expect(error?.code).toBe("42501");
    }
    const bogus = await coordinator.rpc("review_report", { p_report_id: r.id, p_decision: "draft", p_comment: "Tillbaka till utkast" });
    expect(bogus.error?.code).toBe("22023");
    expect(await snapshot(r.id)).toEqual(before);

    // a draft is not the coordinator's to see, so it is "not found"; a returned one is not reviewable
    const draft = await report(ORG.eidar);
    expect((await coordinator.rpc("review_report", { p_report_id: draft.id, p_decision: "accepted", p_comment: "" })).error?.code).toBe("P0002");
    const returned = await report(ORG.eidar, "returned");
    expect((await coordinator.rpc("review_report", { p_report_id: returned.id, p_decision: "accepted", p_comment: "" })).error?.code).toBe("42501");
  });
});

describe("the history of a report", () => {
  it("lists started, saved (with what changed), submitted, returned and accepted in order, each with its actor, revision and comment", async () => {
    const periodId = await throwawayPeriod("open");
    const { questions } = await fixtureTemplate(periodId, TEMPLATE);
    const [q1, q2] = questions as [string, string];
    let reportId = "";
    cleanups.push(async () => {
      if (reportId) await purgeReports([reportId]);
      await sql("delete from public.reporting_periods where id = $1", [periodId]);
    });

    // Eidar's admin starts the report (through the API, as the portal does)
    const started = await eidar.from("reports").insert({ org_id: ORG.eidar, period_id: periodId, summary: null }).select("id").single();
    expect(started.error).toBeNull();
    reportId = started.data!.id;

    const r = { q1 };
    expect((await save(eidar, reportId, 0, { summary: "Första utkastet." })).data).toEqual([{ revision: 1, status: "draft" }]);
    expect((await save(johan, reportId, 1, { summary: "Första utkastet.", answers: { [q1]: "Johans svar.", [q2]: "Tillägg." }, values: { [UNG]: { value: 40 } } })).data).toEqual([{ revision: 2, status: "draft" }]);
    expect((await save(eidar, reportId, 2, { ...complete(r), answers: { [q1]: "Johans svar.", [q2]: "Tillägg." }, initiatives: [INITIATIVE[1]!], submit: true })).data).toEqual([{ revision: 3, status: "submitted" }]);
    expect((await coordinator.rpc("review_report", { p_report_id: reportId, p_decision: "returned", p_comment: "Komplettera DEL-01 med en siffra." })).error).toBeNull();
    expect((await save(eidar, reportId, 3, { ...complete(r), answers: { [q1]: "Johans svar.", [q2]: "Tillägg." }, values: { ...complete(r).values, [DEL]: { value: 410 } }, initiatives: [INITIATIVE[1]!] })).data).toEqual([{ revision: 4, status: "returned" }]);
    expect((await save(eidar, reportId, 4, { ...complete(r), answers: { [q1]: "Johans svar.", [q2]: "Tillägg." }, values: { ...complete(r).values, [DEL]: { value: 410 } }, initiatives: [INITIATIVE[1]!], submit: true })).data).toEqual([{ revision: 4, status: "submitted" }]);
    expect((await coordinator.rpc("review_report", { p_report_id: reportId, p_decision: "accepted", p_comment: "Tack, godkänd." })).error).toBeNull();

    const expected = [
      { kind: "started", actor_id: USER.eidar, revision: 0, changed: [], comment: null },
      { kind: "saved", actor_id: USER.eidar, revision: 1, changed: ["summary"], comment: null },
      { kind: "saved", actor_id: USER.johan, revision: 2, changed: [`question:${q1}`, `question:${q2}`, `indicator:${UNG}`], comment: null },
      { kind: "saved", actor_id: USER.eidar, revision: 3, changed: ["summary", `indicator:${TRY}`, `indicator:${DEL}`, "initiatives"], comment: null },
      { kind: "submitted", actor_id: USER.eidar, revision: 3, changed: [], comment: null },
      { kind: "returned", actor_id: USER.coordinator, revision: 3, changed: [], comment: "Komplettera DEL-01 med en siffra." },
      { kind: "saved", actor_id: USER.eidar, revision: 4, changed: [`indicator:${DEL}`], comment: null },
      { kind: "submitted", actor_id: USER.eidar, revision: 4, changed: [], comment: null },
      { kind: "accepted", actor_id: USER.coordinator, revision: 4, changed: [], comment: "Tack, godkänd." },
    ];
    // the organisation and the coordinator read the same history; the events are in time order
    expect(await history(eidar, reportId)).toEqual(expected);
    expect(await history(coordinator, reportId)).toEqual(expected);
    const times = await sql<{ at: Date }>("select at from public.report_events where report_id = $1 order by id", [reportId]);
    expect(times.map((row) => row.at.getTime())).toEqual([...times.map((row) => row.at.getTime())].sort((a, b) => a - b));
    expect(await snapshot(reportId)).toMatchObject({ status: "accepted", version: 2, revision: 4, review_comment: "Tack, godkänd." });
  });
});
