/**
 * Helpers for the RLS matrix tests (tests/integration/rls/*.test.ts).
 *
 * Every cell of a matrix runs one request through supabase-js as one actor (anonymous, a demo
 * persona or the service role) and then checks the effect through the service role:
 * - select: the exact set of seed rows the actor sees (rows created by other tests are ignored);
 * - a refused insert answers 42501 and nothing was stored;
 * - a refused update/delete answers 42501 or touches 0 rows, and the row is unchanged;
 * - an allowed write really changed the row; the test then restores it or deletes what it made.
 *
 * The clients are deliberately untyped (`SupabaseClient` without the generated `Database`): the
 * matrix walks tables by name, and the rows are compared as plain records.
 */
import type { PostgrestError, SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { anonClient, serviceClient, signedInClient, type Persona } from "./clients.ts";

export type Actor = "anon" | Persona | "service";
export const PERSONAS: readonly Persona[] = ["coordinator", "board", "eidar", "association", "region"];
export const ACTORS: readonly Actor[] = ["anon", ...PERSONAS, "service"];
/** Everyone who reaches the API as a user (the service role is trusted server code). */
export const USERS: readonly Actor[] = ["anon", ...PERSONAS];

export type Row = Record<string, unknown>;
export type Match = Record<string, string | number | boolean>;
type Client = SupabaseClient;

/**
 * Someone with an account but no organisation, no platform role and no forum membership (issue 9):
 * not in ACTORS, so the matrices' `select` records need not name it, but `as("outsider")` works.
 */
export type Outsider = "outsider";

const clients = new Map<Actor | Outsider, Promise<Client>>();
let outsiderAccount: Promise<{ id: string; email: string; remove: () => Promise<void> }> | undefined;

/**
 * The outsider's account, made on first use (once per test file) through the service role; the
 * file removes it with `removeOutsider()` in an afterAll.
 */
export function outsider(): Promise<{ id: string; email: string }> {
  outsiderAccount ??= throwawayUser();
  return outsiderAccount;
}

/** Deletes the outsider's account if this file made one. */
export async function removeOutsider(): Promise<void> {
  const account = outsiderAccount;
  outsiderAccount = undefined;
  clients.delete("outsider");
  if (account) await (await account).remove();
}

/** A supabase-js client acting as `actor` (signed in once per test file). */
export function as(actor: Actor | Outsider): Promise<Client> {
  let client = clients.get(actor);
  if (!client) {
    client =
      actor === "anon"
        ? Promise.resolve(anonClient() as unknown as Client)
        : actor === "service"
          ? Promise.resolve(serviceClient() as unknown as Client)
          : actor === "outsider"
            ? outsider().then((account) => signedInClient({ email: account.email, password: THROWAWAY_PASSWORD }).then((signedIn) => signedIn as unknown as Client))
            : signedInClient(actor).then((signedIn) => signedIn as unknown as Client);
    clients.set(actor, client);
  }
  return client;
}

/** The service-role client: how the tests look at the truth and clean up. */
export function service(): Promise<Client> {
  return as("service");
}

/** Runs SQL as the database superuser (for what even the service role may not read or do). */
export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject("stack").dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

function fail(what: string, error: PostgrestError | null): never {
  throw new Error(`${what} failed: ${error ? `${error.code} ${error.message}` : "no data"}`);
}

/** The row identified by `match` as the service role sees it (null if it does not exist). */
export async function rowOf(table: string, match: Match): Promise<Row | null> {
  const { data, error } = await (await service()).from(table).select("*").match(match);
  if (error) fail(`service select from ${table}`, error);
  const rows = (data ?? []) as Row[];
  if (rows.length > 1) throw new Error(`${JSON.stringify(match)} matches ${rows.length} rows of ${table}`);
  return rows[0] ?? null;
}

/** Inserts rows as the service role (fixtures) and returns them as stored. */
export async function serviceInsert(table: string, rows: Row | Row[]): Promise<Row[]> {
  const { data, error } = await (await service()).from(table).insert(rows).select("*");
  if (error) fail(`service insert into ${table}`, error);
  return (data ?? []) as Row[];
}

export async function serviceUpdate(table: string, match: Match, patch: Row): Promise<void> {
  const { error } = await (await service()).from(table).update(patch).match(match);
  if (error) fail(`service update of ${table}`, error);
}

export async function serviceDelete(table: string, match: Match): Promise<void> {
  const { error } = await (await service()).from(table).delete().match(match);
  if (error) fail(`service delete from ${table}`, error);
}

export function keyOf(row: Row, key: readonly string[]): string {
  return key.map((column) => String(row[column])).join("|");
}

/**
 * What `actor` sees of `table`: the keys of all visible rows, sorted, or the error code if the
 * request itself was refused (e.g. no SELECT privilege).
 */
export async function visibleKeys(actor: Actor | Outsider, table: string, key: readonly string[] = ["id"]): Promise<{ keys: string[]; error: string | null }> {
  const { data, error } = await (await as(actor)).from(table).select(key.join(","));
  if (error) return { keys: [], error: error.code };
  return { keys: ((data ?? []) as unknown as Row[]).map((row) => keyOf(row, key)).sort(), error: null };
}

/** The visible keys among `universe` (seed rows), so rows made by concurrently running tests do not count. */
export async function visibleAmong(actor: Actor | Outsider, table: string, universe: readonly string[], key: readonly string[] = ["id"]): Promise<string[]> {
  const { keys, error } = await visibleKeys(actor, table, key);
  if (error) {
    // A refused read is the same as seeing nothing, but only RLS/privilege refusals count.
    expect(error, `${actor} reading ${table}`).toBe("42501");
    return [];
  }
  const wanted = new Set(universe);
  return keys.filter((k) => wanted.has(k));
}

function refusedWrite(what: string, error: PostgrestError | null, count: number | null, codes: readonly string[]): void {
  if (error) expect(codes, `${what}: unexpected error ${error.code} ${error.message}`).toContain(error.code);
  else expect(count, `${what} should affect no row`).toBe(0);
}

const REFUSED = ["42501"] as const;

export async function expectInsertRefused(actor: Actor, table: string, row: Row, match: Match, codes: readonly string[] = REFUSED): Promise<void> {
  const { error } = await (await as(actor)).from(table).insert(row);
  const stored = await rowOf(table, match);
  if (stored) await serviceDelete(table, match).catch(() => {});
  expect(error?.code, `${actor} inserting into ${table}: ${error?.message ?? "no error"}`).toBeDefined();
  expect(codes, `${actor} inserting into ${table}: ${error?.code} ${error?.message}`).toContain(error?.code);
  expect(stored, `${actor} inserting into ${table} stored a row`).toBeNull();
}

/** Inserts as `actor`, checks the row is stored (with `expected` columns), then deletes it. */
export async function expectInsertAllowed(actor: Actor, table: string, row: Row, match: Match, expected: Row = {}): Promise<Row> {
  const { error } = await (await as(actor)).from(table).insert(row);
  const stored = await rowOf(table, match);
  try {
    expect(error, `${actor} inserting into ${table}`).toBeNull();
    expect(stored, `${actor} inserting into ${table}: row not stored`).not.toBeNull();
    expect(stored).toMatchObject(expected);
    return stored as Row;
  } finally {
    if (stored) await serviceDelete(table, match);
  }
}

export async function expectUpdateRefused(actor: Actor, table: string, match: Match, patch: Row, codes: readonly string[] = REFUSED): Promise<void> {
  const before = await rowOf(table, match);
  expect(before, `fixture ${table} ${JSON.stringify(match)} exists`).not.toBeNull();
  const { error, count } = await (await as(actor)).from(table).update(patch, { count: "exact" }).match(match);
  const after = await rowOf(table, match);
  try {
    refusedWrite(`${actor} updating ${table} ${JSON.stringify(match)}`, error, count, codes);
    expect(after, `${actor} updating ${table}: the row changed`).toEqual(before);
  } finally {
    if (before && JSON.stringify(after) !== JSON.stringify(before)) {
      await serviceUpdate(table, match, pick(before, Object.keys(patch))).catch(() => {});
    }
  }
}

/**
 * Updates as `actor` and checks the row now has `expected` (default: the patch). With
 * `restore`, the patched columns are put back through the service role afterwards.
 */
export async function expectUpdateAllowed(
  actor: Actor,
  table: string,
  match: Match,
  patch: Row,
  options: { expected?: Row; restore?: boolean } = {},
): Promise<Row> {
  const before = await rowOf(table, match);
  expect(before, `fixture ${table} ${JSON.stringify(match)} exists`).not.toBeNull();
  const { error, count } = await (await as(actor)).from(table).update(patch, { count: "exact" }).match(match);
  const after = await rowOf(table, match);
  try {
    expect(error, `${actor} updating ${table}`).toBeNull();
    expect(count, `${actor} updating ${table}: rows affected`).toBe(1);
    expect(after).toMatchObject(options.expected ?? patch);
    return after as Row;
  } finally {
    if (options.restore !== false && before) await serviceUpdate(table, match, pick(before, Object.keys(patch)));
  }
}

export async function expectDeleteRefused(actor: Actor, table: string, match: Match, codes: readonly string[] = REFUSED): Promise<void> {
  const before = await rowOf(table, match);
  expect(before, `fixture ${table} ${JSON.stringify(match)} exists`).not.toBeNull();
  const { error, count } = await (await as(actor)).from(table).delete({ count: "exact" }).match(match);
  const after = await rowOf(table, match);
  if (before && !after) await serviceInsert(table, before).catch(() => {});
  refusedWrite(`${actor} deleting from ${table} ${JSON.stringify(match)}`, error, count, codes);
  expect(after, `${actor} deleting from ${table}: the row changed or vanished`).toEqual(before);
}

export async function expectDeleteAllowed(actor: Actor, table: string, match: Match): Promise<void> {
  expect(await rowOf(table, match), `fixture ${table} ${JSON.stringify(match)} exists`).not.toBeNull();
  const { error, count } = await (await as(actor)).from(table).delete({ count: "exact" }).match(match);
  expect(error, `${actor} deleting from ${table}`).toBeNull();
  expect(count, `${actor} deleting from ${table}: rows affected`).toBe(1);
  expect(await rowOf(table, match), `${actor} deleting from ${table}: row still there`).toBeNull();
}

export function pick(row: Row, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((column) => [column, row[column]]));
}

