/**
 * Supabase clients for the server. Every read on a user's behalf goes through `getSupabase`, with
 * the user's session from the cookies, so Postgres RLS decides what they see. There is one client
 * per request (loaders of one request share it, so a session is refreshed at most once; a request
 * without a session cookie reads through the shared anonymous client until it needs its own). The
 * service-role client is only for what no user may do and never reads on a user's behalf.
 */
import type { AppLoadContext } from "@remix-run/node";
import { createServerClient, parseCookieHeader, serializeCookieHeader } from "@supabase/ssr";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import ws from "ws";
import type { Database } from "./database.types";
import { getEnv } from "./env.server";

export type TypedSupabaseClient = SupabaseClient<Database>;

// supabase-js creates a realtime client eagerly; on Node 20 it needs a WebSocket implementation.
const realtime = { transport: ws as unknown as typeof WebSocket };

/**
 * How long one request to Supabase may take. A page makes a few of them; one that hangs (a frozen
 * database, a connection nobody answers) must end in the "temporarily unavailable" page, not in a
 * page that never comes. The slowest legitimate request (a report save, a board summary query)
 * takes well under a second.
 */
const BACKEND_TIMEOUT_MS = 8000;

/** The gateway could not reach PostgREST (502/504), or a service said it is unavailable (503). */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

class BackendUnavailableError extends Error {
  override name = "BackendUnavailableError";
}

/**
 * The count of Supabase requests for the incoming request being handled, when the server keeps one
 * (SERVER_TIMING=1; see server/caching.ts, which owns the key): read from a global because this
 * module is bundled into the Remix build and cannot share the server's modules.
 */
function currentTally(): { count: number; ms: number } | undefined {
  const slot = globalThis as { [key: symbol]: { getStore(): { count: number; ms: number } | undefined } | undefined };
  return slot[Symbol.for("samverkansportalen.backendTally")]?.getStore();
}

/**
 * fetch for the Supabase clients: bounded by BACKEND_TIMEOUT_MS, and an "unavailable" answer is a
 * failed request, so that postgrest-js and auth-js both report it the way they report a refused
 * connection and `isUnreachable` recognises every outage the same way (the gateway's 502 body is
 * not a PostgREST error and would otherwise look like a bug: a 500 page).
 */
const boundedFetch: typeof fetch = async (input, init) => {
  // A plain controller and an unreferenced timer: AbortSignal.timeout() makes a transferable signal,
  // which cost measurable CPU on every request (issue 10). The timer also bounds reading the body.
  const timeout = new AbortController();
  setTimeout(() => timeout.abort(new DOMException("The backend did not answer in time", "TimeoutError")), BACKEND_TIMEOUT_MS).unref();
  const tally = currentTally();
  const started = performance.now();
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
  const response = await fetch(input, { ...init, signal }).finally(() => {
    if (!tally) return;
    tally.count += 1;
    tally.ms += performance.now() - started;
  });
  if (UNAVAILABLE_STATUSES.has(response.status)) {
    await response.body?.cancel();
    const url = input instanceof Request ? input.url : String(input);
    throw new BackendUnavailableError(`HTTP ${response.status} from ${new URL(url).pathname}`);
  }
  return response;
};

/**
 * Options every client shares. No automatic retries of reads: postgrest-js would wait 1 + 2 + 4 s
 * on a down database before answering, per query; the person gets the 503 page at once instead,
 * which says to try again shortly (and the portal is back as soon as the database is).
 */
const shared = { global: { fetch: boundedFetch }, db: { retry: false }, realtime };

const BASE64_PREFIX = "base64-";
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;
// Fatal: malformed UTF-8 is refused, as the library's own decoder refuses it.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A session cookie as @supabase/ssr would read it, decoded here once per request. The library
 * stores the session as "base64-" + base64url(JSON) and decodes it in JavaScript, character by
 * character, on every read: several times per page, ~0.1 ms each (issue 10). A value without the
 * prefix is what it reads as it is, so handing it the JSON changes nothing it does with it. Only
 * an unchunked cookie is decoded (the chunks of a large session are joined by the library first),
 * and only a well-formed one: anything else is left for the library to judge as before.
 */
export function decodeSessionCookie(name: string, value: string): string {
  if (!value.startsWith(BASE64_PREFIX) || /\.\d+$/.test(name)) return value;
  const payload = value.slice(BASE64_PREFIX.length);
  if (!BASE64URL.test(payload)) return value;
  try {
    const decoded = utf8.decode(Buffer.from(payload, "base64url"));
    JSON.parse(decoded);
    return decoded;
  } catch {
    return value;
  }
}

