/**
 * RLS matrix for board_summaries (issue 8, "Sammanställning till kommunstyrelsen"): coordinators
 * read and write every summary; board members read released ones only; partners and anonymous
 * visitors nothing. Releasing (released_at set to anything) is stamped now() and by whom by the
 * trigger; withdrawing (null) clears who; a later edit keeps the release stamp.
 * The summaries live in periods of their own, so the tests of the summary pages never collide.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { USER, rlsMatrix, serviceInsert, sql, throwawayPeriod, type Actor, type Cell, type Row, type Target } from "../../support/rls.ts";

const PARTNERS_AND_ANON: readonly Actor[] = ["anon", "eidar", "association", "region"];
const NOT_COORDINATORS: readonly Actor[] = ["board", ...PARTNERS_AND_ANON];

let released = "";
let unreleased = "";
const madePeriods: string[] = [];

async function period(): Promise<string> {
  const periodId = await throwawayPeriod("closed");
  madePeriods.push(periodId);
  return periodId;
}

beforeAll(async () => {
  released = await period();
  unreleased = await period();
  await serviceInsert("board_summaries", [
    { period_id: released, covering_text: "Släppt sammanställning", released_at: "2030-09-01T10:00:00+00:00", released_by: USER.coordinator },
    { period_id: unreleased, covering_text: "Utkast till sammanställning", released_at: null },
  ]);
});

afterAll(async () => {
  // Removing the periods removes their summaries (cascade).
  await sql("delete from public.reporting_periods where id = any($1::uuid[])", [madePeriods]);
});

const seedTarget = (label: string, which: () => string): Target => ({
  label,
  make: () => Promise.resolve({ match: { period_id: which() } }),
});

/** A summary of its own period for one cell (released or not), removed afterwards with the period. */
const fixture = (label: string, releasedAt: string | null): Target => ({
  label,
  make: async () => {
    const periodId = await period();
    await serviceInsert("board_summaries", { period_id: periodId, covering_text: "Testtext", released_at: releasedAt, released_by: releasedAt ? USER.coordinator : null });
    return { match: { period_id: periodId } };
  },
});

/** A summary row for a new period (made when the cell runs). */
const newSummary = (extra: Row = {}) => async (): Promise<Row> => ({ period_id: await period(), covering_text: "Ny sammanställning", ...extra });

const insertRefused = (actor: Actor): Cell => ({ op: "insert", actor, label: "a summary", row: newSummary(), key: ["period_id"], allowed: false });
const updateRefused = (actor: Actor, target: Target, patch: Row): Cell => ({ op: "update", actor, target, patch, allowed: false });
const deleteRefused = (actor: Actor, target: Target): Cell => ({ op: "delete", actor, target, allowed: false });

rlsMatrix({
  table: "board_summaries",
  key: ["period_id"],
  seed: () => Promise.resolve({ released, unreleased }),
  select: { anon: [], coordinator: "all", board: ["released"], eidar: [], association: [], region: [], service: "all" },
  cells: [
    // Writing the covering text
    { op: "insert", actor: "coordinator", label: "an unreleased summary", row: newSummary(), key: ["period_id"], allowed: true, expected: { released_at: null, released_by: null, updated_by: USER.coordinator } },
    {
      op: "insert",
      actor: "coordinator",
      label: "a summary released at once (stamped now, by the coordinator)",
      row: newSummary({ released_at: "2000-01-01T00:00:00+00:00", released_by: USER.board }),
      key: ["period_id"],
      allowed: true,
      expected: { released_by: USER.coordinator, released_at: expect.not.stringMatching(/^2000-/) },
    },
    { op: "insert", actor: "service", label: "a summary", row: newSummary(), key: ["period_id"], allowed: true },
    ...NOT_COORDINATORS.map(insertRefused),

    { op: "update", actor: "coordinator", target: seedTarget("the unreleased summary's text", () => unreleased), patch: { covering_text: "Ändrad text" }, allowed: true },
    {
      op: "update",
      actor: "coordinator",
      target: fixture("release an unreleased summary", null),
      patch: { released_at: "2000-01-01T00:00:00+00:00" },
      allowed: true,
      expected: { released_by: USER.coordinator, released_at: expect.not.stringMatching(/^2000-/), updated_by: USER.coordinator },
    },
    {
      op: "update",
      actor: "coordinator",
      target: fixture("withdraw a released summary", "2030-09-01T10:00:00+00:00"),
      patch: { released_at: null },
      allowed: true,
      expected: { released_at: null, released_by: null },
    },
    {
      op: "update",
      actor: "coordinator",
      target: fixture("edit a released summary (the release stamp stays)", "2030-09-01T10:00:00+00:00"),
      patch: { covering_text: "Rättad text", released_at: "2031-01-01T00:00:00+00:00", released_by: USER.board },
      allowed: true,
      expected: { covering_text: "Rättad text", released_at: "2030-09-01T10:00:00+00:00", released_by: USER.coordinator },
    },
    ...NOT_COORDINATORS.map((actor) => updateRefused(actor, seedTarget("the released summary's text", () => released), { covering_text: "Inte din text" })),
    ...NOT_COORDINATORS.map((actor) => updateRefused(actor, seedTarget("release the unreleased summary", () => unreleased), { released_at: "2030-10-01T00:00:00+00:00" })),

    { op: "delete", actor: "coordinator", target: fixture("a summary", null), allowed: true },
    ...NOT_COORDINATORS.map((actor) => deleteRefused(actor, seedTarget("the released summary", () => released))),
    ...PARTNERS_AND_ANON.map((actor) => deleteRefused(actor, seedTarget("the unreleased summary", () => unreleased))),
  ],
});