/** A fresh uuid for rows the tests create (so they can find and remove them). */
export function newId(): string {
  return crypto.randomUUID();
}

// --- the table matrix -----------------------------------------------------------------------------

/** A row to act on: a fixed seed row, or a fixture made for the cell (and removed after it). */
export type Target = { label: string; match: Match } | { label: string; make: () => Promise<{ match: Match; cleanup?: () => Promise<void> }> };

export type Cell =
  | { op: "insert"; actor: Actor; label: string; row: () => Row | Promise<Row>; key: readonly string[]; allowed: boolean; expected?: Row; codes?: readonly string[]; cleanup?: () => Promise<void> }
  | { op: "update"; actor: Actor; target: Target; patch: Row; allowed: boolean; expected?: Row; codes?: readonly string[] }
  | { op: "delete"; actor: Actor; target: Target; allowed: boolean; codes?: readonly string[] };

export interface Matrix {
  table: string;
  key?: readonly string[];
  /**
   * Seed rows by a readable name (key values joined by "|"); `select` lists, per actor, exactly
   * which of them it sees. A function when the seed has no fixed ids (resolved at run time).
   */
  seed: Record<string, string> | (() => Promise<Record<string, string>>);
  select: Record<Actor, readonly string[] | "all">;
  cells: Cell[];
}

