import { expect, expectNoAxeViolations, test } from "./fixtures.ts";

test("the start page is Swedish, lists public initiatives and passes axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samverkan för integration och social hållbarhet");
  const initiatives = page.getByRole("region", { name: "Förebyggande insatser" }).getByRole("listitem");
  await expect(initiatives.first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the skip link is the first stop for the keyboard and moves focus to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Hoppa till innehållet" });
  await expect(skipLink).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("an unknown page answers 404 with a Swedish message", async ({ page }) => {
  const response = await page.goto("/finns-inte");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  await expectNoAxeViolations(page);
});

test("/healthz reports the app, the database and auth", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, app: "ok", database: "ok", auth: "ok" });
});
