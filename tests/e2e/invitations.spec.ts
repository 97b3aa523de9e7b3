/**
 * Invitations and organisation pages (issue 4, items 3 and 4), through the real portal, auth server
 * and mail catcher: an org admin invites a colleague who joins from the e-mail, resending and
 * withdrawing, a member who may not invite, the last admin who may not leave, a coordinator who
 * grants and revokes the board role, and axe on every new page.
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { confirmLink, mailsTo, waitForMail } from "./mail.ts";
import { DEMO, serviceClient, signIn } from "./support.ts";

const throwaway = (label: string) => `${label}-${randomUUID().slice(0, 8)}@invite-e2e.example`;

async function orgId(name: string): Promise<string> {
  const { data, error } = await serviceClient().from("organisations").select("id").eq("name", name).single();
  expect(error).toBeNull();
  return data!.id;
}

/** Removes the accounts a test created (their profiles and memberships go with them). */
async function removeAccounts(emails: string[]) {
  const service = serviceClient();
  const { data } = await service.from("profiles").select("id").in("email", emails);
  for (const { id } of data ?? []) await service.auth.admin.deleteUser(id);
}

async function invite(page: Page, email: string, name: string, role: "Medlem" | "Administratör" = "Medlem") {
  const form = page.getByRole("region", { name: "Bjud in en person" });
  await form.getByLabel("E-postadress").fill(email);
  await form.getByLabel("Namn").fill(name);
  await form.getByLabel("Roll").selectOption({ label: role });
  await form.getByRole("button", { name: "Skicka inbjudan" }).click();
}

const KRONOGARDEN = "Kronogårdens kulturförening";