function cellName(cell: Cell): string {
  const verdict = cell.allowed ? "allowed" : "refused";
  const what = cell.op === "insert" ? cell.label : cell.target.label;
  return `${cell.op} · ${cell.actor} · ${what} → ${verdict}`;
}

async function runCell(table: string, cell: Cell): Promise<void> {
  if (cell.op === "insert") {
    try {
      const row = await cell.row();
      const match = Object.fromEntries(cell.key.map((column) => [column, row[column]])) as Match;
      if (cell.allowed) await expectInsertAllowed(cell.actor, table, row, match, cell.expected);
      else await expectInsertRefused(cell.actor, table, row, match, cell.codes);
    } finally {
      await cell.cleanup?.();
    }
    return;
  }
  const fixture = "match" in cell.target ? { match: cell.target.match } : await cell.target.make();
  try {
    if (cell.op === "update") {
      if (cell.allowed) {
        await expectUpdateAllowed(cell.actor, table, fixture.match, cell.patch, {
          ...(cell.expected ? { expected: cell.expected } : {}),
          restore: "match" in cell.target,
        });
      } else await expectUpdateRefused(cell.actor, table, fixture.match, cell.patch, cell.codes);
    } else if (cell.allowed) await expectDeleteAllowed(cell.actor, table, fixture.match);
    else await expectDeleteRefused(cell.actor, table, fixture.match, cell.codes);
  } finally {
    if ("cleanup" in fixture && fixture.cleanup) await fixture.cleanup();
  }
}

