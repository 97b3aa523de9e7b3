/**
 * Unwrapping supabase-js results in loaders: an unreachable backend gives the 503 page, any other
 * error the 500 page (the message goes to the server log only, never to the browser).
 */
import { isUnreachable, serviceUnavailable } from "./http.server";

interface QueryError {
  message: string;
  code?: string;
  status?: number;
  name?: string;
}

export function rowsOf<T>(result: { data: T | null; error: QueryError | null }, what: string): T {
  if (isUnreachable(result.error)) serviceUnavailable();
  if (result.error || result.data === null) throw new Error(`Could not load ${what}: ${result.error?.message ?? "no data"}`);
  return result.data;
}

export function countOf(result: { count: number | null; error: QueryError | null }, what: string): number {
  if (isUnreachable(result.error)) serviceUnavailable();
  if (result.error) throw new Error(`Could not count ${what}: ${result.error.message}`);
  return result.count ?? 0;
}