test("an org admin invites a colleague, who joins from the e-mail link, sets name and password and is an active member", async ({ page, browser, request }) => {
  const email = throwaway("kollega");
  const id = await orgId(KRONOGARDEN);
  try {
    await signIn(page, DEMO.association);

    // The directory and the organisation's page.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Organisationer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationer");
    await expectNoAxeViolations(page);
    await page.getByLabel("Sök organisation").fill("kulturförening");
    await page.getByRole("button", { name: "Sök" }).click();
    await expect(page.getByRole("link", { name: KRONOGARDEN })).toBeVisible();
    await expect(page.getByRole("link", { name: "AB Eidar, Trollhättans Bostadsbolag" })).toHaveCount(0);
    await page.getByRole("link", { name: KRONOGARDEN }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(KRONOGARDEN);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Hantera medlemmar" }).click();
    await expect(page).toHaveURL(`/organisations/${id}/members`);
    await expectNoAxeViolations(page);

    // Bad input: Swedish messages next to the fields, what was typed kept.
    await invite(page, "inte-en-adress", "A");
    const form = page.getByRole("region", { name: "Bjud in en person" });
    await expect(form.getByText("Skriv en e-postadress i formatet namn@exempel.se.")).toBeVisible();
    await expect(form.getByText("Skriv ett namn med minst 2 tecken.")).toBeVisible();
    await expect(form.getByLabel("E-postadress")).toHaveValue("inte-en-adress");

    await invite(page, email, "Kim Kollega");
    await expect(page.getByRole("status")).toHaveText(`Inbjudan till ${email} är skickad.`);
    const pending = page.getByRole("region", { name: "Väntande inbjudningar" });
    await expect(pending.getByRole("row", { name: new RegExp(email) })).toBeVisible();

    // The same address again is explained next to the field, not a 500.
    const again = page.waitForResponse((response) => response.request().method() === "POST");
    await invite(page, email, "Kim Kollega");
    expect((await again).status()).toBe(400);
    await expect(form.getByText(/redan inbjuden/)).toBeVisible();

    // The colleague opens the invitation in their own browser.
    const mail = await waitForMail(request, email);
    expect(mail.subject).toBe("Du är inbjuden till Samverkansportalen");
    const link = confirmLink(mail);
    const colleague = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE" });
    const theirs = await colleague.newPage();
    await theirs.goto(link);
    await expect(theirs).toHaveURL("/welcome");
    await expect(theirs.getByRole("heading", { level: 1 })).toHaveText("Välkommen till Samverkansportalen");
    await expect(theirs.getByText(KRONOGARDEN)).toBeVisible();
    await expectNoAxeViolations(theirs);

    await theirs.getByLabel("Ditt namn").fill("K");
    await theirs.getByLabel("Lösenord", { exact: true }).fill("kort");
    await theirs.getByLabel("Upprepa lösenordet").fill("annat");
    await theirs.getByRole("button", { name: "Spara och gå vidare" }).click();
    await expect(theirs.getByText("Skriv ett namn med minst 2 tecken.")).toBeVisible();
    await expect(theirs.getByText("Lösenordet måste ha minst 10 tecken.")).toBeVisible();

    await theirs.getByLabel("Ditt namn").fill("Kim Kollega-Karlsson");
    await theirs.getByLabel("Lösenord", { exact: true }).fill("ett-bra-lösenord-1");
    await theirs.getByLabel("Upprepa lösenordet").fill("ett-bra-lösenord-1");
    await theirs.getByRole("button", { name: "Spara och gå vidare" }).click();
    await expect(theirs).toHaveURL("/");
    await expect(theirs.getByRole("banner").getByText("Kim Kollega-Karlsson")).toBeVisible();
    await expect(theirs.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Organisationer" })).toBeVisible();

    // The link is spent: a second use is refused with a clear page.
    const reused = await theirs.goto(link);
    expect(reused?.status()).toBe(400);
    await expect(theirs.getByRole("heading", { level: 1 })).toHaveText("Länken fungerar inte");
    await colleague.close();

    // The admin sees an active member, no longer a pending invitation.
    await page.goto(`/organisations/${id}/members`);
    await expect(page.getByRole("region", { name: "Medlemmar", exact: true }).getByRole("row", { name: /Kim Kollega-Karlsson/ })).toBeVisible();
    await expect(pending.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);

    // And the new password works.
    const fresh = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE" });
    await signIn(await fresh.newPage(), email, "ett-bra-lösenord-1");
    await fresh.close();
  } finally {
    await removeAccounts([email]);
  }
});

test("a person who already has an account is added as invited, gets a sign-in link and accepts on /welcome", async ({ page, browser, request }) => {
  const id = await orgId(KRONOGARDEN);
  const service = serviceClient();
  const { data: karin } = await service.from("profiles").select("id").eq("email", DEMO.region).single();
  const before = (await mailsTo(request, DEMO.region)).length;
  try {
    await signIn(page, DEMO.association);
    await page.goto(`/organisations/${id}/members`);
    await invite(page, DEMO.region, "Karin Svensson");
    await expect(page.getByRole("status")).toHaveText(`${DEMO.region} har redan ett konto och har fått ett mejl med en länk för att gå med.`);
    await expect(page.getByRole("region", { name: "Väntande inbjudningar" }).getByRole("row", { name: new RegExp(DEMO.region) })).toBeVisible();

    const link = confirmLink(await waitForMail(request, DEMO.region, before + 1));
    const theirs = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE" });
    const their = await theirs.newPage();
    await their.goto(link);
    await expect(their).toHaveURL("/welcome?join=1");
    await expect(their.getByRole("heading", { level: 1 })).toHaveText("Gå med i organisationen");
    await expect(their.getByText(KRONOGARDEN)).toBeVisible();
    await expectNoAxeViolations(their);
    await their.getByRole("button", { name: "Acceptera inbjudan" }).click();
    await expect(their).toHaveURL("/");
    await theirs.close();

    const { data } = await service.from("memberships").select("status, role").eq("org_id", id).eq("user_id", karin!.id).single();
    expect(data).toEqual({ status: "active", role: "member" });
  } finally {
    await service.from("memberships").delete().eq("org_id", id).eq("user_id", karin!.id);
  }
});

test("a pending invitation can be resent (the old link stops working) and withdrawn", async ({ page, request }) => {
  const email = throwaway("vantande");
  const id = await orgId(KRONOGARDEN);
  try {
    await signIn(page, DEMO.association);
    await page.goto(`/organisations/${id}/members`);
    await invite(page, email, "Vera Väntande", "Administratör");
    const first = confirmLink(await waitForMail(request, email, 1));

    const pending = page.getByRole("region", { name: "Väntande inbjudningar" });
    const row = pending.getByRole("row", { name: new RegExp(email) });
    await expect(row).toContainText("Administratör");
    await row.getByRole("button", { name: /Skicka igen/ }).click();
    await expect(page.getByRole("status")).toContainText(`En ny inbjudan till ${email} är skickad.`);
    const second = confirmLink(await waitForMail(request, email, 2));
    expect(second).not.toBe(first);

    const stale = await page.context().browser()!.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE" });
    const stalePage = await stale.newPage();
    expect((await stalePage.goto(first))?.status()).toBe(400);
    await expect(stalePage.getByRole("heading", { level: 1 })).toHaveText("Länken fungerar inte");
    await stale.close();

    await row.getByRole("button", { name: /Dra tillbaka/ }).click();
    await expect(page.getByRole("status")).toHaveText("Inbjudan är tillbakadragen.");
    await expect(pending.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
    const { data } = await serviceClient().from("memberships").select("id, profiles!memberships_user_id_fkey!inner(email)").eq("profiles.email", email);
    expect(data).toEqual([]);
  } finally {
    await removeAccounts([email]);
  }
});

test("a member sees the members but cannot invite: no form, and a forged request gets 403", async ({ page }) => {
  const id = await orgId("Västra Götalandsregionen");
  await signIn(page, DEMO.region);
  const response = await page.goto(`/organisations/${id}/members`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Medlemmar i Västra Götalandsregionen");
  await expect(page.getByRole("button", { name: "Skicka inbjudan" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Ta bort/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const forged = await page.request.post(`/organisations/${id}/members`, {
    form: { intent: "invite", email: throwaway("forged"), name: "Falsk Inbjudan", role: "admin" },
  });
  expect(forged.status()).toBe(403);
  // Nor can they touch another organisation's members.
  const other = await orgId(KRONOGARDEN);
  expect((await page.request.get(`/organisations/${other}/members`)).status()).toBe(403);
  const forgedOther = await page.request.post(`/organisations/${other}/members`, {
    form: { intent: "invite", email: throwaway("forged"), name: "Falsk Inbjudan", role: "admin" },
  });
  expect(forgedOther.status()).toBe(403);
  // An unknown or malformed organisation is a 404, not a 500.
  expect((await page.request.get("/organisations/not-an-id")).status()).toBe(404);
  expect((await page.request.get("/organisations/00000000-0000-4000-8000-000000000000/members")).status()).toBe(404);
});

test("the last admin cannot remove or demote themself, and is told why", async ({ page }) => {
  const id = await orgId(KRONOGARDEN);
  await signIn(page, DEMO.association);
  await page.goto(`/organisations/${id}/members`);
  const members = page.getByRole("region", { name: "Medlemmar", exact: true });
  const mine = members.getByRole("row", { name: /Amina Yusuf/ });
  await mine.getByRole("button", { name: /Ta bort/ }).click();
  await expect(page.getByRole("alert")).toHaveText(/Organisationen måste ha minst en administratör/);

  await page.goto(`/organisations/${id}/members`);
  await mine.getByRole("combobox").selectOption("member");
  await mine.getByRole("button", { name: /Spara roll/ }).click();
  await expect(page.getByRole("alert")).toHaveText(/Organisationen måste ha minst en administratör/);
  const { data } = await serviceClient()
    .from("memberships")
    .select("role, status, profiles!memberships_user_id_fkey!inner(email)")
    .eq("org_id", id)
    .eq("profiles.email", DEMO.association)
    .single();
  expect(data).toMatchObject({ role: "admin", status: "active" });
});

test("an org admin edits the organisation's profile; bad input is explained", async ({ page }) => {
  const id = await orgId(KRONOGARDEN);
  const service = serviceClient();
  const { data: before } = await service.from("organisations").select("description, website").eq("id", id).single();
  try {
    await signIn(page, DEMO.association);
    await page.goto(`/organisations/${id}`);
    await page.getByLabel("Webbplats").fill("inte en adress");
    await page.getByRole("button", { name: "Spara profilen" }).click();
    await expect(page.getByText("Skriv en hel webbadress som börjar med https:// eller http://.")).toBeVisible();
    await page.getByLabel("Beskrivning").fill("Kultur och läxhjälp för unga i Kronogården.");
    await page.getByLabel("Webbplats").fill("https://kronogarden.example");
    await page.getByRole("button", { name: "Spara profilen" }).click();
    await expect(page.getByRole("status")).toHaveText("Profilen är sparad.");
    await expect(page.getByText("Kultur och läxhjälp för unga i Kronogården.").first()).toBeVisible();

    // Another organisation's admin has no form there, and a forged edit is refused.
    await page.goto(`/organisations/${await orgId("AB Eidar, Trollhättans Bostadsbolag")}`);
    await expect(page.getByRole("button", { name: "Spara profilen" })).toHaveCount(0);
    const eidar = await orgId("AB Eidar, Trollhättans Bostadsbolag");
    const forged = await page.request.post(`/organisations/${eidar}`, { form: { description: "Kapad", website: "" } });
    expect(forged.status()).toBe(403);
  } finally {
    await service.from("organisations").update(before!).eq("id", id);
  }
});

test("a coordinator grants the board role to a person and revokes it", async ({ page }) => {
  const service = serviceClient();
  const { data: karin } = await service.from("profiles").select("id").eq("email", DEMO.region).single();
  try {
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/people");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Personer och roller");
    await expectNoAxeViolations(page);
    await page.getByLabel("Sök person").fill("Karin");
    await page.getByRole("button", { name: "Sök" }).click();
    const row = page.getByRole("row", { name: /Karin Svensson/ });
    await row.getByRole("button", { name: /Ge ledamot i kommunstyrelsen/ }).click();
    await expect(page.getByRole("status")).toHaveText("Rollen är tilldelad.");
    await expect(row.getByText("Ledamot i kommunstyrelsen", { exact: true })).toBeVisible();
    expect((await service.from("platform_roles").select("role").eq("user_id", karin!.id)).data).toEqual([{ role: "board" }]);

    await row.getByRole("button", { name: /Ta bort ledamot i kommunstyrelsen/ }).click();
    await expect(page.getByRole("status")).toHaveText("Rollen är borttagen.");
    await expect(row.getByText("Ledamot i kommunstyrelsen", { exact: true })).toHaveCount(0);
    expect((await service.from("platform_roles").select("role").eq("user_id", karin!.id)).data).toEqual([]);
  } finally {
    await service.from("platform_roles").delete().eq("user_id", karin!.id);
  }
});

test("a coordinator invites a new board member; an address that already has the role is explained", async ({ page, request }) => {
  const email = throwaway("ledamot");
  try {
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/people");
    const form = page.getByRole("region", { name: "Bjud in en person" });
    await form.getByLabel("E-postadress").fill(email);
    await form.getByLabel("Namn").fill("Nils Nyledamot");
    await form.getByRole("button", { name: "Skicka inbjudan" }).click();
    await expect(form.getByText("Välj en organisation eller en plattformsroll.")).toBeVisible();

    await form.getByLabel("Plattformsroll").selectOption({ label: "Ledamot i kommunstyrelsen" });
    await form.getByRole("button", { name: "Skicka inbjudan" }).click();
    await expect(page.getByRole("status")).toHaveText(`Inbjudan till ${email} är skickad.`);
    expect((await waitForMail(request, email)).subject).toBe("Du är inbjuden till Samverkansportalen");

    await form.getByLabel("E-postadress").fill(email);
    await form.getByLabel("Namn").fill("Nils Nyledamot");
    await form.getByLabel("Plattformsroll").selectOption({ label: "Ledamot i kommunstyrelsen" });
    await form.getByRole("button", { name: "Skicka inbjudan" }).click();
    await expect(form.getByText("Den här personen har redan rollen.")).toBeVisible();
  } finally {
    await removeAccounts([email]);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an org admin's invitation form answers with errors next to the fields, then invites and withdraws", async ({ page }) => {
    const email = throwaway("utanjs");
    const id = await orgId(KRONOGARDEN);
    try {
      await signIn(page, DEMO.association);
      await page.goto(`/organisations/${id}/members`);
      await invite(page, "", "Ada Utan-JS");
      const form = page.getByRole("region", { name: "Bjud in en person" });
      await expect(form.getByText("Skriv en e-postadress.")).toBeVisible();
      await expect(form.getByLabel("Namn")).toHaveValue("Ada Utan-JS");
      await expect(form.getByLabel("E-postadress")).toBeFocused();

      await invite(page, email, "Ada Utan-JS");
      await expect(page.getByRole("status")).toHaveText(`Inbjudan till ${email} är skickad.`);
      const row = page.getByRole("region", { name: "Väntande inbjudningar" }).getByRole("row", { name: new RegExp(email) });
      await row.getByRole("button", { name: /Dra tillbaka/ }).click();
      await expect(page.getByRole("status")).toHaveText("Inbjudan är tillbakadragen.");
      await expect(row).toHaveCount(0);
    } finally {
      await removeAccounts([email]);
    }
  });
});