/** One `describe` per table: a select row per actor, then every write cell. */
export function rlsMatrix(matrix: Matrix): void {
  const key = matrix.key ?? ["id"];
  const seed = typeof matrix.seed === "function" ? matrix.seed : () => Promise.resolve(matrix.seed as Record<string, string>);
  describe(`RLS matrix: ${matrix.table}`, () => {
    for (const actor of ACTORS) {
      const expected = matrix.select[actor];
      const label = expected === "all" ? "every seed row" : expected.length ? expected.join(", ") : "nothing";
      it(`select · ${actor} sees ${label}`, async () => {
        const rows = await seed();
        const byKey = new Map(Object.entries(rows).map(([name, id]) => [id, name]));
        const names = expected === "all" ? Object.keys(rows) : expected;
        const seen = (await visibleAmong(actor, matrix.table, Object.values(rows), key)).map((id) => byKey.get(id) ?? id).sort();
        expect(seen).toEqual([...names].sort());
      });
    }
    for (const cell of matrix.cells) {
      it(cellName(cell), () => runCell(matrix.table, cell));
    }
  });
}

/**
 * Audit rows about one entity, oldest first (read as the superuser, so the check does not depend
 * on any grant). By entity_id only, so the check does not depend on how `entity` is spelled.
 */
export async function auditRows(entityId: string): Promise<{ id: string; action: string; entity: string; actor_id: string | null; data: Row }[]> {
  return sql("select id::text, action, entity, actor_id::text, data from public.audit_log where entity_id = $1 order by id", [entityId]);
}

// --- seed ids (supabase/seed.sql) -----------------------------------------------------------------

const id = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Demo people: the five personas plus the other seeded accounts. */
export const USER = {
  coordinator: id("aaaaaaaa", 1),
  board: id("aaaaaaaa", 2),
  eidar: id("aaaaaaaa", 3),
  association: id("aaaaaaaa", 4),
  region: id("aaaaaaaa", 5),
  johan: id("aaaaaaaa", 6), // member of AB Eidar
  elin: id("aaaaaaaa", 7), // admin of Svenska kyrkan
  yasmin: id("aaaaaaaa", 8), // invited to Kronogårdens kulturförening
} as const;

export const ORG = {
  eidar: id("bbbbbbbb", 1), // active, reports_to_board
  kronogarden: id("bbbbbbbb", 2), // active
  vgr: id("bbbbbbbb", 3), // active
  arbetsformedlingen: id("bbbbbbbb", 4), // active, no members
  svenskaKyrkan: id("bbbbbbbb", 5), // active
  lextorp: id("bbbbbbbb", 6), // pending (with an application)
  stavre: id("bbbbbbbb", 7), // archived
} as const;

export const PERIOD = { helar2025: id("cccccccc", 1) /* closed */, halvar2026: id("cccccccc", 2) /* open */ } as const;

/**
 * The seed's report template questions, ids `c0c0c0c0-…-0000000000PQ` (P = period, Q = position):
 * five per period; question 4 ("Vilka utmaningar …") is optional, the others required.
 */
export const QUESTION = {
  helar2025: [1, 2, 3, 4, 5].map((q) => id("c0c0c0c0", 10 + q)),
  halvar2026: [1, 2, 3, 4, 5].map((q) => id("c0c0c0c0", 20 + q)),
} as const;

export const INDICATOR = Object.fromEntries(
  ["SYS-01", "UNG-01", "TRY-01", "BOE-01", "DEL-01", "SKO-01", "VOL-01", "SFI-01"].map((code, i) => [code, id("dddddddd", i + 1)]),
) as Record<"SYS-01" | "UNG-01" | "TRY-01" | "BOE-01" | "DEL-01" | "SKO-01" | "VOL-01" | "SFI-01", string>;

/** Indicators of both seed periods' templates (period_indicators); SYS-01, SKO-01 and SFI-01 are in none. */
export const PERIOD_INDICATOR_CODES = ["UNG-01", "TRY-01", "BOE-01", "DEL-01", "VOL-01"] as const;

