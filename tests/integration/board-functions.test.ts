/**
 * The board's database functions (issue 8): the overview (board_overview()), indicator_series() and
 * board_evidence(). Only board members and coordinators may call them (partners and anonymous
 * visitors get 42501); the board never gets the id of a draft or returned report, and a returned
 * AB Eidar report disappears from what the board can open (overview, reports, series, evidence)
 * until it is submitted again; a single organisation's series is refused to the board for an
 * organisation that does not report to the board; the series' values equal report_indicator_values
 * of submitted and accepted reports (average for %, sum otherwise). board_report_page() (issue 10:
 * /board/reports/:id in one request) gives the page exactly what its former separate reads gave.
 * board_overview() (issue 10: /board whatever the number of periods) gives the shown period's rows
 * and every period's counts, consistent with those rows; by default the most recent period that
 * has started, or the chosen one.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { loadBoardReport, type BoardReport } from "../../app/lib/board.server.ts";
import type { Database } from "../../app/lib/database.types.ts";
import { loadIndicatorSeries } from "../../app/lib/indicator-series.server.ts";
import { getReportHeader, loadReportPage } from "../../app/lib/reports.server.ts";
import { INDICATOR, ORG, PERIOD, REPORT, USER, as, fixtureReport, fixtureTemplate, serviceUpdate, sql, throwawayPeriod, type Actor } from "../support/rls.ts";

const FUNCTIONS = ["board_overview", "indicator_series", "board_evidence"] as const;
const SEED_PERIODS: string[] = [PERIOD.helar2025, PERIOD.halvar2026];

type OverviewRow = {
  period_id: string;
  period_name: string;
  org_id: string;
  org_name: string;
  status: string;
  overdue: boolean;
  report_id: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
};
type SeriesRow = { indicator_id: string; code: string; unit: string; period_id: string; value: number | null; report_count: number };

async function call<T>(actor: Actor, fn: string, args: Record<string, unknown> = {}): Promise<{ data: T | null; code: string | null }> {
  const { data, error } = await (await as(actor)).rpc(fn, args);
  return { data: (data ?? null) as T | null, code: error?.code ?? null };
}

/** Every period's rows as board_overview() gives them, the period chosen one by one (as /board?period= does). */
async function overview(actor: Actor): Promise<OverviewRow[]> {
  const first = await boardOverview(actor);
  const rows: OverviewRow[] = [];
  for (const line of first.periods) {
    const shown = line.id === first.periodId ? first : await boardOverview(actor, line.id);
    for (const row of shown.rows) {
      rows.push({
        period_id: line.id,
        period_name: line.name,
        org_id: row.orgId,
        org_name: row.orgName,
        status: row.status,
        overdue: row.overdue,
        report_id: row.reportId,
        submitted_at: row.submittedAt,
        reviewed_at: row.reviewedAt,
      });
    }
  }
  return rows;
}

async function series(actor: Actor, orgId?: string): Promise<SeriesRow[]> {
  const { data, code } = await call<SeriesRow[]>(actor, "indicator_series", orgId ? { p_org_id: orgId } : {});
  expect(code, `${actor} calling indicator_series(${orgId ?? ""})`).toBeNull();
  return data ?? [];
}

/** Reports the board may open, by id (RLS on reports). */
async function boardCanRead(reportId: string): Promise<boolean> {
  const { data, error } = await (await as("board")).from("reports").select("id").eq("id", reportId);
  expect(error).toBeNull();
  return (data ?? []).length === 1;
}

