/**
 * The browser downloads only the page's language (issue 10, app/lib/i18n.ts): a Swedish page
 * fetches the Swedish dictionary and not the English one, and hydrates; the language switch reloads
 * the document, which then fetches English. If the dictionary cannot be loaded, the page is not
 * hydrated and stays usable without JavaScript (the switch still works) instead of showing keys.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The dictionary chunks the page requested: "sv", "en". */
function dictionaryRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const match = /\/build\/_shared\/(sv|en)-[A-Z0-9]+\.js$/.exec(new URL(request.url()).pathname);
    if (match?.[1]) seen.push(match[1]);
  });
  return seen;
}

/** React marks the elements it has hydrated. */
const hydrated = (page: Page) => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber")));

test("a Swedish page loads only the Swedish words; the switch reloads the page in English", async ({ page }) => {
  const loaded = dictionaryRequests(page);
  await page.goto("/kontakt");
  await expect.poll(() => hydrated(page)).toBe(true);
  expect(loaded).toEqual(["sv"]);

  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact");
  await expect.poll(() => hydrated(page)).toBe(true);
  expect(loaded).toEqual(["sv", "en"]);
});

test("without its words the page is not hydrated and still works without JavaScript", async ({ page }) => {
  await page.route(/\/build\/_shared\/sv-[A-Z0-9]+\.js$/, (route) => route.abort());
  await page.goto("/kontakt");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kontakt");
  // Give the client entry the time it would need to hydrate.
  await page.waitForLoadState("networkidle");
  expect(await hydrated(page)).toBe(false);

  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact");
  await expect.poll(() => hydrated(page)).toBe(true);
});
