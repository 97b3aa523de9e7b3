/**
 * Issue 4, items 1, 2 and 6: an organisation applies through /apply (receipt and coordinator
 * notification in the mail catcher; bad input, duplicates and the honeypot), a coordinator approves
 * (the contact person is invited) or rejects (the reason is e-mailed), searches and edits
 * organisations, and reads and exports the audit log. Non-coordinators get 403; axe on every page.
 *
 * Applications that are not about the form itself are made through `apply_for_membership` as an
 * anonymous client (as the form does), so the form's per-address rate limit (5 an hour) is not used up.
 */
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { confirmLink, mailsTo, waitForMail } from "./mail.ts";
import { DEMO, serviceClient, signIn } from "./support.ts";
import { applyDirectly, unique } from "./applications.ts";

async function fillApplication(page: Page, values: { name: string; orgNumber: string; email: string }) {
  await page.getByLabel("Organisationens namn").fill(values.name);
  await page.getByLabel("Organisationsnummer").fill(values.orgNumber);
  await page.getByLabel("Typ av organisation").selectOption({ label: "Förening" });
  const districts = page.getByRole("group", { name: "Områden där ni verkar" });
  await districts.getByLabel("Kronogården").check();
  await districts.getByLabel("Öresjö").check();
  await page.getByLabel("Beskrivning av organisationen").fill("Vi driver en mötesplats för föräldrar och barn i Kronogården.");
  await page.getByLabel("Webbplats").fill("https://foraldracafe.example");
  await page.getByLabel("Kontaktpersonens namn").fill("Leila Andersson");
  await page.getByLabel("Kontaktpersonens e-postadress").fill(values.email);
}

