/**
 * Forums in the browser (issue 5): asking to join a closed forum and being approved, starting a
 * thread, a reply that mentions someone (the e-mail in the mail catcher), a moderator hiding a post,
 * reporting a post into the moderation queue, the XSS corpus staying inert, replying without
 * JavaScript, and axe on every forum page.
 */
import type { Browser, Page } from "@playwright/test";
import { XSS_CORPUS } from "../support/xss-corpus.ts";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { waitForMail } from "./mail.ts";
import { DEMO, serviceClient, signIn, type Persona } from "./support.ts";

const USER_ID = {
  coordinator: "aaaaaaaa-0000-4000-8000-000000000001",
  eidar: "aaaaaaaa-0000-4000-8000-000000000003",
  association: "aaaaaaaa-0000-4000-8000-000000000004",
  region: "aaaaaaaa-0000-4000-8000-000000000005",
} as const;
const REGION_NAME = "Karin Svensson";
const OPEN_FORUM = "samverkan-i-trollhattan";
const OPEN_FORUM_ID = "ffffffff-0000-4000-8000-000000000001";

/** A browser of its own for one persona, signed in. */
async function personaPage(browser: Browser, persona: Persona, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "sv-SE", javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, DEMO[persona]);
  return page;
}

function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A closed forum of the test's own, moderated by the Kronogården association's admin. */
async function closedForum(): Promise<{ id: string; slug: string; name: string; remove: () => Promise<void> }> {
  const service = serviceClient();
  const slug = `e2e-slutet-${unique()}`;
  const name = `Slutet testforum ${slug.slice(-6)}`;
  const { data, error } = await service
    .from("forums")
    .insert({ slug, name, description: "Ett slutet forum för webbläsartestet.", visibility: "closed" })
    .select("id")
    .single();
  if (error || !data) throw new Error(`forum not created: ${error?.message}`);
  const added = await service.from("forum_members").insert({ forum_id: data.id, user_id: USER_ID.association, role: "moderator", status: "active" });
  if (added.error) throw new Error(added.error.message);
  return { id: data.id, slug, name, remove: async () => void (await service.from("forums").delete().eq("id", data.id)) };
}

/** A thread in the open forum with the given post bodies, written by the region persona. */
async function threadWithPosts(title: string, bodies: readonly string[]): Promise<{ id: string; remove: () => Promise<void> }> {
  const service = serviceClient();
  const { data, error } = await service.from("threads").insert({ forum_id: OPEN_FORUM_ID, title, author_id: USER_ID.region }).select("id").single();
  if (error || !data) throw new Error(`thread not created: ${error?.message}`);
  // One insert per post keeps their order (positions follow the insert order).
  for (const body of bodies) {
    // Postgres text cannot hold NUL; the portal's forms strip control characters before saving.
    const post = await service.from("posts").insert({ thread_id: data.id, author_id: USER_ID.region, body: body.replaceAll("\u0000", "") });
    if (post.error) throw new Error(post.error.message);
  }
  return { id: data.id, remove: async () => void (await service.from("threads").delete().eq("id", data.id)) };
}

