/**
 * The per-request Supabase client's shortcuts (issue 10): the session cookie decoded once, and a
 * request without a session cookie reading through the shared anonymous client until it needs its
 * own. Both must leave what the client does unchanged.
 */
import type { AppLoadContext } from "@remix-run/node";
import { createServerClient, stringFromBase64URL, stringToBase64URL } from "@supabase/ssr";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import ws from "ws";
import { decodeSessionCookie, getAnonClient, getSupabase, hasSessionCookie } from "../../app/lib/supabase.server";

const SUPABASE_URL = "http://127.0.0.1:54321";
const SESSION_COOKIE = "sb-127-auth-token";

beforeAll(() => {
  vi.stubEnv("SUPABASE_URL", SUPABASE_URL);
  vi.stubEnv("SUPABASE_ANON_KEY", "anon-key-for-unit-tests-only");
  vi.stubEnv("SUPABASE_SERVICE_ROLE_KEY", "service-key-for-unit-tests-only");
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A session as auth-js stores it, valid for a day, with a non-ASCII name. */
function storedSession(): string {
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  return JSON.stringify({
    access_token: "header.payload.signature",
    token_type: "bearer",
    expires_in: 86_400,
    expires_at: expiresAt,
    refresh_token: "refresh",
    user: { id: "00000000-0000-0000-0000-000000000001", aud: "authenticated", email: "asa@example.org", user_metadata: { full_name: "Åsa Öberg 🌱" } },
  });
}

const encoded = (json: string) => `base64-${stringToBase64URL(json)}`;

function context(): AppLoadContext {
  return { clientAddress: "127.0.0.1", cspNonce: "n", isSecure: false, appendSetCookie: () => undefined } as AppLoadContext;
}

describe("decodeSessionCookie", () => {
  it("decodes what @supabase/ssr writes exactly as it would", () => {
    const json = storedSession();
    expect(decodeSessionCookie(SESSION_COOKIE, encoded(json))).toBe(json);
    expect(decodeSessionCookie(SESSION_COOKIE, encoded(json))).toBe(stringFromBase64URL(encoded(json).slice("base64-".length)));
  });

  it("leaves chunks, plain values and anything malformed for the library to judge", () => {
    const json = storedSession();
    expect(decodeSessionCookie(`${SESSION_COOKIE}.0`, encoded(json))).toBe(encoded(json));
    expect(decodeSessionCookie("lang", "en")).toBe("en");
    expect(decodeSessionCookie(SESSION_COOKIE, "base64-not*base64")).toBe("base64-not*base64");
    // Valid base64url and JSON once malformed UTF-8 is replaced ("\x80" in quotes): the library's
    // decoder refuses it, so it must reach the library as it is.
    expect(() => stringFromBase64URL("IoAi")).toThrow();
    expect(decodeSessionCookie(SESSION_COOKIE, "base64-IoAi")).toBe("base64-IoAi");
    expect(decodeSessionCookie(SESSION_COOKIE, encoded("{not json"))).toBe(encoded("{not json"));
  });

  it("gives the library the same session as the cookie it wrote", async () => {
    const json = storedSession();
    const read = async (value: string) => {
      const client = createServerClient(SUPABASE_URL, "anon-key-for-unit-tests-only", {
        cookies: { getAll: () => [{ name: SESSION_COOKIE, value }], setAll: () => undefined },
        realtime: { transport: ws as unknown as typeof WebSocket },
      });
      const { data } = await client.auth.getSession();
      return data.session;
    };
    const original = await read(encoded(json));
    expect(original?.user.user_metadata.full_name).toBe("Åsa Öberg 🌱");
    expect(await read(decodeSessionCookie(SESSION_COOKIE, encoded(json)))).toEqual(original);
  });
});

describe("getSupabase", () => {
  const request = (cookie?: string) => new Request("http://localhost/initiatives", cookie ? { headers: { Cookie: cookie } } : {});

  it("knows a session cookie, chunked or not, from other cookies", () => {
    expect(hasSessionCookie(request())).toBe(false);
    expect(hasSessionCookie(request("lang=en; org=abc"))).toBe(false);
    expect(hasSessionCookie(request(`lang=en; ${SESSION_COOKIE}=base64-e30`))).toBe(true);
    expect(hasSessionCookie(request(`${SESSION_COOKIE}.0=base64-e3; ${SESSION_COOKIE}.1=0`))).toBe(true);
  });

  it("reads through the shared anonymous client while a request without a session needs nothing else", () => {
    const anonymousFrom = vi.spyOn(getAnonClient(), "from");
    getSupabase(request("lang=en"), context()).from("initiatives");
    expect(anonymousFrom).toHaveBeenCalledTimes(1);
  });

  it("uses the request's own client once it is needed, and for every request with a session cookie", () => {
    const anonymousFrom = vi.spyOn(getAnonClient(), "from");
    const anonymous = getSupabase(request(), context());
    // Signing in happens on the request's own client, never on the shared one…
    expect(anonymous.auth).not.toBe(getAnonClient().auth);
    // …and every read after it goes there too.
    anonymous.from("initiatives");
    getSupabase(request(`${SESSION_COOKIE}=${encoded(storedSession())}`), context()).from("initiatives");
    expect(anonymousFrom).not.toHaveBeenCalled();
  });
});
