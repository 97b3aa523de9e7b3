/**
 * The board's view (issue 8, part D): /board lists, for one period (by default the most recent that
 * has started; another with ?period=), the organisations that report to the board (AB Eidar) with
 * their report status in words, and links the reports the board may read; the other periods are one
 * line each with their counts (issue 10); /board/reports/:id shows one of them in full (answers, indicators with their trend,
 * the coordinator's comment, the initiatives' reach). Drafts, returned reports and other
 * organisations' reports are 404; a report returned to Eidar loses its link until resubmitted.
 * Coordinators see the view too, partners get 403. axe on both pages; on paper the navigation is
 * left out.
 */
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { DEMO, mainNavigation, serviceClient, signIn } from "./support.ts";

const EIDAR = "bbbbbbbb-0000-4000-8000-000000000001";
const EIDAR_NAME = "AB Eidar, Trollhättans Bostadsbolag";
const EIDAR_ACCEPTED = "eeeeeeee-0000-4000-8000-000000000001";
const EIDAR_SUBMITTED = "eeeeeeee-0000-4000-8000-000000000002";
const KRONO_ACCEPTED = "eeeeeeee-0000-4000-8000-000000000003";
const KRONO_DRAFT = "eeeeeeee-0000-4000-8000-000000000004";
const VGR_RETURNED = "eeeeeeee-0000-4000-8000-000000000006";
const HELAR_2025 = "cccccccc-0000-4000-8000-000000000001";
const OTHER_PERIODS = "Andra rapporteringsperioder och hur långt rapporterna har kommit";

function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

