/**
 * Issue 4's whole journey, as people live it: an organisation applies, a coordinator approves it,
 * the contact person accepts the invitation from the mail catcher and sets a password, invites a
 * colleague, and the colleague joins. And the other ending: a rejected application's contact gets
 * the reason.
 */
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { confirmLink, waitForMail } from "./mail.ts";
import { applyDirectly, newOrgNumber } from "./applications.ts";
import { DEMO, serviceClient, signIn } from "./support.ts";

const tag = () => randomUUID().slice(0, 8);

async function apply(page: Page, organisation: string, contactName: string, contactEmail: string): Promise<void> {
  await page.goto("/apply");
  await page.getByLabel("Organisationens namn").fill(organisation);
  await page.getByLabel("Organisationsnummer").fill(newOrgNumber());
  await page.getByLabel("Typ av organisation").selectOption({ label: "Förening" });
  await page.getByRole("group", { name: "Områden där ni verkar" }).getByLabel("Sylte").check();
  await page.getByLabel("Beskrivning av organisationen").fill("Läxhjälp och språkträning för barn och unga i Sylte.");
  await page.getByLabel("Kontaktpersonens namn").fill(contactName);
  await page.getByLabel("Kontaktpersonens e-postadress").fill(contactEmail);
  await page.getByRole("button", { name: "Skicka ansökan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tack för er ansökan!" })).toBeVisible();
}

/** Opens an invitation link in a fresh browser and accepts it on /welcome with a name and password. */
async function acceptInvitation(browser: Browser, link: string, name: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE" });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL("/welcome");
  await page.getByLabel("Ditt namn").fill(name);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByLabel("Upprepa lösenordet").fill(password);
  await page.getByRole("button", { name: "Spara och gå vidare" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("banner").getByText(name)).toBeVisible();
  return page;
}

test("an organisation applies, is approved, its contact accepts and invites a colleague who joins", async ({ page, browser, request }) => {
  const id = tag();
  const organisation = `Sylte läxhjälp ${id}`;
  const contact = { name: "Leila Haddad", email: `leila-${id}@sylte-e2e.example`, password: "sylte-lösenord-1" };
  const colleague = { name: "Omar Berg", email: `omar-${id}@sylte-e2e.example`, password: "omars-lösenord-1" };
  try {
    await apply(page, organisation, contact.name, contact.email);

    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/organisations");
    await page.getByRole("article", { name: organisation }).getByRole("button", { name: /Godkänn och bjud in kontaktpersonen/ }).click();
    await expect(page.getByRole("status")).toContainText(`${organisation} är godkänd`);

    const contactPage = await acceptInvitation(browser, confirmLink(await waitForMail(request, contact.email, /inbjud/i)), contact.name, contact.password);
    await expect(contactPage.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppföljning" })).toBeVisible();

    // The contact person is the organisation's admin and invites a colleague.
    await contactPage.goto("/organisations");
    await contactPage.getByRole("link", { name: organisation }).click();
    await contactPage.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    const orgPath = new URL(contactPage.url()).pathname;
    await contactPage.goto(`${orgPath}/members`);
    const inviteForm = contactPage.getByRole("region", { name: "Bjud in en person" });
    await inviteForm.getByLabel("E-postadress").fill(colleague.email);
    await inviteForm.getByLabel("Namn").fill(colleague.name);
    await inviteForm.getByLabel("Roll").selectOption({ label: "Medlem" });
    await inviteForm.getByRole("button", { name: "Skicka inbjudan" }).click();
    await expect(contactPage.getByRole("status")).toBeVisible();

    const colleaguePage = await acceptInvitation(browser, confirmLink(await waitForMail(request, colleague.email, /inbjud/i)), colleague.name, colleague.password);
    await colleaguePage.close();

    await contactPage.goto(`${orgPath}/members`);
    const members = contactPage.getByRole("region", { name: "Medlemmar", exact: true });
    await expect(members.getByRole("row", { name: new RegExp(contact.name) })).toContainText("Administratör");
    await expect(members.getByRole("row", { name: new RegExp(colleague.name) })).toContainText("Medlem");
    await contactPage.context().close();
  } finally {
    const service = serviceClient();
    const { data: people } = await service.from("profiles").select("id").in("email", [contact.email, colleague.email]);
    for (const person of people ?? []) await service.auth.admin.deleteUser(person.id);
    await service.from("organisations").update({ status: "archived" }).eq("name", organisation);
  }
});

test("a rejected application's contact person gets the reason by e-mail", async ({ page, request }) => {
  // Applied through the same SQL function as the form (the form itself is tested above), so the
  // form's per-address rate limit is left for the tests that are about it.
  const { name: organisation, email } = await applyDirectly("Avslagen förening");

  await signIn(page, DEMO.coordinator);
  await page.goto("/admin/organisations");
  const card = page.getByRole("article", { name: organisation });
  const reason = "Föreningen verkar inte i Trollhättan. Hör gärna av er om det ändras.";
  await card.getByLabel("Motivering till den sökande").fill(reason);
  await card.getByRole("button", { name: /Avslå ansökan/ }).click();
  await expect(page.getByRole("article", { name: organisation })).toHaveCount(0);

  const mail = await waitForMail(request, email, /ansökan/i);
  expect(mail.text).toContain(reason);
  expect(mail.text).toContain(organisation);
});
