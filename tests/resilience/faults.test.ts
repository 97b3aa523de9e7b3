/**
 * Faults: PostgREST and Postgres stop (and freeze) while a signed-in partner uses the portal.
 * Every answer must be an ordinary page, a redirect, or the 503 "temporarily unavailable" page
 * (never a 500, a stack trace or a hang past a bound); the portal recovers on its own when they
 * come back; and a form posted during the outage and posted again afterwards (same body, same
 * hidden submissionKey, as a browser's retry or a double click sends it) is stored exactly once.
 *
 * The stack runs in this process (stack.stopComponent/startComponent), the built portal as a
 * child process, as in production. Rows are counted with SQL as the superuser.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackComponent } from "../../supabase/local/stack.ts";
import { formFields, startTestPortal, submissionKeyOf, type Answer, type Browser, type TestPortal } from "../support/portal.ts";

const UNAVAILABLE_HEADING = "Tjänsten är tillfälligt otillgänglig";
const EIDAR_ORG = "bbbbbbbb-0000-4000-8000-000000000001";
const OPEN_FORUM = "samverkan-i-trollhattan";
const THREAD = "7a7a7a7a-0000-4000-8000-000000000002";
const THREAD_PATH = `/forums/${OPEN_FORUM}/threads/${THREAD}`;
/** Kronogårdens kulturförening's draft report of the open period (Halvår 1 2026). */
const ASSOCIATION_REPORT = "eeeeeeee-0000-4000-8000-000000000004";
const PAGES = ["/", "/forums", `/forums/${OPEN_FORUM}`, THREAD_PATH, "/initiatives", "/reports"];
/** The longest any answer may take while something is down: the portal's backend timeout (8 s) and some. */
const ANSWER_BOUND_MS = 12_000;
/** Details that must never reach a browser. */
const LEAKS = /ECONNREFUSED|fetch failed|BackendUnavailable|PGRST\d|TimeoutError|at [\w.<>]+ \(|\.(?:js|ts):\d+:\d+/;

let portal: TestPortal;
let partner: Browser;

beforeAll(async () => {
  portal = await startTestPortal();
  partner = portal.browser();
  await partner.signIn("eidar@eidar.example");
});

afterAll(async () => {
  await portal?.dispose();
});

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: portal.info.dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function countOf(text: string, params: unknown[]): Promise<number> {
  const [row] = await sql<{ count: string }>(text, params);
  return Number(row?.count ?? 0);
}

interface Seen extends Answer {
  path: string;
}

/** Browses PAGES round and round (two tabs) until `stop` resolves; every answer is kept. */
async function browseUntil(browser: Browser, stop: Promise<unknown>): Promise<Seen[]> {
  const seen: Seen[] = [];
  let done = false;
  void stop.finally(() => (done = true));
  const tab = async (offset: number) => {
    for (let i = offset; !done; i++) {
      const path = PAGES[i % PAGES.length]!;
      try {
        seen.push({ path, ...(await browser.get(path, ANSWER_BOUND_MS + 5000)) });
      } catch (error) {
        // A request that did not answer at all (socket error, our own timeout) is a failure too.
        seen.push({ path, status: 0, location: null, html: String(error), retryAfter: null, ms: Number.NaN });
      }
    }
  };
  await Promise.all([tab(0), tab(3)]);
  return seen;
}

/** Every answer is a page, a redirect, or the 503 page; none leaks details or takes past the bound. */
function expectOnlyHonestAnswers(seen: Seen[]): void {
  const wrong = seen.filter(
    (answer) =>
      ![200, 302, 503].includes(answer.status) ||
      (answer.status === 503 && !(answer.html.includes(UNAVAILABLE_HEADING) && answer.retryAfter === "30")) ||
      LEAKS.test(answer.html) ||
      !(answer.ms < ANSWER_BOUND_MS),
  );
  expect(wrong.map(({ path, status, retryAfter, ms, html }) => ({ path, status, retryAfter, ms: Math.round(ms), excerpt: html.slice(0, 200) }))).toEqual([]);
}

async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${portal.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Waits until every page answers 200 again (the portal is not restarted); returns how long it took. */
async function recovered(browser: Browser, withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answers = await Promise.all(PAGES.map((path) => browser.get(path).catch(() => null)));
    if (answers.every((answer) => answer?.status === 200)) return Date.now() - started;
    if (Date.now() - started > withinMs) {
      throw new Error(`Not recovered after ${withinMs} ms: ${answers.map((answer, i) => `${PAGES[i]} ${answer?.status ?? "no answer"}`).join(", ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stretch of browsing with `component` stopped in the middle of it; returns what was seen. */
async function outageWhileBrowsing(component: StackComponent): Promise<{ seen: Seen[]; healthDuring: Awaited<ReturnType<typeof health>>; recoveryMs: number }> {
  const portalPid = portal.server.child.pid;
  let healthDuring: Awaited<ReturnType<typeof health>> | undefined;
  let recoveryMs = 0;
  const outage = (async () => {
    await sleep(1000);
    await portal.stack.stopComponent(component);
    await sleep(500);
    healthDuring = await health();
    await sleep(2500);
    await portal.stack.startComponent(component);
    recoveryMs = await recovered(partner, 45_000);
    await sleep(1000);
  })();
  const seen = await browseUntil(partner, outage);
  await outage;
  expect(portal.server.child.pid).toBe(portalPid);
  expect(portal.server.child.exitCode).toBeNull();
  return { seen, healthDuring: healthDuring!, recoveryMs };
}

describe("while requests are running", () => {
  it("PostgREST stops: 503 pages, /healthz names the database, and pages answer 200 again when it is back", async () => {
    expect(await health()).toEqual({ status: 200, body: { ok: true, app: "ok", database: "ok", auth: "ok" } });
    const { seen, healthDuring, recoveryMs } = await outageWhileBrowsing("postgrest");
    expect(healthDuring).toEqual({ status: 503, body: { ok: false, app: "ok", database: "unreachable", auth: "ok" } });
    expectOnlyHonestAnswers(seen);
    expect(seen.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
    expect(seen.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    expect(await recovered(partner, 5000)).toBeLessThan(5000);
    process.stdout.write(`PostgREST outage: ${seen.length} answers (${seen.filter((a) => a.status === 503).length} × 503), recovered ${recoveryMs} ms after restart\n`);
  });

  it("Postgres stops: 503 pages (PostgREST and auth fail too), and pages answer 200 again when it is back", async () => {
    const { seen, healthDuring, recoveryMs } = await outageWhileBrowsing("postgres");
    expect(healthDuring.status).toBe(503);
    expect(healthDuring.body).toMatchObject({ ok: false, app: "ok", database: "unreachable" });
    expectOnlyHonestAnswers(seen);
    expect(seen.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
    expect(await recovered(partner, 5000)).toBeLessThan(5000);
    expect((await health()).status).toBe(200);
    process.stdout.write(`Postgres outage: ${seen.length} answers (${seen.filter((a) => a.status === 503).length} × 503), recovered ${recoveryMs} ms after restart\n`);
  });

  it("a frozen PostgREST (SIGSTOP) gives the 503 page within the bound instead of a page that never comes", async () => {
    process.kill(portal.stack.pids.postgrest, "SIGSTOP");
    try {
      const answer = await partner.get("/forums", ANSWER_BOUND_MS + 5000);
      expect(answer.status).toBe(503);
      expect(answer.html).toContain(UNAVAILABLE_HEADING);
      expect(answer.retryAfter).toBe("30");
      expect(answer.ms).toBeLessThan(ANSWER_BOUND_MS);
    } finally {
      process.kill(portal.stack.pids.postgrest, "SIGCONT");
    }
    expect(await recovered(partner, 10_000)).toBeLessThan(10_000);
  });
});

/** Posts `form` while `component` is down (503 page, nothing stored), then again after it is back. */
async function postAcrossOutage(browser: Browser, path: string, form: URLSearchParams, component: StackComponent, stored: () => Promise<number>): Promise<Answer> {
  await portal.stack.stopComponent(component);
  try {
    const during = await browser.post(path, form, ANSWER_BOUND_MS + 5000);
    expect(during.status).toBe(503);
    expect(during.html).toContain(UNAVAILABLE_HEADING);
    expect(during.retryAfter).toBe("30");
    expect(LEAKS.test(during.html)).toBe(false);
  } finally {
    await portal.stack.startComponent(component);
  }
  await recovered(browser, 45_000);
  expect(await stored()).toBe(0);
  return browser.post(path, form);
}

describe("a form posted during an outage and posted again", () => {
  it("a forum reply: 503 while PostgREST is down, one post after the retry, and a second retry answers the same", async () => {
    const page = await partner.get(THREAD_PATH);
    const form = formFields(page.html, { name: "intent", value: "reply" });
    expect(form.get("submissionKey")).toMatch(/^[0-9a-f-]{36}$/);
    const body = `Svar under avbrottet ${randomUUID()}`;
    form.set("body", body);
    const stored = () => countOf("select count(*) from public.posts where body = $1", [body]);

    const first = await postAcrossOutage(partner, THREAD_PATH, form, "postgrest", stored);
    expect(first.status).toBe(302);
    expect(first.location).toMatch(new RegExp(`^${THREAD_PATH}\\?post=\\d+`));
    expect(await stored()).toBe(1);

    const again = await partner.post(THREAD_PATH, form);
    expect({ status: again.status, location: again.location }).toEqual({ status: first.status, location: first.location });
    expect(await stored()).toBe(1);
  });

  it("a new initiative: 503 while Postgres is down, one initiative after the retry, and a second retry answers the same", async () => {
    const page = await partner.get("/initiatives/new");
    const form = formFields(page.html, { name: "intent", value: "draft" });
    expect(form.get("submissionKey")).toMatch(/^[0-9a-f-]{36}$/);
    const title = `Läxhjälp under avbrottet ${randomUUID().slice(0, 8)}`;
    form.set("orgId", EIDAR_ORG);
    form.set("title", title);
    const stored = () => countOf("select count(*) from public.initiatives where title = $1", [title]);

    const first = await postAcrossOutage(partner, "/initiatives/new", form, "postgres", stored);
    expect(first.status).toBe(302);
    expect(first.location).toMatch(/^\/initiatives\/[0-9a-f-]{36}\?done=saved$/);
    expect(await stored()).toBe(1);

    const again = await partner.post("/initiatives/new", form);
    expect({ status: again.status, location: again.location }).toEqual({ status: first.status, location: first.location });
    expect(await stored()).toBe(1);
  });

  it("a report's submission: 503 while PostgREST is down, submitted once after the retry, and a second retry answers success", async () => {
    const admin = portal.browser();
    await admin.signIn("forening@kronogarden.example");
    const path = `/reports/${ASSOCIATION_REPORT}`;
    const page = await admin.get(path);
    expect(page.status).toBe(200);
    const form = formFields(page.html, { name: "intent", value: "submit" });
    expect(form.get("revision")).toMatch(/^\d+$/);
    // Fill what a submission requires: every question answered, every indicator given a value.
    for (const [name, value] of [...form]) {
      if (name.startsWith("answer-") && !value.trim()) form.set(name, "Besvarat inför inskickningen.");
      if (name.startsWith("value-") && !value.trim()) form.set(name, "1");
    }
    const submissions = () =>
      countOf("select count(*) from public.report_events where report_id = $1 and kind = 'submitted'", [ASSOCIATION_REPORT]);
    expect(await submissions()).toBe(0);

    const first = await postAcrossOutage(admin, path, form, "postgrest", submissions);
    expect({ status: first.status, location: first.location }).toEqual({ status: 302, location: `${path}?done=submitted` });
    expect(await submissions()).toBe(1);
    expect(await sql("select status from public.reports where id = $1", [ASSOCIATION_REPORT])).toEqual([{ status: "submitted" }]);

    const again = await admin.post(path, form);
    expect({ status: again.status, location: again.location }).toEqual({ status: 302, location: `${path}?done=submitted` });
    expect(await submissions()).toBe(1);
  });

  it("two identical replies posted at the same moment (a double click) store one post", async () => {
    const page = await partner.get(THREAD_PATH);
    const form = formFields(page.html, { name: "intent", value: "reply" });
    expect(submissionKeyOf(page.html, { name: "intent", value: "reply" })).toBe(form.get("submissionKey"));
    const body = `Dubbelklick ${randomUUID()}`;
    form.set("body", body);
    const [one, two] = await Promise.all([partner.post(THREAD_PATH, form), partner.post(THREAD_PATH, form)]);
    expect([one.status, two.status]).toEqual([302, 302]);
    expect(two.location).toBe(one.location);
    expect(await countOf("select count(*) from public.posts where body = $1", [body])).toBe(1);
  });
});
