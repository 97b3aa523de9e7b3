/**
 * Follow-up reports in the browser (issue 7): AB Eidar's admin starts, fills and submits a report
 * of a throwaway period (bad numbers and an incomplete submit are refused with clear messages), a
 * coordinator returns it with a comment, it is fixed and resubmitted, then accepted and read-only;
 * receipts and decisions arrive by e-mail. Two editors saving at once see the conflict. Members who
 * are not admins cannot submit, forged intents and status fields change nothing, a closed period
 * cannot be started, the board reads Eidar's submitted report; the print page leaves out the
 * navigation. axe on every view. Every period and report made here is removed again, so the seed
 * stays as it was.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { waitForMail } from "./mail.ts";
import { DEMO, serviceClient, signIn } from "./support.ts";

const EIDAR = "bbbbbbbb-0000-4000-8000-000000000001";
const UNG = "dddddddd-0000-4000-8000-000000000002"; // antal, min 0
const TRY = "dddddddd-0000-4000-8000-000000000003"; // %, 0..100
const EIDAR_SUBMITTED = "eeeeeeee-0000-4000-8000-000000000002";
const KRONO_DRAFT = "eeeeeeee-0000-4000-8000-000000000004";
const VGR_RETURNED = "eeeeeeee-0000-4000-8000-000000000006";
const SUMMER_JOBS = "1a1a1a1a-0000-4000-8000-000000000001";

function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function personaPage(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE", javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

interface Period {
  id: string;
  name: string;
  required: string;
  optional: string;
}

/** A period of its own (after the seeded ones, so "last period" is Halvår 1 2026), Eidar must report. */
async function createPeriod(status: "open" | "closed" = "open"): Promise<Period> {
  const service = serviceClient();
  const name = `Testperiod ${unique()}`;
  const { data: period, error } = await service
    .from("reporting_periods")
    .insert({ name, starts_on: "2027-01-01", ends_on: "2027-06-30", due_on: "2027-09-30", status })
    .select("id")
    .single();
  if (error || !period) throw new Error(`Could not create the period: ${error?.message}`);
  const { data: questions, error: questionError } = await service
    .from("period_questions")
    .insert([
      { period_id: period.id, position: 1, question: "Vad har ni gjort under perioden?", help: "Kort om aktiviteterna.", required: true },
      { period_id: period.id, position: 2, question: "Något mer ni vill berätta?", required: false },
    ])
    .select("id, position");
  if (questionError || !questions) throw new Error(`Could not create the questions: ${questionError?.message}`);
  await service.from("period_indicators").insert([
    { period_id: period.id, indicator_id: UNG, sort_order: 1 },
    { period_id: period.id, indicator_id: TRY, sort_order: 2 },
  ]);
  await service.from("period_organisations").insert({ period_id: period.id, org_id: EIDAR });
  const byPosition = (position: number) => questions.find((question) => question.position === position)!.id;
  return { id: period.id, name, required: byPosition(1), optional: byPosition(2) };
}

async function removePeriod(period: Period | null): Promise<void> {
  if (!period) return;
  const service = serviceClient();
  const reports = await service.from("reports").delete().eq("period_id", period.id);
  if (reports.error) throw new Error(`Could not remove the test period's reports: ${reports.error.message}`);
  const removed = await service.from("reporting_periods").delete().eq("id", period.id).select("id");
  if (removed.error || removed.data?.length !== 1) throw new Error(`Could not remove the test period: ${removed.error?.message ?? "not found"}`);
}

async function reportOf(period: Period) {
  const { data } = await serviceClient().from("reports").select("id, status, summary, revision, version, review_comment").eq("period_id", period.id).maybeSingle();
  return data;
}

/** Starts Eidar's report of the period from /reports and returns its id. */
async function startFromList(page: Page, period: Period): Promise<string> {
  await page.goto("/reports");
  await page.getByRole("row", { name: new RegExp(period.name) }).getByRole("button", { name: /Börja rapportera/ }).click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}\?done=started$/);
  return /\/reports\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