/** What the series should be, computed from report_indicator_values as the superuser. */
async function expectedSeries(orgId: string | null): Promise<Map<string, { value: number | null; count: number }>> {
  const rows = await sql<{ indicator_id: string; period_id: string; unit: string; value: string | null }>(
    `select v.indicator_id::text, r.period_id::text, i.unit, v.value::text
       from public.report_indicator_values v
       join public.reports r on r.id = v.report_id
       join public.indicators i on i.id = v.indicator_id
      where r.status in ('submitted', 'accepted') and r.period_id = any($1::uuid[]) and ($2::uuid is null or r.org_id = $2::uuid)`,
    [SEED_PERIODS, orgId],
  );
  const groups = new Map<string, { unit: string; values: number[] }>();
  for (const row of rows) {
    const key = `${row.indicator_id}|${row.period_id}`;
    const group = groups.get(key) ?? { unit: row.unit, values: [] };
    if (row.value !== null) group.values.push(Number(row.value));
    groups.set(key, group);
  }
  const result = new Map<string, { value: number | null; count: number }>();
  for (const [key, group] of groups) {
    const sum = group.values.reduce((total, value) => total + value, 0);
    const value = group.values.length === 0 ? null : group.unit === "%" ? Math.round((sum / group.values.length) * 10) / 10 : sum;
    result.set(key, { value, count: group.values.length });
  }
  return result;
}

function seedRowsOf(rows: readonly SeriesRow[]): Map<string, { value: number | null; count: number }> {
  return new Map(
    rows
      .filter((row) => SEED_PERIODS.includes(row.period_id))
      .map((row) => [`${row.indicator_id}|${row.period_id}`, { value: row.value === null ? null : Number(row.value), count: Number(row.report_count) }]),
  );
}

describe("who may call the board's functions", () => {
  for (const fn of FUNCTIONS) {
    it(`${fn}: board members and coordinators yes`, async () => {
      for (const actor of ["board", "coordinator"] as const) {
        const { data, code } = await call(actor, fn);
        expect(code, `${actor} → ${fn}`).toBeNull();
        expect(data, `${actor} → ${fn}`).not.toBeNull();
      }
    });

    it(`${fn}: partners and anonymous visitors no (42501)`, async () => {
      for (const actor of ["eidar", "association", "region", "anon"] as const) {
        const { data, code } = await call(actor, fn);
        expect(code, `${actor} → ${fn}`).toBe("42501");
        expect(data).toBeNull();
      }
    });
  }

  it("a partner cannot read its own organisation's series either", async () => {
    expect((await call("eidar", "indicator_series", { p_org_id: ORG.eidar })).code).toBe("42501");
    expect((await call("association", "indicator_series", { p_org_id: ORG.kronogarden })).code).toBe("42501");
  });
});

