/**
 * Navigation by role: every demo persona sees exactly the sections it may use, the others answer
 * with the friendly 403 page; signed out, a protected page leads to sign-in; the language switch
 * and the organisation switcher.
 */
import { expect, test } from "./fixtures.ts";
import { DEMO, mainNavigation, serviceClient, signIn } from "./support.ts";

const PARTNER_NAV = ["Start", "Forum", "Insatser", "Organisationer", "Uppföljning", "Mitt konto"];

const personas = [
  {
    name: "coordinator",
    email: DEMO.coordinator,
    nav: ["Start", "Forum", "Insatser", "Organisationer", "Uppföljning", "Styrelsens vy", "Administration", "Mitt konto"],
    allowed: ["/forums", "/initiatives", "/organisations", "/reports", "/board", "/admin", "/admin/people", "/account"],
    forbidden: [],
  },
  {
    name: "board member",
    email: DEMO.board,
    nav: ["Start", "Insatser", "Styrelsens vy", "Mitt konto"],
    allowed: ["/initiatives", "/board", "/account"],
    forbidden: ["/admin", "/admin/people", "/forums", "/organisations", "/reports"],
  },
  { name: "AB Eidar's admin", email: DEMO.eidar, nav: PARTNER_NAV, allowed: ["/forums", "/organisations", "/reports", "/account"], forbidden: ["/board", "/admin", "/admin/people"] },
  { name: "the association's admin", email: DEMO.association, nav: PARTNER_NAV, allowed: ["/forums", "/reports"], forbidden: ["/board", "/admin"] },
  { name: "the region's member", email: DEMO.region, nav: PARTNER_NAV, allowed: ["/forums", "/reports"], forbidden: ["/board", "/admin"] },
];

test.describe("navigation by role", () => {
  for (const persona of personas) {
    test(`${persona.name} sees exactly the sections it may use, and the others answer 403`, async ({ page }) => {
      await signIn(page, persona.email);
      await page.goto("/");
      expect(await mainNavigation(page)).toEqual(persona.nav);

      for (const path of persona.allowed) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      }
      for (const path of persona.forbidden) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.locator("html")).toHaveAttribute("lang", "sv");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har inte behörighet till sidan");
        await expect(page.getByText("Sidan är inte öppen för din roll.")).toBeVisible();
        // The frame stays: the person's own navigation is still there.
        expect(await mainNavigation(page)).toEqual(persona.nav);
      }
    });
  }

  test("the navigation follows the person: clicking a section opens it and marks it current", async ({ page }) => {
    await signIn(page, DEMO.eidar);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await nav.getByRole("link", { name: "Uppföljning" }).click();
    await expect(page).toHaveURL(/\/reports$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uppföljning");
    await expect(nav.getByRole("link", { name: "Uppföljning" })).toHaveAttribute("aria-current", "page");
  });

  test("signed out, the navigation offers only the public sections and protected pages lead to sign-in", async ({ page }) => {
    await page.goto("/");
    expect(await mainNavigation(page)).toEqual(["Start", "Insatser"]);
    for (const path of ["/forums", "/reports", "/board", "/admin", "/account"]) {
      await page.goto(path);
      await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const response = await page.goto("/initiatives");
    expect(response?.status()).toBe(200);
  });

  test("after signing in from a protected page, the person comes back to it", async ({ page }) => {
    await page.goto("/board");
    await expect(page).toHaveURL("/login?redirectTo=%2Fboard");
    await page.getByLabel("E-postadress", { exact: true }).fill(DEMO.board);
    await page.getByLabel("Lösenord", { exact: true }).fill("samverkan-demo");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page).toHaveURL(/\/board$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Styrelsens vy");
  });
});

test.describe("language", () => {
  test("the switch changes the page to English, survives a reload, and switching back works", async ({ page }) => {
    await page.goto("/kontakt");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await page.getByRole("button", { name: "In English" }).click();

    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/kontakt$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact");
    expect(await mainNavigation(page)).toEqual(["Home", "Initiatives"]);

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact");
    await page.goto("/initiatives");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activities and initiatives in Trollhättan");

    await page.getByRole("button", { name: "På svenska" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aktiviteter och insatser i Trollhättan");
    expect(await mainNavigation(page)).toEqual(["Start", "Insatser"]);
  });

  test("signed in, the choice is kept in the profile and follows the person to a new session", async ({ page, browser }) => {
    await signIn(page, DEMO.region);
    try {
      await page.getByRole("button", { name: "In English" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      expect(await mainNavigation(page)).toEqual(["Home", "Forums", "Initiatives", "Organisations", "Follow-up", "My account"]);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Karin Svensson");

      // Another browser without the language cookie: the profile decides after sign-in.
      const other = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE" });
      const otherPage = await other.newPage();
      await otherPage.goto("/login");
      await otherPage.getByLabel("E-postadress", { exact: true }).fill(DEMO.region);
      await otherPage.getByLabel("Lösenord", { exact: true }).fill("samverkan-demo");
      await otherPage.getByRole("button", { name: "Logga in", exact: true }).click();
      await expect(otherPage.locator("html")).toHaveAttribute("lang", "en");
      await other.close();
    } finally {
      // Leave the demo persona Swedish for the other tests.
      if ((await page.locator("html").getAttribute("lang")) === "en") await page.getByRole("button", { name: "På svenska" }).click();
    }
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välkommen, Karin Svensson");
  });
});

test.describe("organisation switcher", () => {
  const REGION_USER = "aaaaaaaa-0000-4000-8000-000000000005";
  const ASSOCIATION = "bbbbbbbb-0000-4000-8000-000000000002";

  // No demo persona belongs to two organisations: the region's member joins the association for this test.
  test.beforeAll(async () => {
    const { error } = await serviceClient()
      .from("memberships")
      .insert({ org_id: ASSOCIATION, user_id: REGION_USER, role: "member", status: "active", joined_at: new Date().toISOString() });
    if (error) throw new Error(`Could not add the membership: ${error.message}`);
  });

  test.afterAll(async () => {
    const { error } = await serviceClient().from("memberships").delete().eq("org_id", ASSOCIATION).eq("user_id", REGION_USER);
    if (error) throw new Error(`Could not remove the membership: ${error.message}`);
  });

  test("a person in two organisations chooses which one they act for", async ({ page }) => {
    await signIn(page, DEMO.region);
    await page.goto("/");
    // Organisations in name order: the first is the default.
    await expect(page.getByText("Du företräder Kronogårdens kulturförening.")).toBeVisible();
    const switcher = page.getByLabel("Byt organisation");
    await expect(switcher).toHaveValue(ASSOCIATION);

    await switcher.selectOption({ label: "Västra Götalandsregionen" });
    await page.getByRole("button", { name: "Byt", exact: true }).click();
    await expect(page.getByText("Du företräder Västra Götalandsregionen.")).toBeVisible();
    await expect(page.getByLabel("Byt organisation")).toHaveValue("bbbbbbbb-0000-4000-8000-000000000003");

    // The choice holds on other pages and after a reload.
    await page.goto("/reports");
    await expect(page.getByRole("table", { name: "Uppföljning för Västra Götalandsregionen" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("table", { name: "Uppföljning för Västra Götalandsregionen" })).toBeVisible();

    await page.getByLabel("Byt organisation").selectOption({ label: "Kronogårdens kulturförening" });
    await page.getByRole("button", { name: "Byt", exact: true }).click();
    await expect(page).toHaveURL(/\/reports$/);
    await expect(page.getByRole("table", { name: "Uppföljning för Kronogårdens kulturförening" })).toBeVisible();
  });
});