test("Eidar's admin fills and submits a report, the coordinator returns it, it is fixed, resubmitted and accepted", async ({ browser, request }) => {
  test.setTimeout(120_000);
  let period: Period | null = null;
  try {
    period = await createPeriod();
    const eidar = await personaPage(browser, DEMO.eidar);
    await eidar.goto("/reports");
    const row = eidar.getByRole("row", { name: new RegExp(period.name) });
    await expect(row).toContainText("Ej påbörjad");
    await expect(row).toContainText("Er organisation ska rapportera");
    await expectNoAxeViolations(eidar);

    const id = await startFromList(eidar, period);
    await expect(eidar.getByRole("status")).toContainText("Rapporten är påbörjad.");
    await expect(eidar.getByRole("heading", { level: 1 })).toHaveText(`${period.name}: AB Eidar, Trollhättans Bostadsbolag`);
    // A second start of the same period goes to the same report.
    await eidar.goto("/reports");
    await expect(eidar.getByRole("row", { name: new RegExp(period.name) }).getByRole("link", { name: /Fortsätt med rapporten/ })).toHaveAttribute("href", `/reports/${id}`);
    const again = await eidar.request.post("/reports", {
      form: { intent: "start", periodId: period.id },
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(302);
    expect(again.headers().location).toBe(`/reports/${id}`);
    await eidar.goto(`/reports/${id}`);

    // The check list before submitting names what is missing, with links to the fields.
    const checklist = eidar.getByRole("region", { name: "Inför inskickning" });
    await expect(checklist.getByRole("link", { name: "Sammanfattning" })).toHaveAttribute("href", "#field-summary");
    await expect(checklist.getByRole("link", { name: "Svar på frågan: Vad har ni gjort under perioden?" })).toHaveAttribute("href", `#field-answer-${period.required}`);
    await expect(checklist.getByRole("link", { name: /UNG-01/ })).toHaveAttribute("href", `#field-value-${UNG}`);
    // Last period's value, the target and the baseline beside each indicator.
    const ung = eidar.getByRole("group", { name: /UNG-01/ });
    await expect(ung).toContainText("Förra perioden (Halvår 1 2026)");
    await expect(ung).toContainText("46 antal");
    await expect(ung).toContainText("200 antal");
    await expectNoAxeViolations(eidar);

    // Bad numbers: refused next to the field, what was typed is kept, nothing saved.
    await eidar.locator("#field-summary").fill("Ett första halvår med sommarjobb och trygghetsvandringar.");
    await eidar.getByLabel("Värde för UNG-01 (antal)").fill("tolv");
    await eidar.getByLabel("Värde för TRY-01 (%)").fill("120");
    await eidar.getByRole("button", { name: "Spara utkast" }).click();
    await expect(eidar.locator(`#field-value-${UNG}-error`)).toHaveText("Skriv ett tal, till exempel 12,5 eller 1 200.");
    await expect(eidar.locator(`#field-value-${TRY}-error`)).toHaveText("Ange ett värde mellan 0 och 100 (%).");
    await expect(eidar.locator("#field-summary")).toHaveValue("Ett första halvår med sommarjobb och trygghetsvandringar.");
    await expect(eidar.getByLabel("Värde för UNG-01 (antal)")).toHaveValue("tolv");
    await expectNoAxeViolations(eidar);
    expect(await reportOf(period)).toMatchObject({ revision: 0, summary: null });

    // An incomplete submit lists what is missing; nothing is saved, what was typed stays.
    await eidar.getByLabel("Värde för UNG-01 (antal)").fill("1 200");
    await eidar.getByLabel("Värde för TRY-01 (%)").fill("64,5");
    await eidar.getByRole("checkbox", { name: "Sommarjobb för unga i Kronogården och Lextorp" }).check();
    await eidar.getByRole("button", { name: "Skicka in" }).click();
    const alert = eidar.getByRole("alert");
    await expect(alert).toContainText("Rapporten skickades inte in");
    await expect(alert.getByRole("link", { name: "Svar på frågan: Vad har ni gjort under perioden?" })).toHaveAttribute("href", `#field-answer-${period.required}`);
    await expect(eidar.locator(`#field-answer-${period.required}-error`)).toHaveText("Besvara frågan innan ni skickar in.");
    await expect(eidar.getByLabel("Värde för UNG-01 (antal)")).toHaveValue("1 200");
    await expectNoAxeViolations(eidar);
    expect(await reportOf(period)).toMatchObject({ status: "draft", revision: 0, summary: null });

    await eidar.getByLabel(/Vad har ni gjort under perioden\?/).fill("Sommarjobb för 46 ungdomar och två trygghetsvandringar.");
    await eidar.getByRole("button", { name: "Skicka in" }).click();
    await expect(eidar.getByRole("status")).toContainText("Rapporten är inskickad.");
    expect(await reportOf(period)).toMatchObject({ status: "submitted", version: 1 });
    const { data: values } = await serviceClient().from("report_indicator_values").select("indicator_id, value").eq("report_id", id).order("indicator_id");
    expect(values).toEqual([
      { indicator_id: UNG, value: 1200 },
      { indicator_id: TRY, value: 64.5 },
    ]);
    // Read-only for the organisation now.
    await expect(eidar.getByText("Rapporten är inskickad och kan inte ändras medan samordnaren granskar den.")).toBeVisible();
    await expect(eidar.getByRole("button", { name: "Spara utkast" })).toHaveCount(0);
    await expect(eidar.getByRole("cell", { name: "1 200 antal" })).toBeVisible();
    await expectNoAxeViolations(eidar);

    // The receipt to the organisation (admin and contact address) and the notice to the coordinators.
    const receipt = await waitForMail(request, DEMO.eidar, new RegExp(`Kvitto: uppföljningen för ${period.name} är inskickad`));
    expect(receipt.text).toContain("Maria Johansson skickade in den");
    expect(receipt.text).toContain(`/reports/${id}`);
    await waitForMail(request, "kundservice@eidar.example", new RegExp(`Kvitto: uppföljningen för ${period.name}`));
    await waitForMail(request, DEMO.coordinator, new RegExp(`Ny rapport att granska: AB Eidar, Trollhättans Bostadsbolag, ${period.name}`));

    // The coordinator returns it: a comment is required.
    const coordinator = await personaPage(browser, DEMO.coordinator);
    await coordinator.goto(`/reports/${id}`);
    await expect(coordinator.getByRole("heading", { name: "Granska rapporten" })).toBeVisible();
    await expectNoAxeViolations(coordinator);
    await coordinator.getByRole("button", { name: "Skicka tillbaka" }).click();
    await expect(coordinator.locator("#field-reviewComment-error")).toHaveText("Skriv en kommentar som säger vad organisationen behöver komplettera.");
    expect(await reportOf(period)).toMatchObject({ status: "submitted" });
    const comment = "Beskriv gärna trygghetsvandringarna närmare: var och hur många deltog?";
    await coordinator.getByLabel("Kommentar till organisationen").fill(comment);
    await coordinator.getByRole("button", { name: "Skicka tillbaka" }).click();
    await expect(coordinator.getByRole("status")).toContainText("Rapporten är skickad tillbaka");
    expect(await reportOf(period)).toMatchObject({ status: "returned", review_comment: comment });
    const returned = await waitForMail(request, DEMO.eidar, new RegExp(`Uppföljningen för ${period.name} behöver kompletteras`));
    expect(returned.text).toContain(comment);

    // Fixed and resubmitted.
    await eidar.goto(`/reports/${id}`);
    await expect(eidar.getByText("Samordnaren har skickat tillbaka rapporten för komplettering.")).toBeVisible();
    await expect(eidar.getByRole("region", { name: "Samordnarens kommentar" })).toContainText(comment);
    await expectNoAxeViolations(eidar);
    await eidar.getByLabel(/Något mer ni vill berätta\?/).fill("Trygghetsvandringarna gick i Lextorp (24 deltagare) och Kronogården (28 deltagare).");
    await eidar.getByRole("button", { name: "Skicka in" }).click();
    await expect(eidar.getByRole("status")).toContainText("Rapporten är inskickad.");
    expect(await reportOf(period)).toMatchObject({ status: "submitted", version: 2 });

    // Accepted: final, read-only for everyone.
    await coordinator.goto(`/reports/${id}`);
    await coordinator.getByLabel("Kommentar till organisationen").fill("Tack, godkänd.");
    await coordinator.getByRole("button", { name: "Godkänn" }).click();
    await expect(coordinator.getByRole("status")).toContainText("Rapporten är godkänd.");
    await expect(coordinator.getByRole("button", { name: "Godkänn" })).toHaveCount(0);
    const accepted = await waitForMail(request, DEMO.eidar, new RegExp(`Uppföljningen för ${period.name} är godkänd`));
    expect(accepted.text).toContain("Tack, godkänd.");

    await eidar.goto(`/reports/${id}`);
    await expect(eidar.getByText("Rapporten är godkänd och kan inte längre ändras.")).toBeVisible();
    await expect(eidar.getByRole("button", { name: "Spara utkast" })).toHaveCount(0);
    await expect(eidar.getByRole("button", { name: "Skicka in" })).toHaveCount(0);
    const history = eidar.getByRole("region", { name: "Historik" });
    await expect(history).toContainText("Maria Johansson påbörjade rapporten");
    await expect(history).toContainText(/Maria Johansson sparade \(ändrade: Sammanfattning, Vad har ni gjort under perioden\?, UNG-01, TRY-01, Kopplade insatser\)/);
    await expect(history).toContainText("Anna Lindqvist skickade tillbaka rapporten");
    await expect(history).toContainText(comment);
    await expect(history).toContainText("Anna Lindqvist godkände rapporten");
    await expectNoAxeViolations(eidar);
    // A save of the accepted report is refused and changes nothing.
    const late = await eidar.request.post(`/reports/${id}`, {
      form: { intent: "save", revision: "2", summary: "Ändrad i efterhand" },
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
    });
    expect(late.status()).toBe(403);
    expect(await late.text()).toContain("Rapporten kan inte ändras just nu");
    expect((await reportOf(period))?.summary).toBe("Ett första halvår med sommarjobb och trygghetsvandringar.");

    // The printable page: the document without the portal's navigation on paper.
    await eidar.getByRole("link", { name: "Utskriftsvänlig version" }).click();
    await expect(eidar.getByRole("heading", { level: 1 })).toHaveText(`Uppföljning ${period.name}`);
    await expectNoAxeViolations(eidar);
    await expect(eidar.getByRole("navigation", { name: "Huvudmeny" })).toBeVisible();
    await eidar.emulateMedia({ media: "print" });
    await expect(eidar.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden();
    await expect(eidar.locator(".site-header")).toBeHidden();
    await expect(eidar.locator(".site-footer")).toBeHidden();
    await expect(eidar.getByRole("button", { name: "Skriv ut" })).toBeHidden();
    await expect(eidar.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(eidar.getByRole("cell", { name: "1 200 antal" })).toBeVisible();
    await eidar.emulateMedia({ media: "screen" });
  } finally {
    await removePeriod(period);
  }
});

test("two people saving at once: the second is told who changed what, keeps their text, and can then save", async ({ browser }) => {
  test.setTimeout(60_000);
  let period: Period | null = null;
  try {
    period = await createPeriod();
    const maria = await personaPage(browser, DEMO.eidar);
    const id = await startFromList(maria, period);
    const johan = await personaPage(browser, "boende@eidar.example");
    await johan.goto(`/reports/${id}`);

    // Johan saves first.
    await johan.locator("#field-summary").fill("Johans sammanfattning av halvåret.");
    await johan.getByLabel("Värde för UNG-01 (antal)").fill("30");
    await johan.getByRole("button", { name: "Spara utkast" }).click();
    await expect(johan.getByRole("status")).toContainText("Utkastet är sparat.");
    // A member who is not an admin cannot submit.
    await expect(johan.getByRole("button", { name: "Skicka in" })).toHaveCount(0);

    // Maria, on the page she loaded before, saves her own text.
    await maria.locator("#field-summary").fill("Marias sammanfattning.");
    await maria.getByRole("button", { name: "Spara utkast" }).click();
    const conflict = maria.getByRole("alert");
    await expect(conflict).toContainText("Någon annan har sparat rapporten medan du skrev");
    await expect(conflict).toContainText("Johan Ek sparade");
    await expect(conflict.getByRole("link", { name: "Sammanfattning" })).toHaveAttribute("href", "#field-summary");
    await expect(conflict.getByRole("link", { name: "UNG-01" })).toHaveAttribute("href", `#field-value-${UNG}`);
    // Her text is kept; Johan's saved value stands beside the field.
    await expect(maria.locator("#field-summary")).toHaveValue("Marias sammanfattning.");
    await expect(maria.locator("#field-summary-saved")).toContainText("Sparat av Johan Ek:");
    await expect(maria.locator("#field-summary-saved")).toContainText("Johans sammanfattning av halvåret.");
    await expect(maria.locator(`#field-value-${UNG}-saved`)).toContainText("30");
    await expectNoAxeViolations(maria);
    expect((await reportOf(period))?.summary).toBe("Johans sammanfattning av halvåret.");

    // Saving again, knowing what Johan saved, goes through (her form carries the current revision).
    await maria.getByLabel("Värde för UNG-01 (antal)").fill("30");
    await maria.getByRole("button", { name: "Spara utkast" }).click();
    await expect(maria.getByRole("status")).toContainText("Utkastet är sparat.");
    expect(await reportOf(period)).toMatchObject({ summary: "Marias sammanfattning.", revision: 2 });
    const history = maria.getByRole("region", { name: "Historik" });
    await expect(history).toContainText("Johan Ek sparade (ändrade: Sammanfattning, UNG-01)");
    await expect(history).toContainText("Maria Johansson sparade (ändrade: Sammanfattning)");
  } finally {
    await removePeriod(period);
  }
});

test("forged intents and status fields are refused with a clear message and change nothing", async ({ browser }) => {
  const region = await personaPage(browser, DEMO.region);
  // The region's returned report is editable for its member, who is no admin: no submit button.
  await region.goto(`/reports/${VGR_RETURNED}`);
  await expect(region.getByRole("button", { name: "Spara utkast" })).toBeVisible();
  await expect(region.getByRole("button", { name: "Skicka in" })).toHaveCount(0);
  await expect(region.getByText("Bara organisationens administratörer kan skicka in rapporten.")).toBeVisible();
  await expectNoAxeViolations(region);

  const { data: before } = await serviceClient().from("reports").select("*").eq("id", VGR_RETURNED).single();
  const post = (form: Record<string, string>) =>
    region.request.post(`/reports/${VGR_RETURNED}`, { form, headers: { origin: process.env.E2E_BASE_URL ?? "" } });

  const submit = await post({ intent: "submit", revision: String(before!.revision), summary: "Inskickad av en medlem" });
  expect(submit.status()).toBe(403);
  expect(await submit.text()).toContain("Bara organisationens administratörer kan skicka in rapporten.");

  const accept = await post({ intent: "accept", reviewComment: "Godkänner själv" });
  expect(accept.status()).toBe(403);
  expect(await accept.text()).toContain("Bara samordnare kan skicka tillbaka eller godkänna en rapport.");

  const forged = await post({ intent: "save", revision: String(before!.revision), summary: "Förfalskad", status: "accepted" });
  expect(forged.status()).toBe(400);
  expect(await forged.text()).toContain("Formuläret innehöll uppgifter som inte kan ändras här (status).");

  const unknown = await post({ intent: "publish" });
  expect(unknown.status()).toBe(400);

  const { data: after } = await serviceClient().from("reports").select("*").eq("id", VGR_RETURNED).single();
  expect(after).toEqual(before);

  // Eidar's submitted report is read-only for Eidar, also by a hand-made request.
  const eidar = await personaPage(browser, DEMO.eidar);
  const { data: submitted } = await serviceClient().from("reports").select("*").eq("id", EIDAR_SUBMITTED).single();
  const save = await eidar.request.post(`/reports/${EIDAR_SUBMITTED}`, {
    form: { intent: "save", revision: String(submitted!.revision), summary: "Ändrad efter inskickning" },
    headers: { origin: process.env.E2E_BASE_URL ?? "" },
  });
  expect(save.status()).toBe(403);
  const { data: unchanged } = await serviceClient().from("reports").select("*").eq("id", EIDAR_SUBMITTED).single();
  expect(unchanged).toEqual(submitted);
});

test("without JavaScript: start a report, get a number refused next to its field, then save the draft", async ({ browser }) => {
  let period: Period | null = null;
  try {
    period = await createPeriod();
    const eidar = await personaPage(browser, DEMO.eidar, false);
    const id = await startFromList(eidar, period);
    await eidar.locator("#field-summary").fill("Skrivet utan JavaScript.");
    await eidar.getByLabel("Värde för TRY-01 (%)").fill("-1");
    await eidar.getByRole("button", { name: "Spara utkast" }).click();
    await expect(eidar.locator(`#field-value-${TRY}-error`)).toHaveText("Ange ett värde mellan 0 och 100 (%).");
    await expect(eidar.getByRole("alert").getByRole("link", { name: "Ange ett värde mellan 0 och 100 (%)." })).toHaveAttribute("href", `#field-value-${TRY}`);
    await expect(eidar.locator(`#field-value-${TRY}`)).toBeFocused();
    await expect(eidar.locator("#field-summary")).toHaveValue("Skrivet utan JavaScript.");
    await eidar.getByLabel("Värde för TRY-01 (%)").fill("70");
    await eidar.getByLabel("Kommentar till UNG-01").fill("Ingen sommarjobbsomgång i år.");
    await eidar.getByRole("button", { name: "Spara utkast" }).click();
    await expect(eidar).toHaveURL(`/reports/${id}?done=saved`);
    await expect(eidar.getByRole("status")).toHaveText("Utkastet är sparat.");
    expect(await reportOf(period)).toMatchObject({ summary: "Skrivet utan JavaScript.", revision: 1 });
    const { data: values } = await serviceClient().from("report_indicator_values").select("indicator_id, value, comment").eq("report_id", id).order("indicator_id");
    expect(values).toEqual([
      { indicator_id: UNG, value: null, comment: "Ingen sommarjobbsomgång i år." },
      { indicator_id: TRY, value: 70, comment: null },
    ]);
    // The check list now names only what is still missing.
    const checklist = eidar.getByRole("region", { name: "Inför inskickning" });
    await expect(checklist.getByRole("link")).toHaveText(["Svar på frågan: Vad har ni gjort under perioden?"]);
  } finally {
    await removePeriod(period);
  }
});

test("a closed period cannot be started: no button, and a forged start gets a clear message", async ({ browser }) => {
  let period: Period | null = null;
  try {
    period = await createPeriod("closed");
    const eidar = await personaPage(browser, DEMO.eidar, false);
    await eidar.goto("/reports");
    const row = eidar.getByRole("row", { name: new RegExp(period.name) });
    await expect(row).toContainText("Perioden är stängd");
    await expect(row.getByRole("button")).toHaveCount(0);
    const response = await eidar.request.post("/reports", {
      form: { intent: "start", periodId: period.id },
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
    });
    expect(response.status()).toBe(409);
    expect(await response.text()).toContain(`Perioden ${period.name} är stängd.`);
    expect(await reportOf(period)).toBeNull();
  } finally {
    await removePeriod(period);
  }
});

test("the board reads Eidar's submitted report, not other organisations' reports; reports link from initiatives", async ({ browser }) => {
  const board = await personaPage(browser, DEMO.board);
  await board.goto(`/reports/${EIDAR_SUBMITTED}`);
  await expect(board.getByRole("heading", { level: 1 })).toHaveText("Halvår 1 2026: AB Eidar, Trollhättans Bostadsbolag");
  await expect(board.getByRole("button", { name: "Godkänn" })).toHaveCount(0);
  await expect(board.getByRole("button", { name: "Spara utkast" })).toHaveCount(0);
  await expectNoAxeViolations(board);
  const other = await board.goto(`/reports/${KRONO_DRAFT}`);
  expect(other?.status()).toBe(404);

  const eidar = await personaPage(browser, DEMO.eidar);
  await eidar.goto(`/initiatives/${SUMMER_JOBS}`);
  await eidar.getByRole("region", { name: "Nämns i rapporter" }).getByRole("link", { name: /Halvår 1 2026/ }).click();
  await expect(eidar).toHaveURL(`/reports/${EIDAR_SUBMITTED}`);
  await expect(eidar.getByText("Rapporten är inskickad och kan inte ändras medan samordnaren granskar den.")).toBeVisible();
});
