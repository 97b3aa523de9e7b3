/**
 * Signing in and out through the real portal, auth server and mail catcher: password, sign-in
 * link, password reset, protected pages, open redirects, cookies, rate limiting, accessibility,
 * and all of it without JavaScript too.
 */
import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { confirmLink, mailsTo, waitForMail } from "./mail.ts";

interface Stack {
  url: string;
  serviceRoleKey: string;
  mailUrl: string;
}
const stack = (): Stack => JSON.parse(process.env.E2E_STACK ?? "{}") as Stack;

const DEMO_PASSWORD = "samverkan-demo";
const personas = [
  { email: "samordnare@trollhattan.example", name: "Anna Lindqvist" },
  { email: "ledamot@trollhattan.example", name: "Lars Bergström" },
  { email: "eidar@eidar.example", name: "Maria Johansson" },
  { email: "forening@kronogarden.example", name: "Amina Yusuf" },
  { email: "region@vgregion.example", name: "Karin Svensson" },
];
const NEUTRAL = /Om adressen finns hos oss har vi skickat ett mejl/;

/** A new confirmed account that no other test uses. */
async function createUser(request: APIRequestContext, label: string, password = "ett-gammalt-lösenord") {
  const email = `${label}-${randomUUID().slice(0, 8)}@auth-e2e.example`;
  const name = `Testperson ${label}`;
  const { url, serviceRoleKey } = stack();
  const response = await request.post(`${url}/auth/v1/admin/users`, {
    headers: { apikey: serviceRoleKey, Authorization: `Bearer ${serviceRoleKey}` },
    data: { email, password, email_confirm: true, user_metadata: { full_name: name } },
  });
  expect(response.status(), await response.text()).toBe(200);
  const { id } = (await response.json()) as { id: string };
  return { id, email, password, name };
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("E-postadress", { exact: true }).fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

async function expectSignedInAs(page: Page, name: string) {
  const header = page.getByRole("banner");
  await expect(header.getByText(name)).toBeVisible();
  await expect(header.getByRole("button", { name: "Logga ut" })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Logga ut" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Logga in" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: "Logga ut" })).toHaveCount(0);
}

for (const persona of personas) {
  test(`${persona.email} signs in through the form and out with the header's button`, async ({ page, context }) => {
    await page.goto("/login");
    await signIn(page, persona.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    await expectSignedInAs(page, persona.name);
    await signOut(page);
    await expect(page.getByRole("banner").getByText(persona.name)).toHaveCount(0);
    expect((await context.cookies()).filter((cookie) => cookie.name.startsWith("sb-"))).toEqual([]);
    // Signed out for real: a protected page sends to the sign-in page again.
    await page.goto("/login/reset");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Flogin%2Freset$/);
  });
}

test("the sign-in form is Swedish, links to the other ways in, and passes axe", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logga in");
  await expect(page.getByLabel("E-postadress", { exact: true })).toHaveAttribute("type", "email");
  await expect(page.getByLabel("Lösenord", { exact: true })).toHaveAttribute("type", "password");
  await expect(page.getByRole("main").getByRole("link", { name: "Skicka en inloggningslänk" })).toHaveAttribute("href", "/login/link");
  await expect(page.getByRole("main").getByRole("link", { name: "Glömt lösenordet?" })).toHaveAttribute("href", "/login/forgot");
  await expectNoAxeViolations(page);
});

