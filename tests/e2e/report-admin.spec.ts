/**
 * Issue 7, items 1, 4 and 6 for coordinators: indicators (bad input by the fields and nothing
 * saved, a duplicate code, editing, deleting an unused one, deactivating a used one), reporting
 * periods with their organisations, indicators and questions (created, edited, a question removed;
 * an answered question and a taken name refused without changing anything), the review queue with
 * each organisation's status per period and the overdue marker, and a period's indicator values as
 * CSV (compared with the database). Partners and the board get 403. axe on every page.
 *
 * Everything a test creates has a unique name and is removed again with the service role, so the
 * seed and the other tests are unaffected.
 */
import type { Page } from "@playwright/test";
import { todayInSweden } from "../../app/lib/schemas/initiative.ts";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { DEMO, serviceClient, signIn } from "./support.ts";

const FULL_YEAR_2025 = "cccccccc-0000-4000-8000-000000000001";
const FIRST_HALF_2026 = "cccccccc-0000-4000-8000-000000000002";
const EIDAR_2026_REPORT = "eeeeeeee-0000-4000-8000-000000000002";
const ANSWERED_QUESTION = "c0c0c0c0-0000-4000-8000-000000000021";
const EIDAR = "AB Eidar, Trollhättans Bostadsbolag";

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`.toUpperCase();

/** A day relative to today in Swedish time, "YYYY-MM-DD". */
function day(offset: number): string {
  const date = new Date(`${todayInSweden()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

async function removeIndicator(code: string) {
  const service = serviceClient();
  const { data } = await service.from("indicators").select("id").eq("code", code);
  for (const row of data ?? []) {
    await service.from("period_indicators").delete().eq("indicator_id", row.id);
    await service.from("indicators").delete().eq("id", row.id);
  }
}

async function removePeriod(name: string) {
  // period_organisations, period_indicators and period_questions go with it (on delete cascade)
  await serviceClient().from("reporting_periods").delete().eq("name", name);
}

/** Submits the page's main form and returns the status of the POST. */
async function submit(page: Page, button: string): Promise<number> {
  const answer = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: button, exact: true }).click();
  return (await answer).status();
}

