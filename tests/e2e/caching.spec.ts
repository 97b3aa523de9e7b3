/**
 * Caching headers of real responses (server/caching.ts, wired in server/index.ts): public pages for
 * someone without cookies are shared for a minute, a signed-in person's pages are never stored,
 * fingerprinted build files are kept for ever, and an error is not kept at all.
 */
import { expect, test } from "@playwright/test";
import { Browser } from "../support/portal.ts";
import { DEMO } from "./support.ts";

function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run the browser tests through playwright (global setup).");
  return url;
}

async function get(pathname: string, cookie = ""): Promise<Response> {
  const response = await fetch(new URL(pathname, baseUrl()), { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await response.arrayBuffer();
  return response;
}

test("cache headers: public pages, personal pages, build files, errors", async () => {
  const anonymous = await get("/");
  expect(anonymous.status).toBe(200);
  expect(anonymous.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
  expect(anonymous.headers.get("vary") ?? "").toMatch(/\bCookie\b/);

  const browser = new Browser(baseUrl());
  await browser.signIn(DEMO.coordinator);
  const personal = await get("/", browser.cookieHeader());
  expect(personal.status).toBe(200);
  expect(personal.headers.get("cache-control")).toBe("private, no-store");
  // Remix's data requests (client navigation) are pages too.
  expect((await get("/?_data=root", browser.cookieHeader())).headers.get("cache-control")).toBe("private, no-store");

  const html = await (await fetch(new URL("/", baseUrl()))).text();
  const script = /\/build\/[^"']+\.js/.exec(html)?.[0];
  expect(script, "a build file linked from /").toBeTruthy();
  const asset = await get(script!);
  expect(asset.status).toBe(200);
  expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");

  const missing = await get("/finns-inte-alls");
  expect(missing.status).toBe(404);
  expect(missing.headers.get("cache-control")).toBe("no-store");

  // A response that chose its own keeps it.
  expect((await get("/healthz")).headers.get("cache-control")).toBe("no-store");
  // Server-Timing is off unless SERVER_TIMING=1 (it would tell outsiders about the backend).
  expect(anonymous.headers.get("server-timing")).toBeNull();
});