describe("the board overview (every period)", () => {
  it("lists only organisations that report to the board, AB Eidar first in each period", async () => {
    const rows = await overview("board");
    const boardOrgs = new Set((await sql<{ id: string }>("select id::text from public.organisations where reports_to_board and status = 'active'")).map((row) => row.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => boardOrgs.has(row.org_id))).toBe(true);
    const seed = rows.filter((row) => SEED_PERIODS.includes(row.period_id));
    expect(seed.map((row) => [row.period_name, row.org_id, row.status, row.report_id])).toEqual([
      ["Halvår 1 2026", ORG.eidar, "submitted", REPORT.eidar2026Submitted],
      ["Helår 2025", ORG.eidar, "accepted", REPORT.eidar2025Accepted],
    ]);
  });

  it("never gives the board the id of a draft, returned or missing report; coordinators get returned ones but never drafts", async () => {
    const draft = await fixtureReport(ORG.eidar, "draft");
    const returned = await fixtureReport(ORG.eidar, "returned");
    try {
      const board = await overview("board");
      const coordinator = await overview("coordinator");
      for (const row of board) {
        if (row.status === "submitted" || row.status === "accepted") expect(row.report_id, `${row.period_name} ${row.org_name}`).not.toBeNull();
        else expect(row.report_id, `${row.period_name} ${row.org_name} (${row.status})`).toBeNull();
      }
      const find = (rows: OverviewRow[], periodId: string) => rows.find((row) => row.period_id === periodId && row.org_id === ORG.eidar);
      expect(find(board, draft.periodId)).toMatchObject({ status: "draft", report_id: null, submitted_at: null });
      expect(find(board, returned.periodId)).toMatchObject({ status: "returned", report_id: null });
      expect(find(coordinator, draft.periodId)).toMatchObject({ status: "draft", report_id: null });
      expect(find(coordinator, returned.periodId)).toMatchObject({ status: "returned", report_id: returned.id });
    } finally {
      await draft.remove();
      await returned.remove();
    }
  });

  it("a returned AB Eidar report disappears from what the board can open until it is submitted again", async () => {
    const report = await fixtureReport(ORG.eidar, "submitted", {}, { template: { indicators: [INDICATOR["UNG-01"]] }, content: { values: [{ indicator_id: INDICATOR["UNG-01"], value: 7 }] } });
    const inOverview = async () => (await overview("board")).find((row) => row.period_id === report.periodId && row.org_id === ORG.eidar);
    const seriesValue = async () => (await series("board", ORG.eidar)).find((row) => row.period_id === report.periodId && row.indicator_id === INDICATOR["UNG-01"]);
    const inEvidence = async () => {
      const { data } = await call<{ board_reports: { period: string; organisation: string; status: string }[] }>("board", "board_evidence");
      return (data?.board_reports ?? []).filter((row) => row.period === `RLS-test ${report.periodId}`);
    };
    try {
      expect(await inOverview()).toMatchObject({ status: "submitted", report_id: report.id });
      expect(await boardCanRead(report.id)).toBe(true);
      expect(await seriesValue()).toMatchObject({ value: 7, report_count: 1 });
      expect(await inEvidence()).toHaveLength(1);

      await serviceUpdate("reports", { id: report.id }, { status: "returned", reviewed_at: "2030-07-05T10:00:00Z", reviewed_by: USER.coordinator, review_comment: "Komplettera" });
      expect(await inOverview()).toMatchObject({ status: "returned", report_id: null });
      expect(await boardCanRead(report.id)).toBe(false);
      expect(await seriesValue()).toMatchObject({ value: null, report_count: 0 });
      expect(await inEvidence()).toHaveLength(0);

      await serviceUpdate("reports", { id: report.id }, { status: "submitted", submitted_at: "2030-07-06T10:00:00Z", version: 2 });
      expect(await inOverview()).toMatchObject({ status: "submitted", report_id: report.id });
      expect(await boardCanRead(report.id)).toBe(true);
      expect(await seriesValue()).toMatchObject({ value: 7, report_count: 1 });
      expect(await inEvidence()).toEqual([expect.objectContaining({ status: "submitted" })]);
    } finally {
      await report.remove();
    }
  });
});

type OverviewJson = {
  periodId: string | null;
  chosen: boolean;
  periods: { id: string; name: string; startsOn: string; total: number; in: number; accepted: number; overdue: number }[];
  rows: { orgId: string; orgName: string; status: string; overdue: boolean; reportId: string | null; submittedAt: string | null; reviewedAt: string | null }[];
};

async function boardOverview(actor: Actor, periodId?: string): Promise<OverviewJson> {
  const { data, code } = await call<OverviewJson>(actor, "board_overview", periodId ? { p_period_id: periodId } : {});
  expect(code, `${actor} calling board_overview(${periodId ?? ""})`).toBeNull();
  return data!;
}