test("a partner asks to join a closed forum, a moderator approves, the partner posts, a reply mentions her and a moderator hides a post", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const forum = await closedForum();
  try {
    // The region asks to join.
    const region = await personaPage(browser, "region");
    await region.goto("/forums");
    await region.getByRole("link", { name: forum.name }).click();
    await expect(region.getByRole("heading", { level: 1, name: forum.name })).toBeVisible();
    await expect(region.getByRole("button", { name: "Starta tråden" })).toHaveCount(0);
    await region.getByRole("button", { name: "Begär medlemskap" }).click();
    await expect(region.getByText("Förfrågan skickad – väntar på en moderator.")).toBeVisible();

    // The moderator is told, and approves on the members page.
    const requestMail = await waitForMail(request, DEMO.association, new RegExp(`${REGION_NAME} vill gå med`));
    expect(requestMail.text).toContain(`/forums/${forum.slug}/members`);
    const moderator = await personaPage(browser, "association");
    await moderator.goto(`/forums/${forum.slug}/members`);
    await expectNoAxeViolations(moderator);
    await moderator.getByRole("button", { name: "Godkänn" }).click();
    await expect(moderator.getByText(`${REGION_NAME} är nu medlem`)).toBeVisible();
    const welcome = await waitForMail(request, DEMO.region, new RegExp(`Välkommen till ”${forum.name}”`));
    expect(welcome.text).toContain("Din förfrågan är godkänd.");

    // Now a member, the region starts a thread.
    const title = `Språkcafé i Kronogården ${unique()}`;
    await region.goto(`/forums/${forum.slug}`);
    await region.getByLabel("Rubrik").fill(title);
    await region.getByLabel("Inlägg").fill("Vi startar ett **språkcafé** på torsdagar. Vem vill vara med?");
    await region.getByRole("button", { name: "Starta tråden" }).click();
    await expect(region.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(region.locator("#post-1")).toContainText("Vi startar ett språkcafé på torsdagar.");
    await expect(region.locator("#post-1 strong")).toHaveText("språkcafé");
    const threadUrl = new URL(region.url());

    // The moderator replies and mentions her: she gets an e-mail saying so.
    await moderator.goto(threadUrl.pathname);
    await moderator.getByLabel("Ditt svar").fill(`Toppen @${REGION_NAME}! Vi kan låna lokal av föreningen.`);
    await moderator.getByRole("button", { name: "Skicka svaret" }).click();
    await expect(moderator.locator("#post-2")).toContainText("Vi kan låna lokal av föreningen.");
    await expect(moderator.locator("#post-2 .mention")).toHaveText(`@${REGION_NAME}`);
    const mention = await waitForMail(request, DEMO.region, /nämnde dig i/);
    expect(mention.subject).toContain(title);
    expect(mention.text).toContain("Vi kan låna lokal av föreningen.");

    // The region replies; then the moderator hides that reply with a reason.
    await region.goto(threadUrl.pathname);
    await region.getByLabel("Ditt svar").fill("Ring mig på 070-000 00 00 så bokar vi.");
    await region.getByRole("button", { name: "Skicka svaret" }).click();
    await expect(region.locator("#post-3")).toContainText("Ring mig på");
    await expect(region.getByLabel("Ditt svar"), "the reply box is empty again after a reply").toHaveValue("");

    await moderator.goto(`${threadUrl.pathname}?post=3#post-3`);
    const post3 = moderator.locator("#post-3");
    await post3.locator("summary", { hasText: "Moderera" }).click();
    await post3.getByLabel("Skäl till att dölja inlägg 3").fill("Privat telefonnummer i ett forum.");
    await post3.getByRole("button", { name: "Dölj inlägget" }).click();
    await expect(moderator.getByText("Inlägget är dolt.")).toBeVisible();
    await expect(moderator.locator("#post-3")).toContainText("Privat telefonnummer i ett forum.");
    await expectNoAxeViolations(moderator);

    // Another reader of the closed forum sees only the placeholder; the body never reaches the page.
    const eidar = await personaPage(browser, "eidar");
    await eidar.goto(threadUrl.pathname);
    await expect(eidar.locator("#post-3")).toContainText("Dold av moderator");
    await expect(eidar.locator("body")).not.toContainText("070-000 00 00");
    await expect(eidar.locator("body")).not.toContainText("Privat telefonnummer i ett forum.");
    expect(await eidar.content()).not.toContain("070-000 00 00");

    // The moderation is in the audit log, in the moderator's name.
    const { data: audit } = await serviceClient()
      .from("audit_log")
      .select("action, actor_id")
      .in("action", ["forum_member.approved", "post.hidden"])
      .eq("actor_id", USER_ID.association)
      .order("at", { ascending: false })
      .limit(10);
    expect((audit ?? []).map((row) => row.action)).toEqual(expect.arrayContaining(["forum_member.approved", "post.hidden"]));
  } finally {
    await forum.remove();
  }
});

test("a reader reports a post; it lands in the moderation queue and the coordinator dismisses it", async ({ browser }) => {
  const reason = `Stämmer uppgiften? ${unique()}`;
  const thread = await threadWithPosts(`Tråd att anmäla ${unique()}`, ["Första inlägget.", "Ett påstående som någon vill få granskat."]);
  try {
    const eidar = await personaPage(browser, "eidar");
    await eidar.goto(`/forums/${OPEN_FORUM}/threads/${thread.id}`);
    await eidar.locator("#post-2").getByRole("link", { name: /Anmäl/ }).click();
    await eidar.getByLabel("Varför anmäler du inlägget?").fill(reason);
    await expectNoAxeViolations(eidar);
    await eidar.getByRole("button", { name: "Skicka anmälan" }).click();
    await expect(eidar.getByText("Tack – moderatorerna har fått din anmälan.")).toBeVisible();

    const coordinator = await personaPage(browser, "coordinator");
    await coordinator.goto("/forums/moderation");
    const report = coordinator.locator("li, article, tr").filter({ hasText: reason }).last();
    await expect(report).toContainText("Ett påstående som någon vill få granskat.");
    await expectNoAxeViolations(coordinator);
    await report.getByRole("button", { name: "Avfärda" }).click();
    await expect(coordinator.getByText("Anmälan är avfärdad.")).toBeVisible();

    const { data } = await serviceClient().from("post_reports").select("status, resolved_by").eq("reason", reason).single();
    expect(data).toEqual({ status: "dismissed", resolved_by: USER_ID.coordinator });
  } finally {
    await thread.remove();
  }
});

