/** Responses the portal throws from loaders and actions; the error boundary renders them. */
import { data } from "@remix-run/node";

export function forbidden(): never {
  throw data({ reason: "forbidden" }, { status: 403 });
}

export function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}

/** The database refused a write as too frequent (SQLSTATE SR429, e.g. the posting rate limit). */
export function isRateLimited(error: { code?: string } | null): boolean {
  return error?.code === "SR429";
}

/** The database or auth could not be reached: a "temporarily unavailable" page, status 503. */
export function serviceUnavailable(): never {
  throw data({ reason: "unavailable" }, { status: 503, headers: { "Retry-After": "30" } });
}

/**
 * PostgREST's codes for "the database cannot be reached": no connection (PGRST000/001), no schema
 * cache (PGRST002), no free pool connection in time (PGRST003).
 */
const DATABASE_UNREACHABLE = /^PGRST00[0-3]$/;

/**
 * SQLSTATEs of a connection lost or refused because the server is going away: class 08 (connection
 * exception) and 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now).
 */
const CONNECTION_LOST = /^(?:08\w{3}|57P0[1-3])$/;

/**
 * Whether a supabase-js error means the backend could not be reached (as opposed to a refusal or
 * bad input). Fetch failures have no status and no PostgREST/GoTrue code; they include the
 * gateway's 502/503/504 and timeouts, which the server's fetch turns into failures (see
 * supabase.server.ts). Auth answers 5xx as AuthRetryableFetchError.
 *
 * A PostgREST error whose code is empty is no refusal either: PostgREST 12 answers
 * `400 {"code":"","message":""}` to a request whose database connection dies under it (seen while
 * Postgres shuts down); every error PostgREST or the database means carries a code.
 */
export function isUnreachable(error: { message?: string; code?: string; status?: number; name?: string } | null): boolean {
  if (!error) return false;
  if (error.name === "AuthRetryableFetchError") return true;
  if (error.code && (DATABASE_UNREACHABLE.test(error.code) || CONNECTION_LOST.test(error.code))) return true;
  if (error.code === "") return true;
  return !error.code && !error.status && /fetch failed|ECONNREFUSED|network|timeout|BackendUnavailable/i.test(error.message ?? "");
}
