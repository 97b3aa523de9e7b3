/**
 * Caching and timing headers, kept apart from the Express wiring so they can be tested alone.
 *
 *  - `cacheHeadersFor`: which responses a browser or proxy may keep. Only what anyone would get is
 *    shared (a cookieless GET answered 200); anything tied to a person (a session cookie, a
 *    preference cookie, a response setting a cookie) is `private, no-store`, so that no personal
 *    page survives in a shared library computer's back-forward cache or a proxy. Responses that say
 *    for themselves (static files, CSV/PDF downloads, /healthz, open data) keep their own header.
 *  - `backendTally`: with SERVER_TIMING=1, the Supabase requests (PostgREST, auth, storage: all go
 *    through `boundedFetch` in app/lib/supabase.server.ts) made while handling one request, sent
 *    back as `Server-Timing` for tests and benchmarks that guard against N+1 queries. Off by
 *    default: it tells outsiders about the backend.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface ResponseFacts {
  method: string;
  status: number;
  /** The request's Cookie header, if any. */
  requestCookie: string | undefined;
  /** Whether the response sets a cookie (a refreshed session, a language choice). */
  setsCookie: boolean;
  /** A Cache-Control the handler already chose. */
  cacheControl: string | undefined;
}

export interface CacheHeaders {
  cacheControl: string;
  /** Request headers a shared cache must key the response on. */
  vary?: string;
}

/** Anonymous pages change when someone edits them; a minute stale is fine, five while refetching. */
export const PUBLIC_PAGE_CACHE = "public, max-age=60, stale-while-revalidate=300";
export const NO_STORE = "no-store";
export const PRIVATE_NO_STORE = "private, no-store";

/**
 * The caching headers to add to a response, or null to leave it as it is. The CSP nonce in a
 * cached public page is the one in its cached header (same response): it is reused by everyone
 * who gets that copy for at most a few minutes, which leaves an attacker nothing to inject with.
 */
export function cacheHeadersFor(facts: ResponseFacts): CacheHeaders | null {
  if (facts.cacheControl !== undefined) return null;
  // Any cookie can change the page (the session, the `lang` or organisation choice): not shared.
  const personal = facts.setsCookie || (facts.requestCookie ?? "").trim() !== "";
  if (personal) return { cacheControl: PRIVATE_NO_STORE };
  const method = facts.method.toUpperCase();
  // Errors, "unavailable" pages and redirects are answers of the moment; form posts never repeat.
  if ((method !== "GET" && method !== "HEAD") || facts.status !== 200) return { cacheControl: NO_STORE };
  // The language comes from the `lang` cookie, else the profile, else Swedish
  // (app/lib/preferences.server.ts): the Cookie header is the only request input.
  return { cacheControl: PUBLIC_PAGE_CACHE, vary: "Cookie" };
}

/** Supabase requests made for one incoming request, and their summed duration. */
export interface BackendTally {
  count: number;
  ms: number;
}

/**
 * Where `boundedFetch` finds the tally of the request it runs for. A global, because the Remix
 * build bundles its own copy of the app's modules and cannot import this one.
 */
export const BACKEND_TALLY_KEY = Symbol.for("samverkansportalen.backendTally");

export function installBackendTally(): AsyncLocalStorage<BackendTally> {
  const slot = globalThis as { [BACKEND_TALLY_KEY]?: AsyncLocalStorage<BackendTally> };
  slot[BACKEND_TALLY_KEY] ??= new AsyncLocalStorage<BackendTally>();
  return slot[BACKEND_TALLY_KEY];
}

/** SERVER_TIMING=1 (or true) turns the header on. */
export function serverTimingEnabled(value: string | undefined): boolean {
  return value === "1" || value?.toLowerCase() === "true";
}

/**
 * The Server-Timing value: what was counted until the response's headers went out. Remix runs
 * every loader (or the action and then the loaders) before it renders, and the portal does not
 * stream deferred data, so for a page this is all of its Supabase requests. `dur` is the sum of
 * the requests' times to their response headers (requests run in parallel overlap).
 */
export function serverTimingHeader(tally: BackendTally): string {
  return `supabase;desc="${tally.count} requests";dur=${tally.ms.toFixed(1)}`;
}

/** Reads the count back from a Server-Timing header (tests and benchmarks); null without one. */
export function supabaseRequestCount(header: string | null): number | null {
  const match = /(?:^|,)\s*supabase;desc="(\d+) requests"/.exec(header ?? "");
  return match ? Number(match[1]) : null;
}
