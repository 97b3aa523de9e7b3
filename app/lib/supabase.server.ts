/**
 * Supabase clients for the server. Every read on a user's behalf goes through `getSupabase`, with
 * the user's session from the cookies, so Postgres RLS decides what they see. There is one client
 * per request (loaders of one request share it, so a session is refreshed at most once). The
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

const clients = new WeakMap<AppLoadContext, TypedSupabaseClient>();
/** Session cookies set while handling a request (a refreshed session), by name; "" means removed. */
const setCookies = new WeakMap<AppLoadContext, Map<string, string>>();

export function getSupabase(request: Request, context: AppLoadContext): TypedSupabaseClient {
  const existing = clients.get(context);
  if (existing) return existing;
  const env = getEnv();
  // Parsed once: the auth client reads the cookies several times per request.
  let requestCookies: { name: string; value: string }[] | undefined;
  const client = createServerClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    cookies: {
      getAll: () =>
        (requestCookies ??= parseCookieHeader(request.headers.get("Cookie") ?? "").map(({ name, value }) => ({ name, value: value ?? "" }))),
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
  clients.set(context, client);
  return client;
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