/** Organisations that must report (period_organisations): all three in 2025, plus Arbetsförmedlingen in 2026. */
export const PERIOD_ORGS = {
  helar2025: [ORG.eidar, ORG.kronogarden, ORG.vgr],
  halvar2026: [ORG.eidar, ORG.kronogarden, ORG.vgr, ORG.arbetsformedlingen],
} as const;

export const REPORT = {
  eidar2025Accepted: id("eeeeeeee", 1),
  eidar2026Submitted: id("eeeeeeee", 2),
  krono2025Accepted: id("eeeeeeee", 3),
  krono2026Draft: id("eeeeeeee", 4),
  vgr2025Accepted: id("eeeeeeee", 5),
  vgr2026Returned: id("eeeeeeee", 6),
} as const;

export const FORUM = {
  samverkan: id("ffffffff", 1), // open
  trygghet: id("ffffffff", 2), // closed; moderators coordinator + association; members eidar, region; elin requested
  lov: id("ffffffff", 3), // open
  uppfoljning: id("ffffffff", 4), // private; coordinator (moderator), eidar, johan
} as const;

export const THREAD = {
  welcome: id("7a7a7a7a", 1), // forum samverkan, by coordinator, pinned
  calendar: id("7a7a7a7a", 2), // forum samverkan, by region
  kronoCentrum: id("7a7a7a7a", 3), // forum trygghet, by association
  summerJobsLocked: id("7a7a7a7a", 4), // forum trygghet, by coordinator, locked
  sportlov: id("7a7a7a7a", 5), // forum lov, by association
  ksFollowUp: id("7a7a7a7a", 6), // private forum uppfoljning, by coordinator
} as const;

export const INITIATIVE = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 1, id("1a1a1a1a", i + 1)])) as Record<number, string>;

/** Person names by user id, for readable post names. */
export const PERSON_BY_ID: Record<string, string> = Object.fromEntries(Object.entries(USER).map(([name, userId]) => [userId, name]));

// --- fixtures ------------------------------------------------------------------------------------

/** The password of throwaway users (so a test can sign in as one). */
export const THROWAWAY_PASSWORD = "rls-test-password";

/** A new confirmed auth user (and so a profile) that no persona's visibility depends on. */
export async function throwawayUser(): Promise<{ id: string; email: string; remove: () => Promise<void> }> {
  const email = `rls-${newId()}@test.example`;
  const { data, error } = await (await service()).auth.admin.createUser({ email, password: THROWAWAY_PASSWORD, email_confirm: true, user_metadata: { full_name: "RLS Test" } });
  if (error || !data.user) throw new Error(`creating a test user failed: ${error?.message}`);
  const userId = data.user.id;
  return {
    id: userId,
    email,
    remove: async () => {
      await sql("delete from auth.users where id = $1", [userId]);
    },
  };
}

/**
 * A reporting period of its own, so a fixture report never collides with the seed's (org, period).
 * It has no template (no questions, indicators or required organisations) unless `fixtureTemplate`
 * gives it one; its due date (2030) keeps it away from the reminder tests' calendar.
 */
export async function throwawayPeriod(status: "open" | "closed" = "open", extra: Row = {}): Promise<string> {
  const periodId = newId();
  await serviceInsert("reporting_periods", { id: periodId, name: `RLS-test ${periodId}`, starts_on: "2030-01-01", ends_on: "2030-06-30", due_on: "2030-08-31", status, ...extra });
  return periodId;
}

export interface TemplateSpec {
  /** Questions in order (default: one required, one optional). */
  questions?: { question: string; required?: boolean; help?: string | null }[];
  /** Indicators that apply (default: UNG-01 and DEL-01, both counts with min 0). */
  indicators?: string[];
  /** Organisations that must report (default: none). */
  orgs?: string[];
}

/**
 * Gives a (throwaway) period a report template through the service role. Returns the question ids
 * in order. Removing the period removes the template (cascade), once its reports are purged.
 */
export async function fixtureTemplate(periodId: string, spec: TemplateSpec = {}): Promise<{ questions: string[]; indicators: string[] }> {
  const questions = spec.questions ?? [
    { question: "Vad har ni gjort under perioden?", required: true },
    { question: "Något mer ni vill berätta?", required: false },
  ];
  const indicators = spec.indicators ?? [INDICATOR["UNG-01"], INDICATOR["DEL-01"]];
  const rows = questions.map((q, i) => ({ id: newId(), period_id: periodId, position: i + 1, question: q.question, help: q.help ?? null, required: q.required ?? true }));
  if (rows.length) await serviceInsert("period_questions", rows);
  if (indicators.length) await serviceInsert("period_indicators", indicators.map((indicatorId, i) => ({ period_id: periodId, indicator_id: indicatorId, sort_order: (i + 1) * 10 })));
  if (spec.orgs?.length) await serviceInsert("period_organisations", spec.orgs.map((orgId) => ({ period_id: periodId, org_id: orgId })));
  return { questions: rows.map((row) => row.id), indicators };
}

