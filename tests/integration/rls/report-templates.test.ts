/**
 * RLS matrices for what issue 7 added around reports: the report template of a period (which
 * organisations must report, which indicators apply, which questions are asked), the answers to
 * those questions, a report's history and the reminder claims.
 *
 * - period_organisations, period_indicators, period_questions: every signed-in user reads them,
 *   anonymous visitors nothing; only coordinators write them (trusted server code too).
 * - report_answers: exactly the readers of the report read them (a draft's answers stay inside the
 *   organisation); members write them while the report is editable (draft in an open period, or
 *   returned); frozen once submitted (users) or accepted (everyone); only the period's questions.
 * - report_events: exactly the readers of the report read its history; no user writes it (the
 *   trigger on reports does).
 * - report_reminders: coordinators read; only the reminder job (service role) writes.
 * - the new functions: anonymous visitors call none of them; only the service role claims reminders.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INDICATOR,
  ORG,
  PERIOD,
  PERIOD_INDICATOR_CODES,
  PERIOD_ORGS,
  QUESTION,
  REPORT,
  USER,
  USERS,
  as,
  fixtureReport,
  keyOf,
  newId,
  serviceInsert,
  sql,
  throwawayPeriod,
  rlsMatrix,
  type Actor,
  type Cell,
  type Row,
  type Target,
} from "../../support/rls.ts";

const NOT_COORDINATORS: readonly Actor[] = ["anon", "board", "eidar", "association", "region"];
const SIGNED_IN_ALL = { anon: [], coordinator: "all", board: "all", eidar: "all", association: "all", region: "all", service: "all" } as const;

// A period of its own for inserts (so no seed template changes) and one for row fixtures.
let spare = "";
beforeAll(async () => {
  spare = await throwawayPeriod("open");
});
afterAll(async () => {
  if (spare) await sql("delete from public.reporting_periods where id = $1", [spare]);
});

/** A throwaway period with `make` run in it; the period (and so its template rows) goes afterwards. */
const inFreshPeriod = (label: string, make: (periodId: string) => Promise<Row>): Target => ({
  label,
  make: async () => {
    const periodId = await throwawayPeriod("open");
    const match = await make(periodId);
    return { match: match as Record<string, string | number | boolean>, cleanup: async () => void (await sql("delete from public.reporting_periods where id = $1", [periodId])) };
  },
});

// --- period_organisations --------------------------------------------------------------------------

const PO_KEY = ["period_id", "org_id"] as const;
const PO_SEED: Record<string, string> = {
  "2025/eidar": `${PERIOD.helar2025}|${ORG.eidar}`,
  "2025/krono": `${PERIOD.helar2025}|${ORG.kronogarden}`,
  "2025/vgr": `${PERIOD.helar2025}|${ORG.vgr}`,
  "2026/eidar": `${PERIOD.halvar2026}|${ORG.eidar}`,
  "2026/krono": `${PERIOD.halvar2026}|${ORG.kronogarden}`,
  "2026/vgr": `${PERIOD.halvar2026}|${ORG.vgr}`,
  "2026/arbetsförmedlingen": `${PERIOD.halvar2026}|${ORG.arbetsformedlingen}`,
};
const newRequiredOrg = () => ({ period_id: spare, org_id: ORG.svenskaKyrkan });
const requiredOrgFixture = inFreshPeriod("a required organisation of a fresh period", async (periodId) => {
  await serviceInsert("period_organisations", { period_id: periodId, org_id: ORG.svenskaKyrkan });
  return { period_id: periodId, org_id: ORG.svenskaKyrkan };
});
const seedRequired = (label: string, periodId: string, orgId: string): Target => ({ label, match: { period_id: periodId, org_id: orgId } });