/** The cells of a semicolon-separated CSV text (quoted cells may hold separators, quotes, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ";") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

test.describe("indicators", () => {
  // axe needs JavaScript in the page: the error states are checked with axe in the tests below.
  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("bad input: messages next to the fields, status 400, nothing saved, everything typed kept", async ({ page }) => {
      const name = `E2E nyckeltal ${stamp()}`;
      await signIn(page, DEMO.coordinator);
      await page.goto("/admin/indicators/new");
      await page.getByLabel("Kod", { exact: true }).fill("ab c");
      await page.getByLabel("Namn", { exact: true }).fill(name);
      await page.getByLabel("Enhet", { exact: true }).fill("%");
      await page.getByLabel("Lägsta tillåtna värde").fill("10");
      await page.getByLabel("Högsta tillåtna värde").fill("5");
      await page.getByLabel("Kolada-id").fill("X1234");
      await page.getByLabel("Målvärde").fill("mycket");
      expect(await submit(page, "Spara nyckeltalet")).toBe(400);

      await expect(page.getByRole("alert")).toContainText("Något behöver rättas");
      const code = page.getByLabel("Kod", { exact: true });
      await expect(code).toHaveAttribute("aria-invalid", "true");
      await expect(code).toHaveAccessibleDescription(/bara innehålla versaler A–Z/);
      await expect(code).toBeFocused();
      await expect(page.getByLabel("Högsta tillåtna värde")).toHaveAccessibleDescription(/kan inte vara lägre än det lägsta/);
      await expect(page.getByLabel("Kolada-id")).toHaveAccessibleDescription(/N eller U följt av fem siffror/);
      await expect(page.getByLabel("Målvärde")).toHaveAccessibleDescription(/Skriv ett tal/);
      await expect(page.getByLabel("Namn", { exact: true })).toHaveValue(name);
      await expect(page.getByLabel("Kolada-id")).toHaveValue("X1234");

      const { data } = await serviceClient().from("indicators").select("id").eq("name", name);
      expect(data).toEqual([]);
    });

    test("a code that is taken is explained next to the field", async ({ page }) => {
      const name = `E2E dubblett ${stamp()}`;
      await signIn(page, DEMO.coordinator);
      await page.goto("/admin/indicators/new");
      await page.getByLabel("Kod", { exact: true }).fill("sys-01");
      await page.getByLabel("Namn", { exact: true }).fill(name);
      await page.getByLabel("Enhet", { exact: true }).fill("antal");
      expect(await submit(page, "Spara nyckeltalet")).toBe(400);
      await expect(page.getByLabel("Kod", { exact: true })).toHaveAccessibleDescription(/finns redan ett nyckeltal med den koden/);
      const { data } = await serviceClient().from("indicators").select("id").eq("name", name);
      expect(data).toEqual([]);
    });
  });

  test("a coordinator defines, edits and deletes an indicator", async ({ page }) => {
    const code = `E2E-${stamp()}`;
    try {
      await signIn(page, DEMO.coordinator);
      await page.goto("/admin");
      await page.getByRole("link", { name: "Nyckeltal", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Nyckeltal" })).toBeVisible();
      await expect(page.getByRole("table")).toContainText("SYS-01");
      await expect(page.getByRole("row", { name: /SFI-01/ })).toContainText("Inaktivt");
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "Nytt nyckeltal" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Nytt nyckeltal" })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel("Kod", { exact: true }).fill(code.toLowerCase());
      await page.getByLabel("Namn", { exact: true }).fill("Andel nöjda deltagare");
      await page.getByLabel("Beskrivning").fill("Andel deltagare som svarar 4 eller 5 i enkäten.");
      await page.getByLabel("Enhet", { exact: true }).fill("%");
      await page.getByLabel("Målvärde").fill("78,5");
      await page.getByLabel(/^Utgångsvärde/).fill("70");
      await page.getByLabel("År för utgångsvärdet").fill("2025");
      await page.getByLabel("Kolada-id").fill("n00945");
      await page.getByLabel("Lägsta tillåtna värde").fill("0");
      await page.getByLabel("Högsta tillåtna värde").fill("100");
      await page.getByRole("button", { name: "Spara nyckeltalet" }).click();
      await expect(page.getByRole("status")).toHaveText(`Nyckeltalet ${code} är sparat.`);
      const row = page.getByRole("row", { name: /Andel nöjda deltagare/ });
      await expect(row).toContainText(code);
      await expect(row).toContainText("78,5");
      await expect(row).toContainText("0–100");

      const service = serviceClient();
      const { data: stored } = await service
        .from("indicators")
        .select("id, name, unit, direction, target, baseline, baseline_year, kolada_kpi, min_value, max_value, active")
        .eq("code", code)
        .single();
      expect(stored).toMatchObject({
        name: "Andel nöjda deltagare",
        unit: "%",
        direction: "increase",
        target: 78.5,
        baseline: 70,
        baseline_year: 2025,
        kolada_kpi: "N00945",
        min_value: 0,
        max_value: 100,
        active: true,
      });

      await row.getByRole("link", { name: "Andel nöjda deltagare" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Redigera ${code}` })).toBeVisible();
      await expect(page.getByLabel("Målvärde")).toHaveValue("78,5");
      await expectNoAxeViolations(page);
      // an edit with a target outside the range is refused by the field
      await page.getByLabel("Målvärde").fill("120");
      await page.getByRole("button", { name: "Spara ändringar" }).click();
      await expect(page.getByLabel("Målvärde")).toHaveAccessibleDescription(/utanför de tillåtna värdena/);
      await expect(page.getByLabel("Målvärde")).toBeFocused();
      await expectNoAxeViolations(page);
      await page.getByLabel("Målvärde").fill("80");
      await page.getByLabel("Riktning").selectOption({ label: "Lägre är bättre" });
      await page.getByRole("button", { name: "Spara ändringar" }).click();
      await expect(page.getByRole("status")).toHaveText("Ändringarna är sparade.");
      const { data: edited } = await service.from("indicators").select("target, direction").eq("code", code).single();
      expect(edited).toEqual({ target: 80, direction: "decrease" });

      // never reported and in no period: it can be deleted
      await page.getByRole("button", { name: "Ta bort nyckeltalet" }).click();
      await expect(page.getByRole("status")).toHaveText(`Nyckeltalet ${code} är borttaget.`);
      const { data: gone } = await service.from("indicators").select("id").eq("code", code);
      expect(gone).toEqual([]);
    } finally {
      await removeIndicator(code);
    }
  });

  test("an indicator that is used cannot be deleted, only deactivated", async ({ page }) => {
    const service = serviceClient();
    const code = `E2E-${stamp()}`;
    const periodName = `E2E-period ${code}`;
    try {
      const { data: indicator } = await service.from("indicators").insert({ code, name: "Används i en period", unit: "antal" }).select("id").single();
      const { data: period } = await service
        .from("reporting_periods")
        .insert({ name: periodName, starts_on: "2030-01-01", ends_on: "2030-06-30", due_on: "2030-08-31", status: "closed" })
        .select("id")
        .single();
      await service.from("period_indicators").insert({ period_id: period!.id, indicator_id: indicator!.id });

      await signIn(page, DEMO.coordinator);
      await page.goto(`/admin/indicators/${indicator!.id}`);
      await expect(page.getByText("Perioder där nyckeltalet ingår: 1.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Ta bort nyckeltalet" })).toHaveCount(0);
      await page.getByRole("button", { name: "Inaktivera nyckeltalet" }).click();
      await expect(page.getByRole("status")).toHaveText("Nyckeltalet är inaktiverat.");
      await expectNoAxeViolations(page);
      const { data: stored } = await service.from("indicators").select("active").eq("id", indicator!.id).single();
      expect(stored?.active).toBe(false);

      // a forged delete is refused by the database (the period refers to it) and explained
      const response = await page.request.post(`/admin/indicators/${indicator!.id}`, { form: { intent: "delete" }, maxRedirects: 0 });
      expect(response.status()).toBe(409);
      const { data: still } = await service.from("indicators").select("id").eq("id", indicator!.id);
      expect(still).toHaveLength(1);

      await page.getByRole("button", { name: "Aktivera nyckeltalet igen" }).click();
      await expect(page.getByRole("status")).toHaveText("Nyckeltalet är aktivt igen.");
    } finally {
      await removePeriod(periodName);
      await removeIndicator(code);
    }
  });
});

test.describe("reporting periods", () => {
  test("a coordinator creates a period with organisations, indicators and questions, edits it and removes a question", async ({ page }) => {
    const name = `E2E-period ${stamp()}`;
    const service = serviceClient();
    try {
      await signIn(page, DEMO.coordinator);
      await page.goto("/admin");
      await page.getByRole("link", { name: "Rapporteringsperioder" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Rapporteringsperioder" })).toBeVisible();
      await expect(page.getByRole("row", { name: /Halvår 1 2026/ })).toContainText("Öppen");
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "Ny period" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Ny rapporteringsperiod" })).toBeVisible();
      // the latest period's template is the starting point
      await expect(page.getByText("hämtade från den senaste perioden, Halvår 1 2026")).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByLabel("Namn", { exact: true }).fill(name);
      await page.getByLabel("Första dag").fill(day(-100));
      await page.getByLabel("Sista dag i perioden").fill(day(-20));
      await page.getByLabel("Sista dag att skicka in").fill(day(-5));
      const organisations = page.getByRole("group", { name: "Organisationer som ska rapportera" });
      await expect(organisations.getByLabel(EIDAR)).toBeChecked();
      await expect(organisations.getByLabel(`${EIDAR} – rapporterar till kommunstyrelsen`)).toBeVisible();
      await organisations.getByLabel("Arbetsförmedlingen Trollhättan").uncheck();
      const indicators = page.getByRole("group", { name: "Nyckeltal i perioden" });
      await expect(indicators.getByLabel(/SYS-01/)).toBeChecked();
      await expect(indicators.getByLabel(/SFI-01/)).toHaveCount(0); // inactive: not offered
      await indicators.getByLabel(/VOL-01/).uncheck();

      const questions = page.getByRole("group", { name: "Frågor i rapporten" });
      await expect(questions.getByRole("group", { name: "Ny fråga 1", exact: true }).getByLabel("Fråga", { exact: true })).toHaveValue(
        "Vilka aktiviteter har ni genomfört under perioden?",
      );
      // an emptied row is left out; a new one is added
      await questions.getByRole("group", { name: "Ny fråga 5", exact: true }).getByLabel("Fråga", { exact: true }).fill("");
      const added = questions.getByRole("group", { name: "Ny fråga 6", exact: true });
      await added.getByLabel("Fråga", { exact: true }).fill("Hur har ni arbetat med jämställdhet?");
      await added.getByLabel("Hjälptext").fill("Ge gärna exempel.");
      await added.getByLabel("Måste besvaras innan rapporten skickas in").uncheck();
      await page.getByRole("button", { name: "Spara perioden" }).click();

      await expect(page.getByRole("heading", { level: 1, name: `Redigera ${name}` })).toBeVisible();
      await expect(page.getByRole("status")).toHaveText(`Perioden ${name} är sparad.`);
      await expectNoAxeViolations(page);

      const { data: period } = await service
        .from("reporting_periods")
        .select("id, starts_on, ends_on, due_on, status, period_organisations(org_id, organisations(name)), period_indicators(indicators(code)), period_questions(id, position, question, help, required)")
        .eq("name", name)
        .single();
      expect(period).toMatchObject({ starts_on: day(-100), ends_on: day(-20), due_on: day(-5), status: "open" });
      expect(period!.period_organisations.map((row) => row.organisations.name).sort()).toEqual([EIDAR, "Kronogårdens kulturförening", "Västra Götalandsregionen"].sort());
      const { data: active } = await service.from("indicators").select("code").eq("active", true);
      expect(period!.period_indicators.map((row) => row.indicators.code).sort()).toEqual(
        (active ?? []).map((row) => row.code).filter((code) => code !== "VOL-01").sort(),
      );
      const stored = [...period!.period_questions].sort((a, b) => a.position - b.position);
      expect(stored.map(({ position, question, help, required }) => ({ position, question, help, required }))).toEqual([
        { position: 1, question: "Vilka aktiviteter har ni genomfört under perioden?", help: "Beskriv kort vad ni har gjort, var och för vilka.", required: true },
        { position: 2, question: "Vilka resultat har ni sett?", help: "Gärna med siffror: hur många har ni nått, vad har förändrats?", required: true },
        { position: 3, question: "Hur har ni samverkat med andra aktörer?", help: "Vilka föreningar, myndigheter eller företag har ni arbetat med?", required: true },
        { position: 4, question: "Vilka utmaningar har ni mött?", help: null, required: false },
        { position: 5, question: "Hur har ni arbetat med jämställdhet?", help: "Ge gärna exempel.", required: false },
      ]);

      // Edit: the saved questions, then three blank rows; dates out of order are refused first.
      await expect(questions.getByRole("group", { name: /^Fråga \d$/ })).toHaveCount(5);
      await expect(questions.getByRole("group", { name: /^Ny fråga \d$/ })).toHaveCount(3);
      await questions.getByRole("group", { name: "Fråga 4", exact: true }).getByLabel("Ta bort frågan").check();
      await questions.getByRole("group", { name: "Fråga 2", exact: true }).getByLabel("Fråga", { exact: true }).fill("Vilka resultat har ni sett under perioden?");
      await questions.getByRole("group", { name: "Fråga 5", exact: true }).getByLabel("Ordning").fill("1");
      await questions.getByRole("group", { name: "Fråga 1", exact: true }).getByLabel("Ordning").fill("2");
      await page.getByRole("button", { name: "Lägg till en fråga" }).click();
      await questions.getByRole("group", { name: "Ny fråga 4", exact: true }).getByLabel("Fråga", { exact: true }).fill("Något mer ni vill berätta?");
      await page.getByLabel("Sista dag att skicka in").fill(day(-200));
      await page.getByRole("button", { name: "Spara ändringar" }).click();
      await expect(page.getByLabel("Sista dag att skicka in")).toHaveAccessibleDescription(/kan inte vara före periodens första dag/);
      await expect(page.getByLabel("Sista dag att skicka in")).toBeFocused();
      await expectNoAxeViolations(page);
      const { data: unchanged } = await service.from("period_questions").select("id").eq("period_id", period!.id);
      expect(unchanged).toHaveLength(5);

      await page.getByLabel("Sista dag att skicka in").fill(day(-5));
      await page.getByRole("button", { name: "Spara ändringar" }).click();
      await expect(page.getByRole("status")).toHaveText("Ändringarna är sparade.");
      const { data: after } = await service.from("period_questions").select("position, question").eq("period_id", period!.id).order("position");
      expect(after).toEqual([
        { position: 1, question: "Hur har ni arbetat med jämställdhet?" },
        { position: 2, question: "Vilka aktiviteter har ni genomfört under perioden?" },
        { position: 3, question: "Vilka resultat har ni sett under perioden?" },
        { position: 4, question: "Hur har ni samverkat med andra aktörer?" },
        { position: 5, question: "Något mer ni vill berätta?" },
      ]);
      await expect(questions.getByRole("group", { name: /^Fråga \d$/ })).toHaveCount(5);
      await expect(questions.getByRole("group", { name: "Fråga 1", exact: true }).getByLabel("Fråga", { exact: true })).toHaveValue("Hur har ni arbetat med jämställdhet?");

      // The review overview shows the period: nobody has handed in, and the due date has passed.
      await page.getByRole("link", { name: "Se organisationernas status i granskningsöversikten" }).click();
      const section = page.getByRole("region", { name: new RegExp(name) });
      await expect(section).toContainText("0 av 3 organisationer har skickat in.");
      const eidar = section.getByRole("row", { name: new RegExp(EIDAR) });
      await expect(eidar).toContainText("Ej inskickad");
      await expect(eidar).toContainText("Försenad");
    } finally {
      await removePeriod(name);
    }
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("a taken name and removing an answered question are refused, and nothing changes", async ({ page }) => {
      const service = serviceClient();
      const before = await service.from("reporting_periods").select("name, updated_at").eq("id", FIRST_HALF_2026).single();
      await signIn(page, DEMO.coordinator);
      await page.goto(`/admin/periods/${FIRST_HALF_2026}`);
      await expect(page.getByRole("heading", { level: 1, name: "Redigera Halvår 1 2026" })).toBeVisible();

      await page.getByLabel("Namn", { exact: true }).fill("Helår 2025");
      expect(await submit(page, "Spara ändringar")).toBe(400);
      await expect(page.getByLabel("Namn", { exact: true })).toHaveAccessibleDescription(/finns redan en period med det namnet/);
      await expect(page.getByLabel("Namn", { exact: true })).toBeFocused();

      await page.getByLabel("Namn", { exact: true }).fill("Halvår 1 2026");
      const first = page.getByRole("group", { name: "Fråga 1", exact: true });
      await first.getByLabel("Ta bort frågan").check();
      expect(await submit(page, "Spara ändringar")).toBe(400);
      const remove = page.getByRole("group", { name: "Fråga 1", exact: true }).getByLabel("Ta bort frågan");
      await expect(remove).toHaveAttribute("aria-invalid", "true");
      await expect(remove).toHaveAccessibleDescription(/har redan besvarats i en rapport och kan inte tas bort/);
      await expect(page.getByRole("alert")).toContainText("har redan besvarats");

      const { data: question } = await service.from("period_questions").select("id").eq("id", ANSWERED_QUESTION);
      expect(question).toHaveLength(1);
      const after = await service.from("reporting_periods").select("name, updated_at").eq("id", FIRST_HALF_2026).single();
      expect(after.data).toEqual(before.data);
    });
  });

  test("the indicator values of a period as CSV are exactly the database's non-draft values", async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/periods");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Ladda ner CSV för Helår 2025" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("nyckeltal-helar-2025.csv");
    const bytes = await (await import("node:fs/promises")).readFile((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString("utf8").slice(1));
    expect(header).toEqual(["Organisation", "Organisationsnummer", "Rapportstatus", "Nyckeltalskod", "Nyckeltal", "Enhet", "Värde", "Kommentar", "Inskickad"]);

    const { data } = await serviceClient()
      .from("report_indicator_values")
      .select("value, comment, indicators(code, name, unit), reports!inner(period_id, status, submitted_at, organisations!reports_org_id_fkey(name, org_number))")
      .eq("reports.period_id", FULL_YEAR_2025)
      .neq("reports.status", "draft");
    const statusWords = { draft: "Utkast", submitted: "Inskickad, väntar på granskning", returned: "Återsänd för komplettering", accepted: "Godkänd" } as const;
    const swedishDay = (at: string | null) => (at ? new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(at)) : "");
    const expected = (data ?? []).map((row) => [
      row.reports.organisations.name,
      row.reports.organisations.org_number ?? "",
      statusWords[row.reports.status],
      row.indicators.code,
      row.indicators.name,
      row.indicators.unit,
      row.value === null ? "" : String(row.value).replace(".", ","),
      row.comment ?? "",
      swedishDay(row.reports.submitted_at),
    ]);
    expect(expected.length).toBeGreaterThan(0);
    const sorted = (list: string[][]) => list.map((cells) => cells.join("\u0001")).sort();
    expect(sorted(rows)).toEqual(sorted(expected));
    // by organisation: Eidar's rows come first
    expect(rows[0]?.[0]).toBe(EIDAR);

    // through the API too (and a period that does not exist is a 404)
    const csv = await page.request.get(`/admin/periods/${FULL_YEAR_2025}/values.csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toBe('attachment; filename="nyckeltal-helar-2025.csv"');
    const missing = await page.request.get("/admin/periods/cccccccc-0000-4000-8000-0000000000ff/values.csv");
    expect(missing.status()).toBe(404);
  });
});

test.describe("the review queue", () => {
  test("lists the submitted Eidar report and each organisation's status per period", async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin");
    await page.getByRole("link", { name: "Granska rapporter" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Granska rapporter" })).toBeVisible();
    await expectNoAxeViolations(page);

    const queue = page.getByRole("table", { name: "Inskickade rapporter, äldst först" });
    const eidar = queue.getByRole("row", { name: new RegExp(EIDAR) });
    await expect(eidar).toContainText("Halvår 1 2026");
    await expect(eidar.getByRole("link", { name: `Granska rapporten från ${EIDAR}` })).toHaveAttribute("href", `/reports/${EIDAR_2026_REPORT}`);

    const period = page.getByRole("region", { name: /Halvår 1 2026/ });
    await expect(period).toContainText("1 av 4 organisationer har skickat in.");
    const status = (organisation: string) => period.getByRole("row", { name: new RegExp(organisation) }).getByRole("cell").first();
    await expect(status(EIDAR)).toHaveText("Inskickad, väntar på granskning");
    // Kronogården's draft is hidden from coordinators: not submitted
    await expect(status("Kronogårdens kulturförening")).toHaveText("Ej inskickad");
    await expect(status("Västra Götalandsregionen")).toHaveText("Återsänd för komplettering");
    await expect(status("Arbetsförmedlingen Trollhättan")).toHaveText("Ej inskickad");
    await expect(period.getByRole("link", { name: "Redigera perioden Halvår 1 2026" })).toHaveAttribute("href", `/admin/periods/${FIRST_HALF_2026}`);
    await expect(period.getByRole("link", { name: /Nyckeltalsvärden som CSV/ })).toHaveAttribute("href", `/admin/periods/${FIRST_HALF_2026}/values.csv`);
  });
});

test("partners and the board get 403 on the coordinators' reporting pages; visitors are sent to sign in", async ({ page }) => {
  const { data: indicator } = await serviceClient().from("indicators").select("id").eq("code", "SYS-01").single();
  const paths = [
    "/admin/indicators",
    "/admin/indicators/new",
    `/admin/indicators/${indicator!.id}`,
    "/admin/periods",
    "/admin/periods/new",
    `/admin/periods/${FIRST_HALF_2026}`,
    `/admin/periods/${FIRST_HALF_2026}/values.csv`,
    "/admin/reports",
  ];
  const anonymous = await page.request.get("/admin/indicators", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  for (const persona of [DEMO.eidar, DEMO.board]) {
    await signIn(page, persona);
    for (const path of paths) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), `${persona} ${path}`).toBe(403);
    }
    const post = await page.request.post("/admin/indicators/new", { form: { code: "HACK-01", name: "Forged", unit: "antal", direction: "increase" }, maxRedirects: 0 });
    expect(post.status()).toBe(403);
    const periodPost = await page.request.post(`/admin/periods/${FIRST_HALF_2026}`, { form: { name: "Forged" }, maxRedirects: 0 });
    expect(periodPost.status()).toBe(403);
    await page.context().clearCookies();
  }
  const { data } = await serviceClient().from("indicators").select("id").eq("code", "HACK-01");
  expect(data).toEqual([]);
});
