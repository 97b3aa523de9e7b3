/**
 * The load scenario of `npm run bench:load` and tests/resilience/load.test.ts: N simulated people
 * (50 by default), each with an account of their own, an organisation they administer and that
 * organisation's draft report in the open period, use the portal at the same time for a while.
 *
 * Each person repeats one visit: the start page, the forum overview, a forum, a thread (reading
 * the reply form, hidden submissionKey included, from the page), the catalogue with a filter, the
 * report list, their report (reading the form and its revision), then posts a reply and saves
 * the report, following each redirect as a browser does. Between two requests a person reads or
 * types: `thinkSeconds` (2–8 s, uniformly at random, 5 s on average, as load-testing practice puts
 * a person's time per page), and people arrive at random moments of their first think time. So 50
 * people make ~10 requests/s while all are active, evenly spread; everyone finishes at least one
 * whole visit. With `thinkSeconds: [0, 0]` every person fires the next
 * request as soon as the last one is answered: a test of capacity rather than of people (README).
 * A visit of 11 requests holds one reply, so nobody comes near the posting limit (20 per 10 minutes).
 *
 * Each request is one autocannon run of one request on its own connection with the person's
 * cookies (autocannon paces a connection at one request a second at the slowest, so think times
 * are kept here); what a page told the next request is kept in the person's visit state.
 * Latencies are the time of every response, 2xx and 3xx alike (autocannon's `response` event),
 * and the percentiles are computed from all of them (nearest rank); autocannon's own histogram
 * leaves out redirects and corrects for coordinated omission, so it is not used.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import autocannon from "autocannon";
import pg from "pg";
import { Browser, formFields } from "../../tests/support/portal.ts";

const OPEN_PERIOD = "cccccccc-0000-4000-8000-000000000002";
/** Threads of the two open forums every partner may write in. */
const THREADS = [
  "/forums/samverkan-i-trollhattan/threads/7a7a7a7a-0000-4000-8000-000000000001",
  "/forums/samverkan-i-trollhattan/threads/7a7a7a7a-0000-4000-8000-000000000002",
  "/forums/lov-och-fritid/threads/7a7a7a7a-0000-4000-8000-000000000005",
];
const DISTRICTS = ["Kronogården", "Lextorp", "Sylte", "Hjulkvarn"];

export interface LoadUser {
  email: string;
  reportId: string;
}

export interface LoadOptions {
  users: number;
  /** How long people keep making requests. */
  durationSeconds: number;
  /** A person's time between two requests, uniformly at random between the two, in seconds. */
  thinkSeconds: [number, number];
}

export const DEFAULT_LOAD: LoadOptions = { users: 50, durationSeconds: 60, thinkSeconds: [2, 8] };

export interface LoadResult {
  options: LoadOptions;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Answers other than 2xx/3xx, socket errors and timeouts; all must be 0. */
  errors: { badStatus: number; socket: number; timeouts: number };
  statusCodes: Record<string, number>;
  /** Response times by step of the visit (where the time goes). */
  steps: Record<string, { count: number; p50: number; p95: number }>;
  /** What went wrong, by step (first few): for finding the cause of an error. */
  failures: string[];
  /** Rows the run wrote: replies posted and report saves (proof the writes really happened). */
  written: { posts: number; reportSaves: number };
}

/** Creates `count` people, each the admin of an organisation with a draft report in the open period. */
export async function createLoadUsers(dbUrl: string, count: number): Promise<LoadUser[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const run = randomUUID().slice(0, 8);
    const { rows } = await client.query<{ email: string; report_id: string }>(
      `
      with people as (
        select n, gen_random_uuid() as user_id, gen_random_uuid() as org_id, gen_random_uuid() as report_id,
               format('last%s-%s@belastning.example', n, $1::text) as email
          from generate_series(1, $2::int) as n
      ), users as (
        insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                                raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                                confirmation_token, recovery_token, email_change_token_new, email_change)
        select '00000000-0000-0000-0000-000000000000', user_id, 'authenticated', 'authenticated', email,
               extensions.crypt('samverkan-demo', extensions.gen_salt('bf', 4)), now(),
               '{"provider":"email","providers":["email"]}'::jsonb,
               jsonb_build_object('full_name', format('Testperson %s', n), 'locale', 'sv'), now(), now(), '', '', '', ''
          from people
        returning id
      ), identities as (
        insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
        select user_id::text, user_id, jsonb_build_object('sub', user_id::text, 'email', email, 'email_verified', true),
               'email', now(), now(), now()
          from people
         where user_id in (select id from users)
        returning user_id
      )
      select email, report_id::text from people where user_id in (select user_id from identities)
      `,
      [run, count],
    );
    // Organisations, memberships and reports need the profiles the auth.users trigger made.
    await client.query(
      `
      with people as (
        select p.id as user_id, u.email, (regexp_match(u.email, '^last(\\d+)-'))[1]::int as n
          from auth.users u join public.profiles p on p.id = u.id
         where u.email like $1
      ), orgs as (
        insert into public.organisations (name, kind, contact_email, status, approved_at)
        select format('Belastningsförening %s (%s)', n, $2::text), 'association', email, 'active', now() from people
        returning id, contact_email
      ), members as (
        insert into public.memberships (org_id, user_id, role, status, joined_at)
        select o.id, p.user_id, 'admin', 'active', now() from orgs o join people p on p.email = o.contact_email
        returning org_id, user_id
      ), periods as (
        insert into public.period_organisations (period_id, org_id) select $3::uuid, org_id from members returning org_id
      )
      insert into public.reports (id, org_id, period_id, summary, created_by, updated_by)
      select r.report_id, m.org_id, $3::uuid, 'Utkast inför belastningstestet.', m.user_id, m.user_id
        from members m
        join people p on p.user_id = m.user_id
        join (select unnest($4::text[]) as email, unnest($5::uuid[]) as report_id) r on r.email = p.email
        join periods on periods.org_id = m.org_id
      `,
      [`last%-${run}@belastning.example`, run, OPEN_PERIOD, rows.map((row) => row.email), rows.map((row) => row.report_id)],
    );
    return rows.map((row) => ({ email: row.email, reportId: row.report_id }));
  } finally {
    await client.end();
  }
}