describe("the seed's template matches the constants the tests use", () => {
  it("period_organisations and period_indicators", async () => {
    const orgs = await sql<{ period_id: string; org_id: string }>("select period_id::text, org_id::text from public.period_organisations where period_id = any($1::uuid[])", [[PERIOD.helar2025, PERIOD.halvar2026]]);
    expect(orgs.filter((row) => row.period_id === PERIOD.helar2025).map((row) => row.org_id).sort()).toEqual([...PERIOD_ORGS.helar2025].sort());
    expect(orgs.filter((row) => row.period_id === PERIOD.halvar2026).map((row) => row.org_id).sort()).toEqual([...PERIOD_ORGS.halvar2026].sort());
    const indicators = await sql<{ code: string }>("select distinct i.code from public.period_indicators pi join public.indicators i on i.id = pi.indicator_id where pi.period_id = any($1::uuid[]) order by 1", [[PERIOD.helar2025, PERIOD.halvar2026]]);
    expect(indicators.map((row) => row.code)).toEqual([...PERIOD_INDICATOR_CODES].sort());
  });
});

rlsMatrix({
  table: "period_organisations",
  key: PO_KEY,
  seed: PO_SEED,
  select: SIGNED_IN_ALL,
  cells: [
    { op: "insert", actor: "coordinator", label: "Svenska kyrkan into a period", row: newRequiredOrg, key: PO_KEY, allowed: true },
    { op: "insert", actor: "service", label: "Svenska kyrkan into a period", row: newRequiredOrg, key: PO_KEY, allowed: true },
    ...NOT_COORDINATORS.map((actor): Cell => ({ op: "insert", actor, label: "Svenska kyrkan into a period", row: newRequiredOrg, key: PO_KEY, allowed: false })),
    // no update policy: a row is a pair of keys (coordinators remove and add instead)
    ...(["coordinator", ...NOT_COORDINATORS] as const).map((actor): Cell => ({ op: "update", actor, target: seedRequired("2026/eidar moved to Svenska kyrkan", PERIOD.halvar2026, ORG.eidar), patch: { org_id: ORG.svenskaKyrkan }, allowed: false })),
    { op: "update", actor: "service", target: requiredOrgFixture, patch: { created_at: "2020-01-01T00:00:00+00:00" }, allowed: true },
    { op: "delete", actor: "coordinator", target: requiredOrgFixture, allowed: true },
    { op: "delete", actor: "service", target: requiredOrgFixture, allowed: true },
    // an organisation cannot release itself from reporting
    { op: "delete", actor: "eidar", target: seedRequired("2026/eidar (own organisation)", PERIOD.halvar2026, ORG.eidar), allowed: false },
    { op: "delete", actor: "association", target: seedRequired("2026/krono (own organisation)", PERIOD.halvar2026, ORG.kronogarden), allowed: false },
    ...(["anon", "board", "region"] as const).map((actor): Cell => ({ op: "delete", actor, target: requiredOrgFixture, allowed: false })),
  ],
});

// --- period_indicators -----------------------------------------------------------------------------

const PI_KEY = ["period_id", "indicator_id"] as const;
const PI_SEED: Record<string, string> = Object.fromEntries(
  (["helar2025", "halvar2026"] as const).flatMap((period) => PERIOD_INDICATOR_CODES.map((code) => [`${period === "helar2025" ? "2025" : "2026"}/${code}`, `${PERIOD[period]}|${INDICATOR[code]}`])),
);
const newPeriodIndicator = () => ({ period_id: spare, indicator_id: INDICATOR["SKO-01"], sort_order: 60 });
const periodIndicatorFixture = inFreshPeriod("an indicator of a fresh period", async (periodId) => {
  await serviceInsert("period_indicators", { period_id: periodId, indicator_id: INDICATOR["SKO-01"], sort_order: 60 });
  return { period_id: periodId, indicator_id: INDICATOR["SKO-01"] };
});
const seedPeriodIndicator = (label: string, periodId: string, code: keyof typeof INDICATOR): Target => ({ label, match: { period_id: periodId, indicator_id: INDICATOR[code] } });

