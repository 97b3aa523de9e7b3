import { afterEach, describe, expect, it, vi } from "vitest";
import {
  cacheHeadersFor,
  installBackendTally,
  NO_STORE,
  PRIVATE_NO_STORE,
  PUBLIC_PAGE_CACHE,
  serverTimingEnabled,
  serverTimingHeader,
  supabaseRequestCount,
  type ResponseFacts,
} from "../../server/caching.ts";

const anonymousPage: ResponseFacts = { method: "GET", status: 200, requestCookie: undefined, setsCookie: false, cacheControl: undefined };

describe("cacheHeadersFor", () => {
  it("lets shared caches keep a cookieless GET or HEAD answered 200, keyed on the Cookie header", () => {
    expect(cacheHeadersFor(anonymousPage)).toEqual({ cacheControl: PUBLIC_PAGE_CACHE, vary: "Cookie" });
    expect(cacheHeadersFor({ ...anonymousPage, method: "HEAD", requestCookie: "  " })).toEqual({ cacheControl: PUBLIC_PAGE_CACHE, vary: "Cookie" });
  });

  it("keeps nothing of a request with any cookie, or of a response that sets one", () => {
    expect(cacheHeadersFor({ ...anonymousPage, requestCookie: "sb-127-auth-token=base64-abc" })).toEqual({ cacheControl: PRIVATE_NO_STORE });
    expect(cacheHeadersFor({ ...anonymousPage, requestCookie: "lang=en" })).toEqual({ cacheControl: PRIVATE_NO_STORE });
    expect(cacheHeadersFor({ ...anonymousPage, setsCookie: true })).toEqual({ cacheControl: PRIVATE_NO_STORE });
    // A signed-in person's redirect or error is private too.
    expect(cacheHeadersFor({ ...anonymousPage, status: 302, requestCookie: "sb-x-auth-token=1" })).toEqual({ cacheControl: PRIVATE_NO_STORE });
  });

  it("stores no error, redirect, empty answer or form post", () => {
    for (const status of [204, 301, 302, 303, 400, 404, 413, 500, 503]) {
      expect(cacheHeadersFor({ ...anonymousPage, status }), String(status)).toEqual({ cacheControl: NO_STORE });
    }
    expect(cacheHeadersFor({ ...anonymousPage, method: "POST" })).toEqual({ cacheControl: NO_STORE });
  });

  it("leaves a response that chose its own Cache-Control alone (static files, downloads, /healthz)", () => {
    expect(cacheHeadersFor({ ...anonymousPage, cacheControl: "public, max-age=31536000, immutable" })).toBeNull();
    expect(cacheHeadersFor({ ...anonymousPage, requestCookie: "sb-x-auth-token=1", cacheControl: "private, no-store" })).toBeNull();
  });
});

describe("Server-Timing", () => {
  it("is on only when asked for", () => {
    expect(serverTimingEnabled(undefined)).toBe(false);
    expect(serverTimingEnabled("")).toBe(false);
    expect(serverTimingEnabled("0")).toBe(false);
    expect(serverTimingEnabled("1")).toBe(true);
    expect(serverTimingEnabled("TRUE")).toBe(true);
  });

  it("writes the count and total time, and reads the count back", () => {
    const header = serverTimingHeader({ count: 7, ms: 12.345 });
    expect(header).toBe('supabase;desc="7 requests";dur=12.3');
    expect(supabaseRequestCount(header)).toBe(7);
    expect(supabaseRequestCount(`cache;dur=1, ${header}`)).toBe(7);
    expect(supabaseRequestCount(null)).toBeNull();
    expect(supabaseRequestCount("db;dur=3")).toBeNull();
  });
});

describe("counting Supabase requests (app/lib/supabase.server.ts)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it("counts every request a client makes while handling one incoming request, and only that one's", async () => {
    vi.stubEnv("SUPABASE_URL", "http://supabase.test");
    vi.stubEnv("SUPABASE_ANON_KEY", "anon-key-anon-key-anon-key");
    vi.stubEnv("SUPABASE_SERVICE_ROLE_KEY", "service-key-service-key-service");
    const fetchMock = vi.fn(async () => new Response("[]", { status: 200, headers: { "content-type": "application/json" } }));
    vi.stubGlobal("fetch", fetchMock);
    const tallies = installBackendTally();
    const { getAnonClient } = await import("../../app/lib/supabase.server.ts");
    const client = getAnonClient();

    const first = { count: 0, ms: 0 };
    const second = { count: 0, ms: 0 };
    await Promise.all([
      tallies.run(first, async () => {
        await client.from("forums").select("id");
        await Promise.all([client.from("threads").select("id"), client.from("posts").select("id")]);
      }),
      tallies.run(second, async () => {
        await client.from("forums").select("id");
      }),
    ]);
    // Outside any request (a script, a timer): not counted anywhere.
    await client.from("forums").select("id");

    expect(fetchMock).toHaveBeenCalledTimes(5);
    expect(first.count).toBe(3);
    expect(second.count).toBe(1);
    expect(first.ms).toBeGreaterThanOrEqual(0);
  });
});
