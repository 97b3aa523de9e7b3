/**
 * /account (issue 4, item 5): editing the profile, language and notification frequency, changing
 * the password, downloading one's data and deleting the account. Every test works on throwaway
 * users made with the service role, so the demo accounts stay as they are.
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { serviceClient, signIn } from "./support.ts";

const PASSWORD = "konto-test-lösen-1";
const KRONOGARDEN = "bbbbbbbb-0000-4000-8000-000000000002";
const SEED_THREAD = "7a7a7a7a-0000-4000-8000-000000000001";

interface Person {
  id: string;
  email: string;
  password: string;
}

async function createPerson(fullName = "Kim Kontosson"): Promise<Person> {
  const email = `konto-${randomUUID().slice(0, 8)}@konto.example`;
  const { data, error } = await serviceClient().auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
    user_metadata: { full_name: fullName },
  });
  if (error || !data.user) throw new Error(`createUser failed: ${error?.message}`);
  return { id: data.user.id, email, password: PASSWORD };
}

async function addMembership(person: Person, orgId: string, role: "admin" | "member") {
  const { error } = await serviceClient().from("memberships").insert({ org_id: orgId, user_id: person.id, role, status: "active" });
  if (error) throw new Error(`membership insert failed: ${error.message}`);
}

async function profileOf(person: Person) {
  const { data, error } = await serviceClient().from("profiles").select("*").eq("id", person.id).maybeSingle();
  if (error) throw new Error(error.message);
  return data;
}

async function signInAs(page: Page, person: Person) {
  await signIn(page, person.email, person.password);
}

test.describe("/account", () => {
  test("edits the profile: Swedish errors next to the fields with the values kept, then saves", async ({ page }) => {
    const person = await createPerson();
    await signInAs(page, person);
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitt konto");
    await expect(page.getByLabel("Namn", { exact: true })).toHaveValue("Kim Kontosson");
    await expectNoAxeViolations(page);

    await page.getByLabel("Namn", { exact: true }).fill("");
    await page.getByLabel("Titel", { exact: true }).fill("Samordnare för fritid");
    await page.getByLabel("Telefon", { exact: true }).fill("12ab");
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    expect((await answer).status()).toBe(400);

    await expect(page.locator("#field-fullName-error")).toHaveText("Skriv ditt namn.");
    await expect(page.getByLabel("Namn", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#field-phone-error")).toHaveText(/Skriv ett svenskt telefonnummer/);
    await expect(page.getByLabel("Telefon", { exact: true })).toHaveValue("12ab");
    await expect(page.getByLabel("Titel", { exact: true })).toHaveValue("Samordnare för fritid");
    await expect(page.getByLabel("Namn", { exact: true })).toBeFocused();
    await expectNoAxeViolations(page);

    await page.getByLabel("Namn", { exact: true }).fill("Kim Kontosson Ek");
    await page.getByLabel("Telefon", { exact: true }).fill("0520-49 70 00");
    await page.getByLabel("En sammanfattning per vecka").check();
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();

    await expect(page.getByRole("status")).toHaveText("Dina uppgifter är sparade.");
    await expect(page.getByLabel("Namn", { exact: true })).toHaveValue("Kim Kontosson Ek");
    await expect(page.getByLabel("Titel", { exact: true })).toHaveValue("Samordnare för fritid");
    await expect(page.getByLabel("Telefon", { exact: true })).toHaveValue("0520-49 70 00");
    await expect(page.getByLabel("En sammanfattning per vecka")).toBeChecked();
    expect(await profileOf(person)).toMatchObject({
      full_name: "Kim Kontosson Ek",
      title: "Samordnare för fritid",
      phone: "0520-49 70 00",
      notification_frequency: "weekly",
    });
  });

  test("saves the notification frequency and the language; the page follows the language at once", async ({ page }) => {
    const person = await createPerson();
    await signInAs(page, person);
    await page.goto("/account");
    await expect(page.getByLabel("Direkt när något händer")).toBeChecked();
    await page.getByLabel("Aldrig").check();
    await page.getByLabel("English").check();
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My account");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("status")).toHaveText("Your details have been saved.");
    await expect(page.getByLabel("Never")).toBeChecked();
    expect(await profileOf(person)).toMatchObject({ locale: "en", notification_frequency: "never" });

    await page.getByLabel("Svenska").check();
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitt konto");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });

  test("changes the password: a wrong current password is refused, the new one signs in", async ({ page }) => {
    const person = await createPerson();
    await signInAs(page, person);
    await page.goto("/account");
    const newPassword = "ett-helt-nytt-lösenord";

    await page.getByLabel("Nuvarande lösenord").fill("fel-lösenord-123");
    await page.getByLabel("Nytt lösenord", { exact: true }).fill(newPassword);
    await page.getByLabel("Upprepa det nya lösenordet").fill(newPassword);
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect(page.locator("#field-currentPassword-error")).toHaveText("Det nuvarande lösenordet stämmer inte.");

    await page.getByLabel("Nuvarande lösenord").fill(person.password);
    await page.getByLabel("Nytt lösenord", { exact: true }).fill("kort");
    await page.getByLabel("Upprepa det nya lösenordet").fill("kort");
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect(page.locator("#field-password-error")).toHaveText("Lösenordet måste ha minst 10 tecken.");

    await page.getByLabel("Nuvarande lösenord").fill(person.password);
    await page.getByLabel("Nytt lösenord", { exact: true }).fill(newPassword);
    await page.getByLabel("Upprepa det nya lösenordet").fill(newPassword);
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect(page.getByRole("status")).toHaveText(/Ditt lösenord är bytt/);
    // Still signed in with the same session.
    await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();

    await page.context().clearCookies();
    await signIn(page, person.email, newPassword);
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("E-postadress", { exact: true }).fill(person.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(person.password);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page.getByText("Fel e-postadress eller lösenord.")).toBeVisible();
  });

  test("downloads my data as mina-uppgifter.json with the profile and memberships", async ({ page }) => {
    const person = await createPerson("Dana Datasson");
    await addMembership(person, KRONOGARDEN, "member");
    await signInAs(page, person);
    await page.goto("/account");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Ladda ner mina uppgifter (JSON)" }).click();
    expect((await download).suggestedFilename()).toBe("mina-uppgifter.json");

    const response = await page.request.get("/account/data.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toBe('attachment; filename="mina-uppgifter.json"');
    const body = (await response.json()) as {
      exportedAt: string;
      profile: { id: string; full_name: string; email: string };
      memberships: { org_id: string; organisationName: string; role: string }[];
      auditEntries: { action: string }[];
    };
    expect(Date.parse(body.exportedAt)).not.toBeNaN();
    expect(body.profile).toMatchObject({ id: person.id, full_name: "Dana Datasson", email: person.email });
    expect(body.memberships).toEqual([
      expect.objectContaining({ org_id: KRONOGARDEN, organisationName: "Kronogårdens kulturförening", role: "member" }),
    ]);
    expect(body.auditEntries.map((entry) => entry.action)).toContain("membership.added");
  });

  test("refuses to delete the account of an organisation's only admin, and says why", async ({ page }) => {
    const person = await createPerson();
    const { data: org, error } = await serviceClient()
      .from("organisations")
      .insert({ name: `Ensamföreningen ${person.id.slice(0, 6)}`, kind: "association", status: "active" })
      .select("id, name")
      .single();
    if (error || !org) throw new Error(error?.message);
    await addMembership(person, org.id, "admin");
    await signInAs(page, person);

    await page.goto("/account/delete");
    await expect(page.getByRole("alert")).toContainText(`du är den enda administratören för ${org.name}`);
    await expect(page.getByRole("button", { name: "Radera mitt konto för gott" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The action refuses too, whatever the page showed.
    const response = await page.request.post("/account/delete", { form: { confirmEmail: person.email } });
    expect(response.status()).toBe(409);
    expect(await profileOf(person)).not.toBeNull();
  });

  test("deletes the account: signed out, cannot sign in again, posts stay without an author", async ({ page }) => {
    const person = await createPerson("Tove Tillfällig");
    await addMembership(person, KRONOGARDEN, "member");
    const service = serviceClient();
    const { data: post, error } = await service
      .from("posts")
      .insert({ thread_id: SEED_THREAD, author_id: person.id, body: "Ett inlägg som ska finnas kvar." })
      .select("id")
      .single();
    if (error || !post) throw new Error(error?.message);

    await signInAs(page, person);
    await page.goto("/account");
    await page.getByRole("link", { name: "Radera mitt konto" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Radera mitt konto");
    await expectNoAxeViolations(page);

    await page.getByLabel("Skriv din e-postadress för att bekräfta").fill("nagon-annan@konto.example");
    await page.getByRole("button", { name: "Radera mitt konto för gott" }).click();
    await expect(page.locator("#field-confirmEmail-error")).toHaveText("E-postadressen stämmer inte med den du är inloggad med.");
    await expect(page.getByLabel("Skriv din e-postadress för att bekräfta")).toHaveValue("nagon-annan@konto.example");

    await page.getByLabel("Skriv din e-postadress för att bekräfta").fill(person.email.toUpperCase());
    await page.getByRole("button", { name: "Radera mitt konto för gott" }).click();
    await expect(page).toHaveURL(/\/account\/deleted$/);
    await expect(page.getByRole("status")).toContainText("du är utloggad");
    await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("E-postadress", { exact: true }).fill(person.email);
    await page.getByLabel("Lösenord", { exact: true }).fill(person.password);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page.getByText("Fel e-postadress eller lösenord.")).toBeVisible();

    const { data: kept } = await service.from("posts").select("id, author_id, body").eq("id", post.id).single();
    expect(kept).toEqual({ id: post.id, author_id: null, body: "Ett inlägg som ska finnas kvar." });
    expect(await profileOf(person)).toBeNull();
    const { data: memberships } = await service.from("memberships").select("id").eq("user_id", person.id);
    expect(memberships).toEqual([]);
  });
});

test.describe("/account without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the profile form answers 400 with errors and kept values, then saves", async ({ page }) => {
    const person = await createPerson();
    await signInAs(page, person);
    await page.goto("/account");

    await page.getByLabel("Telefon", { exact: true }).fill("+46 70 12");
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    expect((await answer).status()).toBe(400);
    await expect(page.locator("#field-phone-error")).toHaveText(/Skriv ett svenskt telefonnummer/);
    await expect(page.getByLabel("Telefon", { exact: true })).toHaveValue("+46 70 12");

    await page.getByLabel("Telefon", { exact: true }).fill("+46 (0)70-123 45 67");
    await page.getByLabel("En sammanfattning per dag").check();
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    await expect(page.getByRole("status")).toHaveText("Dina uppgifter är sparade.");
    await expect(page.getByLabel("Telefon", { exact: true })).toHaveValue("+46 (0)70-123 45 67");
    expect(await profileOf(person)).toMatchObject({ phone: "+46 (0)70-123 45 67", notification_frequency: "daily" });
  });

  test("the delete confirmation refuses a wrong address with 400, then deletes and signs out", async ({ page }) => {
    const person = await createPerson();
    await signInAs(page, person);
    await page.goto("/account/delete");
    await page.getByLabel("Skriv din e-postadress för att bekräfta").fill("fel@konto.example");
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Radera mitt konto för gott" }).click();
    expect((await answer).status()).toBe(400);
    await expect(page.locator("#field-confirmEmail-error")).toHaveText("E-postadressen stämmer inte med den du är inloggad med.");
    await expect(page.getByLabel("Skriv din e-postadress för att bekräfta")).toHaveValue("fel@konto.example");

    await page.getByLabel("Skriv din e-postadress för att bekräfta").fill(person.email);
    await page.getByRole("button", { name: "Radera mitt konto för gott" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ditt konto är raderat");
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
    expect(await profileOf(person)).toBeNull();
  });
});