test("the XSS corpus posted in a thread renders inert on every page", async ({ browser }) => {
  test.setTimeout(60_000);
  const thread = await threadWithPosts(`XSS-korpus ${unique()}`, XSS_CORPUS);
  try {
    const page = await personaPage(browser, "region");
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const pages = Math.ceil(XSS_CORPUS.length / 20);
    for (let n = 1; n <= pages; n += 1) {
      await page.goto(`/forums/${OPEN_FORUM}/threads/${thread.id}?page=${n}`);
      await expect(page.locator(`#post-${Math.min(n * 20, XSS_CORPUS.length)}`)).toBeVisible();
      // Hover and focus every link in the posts: handlers, if any had survived, would fire now.
      for (const link of await page.locator("article a").all()) await link.hover();
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.locator("article script, article iframe, article img, article svg, article object, article embed").count()).toBe(0);
      const handlers = await page.evaluate(() =>
        [...document.querySelectorAll("article *")].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name)),
      );
      expect(handlers).toEqual([]);
    }
    expect(dialogs).toEqual([]);
  } finally {
    await thread.remove();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a partner quotes a post and replies, and a bad reply is refused next to the field", async ({ page }) => {
    const thread = await threadWithPosts(`Utan JavaScript ${unique()}`, ["Vi behöver fler volontärer till läxhjälpen."]);
    try {
      await signIn(page, DEMO.eidar);
      await page.goto(`/forums/${OPEN_FORUM}/threads/${thread.id}`);
      // An empty reply: 400, the message next to the field, nothing saved.
      await page.getByRole("button", { name: "Skicka svaret" }).click();
      await expect(page.getByText("Skriv något i inlägget.")).toBeVisible();
      await expect(page.getByLabel("Ditt svar")).toHaveAttribute("aria-invalid", "true");
      // Quote fills the reply box on the server.
      await page.locator("#post-1").getByRole("link", { name: /Citera/ }).click();
      await expect(page.getByLabel("Ditt svar")).toHaveValue(/^> \*\*Karin Svensson\*\* skrev:\n> Vi behöver fler volontärer/);
      await page.getByLabel("Ditt svar").press("End");
      await page.getByLabel("Ditt svar").fill(`${await page.getByLabel("Ditt svar").inputValue()}Eidar ställer upp på onsdagar.`);
      await page.getByRole("button", { name: "Skicka svaret" }).click();
      await expect(page.locator("#post-2 blockquote")).toContainText("Vi behöver fler volontärer till läxhjälpen.");
      await expect(page.locator("#post-2")).toContainText("Eidar ställer upp på onsdagar.");
      const { count } = await serviceClient().from("posts").select("id", { count: "exact", head: true }).eq("thread_id", thread.id);
      expect(count).toBe(2);
      // An old link to a page past the end shows the last page.
      await page.goto(`/forums/${OPEN_FORUM}/threads/${thread.id}?page=99`);
      await expect(page.locator("#post-2")).toContainText("Eidar ställer upp på onsdagar.");
    } finally {
      await thread.remove();
    }
  });
});

test("every forum page passes axe, for a coordinator and a partner", async ({ browser }) => {
  test.setTimeout(90_000);
  const forum = await closedForum();
  const thread = await threadWithPosts(`Axe-tråd ${unique()}`, ["Ett inlägg med **fetstil**, en [länk](https://www.trollhattan.se) och en lista:\n\n- ett\n- två", "Ett andra inlägg."]);
  try {
    const threadPath = `/forums/${OPEN_FORUM}/threads/${thread.id}`;
    const coordinator = await personaPage(browser, "coordinator");
    for (const path of [
      "/forums",
      "/forums/new",
      "/forums/moderation",
      "/forums/search?q=sommarjobb",
      `/forums/${OPEN_FORUM}`,
      `/forums/${forum.slug}`,
      `/forums/${forum.slug}/settings`,
      `/forums/${forum.slug}/members`,
      threadPath,
      `${threadPath}?quote=1#reply`,
      `/forums/samverkan-i-trollhattan/threads/7a7a7a7a-0000-4000-8000-000000000002`,
    ]) {
      await coordinator.goto(path);
      await expect(coordinator.locator("h1")).toBeVisible();
      await expectNoAxeViolations(coordinator);
    }

    const region = await personaPage(browser, "region");
    for (const path of ["/forums", `/forums/${forum.slug}`, `/forums/${OPEN_FORUM}`, threadPath, `${threadPath}?edit=1#post-1`, `${threadPath}?report=2#post-2`, "/forums/search?q=inget-sådant-ord"]) {
      await region.goto(path);
      await expect(region.locator("h1")).toBeVisible();
      await expectNoAxeViolations(region);
    }
    // A form with errors, too.
    await region.goto(`/forums/${OPEN_FORUM}`);
    await region.getByRole("button", { name: "Starta tråden" }).click();
    await expect(region.getByText("Skriv en rubrik.")).toBeVisible();
    await expectNoAxeViolations(region);
  } finally {
    await thread.remove();
    await forum.remove();
  }
});