/** What a fixture report contains (written before it reaches its status, since accepted reports are frozen). */
export interface ReportContent {
  /** Answers by question id (a template question's id, see `questions` of the result). */
  answers?: Record<string, string>;
  /** Answers by position in the fixture template (1-based), resolved to the template's question ids. */
  answersByPosition?: Record<number, string>;
  values?: { indicator_id: string; value: number | null; comment?: string | null }[];
  /** Initiatives the report links to. */
  links?: string[];
}

/**
 * A report of `org` in a period of its own, in `status` (inserted by the service role, which the
 * workflow trigger trusts). With `template`, the period gets questions/indicators (fixtureTemplate);
 * with `content`, answers, values and links are written first and an accepted report is accepted
 * afterwards (content of an accepted report is frozen for everyone). `periodStatus: "closed"` puts
 * it in a closed period. Removing it also removes accepted ones, which nobody may delete through
 * the API: as the superuser with triggers off for that one session.
 */
export async function fixtureReport(
  org: string,
  status: "draft" | "submitted" | "returned" | "accepted",
  extra: Row = {},
  options: { template?: TemplateSpec; periodStatus?: "open" | "closed"; content?: ReportContent } = {},
): Promise<{ id: string; periodId: string; questions: string[]; indicators: string[]; remove: () => Promise<void> }> {
  const periodId = await throwawayPeriod(options.periodStatus ?? "open");
  const template = options.template ? await fixtureTemplate(periodId, options.template) : { questions: [], indicators: [] };
  const reportId = newId();
  const remove = async () => {
    await purgeReports([reportId]);
    await sql("delete from public.reporting_periods where id = $1", [periodId]);
  };
  const content = options.content;
  // Content goes in before acceptance; the report is accepted at the end.
  const initial = content && status === "accepted" ? "submitted" : status;
  const submitted = initial === "draft" ? {} : { submitted_at: "2030-07-01T10:00:00Z", submitted_by: null, version: 1 };
  const reviewed = initial === "returned" || initial === "accepted" ? { reviewed_at: "2030-07-10T10:00:00Z", reviewed_by: USER.coordinator, review_comment: "Fixture" } : {};
  try {
    await serviceInsert("reports", { id: reportId, org_id: org, period_id: periodId, status: initial, summary: "RLS-test report", ...submitted, ...reviewed, ...extra });
    if (content) {
      const answers = { ...content.answers };
      for (const [position, body] of Object.entries(content.answersByPosition ?? {})) {
        const questionId = template.questions[Number(position) - 1];
        if (!questionId) throw new Error(`the fixture template has no question ${position}`);
        answers[questionId] = body;
      }
      const answerRows = Object.entries(answers).map(([questionId, body]) => ({ report_id: reportId, question_id: questionId, body }));
      if (answerRows.length) await serviceInsert("report_answers", answerRows);
      if (content.values?.length) await serviceInsert("report_indicator_values", content.values.map((v) => ({ report_id: reportId, comment: null, ...v })));
      if (content.links?.length) await serviceInsert("report_initiatives", content.links.map((initiativeId) => ({ report_id: reportId, initiative_id: initiativeId })));
      if (status !== initial) {
        await serviceUpdate("reports", { id: reportId }, { status, reviewed_at: "2030-07-10T10:00:00Z", reviewed_by: USER.coordinator, review_comment: "Fixture", ...pick(extra, ["review_comment"].filter((k) => k in extra)) });
      }
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { id: reportId, periodId, ...template, remove };
}

export async function purgeReports(ids: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: inject("stack").dbUrl });
  await client.connect();
  try {
    await client.query("set session_replication_role = replica");
    await client.query("delete from public.report_indicator_values where report_id = any($1::uuid[])", [ids]);
    // Foreign keys do not cascade with triggers off: links, answers and history go explicitly too.
    await client.query("delete from public.report_initiatives where report_id = any($1::uuid[])", [ids]);
    await client.query("delete from public.report_answers where report_id = any($1::uuid[])", [ids]);
    await client.query("delete from public.report_events where report_id = any($1::uuid[])", [ids]);
    await client.query("delete from public.reports where id = any($1::uuid[])", [ids]);
  } finally {
    await client.end();
  }
}