rlsMatrix({
  table: "period_indicators",
  key: PI_KEY,
  seed: PI_SEED,
  select: SIGNED_IN_ALL,
  cells: [
    { op: "insert", actor: "coordinator", label: "SKO-01 into a period", row: newPeriodIndicator, key: PI_KEY, allowed: true },
    { op: "insert", actor: "service", label: "SKO-01 into a period", row: newPeriodIndicator, key: PI_KEY, allowed: true },
    ...NOT_COORDINATORS.map((actor): Cell => ({ op: "insert", actor, label: "SKO-01 into a period", row: newPeriodIndicator, key: PI_KEY, allowed: false })),
    { op: "update", actor: "coordinator", target: seedPeriodIndicator("2026/DEL-01's order", PERIOD.halvar2026, "DEL-01"), patch: { sort_order: 5 }, allowed: true },
    ...NOT_COORDINATORS.map((actor): Cell => ({ op: "update", actor, target: seedPeriodIndicator("2026/DEL-01's order", PERIOD.halvar2026, "DEL-01"), patch: { sort_order: 5 }, allowed: false })),
    { op: "update", actor: "service", target: periodIndicatorFixture, patch: { sort_order: 1 }, allowed: true },
    { op: "delete", actor: "coordinator", target: periodIndicatorFixture, allowed: true },
    { op: "delete", actor: "service", target: periodIndicatorFixture, allowed: true },
    // a partner cannot drop an indicator it would rather not report
    { op: "delete", actor: "association", target: seedPeriodIndicator("2026/VOL-01", PERIOD.halvar2026, "VOL-01"), allowed: false },
    ...(["anon", "board", "eidar", "region"] as const).map((actor): Cell => ({ op: "delete", actor, target: periodIndicatorFixture, allowed: false })),
  ],
});

// --- period_questions ------------------------------------------------------------------------------

const Q_SEED: Record<string, string> = Object.fromEntries([
  ...QUESTION.helar2025.map((questionId, i) => [`2025/Q${i + 1}`, questionId]),
  ...QUESTION.halvar2026.map((questionId, i) => [`2026/Q${i + 1}`, questionId]),
]);
const newQuestion = () => ({ id: newId(), period_id: spare, position: 1, question: `Ny fråga ${newId().slice(0, 8)}?`, required: true });
const questionFixture = inFreshPeriod("an unanswered question of a fresh period", async (periodId) => {
  const questionId = newId();
  await serviceInsert("period_questions", { id: questionId, period_id: periodId, position: 1, question: "Vad vill ni berätta?" });
  return { id: questionId };
});
const seedQuestion = (label: string, questionId: string): Target => ({ label, match: { id: questionId } });

rlsMatrix({
  table: "period_questions",
  seed: Q_SEED,
  select: SIGNED_IN_ALL,
  cells: [
    { op: "insert", actor: "coordinator", label: "a question", row: newQuestion, key: ["id"], allowed: true },
    { op: "insert", actor: "service", label: "a question", row: newQuestion, key: ["id"], allowed: true },
    ...NOT_COORDINATORS.map((actor): Cell => ({ op: "insert", actor, label: "a question", row: newQuestion, key: ["id"], allowed: false })),
    { op: "insert", actor: "coordinator", label: "a question of two characters", row: () => ({ ...newQuestion(), question: "Nå" }), key: ["id"], allowed: false, codes: ["23514"] },
    { op: "update", actor: "coordinator", target: seedQuestion("2026/Q4 reworded", QUESTION.halvar2026[3]!), patch: { question: "Vilka svårigheter har ni mött?", help: "Skriv kort." }, allowed: true },
    ...NOT_COORDINATORS.map((actor): Cell => ({ op: "update", actor, target: seedQuestion("2026/Q4 made optional → required", QUESTION.halvar2026[3]!), patch: { required: true }, allowed: false })),
    { op: "update", actor: "service", target: questionFixture, patch: { help: "Hjälptext" }, allowed: true },
    { op: "delete", actor: "coordinator", target: questionFixture, allowed: true },
    { op: "delete", actor: "service", target: questionFixture, allowed: true },
    // a question with answers stays (its answers would be lost)
    { op: "delete", actor: "coordinator", target: seedQuestion("2026/Q1 (answered)", QUESTION.halvar2026[0]!), allowed: false, codes: ["23503"] },
    ...NOT_COORDINATORS.map((actor): Cell => ({ op: "delete", actor, target: questionFixture, allowed: false })),
  ],
});

// --- report_answers --------------------------------------------------------------------------------