test("a wrong password answers 400 with one Swedish error, keeps the address and passes axe", async ({ page }) => {
  await page.goto("/login");
  const answer = page.waitForResponse((response) => response.request().method() === "POST");
  await signIn(page, "samordnare@trollhattan.example", "fel-lösenord");
  expect((await answer).status()).toBe(400);
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("Fel e-postadress eller lösenord.");
  await expect(page.getByLabel("E-postadress", { exact: true })).toHaveValue("samordnare@trollhattan.example");
  const password = page.getByLabel("Lösenord", { exact: true });
  await expect(password).toHaveValue("");
  await expect(password).toBeFocused();
  await expect(page.locator("form.form")).toHaveAttribute("aria-describedby", (await alert.getAttribute("id"))!);
  await expectNoAxeViolations(page);

  // An unknown address gets the very same answer.
  const unknown = page.waitForResponse((response) => response.request().method() === "POST");
  await signIn(page, `ingen-${randomUUID().slice(0, 8)}@auth-e2e.example`, "fel-lösenord");
  expect((await unknown).status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
});

test("empty or malformed fields are named next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Logga in" }).click();
  const email = page.getByLabel("E-postadress", { exact: true });
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await email.getAttribute("aria-describedby")}`)).toHaveText("Skriv din e-postadress.");
  await expect(page.getByText("Skriv ditt lösenord.")).toBeVisible();
  await expect(email).toBeFocused();
  await email.fill("anna.example.se");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText("Skriv en e-postadress i formatet namn@exempel.se.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a sign-in link from the mail catcher signs in; an unknown address gets the same answer", async ({ page, request }) => {
  const user = await createUser(request, "magic");
  await page.goto("/login");
  await page.getByRole("link", { name: "Skicka en inloggningslänk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logga in med en länk");
  await expectNoAxeViolations(page);
  await page.getByLabel("E-postadress", { exact: true }).fill(user.email);
  await page.getByRole("button", { name: "Skicka länken" }).click();
  await expect(page.getByRole("status")).toContainText(NEUTRAL);
  await expectNoAxeViolations(page);

  const mail = await waitForMail(request, user.email);
  expect(mail.subject).toBe("Din inloggningslänk till Samverkansportalen");
  expect(mail.html).toContain('lang="sv"');
  const link = confirmLink(mail);
  expect(new URL(link).searchParams.get("type")).toBe("magiclink");

  await page.goto(link);
  await expect(page).toHaveURL("/");
  await expectSignedInAs(page, user.name);

  // Used once: the same link again is refused with a page that offers a new one.
  await signOut(page);
  const again = await page.goto(link);
  expect(again?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Länken fungerar inte");

  const unknown = `ingen-${randomUUID().slice(0, 8)}@auth-e2e.example`;
  await page.goto("/login/link");
  await page.getByLabel("E-postadress", { exact: true }).fill(unknown);
  await page.getByRole("button", { name: "Skicka länken" }).click();
  await expect(page.getByRole("status")).toContainText(NEUTRAL);
  await page.waitForTimeout(500);
  expect(await mailsTo(request, unknown)).toEqual([]);
});

test("a sign-in link asked for from a protected page leads back to it", async ({ page, request }) => {
  const user = await createUser(request, "magic-back");
  await page.goto("/login/reset");
  await expect(page).toHaveURL("/login?redirectTo=%2Flogin%2Freset");
  await page.getByRole("link", { name: "Skicka en inloggningslänk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logga in med en länk");
  await page.getByLabel("E-postadress", { exact: true }).fill(user.email);
  await page.getByRole("button", { name: "Skicka länken" }).click();
  await expect(page.getByRole("status")).toContainText(NEUTRAL);
  const link = confirmLink(await waitForMail(request, user.email));
  expect(new URL(link).searchParams.get("next")).toBe("/login/reset");
  await page.goto(link);
  await expect(page).toHaveURL("/login/reset");
});

test("password reset end to end: request, mail, link, new password, sign in with it", async ({ page, request }) => {
  const user = await createUser(request, "reset");
  const newPassword = "ett nytt långt lösenord";
  await page.goto("/login");
  await page.getByRole("link", { name: "Glömt lösenordet?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glömt lösenordet");
  await expectNoAxeViolations(page);
  await page.getByLabel("E-postadress", { exact: true }).fill(user.email);
  await page.getByRole("button", { name: "Skicka länken" }).click();
  await expect(page.getByRole("status")).toContainText(NEUTRAL);

  const mail = await waitForMail(request, user.email);
  expect(mail.subject).toBe("Byt lösenord i Samverkansportalen");
  await page.goto(confirmLink(mail));
  await expect(page).toHaveURL("/login/reset");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välj ett nytt lösenord");
  await expectNoAxeViolations(page);

  // Too short, then not the same twice.
  await page.getByLabel("Nytt lösenord", { exact: true }).fill("kort");
  await page.getByLabel("Upprepa det nya lösenordet").fill("kort");
  await page.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(page.getByText("Lösenordet måste ha minst 10 tecken.")).toBeVisible();
  await page.getByLabel("Nytt lösenord", { exact: true }).fill(newPassword);
  await page.getByLabel("Upprepa det nya lösenordet").fill(`${newPassword}!`);
  await page.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(page.getByText("Lösenorden är inte likadana.")).toBeVisible();
  await expect(page.getByLabel("Upprepa det nya lösenordet")).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByLabel("Upprepa det nya lösenordet").fill(newPassword);
  await page.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(page).toHaveURL("/login/reset?done=1");
  await expect(page.getByRole("status")).toHaveText("Ditt nya lösenord är sparat. Använd det nästa gång du loggar in.");
  await signOut(page);

  await page.goto("/login");
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
  await signIn(page, user.email, newPassword);
  await expect(page).toHaveURL("/");
  await expectSignedInAs(page, user.name);
});

test("an invalid or expired link answers 400 with a Swedish page offering a new link, and passes axe", async ({ page }) => {
  const response = await page.goto("/auth/confirm?token_hash=0000deadbeef&type=magiclink&next=%2F");
  expect(response?.status()).toBe(400);
  expect(response?.headers()["cache-control"]).toBe("no-store");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Länken fungerar inte");
  await expect(page.getByRole("link", { name: "Skicka en ny inloggningslänk" })).toHaveAttribute("href", "/login/link");
  await expectNoAxeViolations(page);
  expect((await page.goto("/auth/confirm"))?.status()).toBe(400);
  expect((await page.goto("/auth/confirm?token_hash=abc&type=signup"))?.status()).toBe(400);
});

test("a protected page sends a signed-out visitor to /login and back after signing in", async ({ page }) => {
  await page.goto("/login/reset");
  await expect(page).toHaveURL("/login?redirectTo=%2Flogin%2Freset");
  await expect(page.getByRole("main").locator('input[name="redirectTo"]')).toHaveValue("/login/reset");
  await signIn(page, "forening@kronogarden.example", DEMO_PASSWORD);
  await expect(page).toHaveURL("/login/reset");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välj ett nytt lösenord");
  await expectNoAxeViolations(page);

  // Signed in, /login goes straight on.
  await page.goto("/login?redirectTo=%2Flogin%2Flink");
  await expect(page).toHaveURL("/login/link");
});

for (const target of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
  test(`redirectTo=${target} is ignored`, async ({ page }) => {
    await page.goto(`/login?redirectTo=${encodeURIComponent(target)}`);
    await expect(page.getByRole("main").locator('input[name="redirectTo"]')).toHaveValue("/");
    await signIn(page, "ledamot@trollhattan.example", DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    expect(new URL(page.url()).host).toBe(new URL(process.env.E2E_BASE_URL!).host);
  });
}

test("a posted redirectTo off the site is ignored too", async ({ request }) => {
  const response = await request.post("/login", {
    form: { email: "ledamot@trollhattan.example", password: DEMO_PASSWORD, redirectTo: "//evil.example/x" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toBe("/");
});

test("session cookies are HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await page.goto("/login");
  await signIn(page, "region@vgregion.example", DEMO_PASSWORD);
  await expect(page).toHaveURL("/");
  const session = (await context.cookies()).filter((cookie) => cookie.name.startsWith("sb-"));
  expect(session.length).toBeGreaterThan(0);
  for (const cookie of session) {
    expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  }
});

test("after five failed sign-ins at one account, the next is refused with 429 and Retry-After", async ({ page, request }) => {
  const user = await createUser(request, "throttle");
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await signIn(page, user.email, `fel-lösenord-${attempt}`);
    expect((await answer).status(), `attempt ${attempt}`).toBe(400);
    await expect(page.getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
  }
  // Now even the right password is refused until the window has passed.
  const answer = page.waitForResponse((response) => response.request().method() === "POST");
  await signIn(page, user.email, user.password);
  const refused = await answer;
  expect(refused.status()).toBe(429);
  const retryAfter = Number((await refused.allHeaders())["retry-after"]);
  expect(retryAfter).toBeGreaterThan(14 * 60);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  await expect(page.getByRole("alert")).toContainText("För många misslyckade inloggningar. Vänta en stund och försök igen.");
  await expect(page.getByRole("banner").getByRole("button", { name: "Logga ut" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Another account from the same address is not affected.
  await signIn(page, "eidar@eidar.example", DEMO_PASSWORD);
  await expect(page).toHaveURL("/");
});

test("a refused full-page sign-in (no JavaScript, plain POST) also answers 429 with Retry-After", async ({ request }) => {
  const user = await createUser(request, "throttle-post");
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await request.post("/login", { form: { email: user.email, password: `fel-${attempt}` }, maxRedirects: 0 });
    expect(response.status(), `attempt ${attempt}`).toBe(400);
  }
  const refused = await request.post("/login", { form: { email: user.email, password: user.password }, maxRedirects: 0 });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(14 * 60);
  expect(await refused.text()).toContain("För många misslyckade inloggningar.");
});

test("link requests for one address are capped: the same answer, but no more mail", async ({ page, request }) => {
  const user = await createUser(request, "link-cap");
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.goto("/login/forgot");
    await page.getByLabel("E-postadress", { exact: true }).fill(user.email);
    await page.getByRole("button", { name: "Skicka länken" }).click();
    await expect(page.getByRole("status")).toContainText(NEUTRAL);
  }
  await waitForMail(request, user.email, 3);
  await page.waitForTimeout(500);
  expect(await mailsTo(request, user.email)).toHaveLength(3);
});

/** Sets the language in a person's profile, as the language switch does for a signed-in person. */
async function setProfileLocale(request: APIRequestContext, userId: string, locale: "sv" | "en") {
  const { url, serviceRoleKey } = stack();
  const response = await request.patch(`${url}/rest/v1/profiles?id=eq.${userId}`, {
    headers: { apikey: serviceRoleKey, Authorization: `Bearer ${serviceRoleKey}` },
    data: { locale },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

test("in English the sign-in page is English; mail follows the person's own language", async ({ page, request }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.getByLabel("E-mail address", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A person without an English profile still gets the mail in their profile's language (Swedish).
  const user = await createUser(request, "english");
  await page.goto("/login/link");
  await page.getByLabel("E-mail address", { exact: true }).fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("If we have the address");
  expect((await waitForMail(request, user.email)).subject).toBe("Din inloggningslänk till Samverkansportalen");

  // Someone whose profile says English gets English mail, even from the Swedish page.
  const english = await createUser(request, "english-profile");
  await setProfileLocale(request, english.id, "en");
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await page.goto("/login/link");
  await page.getByLabel("E-postadress", { exact: true }).fill(english.email);
  await page.getByRole("button", { name: "Skicka länken" }).click();
  await expect(page.getByRole("status")).toContainText(NEUTRAL);
  const mail = await waitForMail(request, english.email);
  expect(mail.subject).toBe("Your sign-in link to Samverkansportalen");
  expect(mail.html).toContain('<html lang="en">');
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a person signs in and out, and a wrong password or empty field answers 400", async ({ page }) => {
    await page.goto("/login");
    let response = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Logga in" }).click()]).then(
      ([navigation]) => navigation,
    );
    expect(response?.status()).toBe(400);
    await expect(page.getByText("Skriv din e-postadress.")).toBeVisible();
    await expect(page.getByLabel("E-postadress", { exact: true })).toBeFocused();

    await page.getByLabel("E-postadress", { exact: true }).fill("samordnare@trollhattan.example");
    await page.getByLabel("Lösenord", { exact: true }).fill("fel-lösenord");
    response = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Logga in" }).click()]).then(
      ([navigation]) => navigation,
    );
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
    await expect(page.getByLabel("E-postadress", { exact: true })).toHaveValue("samordnare@trollhattan.example");
    await expect(page.getByLabel("Lösenord", { exact: true })).toBeFocused();

    await signIn(page, "samordnare@trollhattan.example", DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    await expectSignedInAs(page, "Anna Lindqvist");
    await signOut(page);
  });

  test("a reset link request and a new password work without JavaScript", async ({ page, request }) => {
    const user = await createUser(request, "nojs-reset");
    await page.goto("/login/forgot");
    await page.getByLabel("E-postadress", { exact: true }).fill(user.email);
    await page.getByRole("button", { name: "Skicka länken" }).click();
    await expect(page.getByRole("status")).toContainText(NEUTRAL);
    await page.goto(confirmLink(await waitForMail(request, user.email)));
    await expect(page).toHaveURL("/login/reset");
    await page.getByLabel("Nytt lösenord", { exact: true }).fill("utan javascript går det också");
    await page.getByLabel("Upprepa det nya lösenordet").fill("utan javascript går det också");
    await page.getByRole("button", { name: "Spara lösenordet" }).click();
    await expect(page).toHaveURL("/login/reset?done=1");
    await signOut(page);
  });
});
