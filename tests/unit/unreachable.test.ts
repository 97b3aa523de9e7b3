import { describe, expect, it } from "vitest";
import { isUnreachable } from "~/lib/http.server";

/** Error shapes as supabase-js hands them over; the outage ones were seen while stopping the embedded stack's Postgres. */
describe("isUnreachable", () => {
  it.each([
    ["a refused connection (fetch failure)", { message: "TypeError: fetch failed" }],
    ["the gateway's 502/503/504 or a timeout (boundedFetch)", { message: "BackendUnavailableError: HTTP 503 from /rest/v1/forums" }],
    ["PostgREST without a database connection", { code: "PGRST000", message: "Database connection error. Retrying the connection." }],
    ["PostgREST without a schema cache", { code: "PGRST002", message: "Could not query the database for the schema cache. Retrying." }],
    ["a connection ended by a shutting-down server", { code: "57P01", message: "terminating connection due to administrator command" }],
    ["a server that cannot accept connections yet", { code: "57P03", message: "the database system is starting up" }],
    ["a connection failure", { code: "08006", message: "connection failure" }],
    ["PostgREST's empty 400 when its connection dies mid-request", { code: "", details: null, hint: null, message: "" }],
    ["auth answering 5xx", { name: "AuthRetryableFetchError", message: "", status: 502 }],
  ])("%s: unreachable", (_, error) => {
    expect(isUnreachable(error)).toBe(true);
  });

  it.each([
    ["no error", null],
    ["a policy refusal", { code: "42501", message: "new row violates row-level security policy" }],
    ["a unique violation", { code: "23505", message: "duplicate key value violates unique constraint" }],
    ["an expired token", { code: "PGRST301", message: "JWT expired" }],
    ["a rate limit raised by a trigger", { code: "SR429", message: "too many posts" }],
    ["a HEAD request's refusal (no body, so no code)", { message: "" }],
    ["a wrong password", { name: "AuthApiError", message: "Invalid login credentials", status: 400, code: "invalid_credentials" }],
  ])("%s: not unreachable", (_, error) => {
    expect(isUnreachable(error)).toBe(false);
  });
});