describe("board_overview", () => {
  it("every period's counts agree with its rows; the chosen period is shown; by default the most recent period that has started", async () => {
    // A draft that was submitted once (returned, then reopened) keeps its submitted_at: never shown.
    const draft = await fixtureReport(ORG.eidar, "draft", { submitted_at: "2030-07-01T10:00:00Z" });
    const returned = await fixtureReport(ORG.eidar, "returned");
    // Closed long ago, Eidar (and Kronogården, which does not report to the board) asked, nothing in: overdue.
    const late = await throwawayPeriod("closed", { starts_on: "2020-01-01", ends_on: "2020-06-30", due_on: "2020-08-31" });
    try {
      await fixtureTemplate(late, { orgs: [ORG.eidar, ORG.kronogarden] });
      const ours = [...SEED_PERIODS, draft.periodId, returned.periodId, late];
      for (const actor of ["board", "coordinator"] as const) {
        const everyPeriod = await overview(actor);
        const shown = await boardOverview(actor);
        // Other files add periods meanwhile: compare ours only.
        const lines = shown.periods.filter((line) => ours.includes(line.id));
        expect(lines.map((line) => line.id), actor).toEqual([...new Set(everyPeriod.map((row) => row.period_id))].filter((id) => ours.includes(id)));
        for (const line of lines) {
          const rows = everyPeriod.filter((row) => row.period_id === line.id);
          expect(line, `${actor} ${line.name}`).toMatchObject({
            total: rows.length,
            in: rows.filter((row) => row.status === "submitted" || row.status === "accepted").length,
            accepted: rows.filter((row) => row.status === "accepted").length,
            overdue: rows.filter((row) => row.overdue).length,
          });
        }
        expect(lines.find((line) => line.id === late)).toMatchObject({ total: 1, in: 0, accepted: 0, overdue: 1 });
        expect(lines.find((line) => line.id === PERIOD.helar2025)).toMatchObject({ total: 1, in: 1, accepted: 1, overdue: 0 });

        // The default: started (not the 2030 fixtures), and no listed period started later.
        const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
        const started = shown.periods.filter((line) => line.startsOn <= today);
        expect(shown.chosen).toBe(false);
        expect(shown.periodId).toBe(started.reduce((a, b) => (b.startsOn > a.startsOn ? b : a)).id);

        // Each of ours can be chosen (the rows of each are checked below and in "the board overview").
        for (const id of ours) {
          expect(await boardOverview(actor, id), `${actor} ${id}`).toMatchObject({ chosen: true, periodId: id });
        }
      }
      // Status only: a draft's and (for the board) a returned report's id never; a coordinator opens a returned one.
      expect((await boardOverview("board", draft.periodId)).rows).toEqual([expect.objectContaining({ orgId: ORG.eidar, status: "draft", reportId: null, submittedAt: null })]);
      expect((await boardOverview("coordinator", draft.periodId)).rows).toEqual([expect.objectContaining({ status: "draft", reportId: null })]);
      expect((await boardOverview("board", returned.periodId)).rows).toEqual([expect.objectContaining({ status: "returned", reportId: null })]);
      expect((await boardOverview("coordinator", returned.periodId)).rows).toEqual([expect.objectContaining({ status: "returned", reportId: returned.id })]);
      expect((await boardOverview("board", late)).rows).toEqual([expect.objectContaining({ orgId: ORG.eidar, status: "not_started", overdue: true, reportId: null })]);
    } finally {
      await draft.remove();
      await returned.remove();
      await sql("delete from public.reporting_periods where id = $1", [late]);
    }
  });

  it("an unknown period shows the default, not chosen", async () => {
    const unknown = await boardOverview("board", "00000000-0000-4000-8000-000000000000");
    expect(unknown.chosen).toBe(false);
    expect(unknown.periodId).not.toBeNull();
    expect(unknown.periods.some((line) => line.id === unknown.periodId)).toBe(true);
  });
});

