/**
 * /board/indicators in the browser (issue 8, part E): the board member sees every indicator's
 * chart and table, and the tables' figures are exactly what indicator_series() returns (read by the
 * board member through the API, formatted as in Swedish); the traffic-light summary gives each
 * indicator the status of the rule written next to it; axe clean; on paper the navigation, header,
 * footer and print button are left out. Coordinators see it too, partners get 403, visitors the login.
 * Works without JavaScript (the charts are SVG from the server).
 */
import { createClient } from "@supabase/supabase-js";
import type { Browser, Page } from "@playwright/test";
import ws from "ws";
import type { Database } from "../../app/lib/database.types.ts";
import { formatIndicatorValue, formatNumber, indicatorStatus, type IndicatorSeries } from "../../app/lib/indicator-status.ts";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { DEMO, DEMO_PASSWORD, signIn } from "./support.ts";

const STATUS_WORDS = { on_track: "I fas", at_risk: "Risk", off_track: "Efter", no_data: "Kan inte bedömas" } as const;

async function personaPage(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE", javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** indicator_series() as the board member gets it through the API, grouped per indicator. */
async function seriesAsBoard(): Promise<IndicatorSeries[]> {
  const { url, anonKey } = JSON.parse(process.env.E2E_STACK ?? "{}") as { url: string; anonKey: string };
  const client = createClient<Database>(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
  const { error: signInError } = await client.auth.signInWithPassword({ email: DEMO.board, password: DEMO_PASSWORD });
  expect(signInError).toBeNull();
  const { data, error } = await client.rpc("indicator_series");
  expect(error).toBeNull();
  const byId = new Map<string, IndicatorSeries>();
  for (const row of data ?? []) {
    let one = byId.get(row.indicator_id);
    if (!one) {
      one = {
        indicatorId: row.indicator_id,
        code: row.code,
        name: row.name,
        unit: row.unit,
        direction: row.direction,
        target: row.target === null ? null : Number(row.target),
        baseline: row.baseline === null ? null : Number(row.baseline),
        baselineYear: row.baseline_year,
        points: [],
      };
      byId.set(row.indicator_id, one);
    }
    one.points.push({
      periodId: row.period_id,
      periodName: row.period_name,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      value: row.value === null ? null : Number(row.value),
      reportCount: Number(row.report_count),
    });
  }
  await client.auth.signOut();
  return [...byId.values()];
}

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();
/** The cell's words without the status badge's decorative mark (aria-hidden). */
const words = (text: string) => spaces(text.replace(/^[●▲■○]/, ""));
const show = (value: number | null, unit: string) => (value === null ? "–" : spaces(formatIndicatorValue(value, unit, "sv")));

async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole("table", { name: caption, exact: true });
  await expect(table).toBeVisible();
  return (await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText)))).map((cells) => cells.map(words));
}

test.describe("the board's indicators", () => {
  test("the board member sees each indicator's chart and table with indicator_series()'s figures, and the traffic lights", async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await personaPage(browser, DEMO.board);
    const response = await page.goto("/board/indicators");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indikatorer över tid");

    const all = await seriesAsBoard();
    expect(all.length).toBeGreaterThan(0);

    // The summary: one row per indicator with the latest value, its period, the target and the status in words.
    const summary = await tableRows(page, "Indikatorerna i senaste period med värde");
    expect(summary).toEqual(
      all.map((one) => {
        const status = indicatorStatus(one);
        return [`${one.code} ${one.name}`, show(status.latest, one.unit), status.latestPeriod?.periodName ?? "–", show(one.target, one.unit), STATUS_WORDS[status.status]];
      }),
    );
    // The rule is written next to the lights.
    const rule = page.getByRole("heading", { name: "Så bedöms läget" });
    await expect(rule).toBeVisible();
    await expect(page.locator(".indicator-rule")).toContainText("minst halvvägs från utgångsläget till målet");

    // Per indicator: a chart (an image named by the indicator) and the same figures in a table.
    for (const one of all) {
      await expect(page.getByRole("heading", { level: 2, name: `${one.code} ${one.name}` })).toBeVisible();
      await expect(page.getByRole("img", { name: `${one.code} ${one.name}` })).toBeVisible();
      const rows = await tableRows(page, `${one.code} ${one.name}: värde per period`);
      expect(rows, one.code).toEqual(
        one.points.map((point) => [
          point.periodName,
          point.value === null ? "Inget värde" : show(point.value, one.unit),
          show(one.target, one.unit),
          show(one.baseline, one.unit),
          formatNumber(point.reportCount, "sv"),
        ]),
      );
    }

    // A known seed figure, to be sure the formatting is Swedish: DEL-01 Helår 2025 = 640 + 180 + 358.
    const del = await tableRows(page, "DEL-01 Deltagare i förebyggande insatser: värde per period");
    expect(del.find((row) => row[0] === "Helår 2025")?.[1]).toBe("1 178");

    await expectNoAxeViolations(page);

    // On paper: no navigation, header, footer or print button; the charts and tables stay.
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Skriv ut" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden();
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.locator(".site-footer")).toBeHidden();
    await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("svg.indicator-chart").first()).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await page.context().close();
  });

  test("works without JavaScript and for coordinators", async ({ browser }) => {
    const page = await personaPage(browser, DEMO.coordinator, false);
    const response = await page.goto("/board/indicators");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indikatorer över tid");
    await expect(page.locator("svg.indicator-chart").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Indikatorerna i senaste period med värde" })).toBeVisible();
    // Without JavaScript there is no print button (the hint says how to print instead).
    await expect(page.getByRole("button", { name: "Skriv ut" })).toHaveCount(0);
    await expect(page.getByText("Sidan går att skriva ut")).toBeVisible();
    // The summary links to each indicator's section.
    await page.getByRole("link", { name: /^TRY-01 / }).click();
    await expect(page).toHaveURL(/#indicator-TRY-01$/);
    await page.context().close();

    const withScript = await personaPage(browser, DEMO.coordinator);
    expect((await withScript.goto("/board/indicators"))?.status()).toBe(200);
    await expect(withScript.getByRole("button", { name: "Skriv ut" })).toBeVisible();
    await expectNoAxeViolations(withScript);
    // On a phone's width the tables scroll and can be reached with the keyboard.
    await withScript.setViewportSize({ width: 375, height: 800 });
    await expectNoAxeViolations(withScript);
    await withScript.context().close();
  });

  test("partners get 403 and visitors are sent to the login", async ({ browser, page }) => {
    for (const persona of [DEMO.eidar, DEMO.association] as const) {
      const partner = await personaPage(browser, persona);
      const response = await partner.goto("/board/indicators");
      expect(response?.status(), persona).toBe(403);
      await expect(partner.getByRole("table")).toHaveCount(0);
      await expect(partner.locator("svg.indicator-chart")).toHaveCount(0);
      await partner.context().close();
    }
    await page.goto("/board/indicators");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fboard%2Findicators/);
  });
});