const ANSWER_KEY = ["report_id", "question_id"] as const;
const answerKey = (reportId: string, questionId: string) => `${reportId}|${questionId}`;
const ANSWER_SEED: Record<string, string> = {
  ...Object.fromEntries(QUESTION.helar2025.map((q, i) => [`eidar 2025/Q${i + 1}`, answerKey(REPORT.eidar2025Accepted, q)])),
  ...Object.fromEntries(QUESTION.halvar2026.map((q, i) => [`eidar 2026/Q${i + 1}`, answerKey(REPORT.eidar2026Submitted, q)])),
  ...Object.fromEntries(QUESTION.helar2025.map((q, i) => [`krono 2025/Q${i + 1}`, answerKey(REPORT.krono2025Accepted, q)])),
  "krono 2026 draft/Q1": answerKey(REPORT.krono2026Draft, QUESTION.halvar2026[0]!),
  ...Object.fromEntries(QUESTION.helar2025.map((q, i) => [`vgr 2025/Q${i + 1}`, answerKey(REPORT.vgr2025Accepted, q)])),
  "vgr 2026 returned/Q1": answerKey(REPORT.vgr2026Returned, QUESTION.halvar2026[0]!),
  "vgr 2026 returned/Q2": answerKey(REPORT.vgr2026Returned, QUESTION.halvar2026[1]!),
};
const answerNames = (prefixes: string[]) => Object.keys(ANSWER_SEED).filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));
const seedAnswer = (label: string, reportId: string, questionId: string): Target => ({ label, match: { report_id: reportId, question_id: questionId } });

type Status = "draft" | "submitted" | "returned" | "accepted";
const TWO_QUESTIONS = { questions: [{ question: "Vad har ni gjort?" }, { question: "Vad är nästa steg?" }], indicators: [] };

/** An insert cell: an answer to question 2 of a fresh report of `org` in `status` (question 1 answered). */
const answerFresh = (actor: Actor, label: string, org: string, status: Status, allowed: boolean, options: { periodStatus?: "open" | "closed"; codes?: string[] } = {}): Cell => {
  let remove: (() => Promise<void>) | undefined;
  return {
    op: "insert",
    actor,
    label,
    key: ANSWER_KEY,
    allowed,
    ...(options.codes ? { codes: options.codes } : {}),
    row: async () => {
      const report = await fixtureReport(org, status, {}, { template: TWO_QUESTIONS, content: { answersByPosition: { 1: "Första svaret." } }, ...(options.periodStatus ? { periodStatus: options.periodStatus } : {}) });
      remove = report.remove;
      return { report_id: report.id, question_id: report.questions[1], body: "Nästa steg: fler volontärer." };
    },
    cleanup: async () => {
      await remove?.();
    },
  };
};
/** An insert cell on a seed report. */
const answerSeed = (actor: Actor, label: string, reportId: string, questionId: string, allowed: boolean, codes?: string[], body = "Ett svar från testet."): Cell => ({
  op: "insert",
  actor,
  label,
  key: ANSWER_KEY,
  allowed,
  ...(codes ? { codes } : {}),
  row: () => ({ report_id: reportId, question_id: questionId, body }),
});
/** A target: the answer to question 1 of a fresh report of `org` in `status`. */
const freshAnswer = (label: string, org: string, status: Status): Target => ({
  label,
  make: async () => {
    const report = await fixtureReport(org, status, {}, { template: TWO_QUESTIONS, content: { answersByPosition: { 1: "Första svaret." } } });
    return { match: { report_id: report.id, question_id: report.questions[0]! }, cleanup: report.remove };
  },
});

