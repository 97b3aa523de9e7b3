/**
 * The portal's pages: the landing page, the signed-in home of every persona, the first versions of
 * the sections, the accessibility statement and contact page, and the error pages. axe finds no
 * violations on any of them; one group runs with JavaScript turned off.
 */
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { DEMO, mainNavigation, signIn } from "./support.ts";

test.describe("public pages", () => {
  test("the landing page says what the portal is for and leads to the catalogue and to sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samverkan för integration och social hållbarhet");
    await expect(page.getByRole("heading", { name: "Varför portalen finns" })).toBeVisible();
    await expect(page.getByText("AB Eidars uppföljning")).toBeVisible();
    await expect(page.getByRole("link", { name: "Hela katalogen över förebyggande insatser" })).toHaveAttribute("href", "/initiatives");
    await expect(page.getByRole("link", { name: "Till inloggningen" })).toHaveAttribute("href", "/login");
    await expectNoAxeViolations(page);
  });

  test("the public catalogue shows published initiatives with organiser, districts, status and contact", async ({ page }) => {
    await page.goto("/initiatives");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aktiviteter och insatser i Trollhättan");
    const card = page.locator(".initiative-card").filter({ has: page.getByRole("link", { name: "Hälsokommunikatörer i Trollhättan" }) });
    await expect(card).toContainText("Västra Götalandsregionen");
    await expect(card).toContainText("Kronogården");
    await expect(card).toContainText("Pågår");
    await expect(card).toContainText("halsokommunikatorer@vgregion.example");
    // Signed out everything shown is public: nothing is marked otherwise, and no drafts or non-public ones.
    await expect(page.getByText("Ej publik")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Upprustning av innergårdar i Sylte med boendedialog" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("the accessibility statement follows Digg's model", async ({ page }) => {
    const response = await page.goto("/tillganglighet");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("Tillgänglighetsredogörelse – Samverkansportalen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tillgänglighetsredogörelse");
    await expect(page.getByText("WCAG 2.1 på nivå AA")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Kända brister" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tillsyn" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Anmäl till Digg/ })).toHaveAttribute("href", /digg\.se/);
    await expect(page.getByRole("heading", { name: "Hur vi testat webbplatsen" })).toBeVisible();
    await expect(page.getByText("Redogörelsen upprättades den 27 november 2026.")).toBeVisible();
    await expect(page.getByRole("link", { name: "samverkan@trollhattan.se" }).first()).toHaveAttribute("href", "mailto:samverkan@trollhattan.se");
    await expectNoAxeViolations(page);
  });

  test("the contact page gives the portal's contact details", async ({ page }) => {
    await page.goto("/kontakt");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kontakt");
    await expect(page.getByRole("link", { name: "samverkan@trollhattan.se" })).toBeVisible();
    await expect(page.getByRole("link", { name: "0520-49 50 00" })).toHaveAttribute("href", "tel:+46520495000");
    await expect(page.locator("address")).toContainText("461 83 Trollhättan");
    await expect(page.locator("address")).toContainText("Kommunstyrelsens förvaltning");
    await expectNoAxeViolations(page);
  });

  test("the footer links lead to the accessibility statement and the contact page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" }).click();
    await expect(page).toHaveURL(/\/tillganglighet$/);
    await page.getByRole("contentinfo").getByRole("link", { name: "Kontakt" }).click();
    await expect(page).toHaveURL(/\/kontakt$/);
  });
});