/** Counts of what the people wrote (replies by them, saves of their reports), for after the run. */
export async function writtenBy(dbUrl: string, users: LoadUser[]): Promise<LoadResult["written"]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ posts: string; saves: string }>(
      `select (select count(*) from public.posts p join auth.users u on u.id = p.author_id where u.email = any($1)) as posts,
              (select count(*) from public.report_events where kind = 'saved' and report_id = any($2::uuid[])) as saves`,
      [users.map((user) => user.email), users.map((user) => user.reportId)],
    );
    return { posts: Number(rows[0]?.posts ?? 0), reportSaves: Number(rows[0]?.saves ?? 0) };
  } finally {
    await client.end();
  }
}

/** The nearest-rank percentile `p` (0–100) of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Visit {
  replyForm?: string;
  reportForm?: string;
  next?: string;
  round?: number;
}

type Step = autocannon.Request & { step: string };

/** One person's visit, as autocannon requests; `state` carries what a page told the next request. */
function visitOf(user: LoadUser, index: number, baseUrl: string, failures: string[]): Step[] {
  const state: Visit = {};
  const thread = THREADS[index % THREADS.length]!;
  const report = `/reports/${user.reportId}`;
  const district = DISTRICTS[index % DISTRICTS.length]!;
  let round = 0;
  const expect = (step: string, statuses: number[]) => (status: number) => {
    if (!statuses.includes(status) && failures.length < 20) failures.push(`${user.email} ${step}: ${status}`);
  };
  const formPost = (step: string, path: string, body: string): Step => ({
    step,
    method: "POST",
    path,
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body,
  });
  const get = (step: string, path: string, statuses = [200]): Step => ({
    step,
    method: "GET",
    path,
    onResponse: expect(step, statuses),
  });
  return [
    {
      ...get("start page", "/"),
      setupRequest: (request) => {
        state.round = ++round;
        return request;
      },
    },
    get("forums", "/forums"),
    get("forum", thread.slice(0, thread.indexOf("/threads/"))),
    {
      ...get("thread", thread),
      onResponse: (status, body) => {
        expect("thread", [200])(status);
        if (status === 200) state.replyForm = formFields(body, { name: "intent", value: "reply" }).toString();
      },
    },
    get("catalogue", `/initiatives?district=${encodeURIComponent(district)}`),
    get("reports", "/reports"),
    {
      ...get("report", report),
      onResponse: (status, body) => {
        expect("report", [200])(status);
        if (status === 200) state.reportForm = formFields(body, { name: "intent", value: "save" }).toString();
      },
    },
    {
      ...formPost("reply", thread, ""),
      setupRequest: (request) => {
        const form = new URLSearchParams(state.replyForm ?? "intent=reply");
        form.set("body", `Belastningstest: svar ${state.round ?? 0} från ${user.email}.`);
        return { ...request, body: form.toString() };
      },
      onResponse: (status, _body, _ctx, headers) => {
        expect("reply", [302, 303])(status);
        state.next = locationOf(headers, baseUrl) ?? thread;
      },
    },
    {
      ...get("thread after reply", thread),
      setupRequest: (request) => ({ ...request, path: state.next ?? thread }),
    },
    {
      ...formPost("report save", report, ""),
      setupRequest: (request) => {
        const form = new URLSearchParams(state.reportForm ?? "intent=save");
        form.set("summary", `Lägesbild ${state.round ?? 0}: verksamheten pågår enligt plan (${user.email}).`);
        return { ...request, body: form.toString() };
      },
      onResponse: (status, _body, _ctx, headers) => {
        expect("report save", [302, 303])(status);
        state.next = locationOf(headers, baseUrl) ?? report;
      },
    },
    {
      ...get("report after save", report),
      setupRequest: (request) => ({ ...request, path: state.next ?? report }),
    },
  ];
}

