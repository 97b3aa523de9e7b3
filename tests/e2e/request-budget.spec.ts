/**
 * No N+1 (issue 10): how many requests to Supabase (PostgREST, auth, storage) the portal makes for
 * each main page, read from the `Server-Timing` header the server sends with SERVER_TIMING=1
 * (server/caching.ts). Each page has a budget, today's count; a change that adds a request fails
 * here, and so does one whose count grows with the data: after adding a few hundred rows (threads,
 * posts, initiatives, organisations) every page must make exactly as many requests as before.
 * Runs its own portal and stack (it adds data, which the shared e2e stack must not see); no browser.
 */
import pg from "pg";
import { expect, test } from "@playwright/test";
import { supabaseRequestCount } from "../../server/caching.ts";
import { startTestPortal, type Browser, type TestPortal } from "../support/portal.ts";
import { DEMO, type Persona } from "./support.ts";

type Who = Persona | "anon";

// Seed ids (as in tests/support/rls.ts, which needs vitest and cannot be imported here).
const COORDINATOR_ID = "aaaaaaaa-0000-4000-8000-000000000001";
const REGION_ID = "aaaaaaaa-0000-4000-8000-000000000005";
const EIDAR_ORG_ID = "bbbbbbbb-0000-4000-8000-000000000001";
const FORUM_ID = "ffffffff-0000-4000-8000-000000000001";
const FORUM_PATH = "/forums/samverkan-i-trollhattan";
const WELCOME_THREAD = "7a7a7a7a-0000-4000-8000-000000000001";
const REPORT = { eidar2026Submitted: "eeeeeeee-0000-4000-8000-000000000002", krono2026Draft: "eeeeeeee-0000-4000-8000-000000000004" };

/**
 * Supabase requests per page and persona, as measured on the normal seed. Lower a budget when a
 * page needs fewer; raising one needs a reason (a page that shows more, not one that loops).
 */
const BUDGETS: readonly [Who, string, number][] = [
  ["anon", "/", 1],
  ["coordinator", "/", 4],
  ["eidar", "/", 4],
  ["anon", "/initiatives", 2],
  ["coordinator", "/initiatives", 4],
  ["coordinator", "/initiatives?status=ongoing&district=Kronog%C3%A5rden&q=l%C3%A4xhj%C3%A4lp", 4],
  ["coordinator", "/forums", 3],
  ["association", "/forums", 3],
  ["coordinator", FORUM_PATH, 3],
  ["coordinator", `${FORUM_PATH}/threads/${WELCOME_THREAD}`, 5],
  ["region", `${FORUM_PATH}/threads/${WELCOME_THREAD}`, 4],
  ["eidar", "/reports", 4],
  ["eidar", `/reports/${REPORT.eidar2026Submitted}`, 12],
  ["association", `/reports/${REPORT.krono2026Draft}`, 15],
  ["coordinator", "/reports", 2],
  ["board", "/board", 2],
  ["board", `/board/reports/${REPORT.eidar2026Submitted}`, 2],
  ["coordinator", "/initiatives/reach", 3],
  ["coordinator", "/organisations", 4],
  ["coordinator", "/admin/reports", 3],
  ["coordinator", "/admin/people", 5],
  ["coordinator", "/admin/organisations", 3],
];

/** Rows that every list above could show more of; inserted as the database's superuser. */
const MORE_DATA = `
insert into public.organisations (name, kind, status, created_by)
  select 'Budgetförening ' || n, 'association', 'active', '${COORDINATOR_ID}'
  from generate_series(1, 60) n;
insert into public.initiatives (org_id, title, summary, status, starts_on, districts, target_groups, focus_areas, is_public,
    contact_email, created_by, updated_by)
  select case when n % 4 = 0 then '${EIDAR_ORG_ID}'::uuid else o.id end, 'Budgetinsats ' || n, 'Läxhjälp för budgettest',
    'ongoing', '2026-01-01', array['Kronogården'], array['unga'], array['utbildning'], n % 2 = 0, 'budget@test.example', null, null
  from generate_series(1, 200) n
  cross join lateral (select id from public.organisations where name = 'Budgetförening ' || (1 + n % 60)) o;
insert into public.threads (forum_id, title, author_id)
  select '${FORUM_ID}', 'Budgettråd ' || n, '${REGION_ID}' from generate_series(1, 200) n;
insert into public.posts (thread_id, author_id, body)
  select '${WELCOME_THREAD}', '${REGION_ID}', 'Budgetinlägg ' || n from generate_series(1, 200) n;
`;

test.describe.configure({ mode: "serial" });

let portal: TestPortal;
const browsers = new Map<Who, Browser>();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  portal = await startTestPortal({ SERVER_TIMING: "1" });
  browsers.set("anon", portal.browser());
  for (const who of Object.keys(DEMO) as Persona[]) {
    const browser = portal.browser();
    await browser.signIn(DEMO[who]);
    browsers.set(who, browser);
  }
});

test.afterAll(async () => {
  await portal?.dispose();
});

/** The Supabase requests of one GET of `pathname` (after one warm-up, so that no cache filling counts). */
async function requestsFor(who: Who, pathname: string): Promise<number> {
  const browser = browsers.get(who)!;
  const headers: Record<string, string> = { accept: "text/html" };
  if (browser.cookieHeader()) headers.cookie = browser.cookieHeader();
  let count: number | null = null;
  for (let i = 0; i < 2; i++) {
    const response = await fetch(new URL(pathname, portal.url), { headers, redirect: "manual" });
    await response.text();
    expect.soft(response.status, `${who} ${pathname}`).toBe(200);
    count = supabaseRequestCount(response.headers.get("server-timing"));
  }
  if (count === null) throw new Error(`${pathname} answered without a Supabase count in Server-Timing`);
  return count;
}

async function measure(): Promise<number[]> {
  const counts: number[] = [];
  for (const [who, pathname] of BUDGETS) counts.push(await requestsFor(who, pathname));
  return counts;
}

function table(counts: number[], grown?: number[]): string {
  return BUDGETS.map(([who, pathname, budget], i) => `${who.padEnd(12)} ${pathname.padEnd(72)} ${counts[i]} ${grown ? `→ ${grown[i]} ` : ""}(budget ${budget})`).join("\n");
}

let before: number[] = [];

test("each page stays within its budget of Supabase requests", async () => {
  test.setTimeout(60_000);
  before = await measure();
  process.stdout.write(`Supabase requests per page (normal seed):\n${table(before)}\n`);
  for (const [i, [who, pathname, budget]] of BUDGETS.entries()) {
    expect.soft(before[i], `${who} ${pathname}`).toBeLessThanOrEqual(budget);
  }
});

test("the counts do not grow with the data", async () => {
  test.setTimeout(60_000);
  const client = new pg.Client({ connectionString: portal.info.dbUrl });
  await client.connect();
  try {
    await client.query(MORE_DATA);
  } finally {
    await client.end();
  }
  const after = await measure();
  process.stdout.write(`Supabase requests per page (with more data):\n${table(before, after)}\n`);
  for (const [i, [who, pathname]] of BUDGETS.entries()) {
    expect.soft(after[i], `${who} ${pathname}`).toBe(before[i]);
  }
});
