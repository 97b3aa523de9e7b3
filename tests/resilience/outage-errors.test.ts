/**
 * What the portal's Supabase client hands back while Postgres stops and starts again, straight from
 * the real stack: every error seen must be recognised by `isUnreachable` (so the person gets the 503
 * page, not a 500). PostgREST has several ways of saying "no database" (PGRST000–003, 57P01, and a
 * bare `400 {"code":""}` when a connection dies mid-request); the faults test met the last one only
 * now and then, so this test collects them from many requests over several restarts.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TypedSupabaseClient } from "../../app/lib/supabase.server.ts";
import { isUnreachable } from "../../app/lib/http.server.ts";
import { startEphemeralStack } from "../support/ephemeral-stack.ts";

let stack: Awaited<ReturnType<typeof startEphemeralStack>>;
let client: TypedSupabaseClient;

beforeAll(async () => {
  stack = await startEphemeralStack();
  // The portal's own client (bounded fetch, no retries), pointed at this stack.
  process.env.SUPABASE_URL = stack.info.url;
  process.env.SUPABASE_ANON_KEY = stack.info.anonKey;
  process.env.SUPABASE_SERVICE_ROLE_KEY = stack.info.serviceRoleKey;
  const { getServiceRoleClient } = await import("../../app/lib/supabase.server.ts");
  client = getServiceRoleClient();
}, 120_000);

afterAll(async () => {
  await stack?.dispose();
});

type QueryError = { code?: string; message?: string; status?: number; name?: string };

/** A page's kinds of read: rows, a count without rows (HEAD), a function. */
const reads: ((client: TypedSupabaseClient) => PromiseLike<{ error: QueryError | null }>)[] = [
  (c) => c.from("forums").select("id, slug, name"),
  (c) => c.from("initiatives").select("id", { count: "exact", head: true }),
  (c) => c.from("threads").select("id, title").order("last_post_at", { ascending: false }).limit(20),
  (c) => c.rpc("current_person"),
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("every error while Postgres stops and starts is recognised as unreachable", async () => {
  const errors: QueryError[] = [];
  let successes = 0;
  let done = false;
  const reader = async (offset: number) => {
    for (let i = offset; !done; i++) {
      const { error } = await reads[i % reads.length]!(client);
      if (error) errors.push(error);
      else successes += 1;
    }
  };
  const readers = Array.from({ length: 6 }, (_, i) => reader(i));
  for (let round = 0; round < 8; round++) {
    await sleep(800);
    await stack.stack.stopComponent("postgres");
    await sleep(1500);
    await stack.stack.startComponent("postgres");
  }
  await sleep(1500);
  done = true;
  await Promise.all(readers);

  expect(errors.length).toBeGreaterThan(0);
  expect(successes).toBeGreaterThan(0);
  const kinds = new Map<string, QueryError>();
  for (const error of errors) kinds.set(`${error.name ?? ""} ${error.code || "-"} ${error.message?.slice(0, 60) ?? ""}`, error);
  process.stdout.write(`${errors.length} errors while Postgres restarted 8 times (1.5 s each), ${kinds.size} kinds:\n${[...kinds.keys()].join("\n")}\n`);
  expect([...kinds.values()].filter((error) => !isUnreachable(error))).toEqual([]);
  // And the stack answers again.
  const { error } = await reads[0]!(client);
  expect(error).toBeNull();
}, 120_000);