test.describe("the signed-in home", () => {
  test("a coordinator sees pending organisations, reports awaiting review and the latest threads", async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välkommen, Anna Lindqvist");
    const pending = page.getByRole("region", { name: "Organisationer som väntar på godkännande" });
    await expect(pending).toContainText("Lextorps läxhjälp ideell förening");
    const review = page.getByRole("region", { name: "Rapporter som väntar på granskning" });
    await expect(review).toContainText("AB Eidar, Trollhättans Bostadsbolag");
    await expect(review).toContainText("Halvår 1 2026");
    // Coordinators read every forum, the private one too.
    await expect(page.getByRole("region", { name: "Senaste trådarna i forumen" })).toContainText("Underlag till KS-uppföljningen");
    await expectNoAxeViolations(page);
  });

  test("a board member sees AB Eidar's submitted and accepted follow-up", async ({ page }) => {
    await signIn(page, DEMO.board);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välkommen, Lars Bergström");
    const card = page.getByRole("region", { name: "Uppföljning till kommunstyrelsen" });
    const rows = card.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: "Halvår 1 2026" })).toContainText("Inskickad, väntar på granskning");
    await expect(rows.filter({ hasText: "Halvår 1 2026" })).toContainText("20 november 2026");
    await expect(rows.filter({ hasText: "Helår 2025" })).toContainText("Godkänd");
    await expect(card).not.toContainText("Kronogårdens kulturförening");
    await expect(page.getByRole("region", { name: "Senaste trådarna i forumen" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("AB Eidar's admin sees the organisation, its initiatives and its report in the open period", async ({ page }) => {
    await signIn(page, DEMO.eidar);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välkommen, Maria Johansson");
    await expect(page.getByText("Du företräder AB Eidar, Trollhättans Bostadsbolag.")).toBeVisible();
    const open = page.getByRole("region", { name: "Uppföljning i öppna perioder" });
    await expect(open.getByRole("row", { name: /Halvår 1 2026/ })).toContainText("Inskickad, väntar på granskning");
    await expect(open.getByRole("row", { name: /Halvår 1 2026/ })).toContainText("18 december 2026");
    await expect(page.getByRole("region", { name: "Er organisations insatser" }).locator("dd")).toHaveText(/^\d+$/);
    await expect(page.getByRole("region", { name: "Senaste trådarna i forumen" })).toContainText("Underlag till KS-uppföljningen");
    await expectNoAxeViolations(page);
  });

  test("the association's admin sees its draft and not the private forum's threads", async ({ page }) => {
    await signIn(page, DEMO.association);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välkommen, Amina Yusuf");
    const open = page.getByRole("region", { name: "Uppföljning i öppna perioder" });
    await expect(open.getByRole("row", { name: /Halvår 1 2026/ })).toContainText("Utkast");
    const threads = page.getByRole("region", { name: "Senaste trådarna i forumen" });
    await expect(threads).toContainText("Sportlovet vecka 8");
    await expect(threads).not.toContainText("Underlag till KS-uppföljningen");
    await expectNoAxeViolations(page);
  });

  test("the region's member sees its returned report", async ({ page }) => {
    await signIn(page, DEMO.region);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välkommen, Karin Svensson");
    const open = page.getByRole("region", { name: "Uppföljning i öppna perioder" });
    await expect(open.getByRole("row", { name: /Halvår 1 2026/ })).toContainText("Återsänd för komplettering");
    await expectNoAxeViolations(page);
  });
});

test.describe("section pages", () => {
  test("/forums lists the forums the person can read, with visibility, counts and unread posts", async ({ page }) => {
    await signIn(page, DEMO.association);
    await page.goto("/forums");
    const list = page.getByRole("region", { name: "Forum du kan läsa" }).getByRole("listitem");
    const samverkan = list.filter({ has: page.getByRole("heading", { name: "Samverkan i Trollhättan" }) });
    await expect(samverkan).toContainText("Öppet – alla partner läser och skriver");
    await expect(samverkan.getByRole("definition").nth(1)).toHaveText("2");
    // Amina has written the second post of the welcome thread: the posts after it are unread.
    await expect(samverkan).toContainText(/\d+ olästa|1 oläst/);
    const trygghet = list.filter({ has: page.getByRole("heading", { name: "Trygghet i Kronogården och Lextorp" }) });
    await expect(trygghet).toContainText("Slutet – alla läser, medlemmar skriver");
    await expect(trygghet).toContainText("Moderator");
    // The private forum is for its members only.
    await expect(page.getByRole("main")).not.toContainText("Uppföljning: AB Eidar och staden");
    await expectNoAxeViolations(page);
  });

  test("/forums shows a private forum to its members", async ({ page }) => {
    await signIn(page, DEMO.eidar);
    await page.goto("/forums");
    await expect(page.getByRole("listitem").filter({ hasText: "Uppföljning: AB Eidar och staden" })).toContainText("Privat – endast inbjudna");
  });

  test("/initiatives signed in shows non-public initiatives too, marked as such, and the organisation's drafts apart", async ({ page }) => {
    await signIn(page, DEMO.eidar);
    await page.goto("/initiatives");
    const card = page.locator(".initiative-card").filter({ has: page.getByRole("link", { name: "Upprustning av innergårdar i Sylte med boendedialog" }) });
    await expect(card).toContainText("Ej publik");
    await expect(page.getByRole("heading", { name: "Era utkast" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("/reports shows the current organisation's reports per period", async ({ page }) => {
    await signIn(page, DEMO.eidar);
    await page.goto("/reports");
    const table = page.getByRole("table", { name: "Uppföljning för AB Eidar, Trollhättans Bostadsbolag" });
    await expect(table.getByRole("row", { name: /Helår 2025/ })).toContainText("Godkänd");
    await expect(table.getByRole("row", { name: /Helår 2025/ })).toContainText("1 januari 2025 – 31 december 2025");
    await expect(table.getByRole("row", { name: /Halvår 1 2026/ })).toContainText("Inskickad, väntar på granskning");
    await expectNoAxeViolations(page);
  });

  test("/reports for a coordinator without an organisation lists every submitted report", async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto("/reports");
    const table = page.getByRole("table", { name: "Inskickade rapporter" });
    await expect(table.getByRole("row", { name: /Västra Götalandsregionen/ }).first()).toBeVisible();
    // Drafts stay inside their organisation.
    await expect(table).not.toContainText("Utkast");
    await expectNoAxeViolations(page);
  });

  test("/board shows the board the reports of organisations that report to it", async ({ page }) => {
    await signIn(page, DEMO.board);
    await page.goto("/board");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Styrelsens vy");
    const table = page.getByRole("table", { name: "Rapporter till kommunstyrelsen, Halvår 1 2026" });
    await expect(table.getByRole("row", { name: /AB Eidar, Trollhättans Bostadsbolag/ })).toContainText("Inskickad");
    await expect(
      page.getByRole("table", { name: "Andra rapporteringsperioder och hur långt rapporterna har kommit" }).getByRole("row", { name: /Helår 2025/ }),
    ).toContainText("1 av 1");
    await expect(page.locator("main")).not.toContainText("Västra Götalandsregionen");
    await expectNoAxeViolations(page);
  });

  test("/admin gives coordinators the queues and the counts", async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin");
    await expect(page.getByRole("table", { name: "Organisationer som väntar på godkännande" })).toContainText("Lextorps läxhjälp ideell förening");
    await expect(page.getByRole("table", { name: "Inskickade rapporter som väntar på granskning" })).toContainText("AB Eidar, Trollhättans Bostadsbolag");
    await expect(page.getByRole("region", { name: "Portalen i siffror" })).toContainText("Aktiva organisationer");
    await expectNoAxeViolations(page);
  });

  test("/account shows the person, their organisations and roles, and their language", async ({ page }) => {
    await signIn(page, DEMO.eidar);
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitt konto");
    await expect(page.getByText("eidar@eidar.example")).toBeVisible();
    await expect(page.getByRole("row", { name: /AB Eidar, Trollhättans Bostadsbolag/ })).toContainText("Administratör");
    await expect(page.getByRole("region", { name: "Språk" })).toContainText("svenska");
    await expectNoAxeViolations(page);
  });

  test("/account for a board member names the platform role", async ({ page }) => {
    await signIn(page, DEMO.board);
    await page.goto("/account");
    await expect(page.getByRole("region", { name: "Roller i portalen" })).toContainText("Ledamot i kommunstyrelsen");
    await expect(page.getByText("Du är inte medlem i någon organisation.")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("error pages", () => {
  test("the 403 page is friendly, Swedish and accessible", async ({ page }) => {
    await signIn(page, DEMO.board);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har inte behörighet till sidan");
    await expectNoAxeViolations(page);
  });

  test("the 404 page is accessible, signed in too", async ({ page }) => {
    await signIn(page, DEMO.region);
    const response = await page.goto("/forums/finns-inte/alls");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
    await expectNoAxeViolations(page);
  });

  // The 503 page ("temporarily unavailable") is covered by unavailable.spec.ts, which runs a portal
  // against a port where nothing listens.
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the language switch and the navigation work as plain links and forms", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Working together for integration and social sustainability");

    await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Initiatives" }).click();
    await expect(page).toHaveURL(/\/initiatives$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activities and initiatives in Trollhättan");

    await page.getByRole("button", { name: "På svenska" }).click();
    await expect(page).toHaveURL(/\/initiatives$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aktiviteter och insatser i Trollhättan");
  });

  test("a signed-in partner moves between sections", async ({ page }) => {
    await signIn(page, DEMO.association);
    expect(await mainNavigation(page)).toEqual(["Start", "Forum", "Insatser", "Organisationer", "Uppföljning", "Mitt konto"]);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await nav.getByRole("link", { name: "Forum" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forum");
    await nav.getByRole("link", { name: "Organisationer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationer");
    await nav.getByRole("link", { name: "Uppföljning" }).click();
    await expect(page.getByRole("table", { name: "Uppföljning för Kronogårdens kulturförening" })).toBeVisible();
    await nav.getByRole("link", { name: "Mitt konto" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitt konto");
    // (axe needs JavaScript in the page; the same pages are checked with it on above.)
  });
});
