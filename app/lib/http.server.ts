/** Responses the portal throws from loaders and actions; the error boundary renders them. */
import { data } from "@remix-run/node";

export function forbidden(): never {
  throw data({ reason: "forbidden" }, { status: 403 });
}

export function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}

/** The database or auth could not be reached: a "temporarily unavailable" page, status 503. */
export function serviceUnavailable(): never {
  throw data({ reason: "unavailable" }, { status: 503, headers: { "Retry-After": "30" } });
}

/**
 * Whether a supabase-js error means the backend could not be reached (as opposed to a refusal or
 * bad input): fetch failures have no status and no PostgREST/GoTrue code.
 */
export function isUnreachable(error: { message?: string; code?: string; status?: number; name?: string } | null): boolean {
  if (!error) return false;
  if (error.name === "AuthRetryableFetchError") return true;
  return !error.code && !error.status && /fetch failed|ECONNREFUSED|network/i.test(error.message ?? "");
}
