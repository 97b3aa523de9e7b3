/**
 * Web security as a browser meets it (issue 9): the CSP with a fresh nonce on every page and no
 * inline script without it, the other security headers, forms posted from another site refused
 * before anything happens, and the posting rate limit answered with 429 and a Swedish message next
 * to the field, keeping what the person wrote.
 */
import pg from "pg";
import { expect, test } from "./fixtures.ts";
import { DEMO, serviceClient, signIn } from "./support.ts";

const REGION_ID = "aaaaaaaa-0000-4000-8000-000000000005";
const THREAD_PATH = "/forums/samverkan-i-trollhattan/threads/7a7a7a7a-0000-4000-8000-000000000002";

async function sql(text: string, params: unknown[] = []): Promise<void> {
  const { dbUrl } = JSON.parse(process.env.E2E_STACK ?? "{}") as { dbUrl: string };
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

test("every page's scripts carry that response's own nonce; no CSP violation while browsing", async ({ page, request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/initiatives", "/login", "/apply"]) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) {
      // An inline script must have the nonce; a script file must come from the portal itself.
      if (!/\bsrc=/.test(tag)) expect(tag, path).toContain(`nonce="${nonce}"`);
      else expect(tag, path).toMatch(/src="\/(build\/)?/);
    }
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
  expect(nonces.size, "a new nonce per response").toBe(4);

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, DEMO.region);
  for (const path of ["/", "/initiatives", "/forums", THREAD_PATH, "/reports", "/account"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("a form posted to the portal from another site is refused before it is read", async ({ page }) => {
  await signIn(page, DEMO.region);
  const body = `CSRF-försök ${Date.now()}`;
  const target = new URL(THREAD_PATH, test.info().project.use.baseURL).href;
  // A page of another origin (about:blank has the opaque origin "null") with a form aimed at the portal.
  await page.goto("about:blank");
  await page.setContent(
    `<form method="post" action="${target}"><input name="intent" value="reply"><input name="body" value="${body}"><button>Skicka</button></form>`,
  );
  const [response] = await Promise.all([page.waitForResponse((r) => r.url() === target && r.request().method() === "POST"), page.getByRole("button", { name: "Skicka" }).click()]);
  expect(response.status()).toBe(403);
  await expect(page.locator("body")).toContainText("Förfrågan kom från en annan webbplats");
  const { data } = await serviceClient().from("posts").select("id").eq("body", body);
  expect(data).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("past the posting limit a reply answers 429 with the reason next to the field and the text kept", async ({ page }) => {
    await signIn(page, DEMO.region);
    // As if the person had just written 20 posts.
    await sql("insert into private.posting_events (user_id, kind) select $1, 'posts' from generate_series(1, 20)", [REGION_ID]);
    try {
      await page.goto(THREAD_PATH);
      const text = "Ett svar som inte får försvinna.";
      await page.getByLabel("Ditt svar").fill(text);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(THREAD_PATH)),
        page.getByRole("button", { name: "Skicka svaret" }).click(),
      ]);
      expect(response.status()).toBe(429);
      await expect(page.getByText("Du har skrivit många inlägg på kort tid. Vänta en stund och försök igen.")).toBeVisible();
      await expect(page.getByLabel("Ditt svar")).toHaveValue(text);
      await expect(page.getByLabel("Ditt svar")).toHaveAttribute("aria-invalid", "true");
    } finally {
      await sql("delete from private.posting_events where user_id = $1", [REGION_ID]);
    }
  });
});