rlsMatrix({
  table: "report_answers",
  key: ANSWER_KEY,
  seed: ANSWER_SEED,
  select: {
    anon: [],
    coordinator: answerNames(["eidar", "krono 2025", "vgr"]), // not the draft's answer
    board: answerNames(["eidar"]), // Eidar reports to the board: submitted and accepted reports
    eidar: answerNames(["eidar"]),
    association: answerNames(["krono"]),
    region: answerNames(["vgr"]),
    service: "all",
  },
  cells: [
    answerSeed("association", "2026/Q2 into own draft", REPORT.krono2026Draft, QUESTION.halvar2026[1]!, true),
    answerSeed("region", "2026/Q3 into own returned report", REPORT.vgr2026Returned, QUESTION.halvar2026[2]!, true),
    answerFresh("region", "into own returned report of a closed period", ORG.vgr, "returned", true, { periodStatus: "closed" }),
    answerFresh("association", "into own draft of a closed period", ORG.kronogarden, "draft", false, { periodStatus: "closed" }),
    answerSeed("association", "a question of another period (2025/Q2) into own 2026 draft", REPORT.krono2026Draft, QUESTION.helar2025[1]!, false, ["23514"]),
    answerSeed("association", "a blank answer", REPORT.krono2026Draft, QUESTION.halvar2026[1]!, false, ["23514"], "   "),
    answerFresh("eidar", "into own submitted report", ORG.eidar, "submitted", false),
    answerFresh("eidar", "into own accepted report", ORG.eidar, "accepted", false),
    answerSeed("eidar", "2026/Q2 into krono's draft", REPORT.krono2026Draft, QUESTION.halvar2026[1]!, false),
    answerSeed("region", "2026/Q2 into krono's draft", REPORT.krono2026Draft, QUESTION.halvar2026[1]!, false),
    answerSeed("coordinator", "2026/Q3 into vgr's returned report", REPORT.vgr2026Returned, QUESTION.halvar2026[2]!, false),
    answerFresh("coordinator", "into Eidar's submitted report", ORG.eidar, "submitted", false),
    answerFresh("board", "into Eidar's submitted report", ORG.eidar, "submitted", false),
    answerSeed("anon", "2026/Q2 into krono's draft", REPORT.krono2026Draft, QUESTION.halvar2026[1]!, false),
    answerFresh("service", "into an accepted report", ORG.eidar, "accepted", false),
    answerSeed("service", "2026/Q4 into krono's draft (trusted code)", REPORT.krono2026Draft, QUESTION.halvar2026[3]!, true),

    { op: "update", actor: "association", target: seedAnswer("own draft 2026/Q1", REPORT.krono2026Draft, QUESTION.halvar2026[0]!), patch: { body: "Läxhjälp tisdagar, torsdagar och lördagar." }, allowed: true },
    { op: "update", actor: "region", target: seedAnswer("own returned 2026/Q2", REPORT.vgr2026Returned, QUESTION.halvar2026[1]!), patch: { body: "180 personer: Kronogården 70, Lextorp 50, Sylte 40, Centrum 20." }, allowed: true },
    { op: "update", actor: "association", target: seedAnswer("own draft 2026/Q1 → blank", REPORT.krono2026Draft, QUESTION.halvar2026[0]!), patch: { body: "" }, allowed: false, codes: ["23514"] },
    { op: "update", actor: "eidar", target: seedAnswer("own submitted 2026/Q1", REPORT.eidar2026Submitted, QUESTION.halvar2026[0]!), patch: { body: "Ändrat efter inskick" }, allowed: false },
    { op: "update", actor: "eidar", target: seedAnswer("own accepted 2025/Q1", REPORT.eidar2025Accepted, QUESTION.helar2025[0]!), patch: { body: "Ändrat efter godkännande" }, allowed: false },
    { op: "update", actor: "region", target: seedAnswer("krono's draft 2026/Q1", REPORT.krono2026Draft, QUESTION.halvar2026[0]!), patch: { body: "Fel organisation" }, allowed: false },
    { op: "update", actor: "coordinator", target: seedAnswer("eidar's submitted 2026/Q1", REPORT.eidar2026Submitted, QUESTION.halvar2026[0]!), patch: { body: "Samordnaren skriver om" }, allowed: false },
    { op: "update", actor: "coordinator", target: seedAnswer("vgr's returned 2026/Q1", REPORT.vgr2026Returned, QUESTION.halvar2026[0]!), patch: { body: "Samordnaren skriver om" }, allowed: false },
    { op: "update", actor: "board", target: seedAnswer("eidar's submitted 2026/Q1", REPORT.eidar2026Submitted, QUESTION.halvar2026[0]!), patch: { body: "Styrelsen skriver om" }, allowed: false },
    { op: "update", actor: "anon", target: seedAnswer("krono's draft 2026/Q1", REPORT.krono2026Draft, QUESTION.halvar2026[0]!), patch: { body: "Anonym" }, allowed: false },
    { op: "update", actor: "service", target: seedAnswer("eidar's accepted 2025/Q1", REPORT.eidar2025Accepted, QUESTION.helar2025[0]!), patch: { body: "Tjänsten skriver om" }, allowed: false },
    { op: "update", actor: "association", target: seedAnswer("own draft 2026/Q1 moved to the accepted 2025 report", REPORT.krono2026Draft, QUESTION.halvar2026[0]!), patch: { report_id: REPORT.krono2025Accepted }, allowed: false },
    { op: "update", actor: "association", target: seedAnswer("own draft 2026/Q1 moved to a 2025 question", REPORT.krono2026Draft, QUESTION.halvar2026[0]!), patch: { question_id: QUESTION.helar2025[0] }, allowed: false, codes: ["23514"] },

    { op: "delete", actor: "association", target: freshAnswer("an answer of own draft", ORG.kronogarden, "draft"), allowed: true },
    { op: "delete", actor: "region", target: freshAnswer("an answer of own returned report", ORG.vgr, "returned"), allowed: true },
    { op: "delete", actor: "eidar", target: seedAnswer("own submitted 2026/Q1", REPORT.eidar2026Submitted, QUESTION.halvar2026[0]!), allowed: false },
    { op: "delete", actor: "region", target: seedAnswer("krono's draft 2026/Q1", REPORT.krono2026Draft, QUESTION.halvar2026[0]!), allowed: false },
    { op: "delete", actor: "coordinator", target: seedAnswer("eidar's submitted 2026/Q1", REPORT.eidar2026Submitted, QUESTION.halvar2026[0]!), allowed: false },
    ...(["anon", "board", "coordinator", "eidar", "service"] as const).map((actor): Cell => ({ op: "delete", actor, target: seedAnswer("eidar's accepted 2025/Q1", REPORT.eidar2025Accepted, QUESTION.helar2025[0]!), allowed: false })),
  ],
});