/** An organisation made for one test (pending unless told otherwise), removed afterwards. */
export async function fixtureOrg(extra: Row = {}): Promise<{ id: string; remove: () => Promise<void> }> {
  const orgId = newId();
  await serviceInsert("organisations", { id: orgId, name: `RLS-test ${orgId.slice(0, 8)}`, kind: "association", status: "pending", ...extra });
  return { id: orgId, remove: () => serviceDelete("organisations", { id: orgId }) };
}

// --- forum activity (issue 5) --------------------------------------------------------------------

/** Sign-ins of seeded people who are not personas (password samverkan-demo), for author checks. */
export const LOGIN = {
  elin: { email: "diakon@svenskakyrkan.example", password: "samverkan-demo" }, // author of the hidden post in "calendar"
  johan: { email: "boende@eidar.example", password: "samverkan-demo" }, // member of the private forum
} as const;

/** How many posts each seed thread has (positions 1..n); later posts are made by tests. */
export const SEED_POSITIONS: Record<string, number> = {
  [THREAD.welcome]: 4,
  [THREAD.calendar]: 4, // position 3 (Elin's advert) is hidden
  [THREAD.kronoCentrum]: 3,
  [THREAD.summerJobsLocked]: 2,
  [THREAD.sportlov]: 3,
  [THREAD.ksFollowUp]: 3,
};

/** The id of the post at `position` in a thread (service role). */
export async function postIdAt(threadId: string, position: number): Promise<string> {
  const row = await rowOf("posts", { thread_id: threadId, position });
  if (!row) throw new Error(`no post at position ${position} of thread ${threadId}`);
  return row.id as string;
}

/**
 * A thread made for one test by the service role (no author, so no seed person's read marks,
 * watches or post names change); `remove` deletes it with its posts, marks, watches and notifications.
 */
export async function freshThread(forumId: string, extra: Row = {}): Promise<{ id: string; remove: () => Promise<void> }> {
  const threadId = newId();
  await serviceInsert("threads", { id: threadId, forum_id: forumId, title: "RLS-testtråd", author_id: null, ...extra });
  return { id: threadId, remove: () => serviceDelete("threads", { id: threadId }) };
}

// --- initiatives (issue 6) -------------------------------------------------------------------------

/** Everything `initiatives_publishable` asks of a non-draft (public ones also need the contact e-mail). */
export const PUBLISHABLE = {
  summary: "En kort sammanfattning för katalogen.",
  starts_on: "2026-01-15",
  districts: ["Sylte"],
  target_groups: ["unga"],
  focus_areas: ["trygghet"],
  contact_email: "insats@test.example",
} as const;

/**
 * An initiative made for one test by the service role (publishable unless `extra` says otherwise),
 * so write tests never touch the seed initiatives other files compare. `remove` deletes it with
 * its partners, updates and report links (cascade).
 */
export async function fixtureInitiative(org: string, extra: Row = {}): Promise<{ id: string; remove: () => Promise<void> }> {
  const initiativeId = newId();
  await serviceInsert("initiatives", { id: initiativeId, org_id: org, title: "RLS-testinsats", status: "ongoing", is_public: true, ...PUBLISHABLE, ...extra });
  return { id: initiativeId, remove: () => serviceDelete("initiatives", { id: initiativeId }) };
}

/** The seed's progress updates (supabase/seed.sql has no fixed ids): "#n yyyy-mm-dd" → id. */
export async function seedInitiativeUpdates(): Promise<Record<string, string>> {
  const rows = await sql<{ id: string; initiative_id: string; reported_on: string }>(
    "select id::text, initiative_id::text, to_char(reported_on, 'YYYY-MM-DD') as reported_on from public.initiative_updates where initiative_id = any($1::uuid[]) and created_at < '2026-11-01'",
    [Object.values(INITIATIVE)],
  );
  const number = new Map(Object.entries(INITIATIVE).map(([n, initiativeId]) => [initiativeId, n]));
  return Object.fromEntries(rows.map((row) => [`#${number.get(row.initiative_id)} ${row.reported_on}`, row.id]));
}