test.describe("/apply", () => {
  test("an organisation applies: thank-you page, receipt to the applicant, notification to the coordinators", async ({ page }) => {
    const applicant = unique("Föräldracaféet");
    await page.goto("/apply");
    await expect(page.getByRole("heading", { level: 1, name: "Ansök om att gå med" })).toBeVisible();
    await expectNoAxeViolations(page);
    await fillApplication(page, applicant);
    await page.getByRole("button", { name: "Skicka ansökan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tack för er ansökan!" })).toBeVisible();
    await expectNoAxeViolations(page);

    const receipt = await waitForMail(page.request, applicant.email, /Vi har tagit emot er ansökan/);
    expect(receipt.text).toContain(applicant.name);
    expect(receipt.text).toContain(applicant.orgNumber);
    expect(receipt.text).toContain("Kronogården, Öresjö");
    const notice = await waitForMail(page.request, DEMO.coordinator, new RegExp(`Ny ansökan: ${applicant.name}`));
    expect(notice.text).toContain(applicant.email);
    expect(notice.text).toContain("/admin/organisations");

    const { data } = await serviceClient()
      .from("organisations")
      .select("status, reports_to_board, kind, districts, organisation_applications(applicant_email)")
      .eq("org_number", applicant.orgNumber)
      .single();
    expect(data).toMatchObject({ status: "pending", reports_to_board: false, kind: "association", districts: ["Kronogården", "Öresjö"] });
    expect(data?.organisation_applications?.applicant_email).toBe(applicant.email);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("bad input: Swedish messages next to the fields, status 400, everything typed kept", async ({ page }) => {
      await page.goto("/apply");
      await page.getByLabel("Organisationens namn").fill("Testföreningen");
      await page.getByLabel("Organisationsnummer").fill("802500-6006"); // wrong check digit
      await page.getByLabel("Webbplats").fill("inte en adress");
      await page.getByLabel("Kontaktpersonens e-postadress").fill("fel@");
      await page.getByRole("group", { name: "Områden där ni verkar" }).getByLabel("Sylte").check();
      const answer = page.waitForResponse((response) => response.request().method() === "POST");
      await page.getByRole("button", { name: "Skicka ansökan" }).click();
      expect((await answer).status()).toBe(400);

      await expect(page.getByRole("alert")).toContainText("Formuläret innehåller fel");
      const orgNumber = page.getByLabel("Organisationsnummer");
      await expect(orgNumber).toHaveAttribute("aria-invalid", "true");
      await expect(orgNumber).toHaveAccessibleDescription(/kontrollsiffran är fel/);
      await expect(orgNumber).toBeFocused();
      await expect(page.getByLabel("Typ av organisation")).toHaveAccessibleDescription(/Välj vilken sorts organisation/);
      await expect(page.getByLabel("Beskrivning av organisationen")).toHaveAccessibleDescription(/Beskriv organisationen/);
      await expect(page.getByLabel("Webbplats")).toHaveAccessibleDescription(/fullständig webbadress/);
      await expect(page.getByLabel("Kontaktpersonens namn")).toHaveAccessibleDescription(/Skriv kontaktpersonens namn/);
      await expect(page.getByLabel("Kontaktpersonens e-postadress")).toHaveAccessibleDescription(/giltig e-postadress/);
      // what was typed is kept
      await expect(page.getByLabel("Organisationens namn")).toHaveValue("Testföreningen");
      await expect(orgNumber).toHaveValue("802500-6006");
      await expect(page.getByLabel("Webbplats")).toHaveValue("inte en adress");
      await expect(page.getByLabel("Kontaktpersonens e-postadress")).toHaveValue("fel@");
      await expect(page.getByRole("group", { name: "Områden där ni verkar" }).getByLabel("Sylte")).toBeChecked();

      // no districts at all, and a malformed number
      await orgNumber.fill("12345");
      await page.getByRole("group", { name: "Områden där ni verkar" }).getByLabel("Sylte").uncheck();
      const second = page.waitForResponse((response) => response.request().method() === "POST");
      await page.getByRole("button", { name: "Skicka ansökan" }).click();
      expect((await second).status()).toBe(400);
      await expect(page.getByLabel("Organisationsnummer")).toHaveAccessibleDescription(/NNNNNN-NNNN/);
      await expect(page.getByRole("group", { name: "Områden där ni verkar" })).toContainText("Välj minst ett område");
    });

    test("an organisation number that already exists is explained next to the field", async ({ page }) => {
      const existing = await applyDirectly("Redan ansökt");
      await page.goto("/apply");
      await fillApplication(page, { name: "Någon annan förening", orgNumber: existing.orgNumber.replace("-", ""), email: "ny@ansokan-e2e.example" });
      const answer = page.waitForResponse((response) => response.request().method() === "POST");
      await page.getByRole("button", { name: "Skicka ansökan" }).click();
      expect((await answer).status()).toBe(400);
      await expect(page.getByLabel("Organisationsnummer")).toHaveAccessibleDescription(/Det finns redan en organisation eller ansökan/);
      await expect(page.getByLabel("Organisationens namn")).toHaveValue("Någon annan förening");
    });

    test("the honeypot refuses silently: a thank-you page, but nothing stored or mailed", async ({ page }) => {
      const bot = unique("Botföreningen");
      await page.goto("/apply");
      await fillApplication(page, bot);
      // People never see the field; a bot fills every input it finds.
      await expect(page.locator("input[name=homepage]")).toHaveAttribute("tabindex", "-1");
      await page.locator("input[name=homepage]").evaluate((input: HTMLInputElement) => (input.value = "https://spam.example"));
      await page.getByRole("button", { name: "Skicka ansökan" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Tack för er ansökan!" })).toBeVisible();
      const { data } = await serviceClient().from("organisations").select("id").eq("org_number", bot.orgNumber);
      expect(data).toEqual([]);
      await page.waitForTimeout(500);
      expect(await mailsTo(page.request, bot.email)).toEqual([]);
    });
  });

  test("the honeypot is hidden from assistive technology; errors with JavaScript pass axe too", async ({ page }) => {
    await page.goto("/apply");
    await expect(page.getByRole("textbox", { name: "Lämna det här fältet tomt" })).toHaveCount(0);
    await page.getByLabel("Organisationsnummer").fill("556074-3088");
    await page.getByRole("button", { name: "Skicka ansökan" }).click();
    await expect(page.getByLabel("Organisationsnummer")).toHaveAccessibleDescription(/kontrollsiffran är fel/);
    await expect(page.getByLabel("Organisationens namn")).toBeFocused();
    await expect(page.getByLabel("Organisationsnummer")).toHaveValue("556074-3088");
    await expectNoAxeViolations(page);
  });
});

test.describe("/admin/organisations", () => {
  test("a coordinator approves an application: the organisation is active and the contact person invited as admin", async ({ page }) => {
    const application = await applyDirectly("Godkänd förening");
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/organisations");
    await expectNoAxeViolations(page);
    const card = page.getByRole("article", { name: application.name });
    await expect(card).toContainText("Sara Kontakt");
    await expect(card).toContainText(application.email);
    await expect(card).toContainText("Vi vill gärna vara med.");
    await card.getByRole("button", { name: /Godkänn och bjud in kontaktpersonen/ }).click();
    await expect(page.getByRole("status")).toContainText(`${application.name} är godkänd. En inbjudan har skickats till ${application.email}.`);
    await expect(page.getByRole("article", { name: application.name })).toHaveCount(0);

    const invitation = await waitForMail(page.request, application.email, /.*/);
    const link = confirmLink(invitation);
    expect(link).toContain("type=invite");
    expect(decodeURIComponent(link)).toContain("next=/welcome");

    const service = serviceClient();
    const { data: org } = await service.from("organisations").select("status, approved_at").eq("id", application.id).single();
    expect(org?.status).toBe("active");
    expect(org?.approved_at).toBeTruthy();
    const { data: members } = await service.from("memberships").select("role, status, profiles!memberships_user_id_fkey(email)").eq("org_id", application.id);
    expect(members).toEqual([{ role: "admin", status: "invited", profiles: { email: application.email } }]);

    // The audit log shows the approval (and the CSV has exactly that row).
    await page.goto(`/admin/audit?action=organisation.approved&entityId=${application.id}`);
    await expectNoAxeViolations(page);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("Organisation godkänd");
    await expect(rows.nth(1)).toContainText("Anna Lindqvist");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Ladda ner som CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^granskningslogg-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await (await import("node:fs/promises")).readFile((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Tidpunkt,Vem,E-postadress,Händelse,Händelsekod,Typ av post,Postens id,Detaljer (JSON)");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`Anna Lindqvist,samordnare@trollhattan.example,Organisation godkänd,organisation.approved,Organisation,${application.id},`);

    // the whole organisation's history: created (by the anonymous applicant), approved, the admin invited
    await page.goto(`/admin/audit?entityId=${application.id}`);
    await expect(page.getByRole("table")).toContainText("Organisation skapad (ansökan)");
    const csv = await page.request.get(`/admin/audit.csv?entity=membership&from=2000-01-01`);
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="granskningslogg-/);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Inbjuden till organisation");
  });

  test("approving when the contact person already has an account invites that account as admin", async ({ page }) => {
    const application = await applyDirectly("Känd kontakt");
    const service = serviceClient();
    await service.from("organisation_applications").update({ applicant_email: DEMO.region }).eq("org_id", application.id);
    try {
      await signIn(page, DEMO.coordinator);
      await page.goto("/admin/organisations");
      await page.getByRole("article", { name: application.name }).getByRole("button", { name: /Godkänn/ }).click();
      await expect(page.getByRole("status")).toContainText(`${DEMO.region} har redan ett konto och är inbjuden som administratör`);
      const { data: members } = await service.from("memberships").select("role, status, profiles!memberships_user_id_fkey(email)").eq("org_id", application.id);
      expect(members).toEqual([{ role: "admin", status: "invited", profiles: { email: DEMO.region } }]);
    } finally {
      // A demo persona must not keep this invitation: accepting any later one would accept it too.
      await service.from("memberships").delete().eq("org_id", application.id);
    }
  });

  test("a coordinator rejects an application with a reason; the applicant gets it by e-mail", async ({ page }) => {
    const application = await applyDirectly("Avslagen förening");
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/organisations");
    const card = page.getByRole("article", { name: application.name });
    // a reason is required
    await card.getByRole("button", { name: /Avslå ansökan/ }).click();
    await expect(page.getByRole("article", { name: application.name }).getByLabel("Motivering till den sökande")).toHaveAccessibleDescription(
      /Skriv en motivering/,
    );
    const reason = "Organisationen verkar inte i Trollhättan. Kontakta oss gärna om det ändras.";
    await page.getByRole("article", { name: application.name }).getByLabel("Motivering till den sökande").fill(reason);
    await page.getByRole("article", { name: application.name }).getByRole("button", { name: /Avslå ansökan/ }).click();
    await expect(page.getByRole("status")).toContainText(`Ansökan från ${application.name} är avslagen`);

    const mail = await waitForMail(page.request, application.email, /Besked om er ansökan/);
    expect(mail.text).toContain(reason);
    expect(mail.text).toContain(application.name);
    const { data } = await serviceClient().from("organisations").select("id").eq("id", application.id);
    expect(data).toEqual([]);

    await page.goto(`/admin/audit?action=organisation.rejected&entityId=${application.id}`);
    await expect(page.getByRole("table")).toContainText("Ansökan avslagen");
    await expect(page.getByRole("table")).toContainText(reason.slice(0, 30));
  });

  test("the list of organisations searches by name and number and filters by kind and status (without JavaScript)", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.E2E_BASE_URL });
    const page = await context.newPage();
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/organisations");
    const table = page.getByRole("table", { name: /Organisationer/ });
    const search = page.getByRole("search");
    await search.getByLabel("Sök på namn eller organisationsnummer").fill("eidar");
    await search.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(/q=eidar/);
    await expect(table.getByRole("rowheader")).toHaveText([/^AB Eidar, Trollhättans Bostadsbolag\s*Rapporterar till KS$/]);

    await page.goto("/admin/organisations?q=202100-4004");
    await expect(table.getByRole("rowheader")).toHaveText(["Arbetsförmedlingen Trollhättan"]);
    await page.goto("/admin/organisations?q=2021004004");
    await expect(table.getByRole("rowheader")).toHaveText(["Arbetsförmedlingen Trollhättan"]);

    await page.goto("/admin/organisations");
    await search.getByLabel("Status").selectOption({ label: "Arkiverad" });
    await search.getByRole("button", { name: "Visa" }).click();
    await expect(table.getByRole("rowheader")).toHaveText(["Stavre Näringslivsnätverk"]);

    await page.goto("/admin/organisations?kind=housing_company&status=active");
    await expect(search.getByLabel("Typ")).toHaveValue("housing_company");
    await expect(table.getByRole("rowheader")).toHaveText([/^AB Eidar, Trollhättans Bostadsbolag\s*Rapporterar till KS$/]);
    await page.goto("/admin/organisations?q=finns-inte-alls");
    await expect(page.getByText("Inga organisationer matchar sökningen.")).toBeVisible();
    // Paginated lists (issue 10): a page past the last (a stale link) leads back to the list, filters kept.
    await page.goto("/admin/organisations?q=eidar&page=9");
    await expect(page).toHaveURL(/\/admin\/organisations\?q=eidar$/);
    await expect(table.getByRole("rowheader")).toHaveCount(1);
    await page.goto("/organisations?q=eidar&page=9");
    await expect(page).toHaveURL(/\/organisations\?q=eidar$/);
    await expect(page.getByRole("heading", { level: 2, name: /AB Eidar/ })).toBeVisible();
    await context.close();
  });

  test("a coordinator edits an organisation, sets board reporting and archives it; every change is in the audit log", async ({ page }) => {
    const application = await applyDirectly("Redigerad förening");
    await serviceClient().from("organisations").update({ status: "active" }).eq("id", application.id);
    await signIn(page, DEMO.coordinator);
    await page.goto(`/admin/organisations/${application.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Redigera ${application.name}`);
    await expectNoAxeViolations(page);

    // a changed number must be valid
    await page.getByLabel("Organisationsnummer").fill("802500-6006");
    await page.getByLabel("Namn", { exact: true }).fill("");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByLabel("Organisationsnummer")).toHaveAccessibleDescription(/kontrollsiffran är fel|NNNNNN-NNNN/);
    await expect(page.getByLabel("Namn", { exact: true })).toHaveAccessibleDescription(/Skriv organisationens namn/);

    const renamed = `${application.name} (nytt namn)`;
    await page.getByLabel("Namn", { exact: true }).fill(renamed);
    await page.getByLabel("Organisationsnummer").fill(application.orgNumber);
    await page.getByRole("group", { name: /Områden där organisationen verkar/ }).getByLabel("Centrum").check();
    await page.getByLabel(/rapporterar till kommunstyrelsen/).check();
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByRole("status")).toHaveText("Ändringarna är sparade.");
    await page.getByRole("button", { name: "Arkivera organisationen" }).click();
    await expect(page.getByRole("status")).toHaveText("Organisationen är arkiverad.");
    await expect(page.getByRole("button", { name: "Återaktivera organisationen" })).toBeVisible();

    const { data } = await serviceClient().from("organisations").select("name, districts, reports_to_board, status").eq("id", application.id).single();
    expect(data).toEqual({ name: renamed, districts: ["Centrum", "Lextorp", "Sylte"], reports_to_board: true, status: "archived" });

    await page.getByRole("link", { name: "Visa organisationens händelser i granskningsloggen" }).click();
    const table = page.getByRole("table");
    // one change of several fields is one row, named after the most important (board reporting)
    for (const label of ["Organisation skapad (ansökan)", "Besökare utan konto", "Rapportering till KS ändrad", `→ "${renamed}"`, "Organisation arkiverad"]) {
      await expect(table).toContainText(label);
    }
  });

  test("the audit log filters by person and dates", async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/audit?actor=samordnare%40trollhattan.example&from=2000-01-01&to=2000-01-02");
    await expect(page.getByText("Inga händelser matchar filtret.")).toBeVisible();
    await page.goto("/admin/audit?actor=ingen-sadan%40example.com");
    await expect(page.getByText("Ingen användare med den e-postadressen")).toBeVisible();
    await page.goto("/admin/audit");
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("non-coordinators get 403 on the admin pages; visitors are sent to sign in", async ({ page }) => {
    const { data } = await serviceClient().from("organisations").select("id").eq("name", "Kronogårdens kulturförening").single();
    const paths = ["/admin", "/admin/organisations", `/admin/organisations/${data!.id}`, "/admin/audit", "/admin/audit.csv"];
    const anonymous = await page.request.get("/admin/audit.csv", { maxRedirects: 0 });
    expect(anonymous.status()).toBe(302);
    for (const persona of [DEMO.eidar, DEMO.board]) {
      await signIn(page, persona);
      for (const path of paths) {
        const response = await page.request.get(path, { maxRedirects: 0 });
        expect(response.status(), `${persona} ${path}`).toBe(403);
      }
      const post = await page.request.post("/admin/organisations?index", { form: { intent: "approve", orgId: data!.id }, maxRedirects: 0 });
      expect(post.status()).toBe(403);
      await page.context().clearCookies();
    }
  });
});