// --- report_events ---------------------------------------------------------------------------------

/**
 * The seed's history (written by the trigger while the seed ran; the events have the seed's dates,
 * before 2026-11-22). Names: "<report> <n>:<kind>", n counting within the report.
 */
const EVENT_NAMES: Record<string, [string, string[]]> = {
  [REPORT.eidar2025Accepted]: ["eidar 2025", ["started", "submitted", "accepted"]],
  [REPORT.eidar2026Submitted]: ["eidar 2026", ["started", "submitted"]],
  [REPORT.krono2025Accepted]: ["krono 2025", ["started", "submitted", "returned", "submitted", "accepted"]],
  [REPORT.krono2026Draft]: ["krono 2026 draft", ["started"]],
  [REPORT.vgr2025Accepted]: ["vgr 2025", ["started", "submitted", "accepted"]],
  [REPORT.vgr2026Returned]: ["vgr 2026 returned", ["started", "submitted", "returned"]],
};
const EVENT_LABELS = Object.values(EVENT_NAMES).flatMap(([report, kinds]) => kinds.map((kind, i) => `${report} ${i + 1}:${kind}`));
const eventNames = (prefixes: string[]) => EVENT_LABELS.filter((name) => prefixes.some((prefix) => name.startsWith(`${prefix} `)));

async function seedEvents(): Promise<Record<string, string>> {
  const rows = await sql<{ id: string; report_id: string; kind: string }>(
    "select e.id::text as id, e.report_id::text as report_id, e.kind::text as kind from public.report_events e where e.report_id = any($1::uuid[]) and e.at < '2026-11-22' order by e.report_id, e.id",
    [Object.keys(EVENT_NAMES)],
  );
  const result: Record<string, string> = {};
  for (const [reportId, [report, kinds]] of Object.entries(EVENT_NAMES)) {
    const events = rows.filter((row) => row.report_id === reportId);
    expect(events.map((row) => row.kind), `seed history of ${report}`).toEqual(kinds);
    events.forEach((row, i) => (result[`${report} ${i + 1}:${row.kind}`] = row.id));
  }
  return result;
}

