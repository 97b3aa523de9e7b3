/**
 * Preventive initiatives in the browser (issue 6): a partner registers an initiative as a draft,
 * publishing refuses what is missing, then publishes; two progress updates form the timeline and set
 * the figures; a resident finds it signed out and filters by district; the reach view, the open data
 * and bad input; axe on every initiative page.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { DEMO, serviceClient, signIn, type Persona } from "./support.ts";

async function personaPage(browser: Browser, persona: Persona, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE", javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, DEMO[persona]);
  return page;
}

function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

function isoDate(daysFromToday: number): string {
  const date = new Date(Date.now() + daysFromToday * 86_400_000);
  return date.toISOString().slice(0, 10);
}

async function removeInitiativesTitled(title: string): Promise<void> {
  await serviceClient().from("initiatives").delete().eq("title", title);
}

test("a partner registers a draft, publishes it, adds two progress updates, and a resident finds it by district", async ({ browser }) => {
  test.setTimeout(90_000);
  const title = `Simskola för vuxna i Velanda ${unique()}`;
  try {
    const eidar = await personaPage(browser, "eidar");
    await eidar.goto("/initiatives/new");
    await expectNoAxeViolations(eidar);
    await eidar.getByLabel("Namn på insatsen").fill(title);
    await eidar.getByRole("button", { name: "Spara utkast" }).click();
    await expect(eidar.getByText("Utkast – syns bara för er organisation och samordnare")).toBeVisible();
    await expect(eidar.getByRole("heading", { level: 1, name: title })).toBeVisible();

    // Publishing an incomplete draft says what is missing, next to the fields, and saves nothing more.
    await eidar.getByRole("link", { name: "Redigera" }).first().click();
    await expect(eidar).toHaveURL(/\/edit$/);
    await eidar.getByRole("button", { name: "Publicera" }).click();
    await expect(eidar.locator("#field-summary-error")).toHaveText("Skriv en kort sammanfattning för att kunna publicera.");
    await expect(eidar.locator("#field-districts-error")).toHaveText("Välj minst ett område för att kunna publicera.");
    // The summary at the top links to each field.
    await expect(eidar.getByRole("link", { name: "Skriv en kort sammanfattning för att kunna publicera." })).toHaveAttribute("href", "#field-summary");
    await expectNoAxeViolations(eidar);
    const { data: stillDraft } = await serviceClient().from("initiatives").select("status").eq("title", title).single();
    expect(stillDraft?.status).toBe("draft");

    await eidar.getByLabel("Kort sammanfattning").fill("Simundervisning för vuxna som inte lärt sig simma, med kvinnliga instruktörer.");
    await eidar.getByLabel("Startdatum").fill(isoDate(-30));
    await eidar.getByRole("checkbox", { name: "Velanda" }).check();
    await eidar.getByRole("group", { name: /Målgrupper/ }).getByRole("checkbox", { name: "Kvinnor" }).check();
    await eidar.getByRole("group", { name: /Fokusområden/ }).getByRole("checkbox", { name: "Hälsa" }).check();
    await eidar.getByLabel("Förväntat antal deltagare").fill("30");
    await eidar.getByLabel("E-post till kontaktperson").fill("simskola@eidar.example");
    await eidar.getByLabel("Visa i den öppna katalogen").check();
    await eidar.getByRole("button", { name: "Publicera" }).click();
    await expect(eidar.getByText("Insatsen är publicerad.")).toBeVisible();
    await expect(eidar.getByText("Utkast – syns bara för er organisation och samordnare")).toHaveCount(0);

    // Two progress updates: the latest one's figures are the initiative's.
    const addUpdate = async (days: number, body: string, participants: string) => {
      await eidar.getByLabel("Datum", { exact: true }).fill(isoDate(days));
      await eidar.getByLabel("Vad har hänt?").fill(body);
      await eidar.getByLabel("Antal deltagare hittills").fill(participants);
      await eidar.getByRole("button", { name: "Lägg till lägesrapport" }).click();
      await expect(eidar.getByText("Lägesrapporten är tillagd.")).toBeVisible();
    };
    await addUpdate(-14, "Första kursen startade med tolv deltagare.", "12");
    await addUpdate(-1, "Andra gruppen igång, nu tjugo deltagare totalt.", "20");
    const timeline = eidar.getByRole("region", { name: "Så går det" });
    await expect(timeline.getByText("Andra gruppen igång, nu tjugo deltagare totalt.")).toBeVisible();
    await expect(timeline.getByText("Första kursen startade med tolv deltagare.")).toBeVisible();
    await expect(eidar.getByText("20 av 30 förväntade deltagare")).toBeVisible();
    await expectNoAxeViolations(eidar);
    const { data: stored } = await serviceClient().from("initiatives").select("status, participants_reached, published_at").eq("title", title).single();
    expect(stored?.participants_reached).toBe(20);
    expect(stored?.published_at).not.toBeNull();

    // A resident, signed out, finds it in the public catalogue and filters by district.
    const resident = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE" });
    const visitor = await resident.newPage();
    await visitor.goto("/initiatives");
    await expect(visitor.getByRole("heading", { level: 1, name: "Aktiviteter och insatser i Trollhättan" })).toBeVisible();
    await visitor.getByLabel("Område").selectOption("Velanda");
    await visitor.getByRole("button", { name: "Visa insatser" }).click();
    await expect(visitor).toHaveURL(/district=Velanda/);
    await expect(visitor.getByRole("link", { name: title })).toBeVisible();
    await expect(visitor.getByText("simskola@eidar.example")).toBeVisible();
    // Another district does not list it.
    await visitor.getByLabel("Område").selectOption("Sylte");
    await visitor.getByRole("button", { name: "Visa insatser" }).click();
    await expect(visitor.getByRole("link", { name: title })).toHaveCount(0);
    await expectNoAxeViolations(visitor);
    await visitor.goto("/initiatives?district=Velanda");
    await visitor.getByRole("link", { name: title }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(visitor.getByText("Andra gruppen igång, nu tjugo deltagare totalt.")).toBeVisible();
    await expectNoAxeViolations(visitor);
    await resident.close();
  } finally {
    await removeInitiativesTitled(title);
  }
});

test("bad input is refused next to the field and nothing is saved", async ({ browser }) => {
  const title = `Felaktig insats ${unique()}`;
  try {
    const page = await personaPage(browser, "association");
    await page.goto("/initiatives/new");
    await page.getByLabel("Namn på insatsen").fill(title);
    await page.getByLabel("Startdatum").fill("2026-10-01");
    await page.getByLabel("Slutdatum").fill("2026-09-01");
    await page.getByLabel("Förväntat antal deltagare").fill("-5");
    await page.getByLabel("Budget (kronor)").fill("-100");
    await page.getByLabel("Beskrivning").fill("<script>window.__xss = 1</script> Vanlig text.");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    // Each message next to its field (the summary at the top repeats them).
    await expect(page.locator("#field-endsOn-error")).toHaveText("Slutdatum kan inte vara före startdatum");
    await expect(page.locator("#field-participantsExpected-error")).toHaveText("Antalet deltagare kan inte vara negativt.");
    await expect(page.locator("#field-budget-error")).toHaveText("Budgeten kan inte vara negativ.");
    // What was typed is kept.
    await expect(page.getByLabel("Namn på insatsen")).toHaveValue(title);
    await expectNoAxeViolations(page);
    const { count } = await serviceClient().from("initiatives").select("id", { count: "exact", head: true }).eq("title", title);
    expect(count).toBe(0);

    // HTML in a text field is stored as text and shown escaped.
    await page.getByLabel("Slutdatum").fill("");
    await page.getByLabel("Förväntat antal deltagare").fill("5");
    await page.getByLabel("Budget (kronor)").fill("12 500");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    // Saved: the initiative's own page (not the form, whose text box holds the same words).
    await expect(page).toHaveURL(/\/initiatives\/[0-9a-f-]{36}\?done=saved/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("<script>window.__xss = 1</script> Vanlig text.")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    const { data } = await serviceClient().from("initiatives").select("budget_sek").eq("title", title).single();
    expect(Number(data?.budget_sek)).toBe(12500);
  } finally {
    await removeInitiativesTitled(title);
  }
});

test("a forged district is refused with a 400 and nothing is saved", async ({ browser }) => {
  const page = await personaPage(browser, "association");
  await page.goto("/initiatives/new");
  const title = `Förfalskad ${unique()}`;
  const form = new URLSearchParams({ intent: "draft", orgId: "bbbbbbbb-0000-4000-8000-000000000002", title, districts: "Atlantis" });
  const response = await page.request.post("/initiatives/new", {
    headers: { "content-type": "application/x-www-form-urlencoded", origin: process.env.E2E_BASE_URL ?? "" },
    data: form.toString(),
  });
  expect(response.status()).toBe(400);
  const { count } = await serviceClient().from("initiatives").select("id", { count: "exact", head: true }).eq("title", title);
  expect(count).toBe(0);
});

test("the reach view shows gaps, and its table and chart carry the same figures", async ({ browser }) => {
  const page = await personaPage(browser, "region");
  await page.goto("/initiatives");
  await page.getByRole("link", { name: "Täckning" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const table = page.getByRole("table").first();
  await expect(table.getByRole("rowheader", { name: "Kronogården" })).toBeVisible();
  await expect(table).toContainText("Saknas");
  await expect(page.locator("svg[role=img]")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("open data: the page documents the fields, and the files hold only public initiatives", async ({ page, request }) => {
  await page.goto("/initiatives");
  await page.getByRole("link", { name: "Öppna data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Öppna data: insatser i Trollhättan" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Fälten i filerna" })).toContainText("target_groups");
  await expectNoAxeViolations(page);

  const json = (await (await request.get("/initiatives.json")).json()) as { initiatives: { id: string }[] };
  const { data: expected } = await serviceClient().from("initiatives").select("id, organisations!initiatives_org_id_fkey(status)").eq("is_public", true).neq("status", "draft");
  const publicIds = (expected ?? []).filter((row) => row.organisations?.status === "active").map((row) => row.id);
  expect(json.initiatives.map((row) => row.id).sort()).toEqual(publicIds.sort());

  const csv = await request.get("/initiatives.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).not.toContain("Lördagsöppen fritidsgård"); // a draft
  expect(text).not.toContain("Upprustning av innergårdar"); // not public
  expect(text).toContain("Sommarjobb för unga i Kronogården och Lextorp");
});

test("every initiative page passes axe, signed in and signed out", async ({ browser, page }) => {
  test.slow(); // twelve pages, each checked by axe: more than the default budget on a busy machine
  for (const path of ["/initiatives", "/initiatives?district=Kronog%C3%A5rden&group=unga", "/initiatives/data", "/initiatives/1a1a1a1a-0000-4000-8000-000000000001"]) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    await expectNoAxeViolations(page);
  }
  const eidar = await personaPage(browser, "eidar");
  for (const path of [
    "/initiatives",
    "/initiatives?q=sommarjobb",
    "/initiatives/reach?area=trygghet",
    "/initiatives/new",
    "/initiatives/1a1a1a1a-0000-4000-8000-000000000001",
    "/initiatives/1a1a1a1a-0000-4000-8000-000000000001/edit",
    "/initiatives/1a1a1a1a-0000-4000-8000-000000000005",
    "/organisations/bbbbbbbb-0000-4000-8000-000000000001",
  ]) {
    await eidar.goto(path);
    await expect(eidar.locator("h1")).toBeVisible();
    await expectNoAxeViolations(eidar);
  }
});
