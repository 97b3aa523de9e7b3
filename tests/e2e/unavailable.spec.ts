/**
 * When the database and auth cannot be reached, the portal says so with a 503 page in its own
 * layout and language, and /healthz reports what is down. The portal runs here against a port
 * where nothing listens.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePorts } from "../../supabase/local/ports.ts";
import { runScript, type CliRun } from "../support/stack-cli.ts";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";

let portal: CliRun;
let baseUrl = "";
const scratch = mkdtempSync(path.join(tmpdir(), "samverkan-unavailable-"));

test.beforeAll(async () => {
  const stack = JSON.parse(process.env.E2E_STACK ?? "{}") as { anonKey: string; serviceRoleKey: string };
  const [portalPort, deadPort] = (await findFreePorts(2)) as [number, number];
  portal = runScript("server/index.ts", {
    PORT: String(portalPort),
    NODE_ENV: "production",
    SUPABASE_URL: `http://127.0.0.1:${deadPort}`,
    SUPABASE_ANON_KEY: stack.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
    SITE_URL: `http://localhost:${portalPort}`,
  });
  await portal.waitFor("Portal listening on");
  baseUrl = `http://localhost:${portalPort}`;
});

test.afterAll(async () => {
  portal.pressCtrlC();
  await portal.exit;
  rmSync(scratch, { recursive: true, force: true });
});

/** A session cookie as @supabase/ssr writes it, so the portal has to ask the (dead) auth server. */
function sessionCookie(): { name: string; value: string; url: string } {
  const now = Math.floor(Date.now() / 1000);
  const session = {
    access_token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
    refresh_token: "refresh",
    token_type: "bearer",
    expires_in: 3600,
    expires_at: now + 3600,
    user: { id: "00000000-0000-0000-0000-000000000000", aud: "authenticated", email: "someone@example.se" },
  };
  return { name: "sb-127-auth-token", value: `base64-${Buffer.from(JSON.stringify(session)).toString("base64url")}`, url: baseUrl };
}

test("/healthz answers 503 and names what is unreachable", async ({ request }) => {
  const response = await request.get(`${baseUrl}/healthz`);
  expect(response.status()).toBe(503);
  expect(await response.json()).toEqual({ ok: false, app: "ok", database: "unreachable", auth: "unreachable" });
});

test("a signed-in page answers 503 with a Swedish 'temporarily unavailable' page and no details", async ({ page, context }) => {
  await context.addCookies([sessionCookie()]);
  const response = await page.goto(`${baseUrl}/account`);
  expect(response?.status()).toBe(503);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tjänsten är tillfälligt otillgänglig");
  await expect(page.locator("body")).not.toContainText(/fetch failed|ECONNREFUSED|at .*\.js/);
  await expectNoAxeViolations(page);
});

test("the public catalogue answers 503 too when the database is down", async ({ page }) => {
  const response = await page.goto(`${baseUrl}/initiatives`);
  expect(response?.status()).toBe(503);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tjänsten är tillfälligt otillgänglig");
});