test.describe("the board's view", () => {
  test("a board member sees the current period in full, the others as counts, and no drafts", async ({ page }) => {
    await signIn(page, DEMO.board);
    await page.goto("/board");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Styrelsens vy");
    await expect(page.getByRole("link", { name: "Indikatorerna över tid" })).toHaveAttribute("href", "/board/indicators");
    await expect(page.getByRole("link", { name: "Rekommendationer" })).toHaveAttribute("href", "/board/recommendations");

    // By default the most recent period that has started, alone in full.
    await expect(page.locator("table.board-table")).toHaveCount(1);
    const open = page.getByRole("table", { name: "Rapporter till kommunstyrelsen, Halvår 1 2026" });
    const eidarNow = open.getByRole("row", { name: new RegExp(EIDAR_NAME) });
    await expect(eidarNow).toContainText("Inskickad");
    await expect(eidarNow.getByRole("link", { name: `Läs rapporten från ${EIDAR_NAME}, Halvår 1 2026` })).toHaveAttribute("href", `/board/reports/${EIDAR_SUBMITTED}`);
    await expect(page.getByRole("link", { name: "Sammanställning för Halvår 1 2026" })).toHaveAttribute("href", "/board/summary/cccccccc-0000-4000-8000-000000000002");
    await expect(page.getByRole("link", { name: "Visa den aktuella perioden" })).toHaveCount(0);

    // The other periods: one line each with the counts, linking to the period.
    const helar = page.getByRole("table", { name: OTHER_PERIODS }).getByRole("row", { name: /Helår 2025/ });
    await expect(helar.getByRole("cell")).toHaveText(["1 januari 2025 – 31 december 2025", "Stängd", "1 av 1", "1", "0"]);
    await expect(page.getByRole("table", { name: OTHER_PERIODS })).not.toContainText("Halvår 1 2026");
    await expectNoAxeViolations(page);

    await helar.getByRole("link", { name: "Helår 2025" }).click();
    await expect(page).toHaveURL(`/board?period=${HELAR_2025}`);
    await expect(page.locator("table.board-table")).toHaveCount(1);
    const eidarThen = page.getByRole("table", { name: "Rapporter till kommunstyrelsen, Helår 2025" }).getByRole("row", { name: new RegExp(EIDAR_NAME) });
    await expect(eidarThen).toContainText("Godkänd");
    await expect(eidarThen.getByRole("link", { name: /Läs rapporten/ })).toHaveAttribute("href", `/board/reports/${EIDAR_ACCEPTED}`);
    await expect(page.getByRole("table", { name: OTHER_PERIODS }).getByRole("row", { name: /Halvår 1 2026/ })).toContainText("1 av 1");

    // Only organisations that report to the board; no drafts anywhere.
    await expect(page.locator("main")).not.toContainText("Kronogårdens kulturförening");
    await expect(page.locator("main")).not.toContainText("Västra Götalandsregionen");
    await expect(page.locator(".board-status--draft")).toHaveCount(0);

    // An unknown period, or not an id at all: the default, as if none was chosen.
    for (const unknown of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await page.goto(`/board?period=${unknown}`))?.status(), unknown).toBe(200);
      await expect(page.getByRole("table", { name: "Rapporter till kommunstyrelsen, Halvår 1 2026" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Visa den aktuella perioden" })).toHaveCount(0);
    }

    // Drafts, returned reports and reports of organisations outside the board's view: 404.
    for (const id of [KRONO_DRAFT, VGR_RETURNED, KRONO_ACCEPTED, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const response = await page.goto(`/board/reports/${id}`);
      expect(response?.status(), id).toBe(404);
    }
  });

  test("the board reads a report in full: answers, indicators over time, the coordinator's comment and the initiatives' reach", async ({ page }) => {
    await signIn(page, DEMO.board);
    await page.goto(`/board?period=${HELAR_2025}`);
    await page.getByRole("table", { name: "Rapporter till kommunstyrelsen, Helår 2025" }).getByRole("link", { name: /Läs rapporten/ }).click();
    await expect(page).toHaveURL(`/board/reports/${EIDAR_ACCEPTED}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${EIDAR_NAME}: uppföljning Helår 2025`);
    await expect(page.getByText("Under 2025 har Eidar förstärkt det boendesociala arbetet")).toBeVisible();
    await expect(page.getByText("Sommarjobb för 38 ungdomar")).toBeVisible();
    await expect(page.getByRole("region", { name: "Samordnarens kommentar" })).toContainText("Tack för en tydlig redovisning.");

    const values = page.getByRole("table", { name: "Nyckeltal för Helår 2025" });
    await expect(values.getByRole("row", { name: /UNG-01/ })).toContainText("38");
    await expect(values.getByRole("row", { name: /UNG-01/ })).toContainText("Kronogården 22, Lextorp 16.");

    const trend = page.getByRole("region", { name: "Indikatorerna över tid" });
    await expect(trend).toContainText("UNG-01");
    await expect(trend).toContainText("Helår 2025");
    // The accepted 2025 report shows no later periods.
    await expect(trend).not.toContainText("Halvår 1 2026");

    const reach = page.getByRole("table", { name: "Insatser i rapporten och deras räckvidd" });
    const jobs = reach.getByRole("row", { name: /Sommarjobb för unga i Kronogården och Lextorp/ });
    await expect(jobs).toContainText("46");
    await expect(jobs).toContainText("Kronogården, Lextorp");
    await expect(jobs).toContainText("Unga");
    await expectNoAxeViolations(page);

    // On paper: the report without the portal's navigation.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden();
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeVisible();

    // The open period's report: submitted, not yet reviewed, so no comment.
    await page.goto(`/board/reports/${EIDAR_SUBMITTED}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${EIDAR_NAME}: uppföljning Halvår 1 2026`);
    await expect(page.getByRole("region", { name: "Samordnarens kommentar" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Indikatorerna över tid" })).toContainText("Halvår 1 2026");
    await expectNoAxeViolations(page);
  });

  test("a report returned to Eidar disappears from the board's view until it is submitted again", async ({ page, browser }) => {
    const service = serviceClient();
    const name = `Styrelseperiod ${unique()}`;
    const { data: period, error } = await service
      .from("reporting_periods")
      .insert({ name, starts_on: "2027-01-01", ends_on: "2027-06-30", due_on: "2099-09-30", status: "open" })
      .select("id")
      .single();
    expect(error).toBeNull();
    try {
      await service.from("period_organisations").insert({ period_id: period!.id, org_id: EIDAR });
      const { data: report, error: reportError } = await service
        .from("reports")
        .insert({ org_id: EIDAR, period_id: period!.id, status: "submitted", summary: "Testrapport till styrelsen." })
        .select("id")
        .single();
      expect(reportError).toBeNull();
      const table = page.getByRole("table", { name: `Rapporter till kommunstyrelsen, ${name}` });
      const row = table.getByRole("row", { name: new RegExp(EIDAR_NAME) });

      // It starts in 2027, so it is not the default: chosen with ?period=.
      const board = `/board?period=${period!.id}`;
      await signIn(page, DEMO.board);
      await page.goto(board);
      await expect(row).toContainText("Inskickad");
      await expect(row.getByRole("link", { name: /Läs rapporten/ })).toHaveAttribute("href", `/board/reports/${report!.id}`);
      expect((await page.goto(`/board/reports/${report!.id}`))?.status()).toBe(200);

      // Returned: the status in words, no link, and the report itself is not found.
      const returned = await service.from("reports").update({ status: "returned", review_comment: "Komplettera, tack." }).eq("id", report!.id);
      expect(returned.error).toBeNull();
      await page.goto(board);
      await expect(row).toContainText("Återsänd för komplettering");
      await expect(row.getByRole("link")).toHaveCount(0);
      await expect(row).toContainText("Kan inte läsas än");
      await expect(page.locator("main")).not.toContainText("Komplettera, tack.");
      expect((await page.goto(`/board/reports/${report!.id}`))?.status()).toBe(404);

      // A coordinator reads the returned report where reports are reviewed.
      const coordinator = await browser.newPage({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE" });
      try {
        await signIn(coordinator, DEMO.coordinator);
        await coordinator.goto(board);
        const coordinatorRow = coordinator.getByRole("table", { name: `Rapporter till kommunstyrelsen, ${name}` }).getByRole("row", { name: new RegExp(EIDAR_NAME) });
        await expect(coordinatorRow).toContainText("Återsänd för komplettering");
        await expect(coordinatorRow.getByRole("link", { name: /Läs rapporten/ })).toHaveAttribute("href", `/reports/${report!.id}`);
      } finally {
        await coordinator.close();
      }

      // Submitted again: readable again.
      const resubmitted = await service.from("reports").update({ status: "submitted" }).eq("id", report!.id);
      expect(resubmitted.error).toBeNull();
      await page.goto(board);
      await expect(row).toContainText("Inskickad");
      await expect(row.getByRole("link", { name: /Läs rapporten/ })).toHaveAttribute("href", `/board/reports/${report!.id}`);
    } finally {
      await service.from("reports").delete().eq("period_id", period!.id);
      const removed = await service.from("reporting_periods").delete().eq("id", period!.id).select("id");
      expect(removed.data).toHaveLength(1);
    }
  });

  test("an organisation that has not reported by the last day is marked Försenad; one period at a time with ?period=", async ({ page }) => {
    const service = serviceClient();
    const name = `Försenad period ${unique()}`;
    const { data: period, error } = await service
      .from("reporting_periods")
      .insert({ name, starts_on: "2020-01-01", ends_on: "2020-06-30", due_on: "2020-09-30", status: "closed" })
      .select("id")
      .single();
    expect(error).toBeNull();
    try {
      await service.from("period_organisations").insert({ period_id: period!.id, org_id: EIDAR });
      await signIn(page, DEMO.board);
      await page.goto(`/board?period=${period!.id}`);
      const tables = page.locator("table.board-table");
      await expect(tables).toHaveCount(1);
      const row = page.getByRole("table", { name: `Rapporter till kommunstyrelsen, ${name}` }).getByRole("row", { name: new RegExp(EIDAR_NAME) });
      await expect(row).toContainText("Ej påbörjad");
      await expect(row).toContainText("Försenad");
      await expectNoAxeViolations(page);
      await page.getByRole("link", { name: "Visa den aktuella perioden" }).click();
      await expect(page.getByRole("table", { name: "Rapporter till kommunstyrelsen, Halvår 1 2026" })).toBeVisible();
      // Among the other periods: nothing in, one overdue.
      await expect(page.getByRole("table", { name: OTHER_PERIODS }).getByRole("row", { name: new RegExp(name) }).getByRole("cell")).toHaveText([
        "1 januari 2020 – 30 juni 2020",
        "Stängd",
        "0 av 1",
        "0",
        "1",
      ]);
    } finally {
      const removed = await service.from("reporting_periods").delete().eq("id", period!.id).select("id");
      expect(removed.data).toHaveLength(1);
    }
  });

  test("coordinators see the board's view in their navigation; partners get 403", async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    expect(await mainNavigation(page)).toContain("Styrelsens vy");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Styrelsens vy" }).click();
    await expect(page).toHaveURL(/\/board$/);
    await expect(page.getByRole("table", { name: "Rapporter till kommunstyrelsen, Halvår 1 2026" }).getByRole("row", { name: new RegExp(EIDAR_NAME) })).toContainText("Inskickad");
    expect((await page.goto(`/board/reports/${EIDAR_ACCEPTED}`))?.status()).toBe(200);
    expect((await page.goto(`/board/reports/${VGR_RETURNED}`))?.status()).toBe(404);
    await page.context().clearCookies();

    await signIn(page, DEMO.eidar);
    for (const path of ["/board", `/board/reports/${EIDAR_ACCEPTED}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });

  test("/board works without JavaScript and leaves out the navigation on paper", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE", javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await signIn(page, DEMO.board);
      await page.goto("/board");
      await page.getByRole("table", { name: "Rapporter till kommunstyrelsen, Halvår 1 2026" }).getByRole("link", { name: /Läs rapporten/ }).click();
      await expect(page).toHaveURL(`/board/reports/${EIDAR_SUBMITTED}`);
      await page.goto("/board");
      // Another period through its link, without JavaScript.
      await page.getByRole("table", { name: OTHER_PERIODS }).getByRole("link", { name: "Helår 2025" }).click();
      await expect(page.getByRole("table", { name: "Rapporter till kommunstyrelsen, Helår 2025" })).toContainText("Godkänd");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Styrelsens vy");
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden({ timeout: 10_000 });
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