const clients = new WeakMap<AppLoadContext, TypedSupabaseClient>();
/** Session cookies set while handling a request (a refreshed session), by name; "" means removed. */
const setCookies = new WeakMap<AppLoadContext, Map<string, string>>();

/**
 * The name of the session cookie (and, with ".0", ".1"…, of its chunks): supabase-js's default
 * storage key for this Supabase URL, which @supabase/ssr uses as the cookie name.
 */
let sessionCookieName: string | undefined;
function sessionCookie(): string {
  sessionCookieName ??= `sb-${new URL(getEnv().SUPABASE_URL).hostname.split(".")[0]}-auth-token`;
  return sessionCookieName;
}

const sessionCookieSeen = new WeakMap<Request, boolean>();

/**
 * Whether the request carries a session cookie at all. Without one there is no session to read or
 * refresh: the person is anonymous, whatever else the cookies say (language, organisation).
 */
export function hasSessionCookie(request: Request): boolean {
  let seen = sessionCookieSeen.get(request);
  if (seen === undefined) {
    const name = sessionCookie();
    seen = parseCookieHeader(request.headers.get("Cookie") ?? "").some((cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`));
    sessionCookieSeen.set(request, seen);
  }
  return seen;
}

/** What a client without a session can be asked for that reads through PostgREST and nothing else. */
const READS: ReadonlySet<PropertyKey> = new Set(["from", "rpc", "schema"]);

/**
 * The client for this request. Building one costs measurable CPU (supabase-js makes its auth,
 * realtime, storage and functions clients; issue 10), so it is built when first used: until then,
 * a request without a session cookie has its reads (`from`, `rpc`, `schema`) answered by the
 * shared anonymous client — the same anon key and no session, so RLS sees exactly what it would
 * see from this request's own client. Anything else (`auth`: signing in, verifying a link) builds
 * this request's own client, and from then on it answers everything, so a session obtained during
 * the request is used by every read after it and never reaches the shared client.
 */
export function getSupabase(request: Request, context: AppLoadContext): TypedSupabaseClient {
  const existing = clients.get(context);
  if (existing) return existing;
  let own: TypedSupabaseClient | undefined;
  const anonymous = !hasSessionCookie(request);
  const client = new Proxy({} as TypedSupabaseClient, {
    get(_target, property) {
      const target = !own && anonymous && READS.has(property) ? getAnonClient() : (own ??= createRequestClient(request, context));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  clients.set(context, client);
  return client;
}

function createRequestClient(request: Request, context: AppLoadContext): TypedSupabaseClient {
  const env = getEnv();
  // Parsed and decoded once: the auth client reads the session again before every Supabase request.
  let requestCookies: { name: string; value: string }[] | undefined;
  return createServerClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    cookies: {
      getAll: () =>
        (requestCookies ??= parseCookieHeader(request.headers.get("Cookie") ?? "").map(({ name, value }) => ({ name, value: decodeSessionCookie(name, value ?? "") }))),
      setAll: (cookies) => {
        const set = setCookies.get(context) ?? new Map<string, string>();
        setCookies.set(context, set);
        for (const { name, value, options } of cookies) {
          set.set(name, value);
          // Only the server reads the session: HttpOnly, and Secure whenever served over https.
          context.appendSetCookie(
            serializeCookieHeader(name, value, { ...options, httpOnly: true, sameSite: "lax", secure: context.isSecure, path: "/" }),
          );
        }
      },
    },
    ...shared,
  });
}

/**
 * The Cookie header of this request as it stands now: the request's cookies with any session the
 * server refreshed while handling it. For acting again as the same user from the server (the PDF
 * renderer loads a page with it); the old refresh token would be refused as already used.
 */
export function currentCookieHeader(request: Request, context: AppLoadContext): string {
  const cookies = new Map(parseCookieHeader(request.headers.get("Cookie") ?? "").map(({ name, value }) => [name, value ?? ""]));
  for (const [name, value] of setCookies.get(context) ?? []) {
    if (value === "") cookies.delete(name);
    else cookies.set(name, value);
  }
  return [...cookies].map(([name, value]) => serializeCookieHeader(name, value, {})).join("; ");
}

let serviceClient: TypedSupabaseClient | undefined;

/** Bypasses RLS. Only for actions no user may take (auth links, invitations, reminders). */
export function getServiceRoleClient(): TypedSupabaseClient {
  const env = getEnv();
  serviceClient ??= createClient<Database>(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    ...shared,
  });
  return serviceClient;
}

let anonClient: TypedSupabaseClient | undefined;

/** A client without a session: what anyone on the internet may read (open data is the public set only). */
export function getAnonClient(): TypedSupabaseClient {
  const env = getEnv();
  anonClient ??= createClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    ...shared,
  });
  return anonClient;
}