let eidarAcceptedEvent = "";
beforeAll(async () => {
  eidarAcceptedEvent = (await seedEvents())["eidar 2025 3:accepted"]!;
});
const seedEvent = (label: string): Target => ({ label, make: async () => ({ match: { id: Number(eidarAcceptedEvent) } }) });
/** The 'started' event of a fresh draft of Kronogården (removed with the report). */
const freshEvent: Target = {
  label: "the started event of a fresh draft",
  make: async () => {
    const report = await fixtureReport(ORG.kronogarden, "draft");
    const [row] = await sql<{ id: string }>("select id::text from public.report_events where report_id = $1", [report.id]);
    return { match: { id: Number(row!.id) }, cleanup: report.remove };
  },
};
const forgedEvent = () => ({ report_id: REPORT.krono2026Draft, kind: "accepted", revision: 0, actor_id: USER.coordinator, comment: `Förfalskad ${newId()}` });

rlsMatrix({
  table: "report_events",
  seed: seedEvents,
  select: {
    anon: [],
    coordinator: EVENT_LABELS.filter((name) => !name.startsWith("krono 2026 draft")), // not the draft's history
    board: eventNames(["eidar 2025", "eidar 2026"]),
    eidar: eventNames(["eidar 2025", "eidar 2026"]),
    association: eventNames(["krono 2025", "krono 2026 draft"]),
    region: eventNames(["vgr 2025", "vgr 2026 returned"]),
    service: "all",
  },
  cells: [
    // no user writes history: not even the organisation about its own draft, not the coordinator
    ...USERS.map((actor): Cell => ({ op: "insert", actor, label: "a forged 'accepted' event on krono's draft", row: forgedEvent, key: ["report_id", "comment"], allowed: false })),
    ...USERS.map((actor): Cell => ({ op: "update", actor, target: seedEvent("eidar 2025's acceptance"), patch: { comment: "Ändrad historik", actor_id: USER.board }, allowed: false })),
    ...USERS.map((actor): Cell => ({ op: "delete", actor, target: seedEvent("eidar 2025's acceptance"), allowed: false })),
    // Nobody edits history, not even trusted server code: only the trigger writes (as the owner).
    { op: "insert", actor: "service", label: "an event on krono's draft", row: forgedEvent, key: ["report_id", "comment"], allowed: false },
    { op: "update", actor: "service", target: freshEvent, patch: { comment: "Rättad av servern" }, allowed: false },
    { op: "delete", actor: "service", target: freshEvent, allowed: false },
  ],
});

// --- report_reminders ------------------------------------------------------------------------------

const REMINDER_KEY = ["period_id", "org_id", "kind"] as const;
let reminderPeriod = "";
let reminderSeed: Record<string, string> = {};
beforeAll(async () => {
  // claims made by "earlier runs", in a closed period of their own (so no reminder run touches it)
  reminderPeriod = await throwawayPeriod("closed");
  await serviceInsert("report_reminders", [
    { period_id: reminderPeriod, org_id: ORG.kronogarden, kind: "due_in_14", recipients: 2 },
    { period_id: reminderPeriod, org_id: ORG.vgr, kind: "overdue", recipients: 2 },
  ]);
  reminderSeed = {
    "krono due_in_14": `${reminderPeriod}|${ORG.kronogarden}|due_in_14`,
    "vgr overdue": `${reminderPeriod}|${ORG.vgr}|overdue`,
  };
});
afterAll(async () => {
  if (reminderPeriod) await sql("delete from public.reporting_periods where id = $1", [reminderPeriod]);
});
const newReminder = () => ({ period_id: reminderPeriod, org_id: ORG.eidar, kind: "due_in_3", recipients: 1 });
const seedReminder: Target = { label: "krono's 14-day reminder", make: async () => ({ match: { period_id: reminderPeriod, org_id: ORG.kronogarden, kind: "due_in_14" } }) };
const reminderFixture: Target = {
  label: "a claim of a fresh period",
  make: async () => {
    const periodId = await throwawayPeriod("closed");
    await serviceInsert("report_reminders", { period_id: periodId, org_id: ORG.eidar, kind: "due_in_14" });
    return { match: { period_id: periodId, org_id: ORG.eidar, kind: "due_in_14" }, cleanup: async () => void (await sql("delete from public.reporting_periods where id = $1", [periodId])) };
  },
};