function locationOf(headers: IncomingHttpHeaders | undefined, baseUrl: string): string | undefined {
  const value = headers?.location;
  const location = Array.isArray(value) ? value[0] : value;
  // A browser keeps the #fragment to itself.
  return location ? location.replace(baseUrl, "").replace(/#.*$/, "") : undefined;
}

/**
 * Signs every person in (through /login, as a browser), then runs them all at once for the
 * duration. Resolves with the figures; does not judge them (the caller asserts or prints).
 */
export async function runLoad(baseUrl: string, users: LoadUser[], options: LoadOptions = DEFAULT_LOAD): Promise<LoadResult> {
  const cookies: string[] = [];
  for (const user of users) {
    const browser = new Browser(baseUrl);
    await browser.signIn(user.email);
    cookies.push(browser.cookieHeader());
  }

  const times: number[] = [];
  const stepTimes = new Map<string, number[]>();
  const statusCodes: Record<string, number> = {};
  const failures: string[] = [];
  let badStatus = 0;
  let socket = 0;
  let timeouts = 0;
  const started = performance.now();
  const endsAt = started + options.durationSeconds * 1000;
  const [fewest, most] = options.thinkSeconds;
  const think = () => new Promise((resolve) => setTimeout(resolve, (fewest + Math.random() * (most - fewest)) * 1000));
  await Promise.all(
    users.map(async (user, index) => {
      const visit = visitOf(user, index, baseUrl, failures);
      await think(); // people arrive at different moments
      // Everyone finishes at least one whole visit (a reply and a report save), however long it takes.
      for (let step = 0; step < visit.length || performance.now() < endsAt; step++) {
        await requestOnce(visit[step % visit.length]!, cookies[index]!, user.email);
        await think();
      }
    }),
  );

  /** One request of a person, timed. */
  async function requestOnce(request: Step, cookie: string, email: string): Promise<void> {
    let finished: (error: Error | null) => void = () => {};
    const done = new Promise<void>((resolve, reject) => (finished = (error) => (error ? reject(error) : resolve())));
    const instance = autocannon(
      {
        url: baseUrl,
        connections: 1,
        amount: 1,
        // A person who waits 10 s for a page has a broken portal: counted as a timeout error.
        timeout: 10,
        headers: { cookie, accept: "text/html" },
        requests: [request],
      },
      (error) => finished(error),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      stepTimes.set(request.step, [...(stepTimes.get(request.step) ?? []), responseTime]);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode < 200 || statusCode >= 400) badStatus++;
    });
    instance.on("reqError", (error) => {
      if (/timed out/.test(error.message)) timeouts++;
      else socket++;
      if (failures.length < 20) failures.push(`${email} ${request.step}: ${error.message}`);
    });
    await done;
  }
  const elapsedS = (performance.now() - started) / 1000;
  const sorted = times.sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return {
    options,
    requests: sorted.length,
    requestsPerSecond: sorted.length / elapsedS,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      mean,
    },
    errors: { badStatus, socket, timeouts },
    statusCodes,
    steps: Object.fromEntries(
      [...stepTimes].map(([step, values]) => {
        const ordered = values.sort((a, b) => a - b);
        return [step, { count: ordered.length, p50: percentile(ordered, 50), p95: percentile(ordered, 95) }];
      }),
    ),
    failures,
    written: { posts: 0, reportSaves: 0 },
  };
}

/** The figures as a Markdown table. */
export function loadTable(result: LoadResult): string {
  const { latencyMs: l, errors: e, options: o } = result;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `${o.users} people × ${o.durationSeconds} s, ${o.thinkSeconds[0]}–${o.thinkSeconds[1]} s between a person's requests (browse, reply, save report)`,
    "",
    "| requests | req/s | p50 | p95 | p99 | max | errors (status / socket / timeout) | replies | report saves |",
    "|---|---|---|---|---|---|---|---|---|",
    `| ${result.requests} | ${result.requestsPerSecond.toFixed(1)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${e.badStatus} / ${e.socket} / ${e.timeouts} | ${result.written.posts} | ${result.written.reportSaves} |`,
    "",
    `Status codes: ${Object.entries(result.statusCodes).map(([code, count]) => `${code} × ${count}`).join(", ")}`,
    "",
    "| step | responses | p50 | p95 |",
    "|---|---|---|---|",
    ...Object.entries(result.steps).map(([step, figures]) => `| ${step} | ${figures.count} | ${ms(figures.p50)} | ${ms(figures.p95)} |`),
  ].join("\n");
}