describe("indicator_series", () => {
  it("all organisations together equal report_indicator_values of submitted and accepted reports (average for %, sum otherwise)", async () => {
    for (const actor of ["board", "coordinator"] as const) {
      const rows = await series(actor);
      const actual = seedRowsOf(rows);
      const expected = await expectedSeries(null);
      for (const [key, want] of expected) expect(actual.get(key), `${actor} ${key}`).toEqual(want);
      // Everything else is empty.
      for (const [key, got] of actual) if (!expected.has(key)) expect(got, `${actor} ${key}`).toEqual({ value: null, count: 0 });
    }
  });

  it("has the seed's figures (drafts and returned reports left out)", async () => {
    const rows = seedRowsOf(await series("board"));
    const at = (code: keyof typeof INDICATOR, periodId: string) => rows.get(`${INDICATOR[code]}|${periodId}`);
    expect(at("DEL-01", PERIOD.helar2025)).toEqual({ value: 640 + 180 + 358, count: 3 });
    expect(at("DEL-01", PERIOD.halvar2026)).toEqual({ value: 410, count: 1 }); // not Kronogården's draft 95 nor the region's returned 180
    expect(at("TRY-01", PERIOD.helar2025)).toEqual({ value: 63, count: 1 });
    expect(at("VOL-01", PERIOD.helar2025)).toEqual({ value: 3100, count: 1 }); // Eidar's empty value does not count
    expect(at("VOL-01", PERIOD.halvar2026)).toEqual({ value: null, count: 0 });
    expect(at("BOE-01", PERIOD.halvar2026)).toEqual({ value: 0, count: 1 });
  });

  it("lists active indicators and those with values in their order, each with every period in time order", async () => {
    const rows = (await series("coordinator")) as (SeriesRow & { starts_on: string })[];
    const seedCodes = new Set(Object.keys(INDICATOR));
    const codes = [...new Set(rows.map((row) => row.code))].filter((code) => seedCodes.has(code));
    // SFI-01 is inactive and has no values (other tests' indicators are left out).
    expect(codes).toEqual(["SYS-01", "UNG-01", "TRY-01", "BOE-01", "DEL-01", "SKO-01", "VOL-01"]);
    for (const code of codes) {
      const own = rows.filter((row) => row.code === code);
      expect(own.filter((row) => SEED_PERIODS.includes(row.period_id)).map((row) => row.period_id)).toEqual(SEED_PERIODS);
      expect(new Set(own.map((row) => row.period_id)).size).toBe(own.length);
      expect(own.map((row) => row.starts_on)).toEqual([...own.map((row) => row.starts_on)].sort());
    }
  });

  it("one organisation's values: the board only for organisations reporting to the board; coordinators for any", async () => {
    expect((await call("board", "indicator_series", { p_org_id: ORG.kronogarden })).code).toBe("42501");
    expect((await call("board", "indicator_series", { p_org_id: ORG.vgr })).code).toBe("42501");

    for (const actor of ["board", "coordinator"] as const) {
      const actual = seedRowsOf(await series(actor, ORG.eidar));
      const expected = await expectedSeries(ORG.eidar);
      for (const [key, want] of expected) expect(actual.get(key), `${actor} Eidar ${key}`).toEqual(want);
      for (const [key, got] of actual) if (!expected.has(key)) expect(got, `${actor} Eidar ${key}`).toEqual({ value: null, count: 0 });
    }

    const krono = seedRowsOf(await series("coordinator", ORG.kronogarden));
    const expectedKrono = await expectedSeries(ORG.kronogarden);
    for (const [key, want] of expectedKrono) expect(krono.get(key), `Kronogården ${key}`).toEqual(want);
    expect(krono.get(`${INDICATOR["DEL-01"]}|${PERIOD.halvar2026}`)).toEqual({ value: null, count: 0 }); // the draft does not count
  });
});

describe("board_evidence", () => {
  it("gives figures per recommendation and only board organisations' submitted or accepted reports", async () => {
    for (const actor of ["board", "coordinator"] as const) {
      const { data, code } = await call<Record<string, unknown>>(actor, "board_evidence");
      expect(code).toBeNull();
      const evidence = data!;
      for (const key of [
        "indicators_active",
        "indicators_with_target",
        "indicators_with_kolada",
        "periods",
        "reports_expected",
        "reports_in",
        "reports_accepted",
        "indicator_values",
        "partners_active",
        "partners_by_kind",
        "forums_active",
        "threads_last_year",
        "posts_last_year",
        "initiatives_active",
        "initiatives_published",
        "participants_reached",
        "districts_covered",
        "board_reports",
      ]) {
        expect(evidence, `${actor}: ${key}`).toHaveProperty(key);
      }
      expect(evidence.indicators_active).toBe(Number((await sql<{ n: string }>("select count(*)::text as n from public.indicators where active"))[0]!.n));
      const reports = evidence.board_reports as { period: string; organisation: string; status: string }[];
      expect(reports.every((row) => row.organisation === "AB Eidar, Trollhättans Bostadsbolag")).toBe(true);
      expect(reports.every((row) => row.status === "submitted" || row.status === "accepted")).toBe(true);
      expect(reports.filter((row) => row.period === "Helår 2025" || row.period === "Halvår 1 2026").map((row) => [row.period, row.status])).toEqual([
        ["Halvår 1 2026", "submitted"],
        ["Helår 2025", "accepted"],
      ]);
    }
  });
});