rlsMatrix({
  table: "report_reminders",
  key: REMINDER_KEY,
  seed: () => Promise.resolve(reminderSeed),
  select: { anon: [], coordinator: "all", board: [], eidar: [], association: [], region: [], service: "all" },
  cells: [
    { op: "insert", actor: "service", label: "a claim", row: newReminder, key: REMINDER_KEY, allowed: true },
    ...USERS.map((actor): Cell => ({ op: "insert", actor, label: "a claim (so a reminder is never sent)", row: newReminder, key: REMINDER_KEY, allowed: false })),
    { op: "update", actor: "service", target: seedReminder, patch: { recipients: 3 }, allowed: true },
    ...USERS.map((actor): Cell => ({ op: "update", actor, target: seedReminder, patch: { recipients: 0 }, allowed: false })),
    { op: "delete", actor: "service", target: reminderFixture, allowed: true },
    ...USERS.map((actor): Cell => ({ op: "delete", actor, target: seedReminder, allowed: false })),
  ],
});

// --- the functions ---------------------------------------------------------------------------------

describe("report functions: who may call them", () => {
  const calls: Record<string, Row> = {
    save_report: { p_report_id: REPORT.krono2026Draft, p_revision: 0, p_summary: "Anonym", p_answers: {}, p_values: {}, p_initiative_ids: [], p_submit: false },
    review_report: { p_report_id: REPORT.eidar2026Submitted, p_decision: "accepted", p_comment: null },
    report_missing_items: { p_report_id: REPORT.krono2026Draft },
    save_reporting_period: { p_period_id: null, p_name: "Anonym period", p_starts_on: "2031-01-01", p_ends_on: "2031-06-30", p_due_on: "2031-08-31", p_status: "open", p_org_ids: [], p_indicator_ids: [], p_questions: [] },
    claim_report_reminders: { p_today: "2026-12-05" },
  };

  it("anonymous visitors call none of them", async () => {
    const anon = await as("anon");
    for (const [fn, args] of Object.entries(calls)) {
      const { error } = await anon.rpc(fn, args);
      expect(error?.code, fn).toBe("42501");
    }
    expect(await sql("select id from public.reporting_periods where name = 'Anonym period'")).toEqual([]);
  });

  it("only the reminder job (service role) claims reminders: no signed-in user, not even a coordinator", async () => {
    const before = await sql<{ n: string }>("select count(*)::text as n from public.report_reminders");
    for (const actor of ["coordinator", "board", "eidar", "association", "region"] as const) {
      const { data, error } = await (await as(actor)).rpc("claim_report_reminders", { p_today: "2026-12-05" });
      expect(error?.code, actor).toBe("42501");
      expect(data).toBeNull();
    }
    expect(await sql<{ n: string }>("select count(*)::text as n from public.report_reminders")).toEqual(before);
  });

  it("report_missing_items answers only about reports the caller reads", async () => {
    const { data: own, error } = await (await as("association")).rpc("report_missing_items", { p_report_id: REPORT.krono2026Draft });
    expect(error).toBeNull();
    const items = own as { item: string; ref_id: string | null; label: string }[];
    // Kronogården's draft has a summary and answers Q1; it lacks Q2, Q3, Q5 (Q4 is optional) and four of the five indicators
    expect(items.filter((row) => row.item === "question").map((row) => row.ref_id)).toEqual([QUESTION.halvar2026[1], QUESTION.halvar2026[2], QUESTION.halvar2026[4]]);
    expect(items.filter((row) => row.item === "indicator").map((row) => row.label.split(" ")[0])).toEqual(["UNG-01", "TRY-01", "BOE-01", "VOL-01"]);
    expect(items.some((row) => row.item === "summary")).toBe(false);
    for (const actor of ["eidar", "region", "coordinator", "board"] as const) {
      const { data } = await (await as(actor)).rpc("report_missing_items", { p_report_id: REPORT.krono2026Draft });
      expect(data, actor).toEqual([]);
    }
  });

  it("the keys of the matrices above name real rows (sanity check of the constants)", async () => {
    const answers = await sql<{ report_id: string; question_id: string }>("select report_id::text, question_id::text from public.report_answers where report_id = any($1::uuid[])", [Object.values(REPORT)]);
    const seedKeys = new Set(Object.values(ANSWER_SEED));
    const missing = [...seedKeys].filter((k) => !answers.some((row) => keyOf(row, ANSWER_KEY) === k));
    expect(missing).toEqual([]);
  });
});