/** /board/reports/:id as it was read before board_report_page: a dozen requests through RLS. */
async function boardReportBySeparateReads(supabase: SupabaseClient<Database>, id: string): Promise<BoardReport | null> {
  const report = await getReportHeader(supabase, id);
  if (!report || (report.status !== "submitted" && report.status !== "accepted")) return null;
  const org = await supabase.from("organisations").select("reports_to_board").eq("id", report.orgId).maybeSingle();
  if (!org.data?.reports_to_board) return null;
  const [page, allSeries] = await Promise.all([loadReportPage(supabase, report, { withOptions: false, withHistory: false }), loadIndicatorSeries(supabase, { orgId: report.orgId })]);
  const order = page.indicators.map((indicator) => indicator.id);
  const series = allSeries
    .filter((one) => order.includes(one.indicatorId))
    .map((one) => ({ ...one, points: one.points.filter((point) => point.startsOn <= report.startsOn) }))
    .sort((a, b) => order.indexOf(a.indicatorId) - order.indexOf(b.indicatorId));
  const ids = page.content.initiativeIds;
  const rows = ids.length === 0 ? [] : ((await supabase.from("initiatives").select("id, title, status, participants_reached, districts, target_groups").in("id", ids).order("title")).data ?? []);
  const { history: _history, ...rest } = page;
  return {
    page: rest,
    series,
    initiatives: rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      participantsReached: row.participants_reached,
      districts: row.districts ?? [],
      targetGroups: row.target_groups ?? [],
    })),
  };
}

describe("board_report_page", () => {
  it("gives the board page what its separate reads gave, and null for any report the page does not show", async () => {
    const cases: [Actor, string, boolean][] = [
      ["board", REPORT.eidar2026Submitted, true],
      ["board", REPORT.eidar2025Accepted, true],
      ["coordinator", REPORT.eidar2026Submitted, true],
      ["board", REPORT.krono2025Accepted, false], // RLS: not an organisation reporting to the board
      ["coordinator", REPORT.krono2025Accepted, false], // readable, but not a board organisation
      ["coordinator", REPORT.vgr2026Returned, false], // readable, but returned
      ["board", "not-a-uuid", false],
    ];
    for (const [actor, id, shown] of cases) {
      const client = (await as(actor)) as unknown as SupabaseClient<Database>;
      const [one, separate] = await Promise.all([loadBoardReport(client, id), boardReportBySeparateReads(client, id)]);
      expect(one, `${actor} ${id}`).toEqual(separate);
      expect(one !== null, `${actor} ${id} shown`).toBe(shown);
    }
    // The seed's submitted Eidar report has all the parts, so the comparison above covers them.
    const full = (await loadBoardReport((await as("board")) as unknown as SupabaseClient<Database>, REPORT.eidar2026Submitted))!;
    expect(full.page.questions.length).toBeGreaterThan(0);
    expect(Object.keys(full.page.content.values).length).toBeGreaterThan(0);
    expect(full.page.lastPeriod).not.toBeNull();
    expect(full.series.every((one) => one.points.length > 0)).toBe(true);
    expect(full.series.length).toBe(full.page.indicators.length);
    // Not executable for anonymous visitors at all (inside, RLS would show them nothing anyway).
    const { error } = await (await as("anon")).rpc("board_report_page", { p_report_id: REPORT.eidar2026Submitted });
    expect(error?.code).toBe("42501");
    expect(error?.message).toMatch(/function board_report_page/);
  });
});
