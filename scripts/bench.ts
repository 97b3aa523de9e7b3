/**
 * `npm run bench` (run `npm run build` first): the main pages' speed at realistic scale (issue 10).
 *  - starts the built portal on an ephemeral embedded stack with the normal seed (as `npm start`
 *    does, free ports, throwaway data directory), with SERVER_TIMING=1 so the portal may report its
 *    Supabase requests;
 *  - measures each page of scripts/lib/bench-pages.ts as its persona (session cookie from /login,
 *    keep-alive, sequential requests, the browser's Accept-Encoding, timed from sending to the last
 *    byte, status 200 or the run fails), alternating with the page's FLOOR (the same rows straight
 *    from PostgREST with the persona's access token, independent requests at once), so the machine's
 *    noise falls on both alike;
 *  - then applies the scale seed (scripts/lib/scale-seed.ts) and measures again;
 *  - prints a Markdown table with PASS/FAIL against the targets (median ≤ 3× floor and < 60 ms,
 *    p95 < 150 ms, scale/normal median ≤ 1.3×) and the first-load gzipped JavaScript per page
 *    (≤ 150 KB), and writes everything to .tmp/bench-results/bench.json (or --json=<path>).
 * Flags: --normal-only, --scale-only, --verbose (floor requests per page), --json=<path>.
 * Env: BENCH_REQUESTS (default 200), BENCH_WARMUP (default 20).
 * Exit code 0 even when targets fail (a measurement); 1 when a page or floor request errored.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { POSTS_PER_PAGE } from "../app/lib/schemas/forum-posts.ts";
import { supabaseRequestCount } from "../server/caching.ts";
import { DEMO_PASSWORD, median, percentile, root, signIn, withBenchPortal, type BenchPortal } from "./bench-support.ts";
import { benchPages, type BenchContext, type BenchPage, type FloorRequest, type Persona } from "./lib/bench-pages.ts";
import { firstLoadJavaScript, JS_BUDGET_BYTES, readBuildManifest } from "./lib/js-budget.ts";
import { seedScale, type ScaleSummary } from "./lib/scale-seed.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const args = process.argv.slice(2);
const VERBOSE = args.includes("--verbose");
const NORMAL_ONLY = args.includes("--normal-only");
const SCALE_ONLY = args.includes("--scale-only");
// .tmp/ is git-ignored (a bench-results/ directory at the root would not be).
const RESULTS_FILE = path.resolve(root, args.find((arg) => arg.startsWith("--json="))?.slice("--json=".length) ?? ".tmp/bench-results/bench.json");
const TARGETS = {
  floorRatio: 3,
  median: 60,
  p95: 150,
  growth: 1.3,
  firstLoadKb: JS_BUDGET_BYTES / 1024,
};
// What a browser sends; fetch decompresses, as a browser does, inside the timed span.
const ACCEPT_ENCODING = "gzip, deflate, br";
const PERSONAS = ["forening@kronogarden.example", "ledamot@trollhattan.example", "region@vgregion.example", "eidar@eidar.example"];
const NORMAL_THREAD_FORUM = "samverkan-i-trollhattan";
const NORMAL_THREAD_POSTS = 10;

type Seed = "normal" | "scale";

if (NORMAL_ONLY && SCALE_ONLY) throw new Error("--normal-only and --scale-only exclude each other");
if (!existsSync(path.join(root, "build", "index.js")) || !existsSync(path.join(root, "public", "build"))) {
  process.stderr.write("No build found: run `npm run build` first.\n");
  process.exit(1);
}

// --- setup: who the personas are and which rows the pages show ----------------------------------

async function resolvePersona(client: pg.Client, email: string): Promise<Persona> {
  const { rows } = await client.query<{ id: string }>("select id from public.profiles where email = $1", [email]);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no profile for ${email}`);
  const roles = (await client.query<{ role: string }>("select role::text from public.platform_roles where user_id = $1", [id])).rows.map((row) => row.role);
  const memberships = (
    await client.query<{ orgId: string; orgName: string }>(
      `select m.org_id as "orgId", o.name as "orgName" from public.memberships m join public.organisations o on o.id = m.org_id
        where m.user_id = $1 and m.status = 'active' and o.status = 'active'`,
      [id]
    )
  ).rows.sort((a, b) => a.orgName.localeCompare(b.orgName, "sv"));
  const moderatedForumIds = (
    await client.query<{ forum_id: string }>("select forum_id from public.forum_members where user_id = $1 and role = 'moderator' and status = 'active'", [id])
  ).rows.map((row) => row.forum_id);
  return { email, id, roles, memberships, moderatedForumIds };
}

/** A 10-post thread for the normal seed (the page kind the big thread is compared with), as scripts/bench-thread.ts writes it. */
async function writeSmallThread(client: pg.Client): Promise<{ slug: string; id: string }> {
  const forumId = (await client.query<{ id: string }>("select id from public.forums where slug = $1", [NORMAL_THREAD_FORUM])).rows[0]?.id;
  if (!forumId) throw new Error(`no forum ${NORMAL_THREAD_FORUM} in the seed`);
  const authors = (await client.query<{ id: string }>("select id from public.profiles order by email")).rows.map((row) => row.id);
  const id = crypto.randomUUID();
  await client.query("begin");
  try {
    // Replica mode skips the triggers (positions, counters, notifications): the rows are complete here.
    await client.query("set local session_replication_role = replica");
    await client.query(
      `insert into public.threads (id, forum_id, title, author_id, created_at, last_post_at, post_count, last_position)
       values ($1, $2, 'Benchmark: tråd med 10 inlägg', $3, now() - interval '1 hour', now(), $4, $4)`,
      [id, forumId, authors[0], NORMAL_THREAD_POSTS]
    );
    await client.query(
      `insert into public.posts (thread_id, author_id, body, position, created_at)
       select $1, ($2::uuid[])[1 + (g % array_length($2::uuid[], 1))],
              format(E'Inlägg nummer %s i tråden. Vi har **läxhjälp** på biblioteket och språkcafé varannan lördag.', g),
              g, now() - make_interval(mins => $3::int - g)
         from generate_series(1, $3::int) as g`,
      [id, authors, NORMAL_THREAD_POSTS]
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
  return { slug: NORMAL_THREAD_FORUM, id };
}

async function resolveContext(client: pg.Client, thread: { slug: string; id: string }): Promise<BenchContext> {
  const personas: Record<string, Persona> = {};
  for (const email of PERSONAS) personas[email] = await resolvePersona(client, email);
  const lastPosition = (await client.query<{ last_position: number }>("select last_position from public.threads where id = $1", [thread.id])).rows[0]
    ?.last_position;
  if (lastPosition === undefined) throw new Error(`no thread ${thread.id}`);
  const pages = Math.max(1, Math.ceil(lastPosition / POSTS_PER_PAGE));

  const eidarOrg = personas["eidar@eidar.example"]?.memberships[0]?.orgId;
  if (!eidarOrg) throw new Error("eidar@eidar.example acts for no organisation");
  const report = (
    await client.query<{
      id: string;
      org_id: string;
      period_id: string;
      starts_on: string;
    }>(
      `select r.id, r.org_id, r.period_id, p.starts_on::text from public.reports r
         join public.reporting_periods p on p.id = r.period_id
        where r.org_id = $1 and r.status = 'accepted' order by p.starts_on desc limit 1`,
      [eidarOrg]
    )
  ).rows[0];
  if (!report) throw new Error("no accepted report of AB Eidar in the seed");
  const initiativeIds = (
    await client.query<{ initiative_id: string }>("select initiative_id from public.report_initiatives where report_id = $1", [report.id])
  ).rows.map((row) => row.initiative_id);
  const reportPeriodIds = (
    await client.query<{ period_id: string }>(
      "select period_id from public.period_organisations where org_id = $1 union select period_id from public.reports where org_id = $1",
      [eidarOrg]
    )
  ).rows.map((row) => row.period_id);
  return {
    personas,
    thread: { ...thread, page: Math.ceil(pages / 2), lastPosition },
    boardReport: {
      id: report.id,
      orgId: report.org_id,
      periodId: report.period_id,
      startsOn: report.starts_on,
      initiativeIds,
    },
    reportPeriodIds,
  };
}

// --- timing ---------------------------------------------------------------------------------------

/** The persona's access token from the auth API (through the gateway, once per seed). */
async function accessToken(portal: BenchPortal, email: string): Promise<string> {
  const response = await fetch(`${portal.supabaseUrl}/auth/v1/token?grant_type=password`, {
    method: "POST",
    headers: { apikey: portal.anonKey, "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`auth token for ${email} answered ${response.status}`);
  return body.access_token;
}

interface Sample {
  page: number;
  floor: number;
  supabase: number | null;
}

async function timePage(baseUrl: string, page: BenchPage, cookie: string): Promise<{ elapsed: number; supabase: number | null }> {
  const url = `${baseUrl}${page.path}`;
  const started = performance.now();
  const response = await fetch(url, {
    headers: { cookie, "accept-encoding": ACCEPT_ENCODING },
    redirect: "manual",
  });
  const html = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !html.includes("</html>")) throw new Error(`${page.key}: ${page.path} answered ${response.status}`);
  if (page.expect && !html.includes(page.expect)) throw new Error(`${page.key}: ${page.path} does not contain ${page.expect}`);
  return {
    elapsed,
    supabase: supabaseRequestCount(response.headers.get("server-timing")),
  };
}

/** One floor request straight to PostgREST; with `describe`, says how many rows it answered (the timed runs only read the body). */
async function sendFloorRequest(portal: BenchPortal, page: BenchPage, request: FloorRequest, token: string, describe = false): Promise<string> {
  const headers: Record<string, string> = {
    apikey: portal.anonKey,
    authorization: `Bearer ${token}`,
  };
  if (request.countExact) headers.prefer = "count=exact";
  if (request.body) headers["content-type"] = "application/json";
  const response = await fetch(`${portal.postgrestUrl}${request.path}`, {
    method: request.method,
    headers,
    body: request.body ? JSON.stringify(request.body) : undefined,
  });
  const text = await response.text();
  // 206: a counted range that is not the whole set.
  if (response.status !== 200 && response.status !== 206)
    throw new Error(`${page.key} floor ${request.method} ${request.path} answered ${response.status}: ${text.slice(0, 300)}`);
  if (!describe) return "";
  if (request.method === "HEAD") return `count ${response.headers.get("content-range") ?? "?"}`;
  const body = JSON.parse(text) as unknown;
  return Array.isArray(body) ? `${body.length} rows${request.countExact ? `, content-range ${response.headers.get("content-range") ?? "?"}` : ""}` : "1 object";
}

async function timeFloor(portal: BenchPortal, page: BenchPage, token: string): Promise<number> {
  const started = performance.now();
  await Promise.all(page.floor.map((request) => sendFloorRequest(portal, page, request, token)));
  return performance.now() - started;
}

/** --verbose: each page's floor requests with what they answered, so a reader can judge them. */
async function printFloors(portal: BenchPortal, pages: BenchPage[], tokens: Map<string | null, string>, seed: Seed): Promise<void> {
  for (const page of pages) {
    process.stdout.write(`\n${page.key} (${seed}) ${page.path} as ${page.persona ?? "signed out"}, floor:\n`);
    for (const request of page.floor) {
      const answer = await sendFloorRequest(portal, page, request, tokens.get(page.persona)!, true);
      process.stdout.write(`  ${request.method} ${decodeURIComponent(request.path)}${request.body ? ` ${JSON.stringify(request.body)}` : ""} → ${answer}\n`);
    }
  }
}

interface PageFigures {
  key: string;
  path: string;
  label: string;
  persona: string;
  seed: Seed;
  median: number;
  p95: number;
  floorMedian: number;
  floorRequests: number;
  ratio: number;
  supabaseRequests: number | null;
  growth: number | null;
  pass: boolean;
  failures: string[];
}

const ms = (value: number) => Math.round(value * 100) / 100;

async function measure(portal: BenchPortal, pages: BenchPage[], seed: Seed): Promise<PageFigures[]> {
  const cookies = new Map<string | null, string>([[null, ""]]);
  const tokens = new Map<string | null, string>([[null, portal.anonKey]]);
  for (const email of new Set(pages.map((page) => page.persona))) {
    if (email === null) continue;
    cookies.set(email, await signIn(portal.baseUrl, email));
    tokens.set(email, await accessToken(portal, email));
  }
  if (VERBOSE) await printFloors(portal, pages, tokens, seed);
  const samples = new Map<string, Sample[]>(pages.map((page) => [page.key, []]));
  const started = performance.now();
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    for (const page of pages) {
      const timed = await timePage(portal.baseUrl, page, cookies.get(page.persona)!);
      const floor = await timeFloor(portal, page, tokens.get(page.persona)!);
      if (i >= WARMUP) samples.get(page.key)!.push({ page: timed.elapsed, floor, supabase: timed.supabase });
    }
  }
  process.stdout.write(`Measured ${pages.length} pages with the ${seed} seed in ${((performance.now() - started) / 1000).toFixed(0)} s.\n`);
  return pages.map((page) => {
    const list = samples.get(page.key)!;
    const times = list.map((sample) => sample.page);
    const floorMedian = median(list.map((sample) => sample.floor));
    const counts = list.map((sample) => sample.supabase).filter((count): count is number => count !== null);
    return {
      key: page.key,
      path: page.path,
      label: page.label,
      persona: page.persona ?? "signed out",
      seed,
      median: ms(median(times)),
      p95: ms(percentile(times, 95)),
      floorMedian: ms(floorMedian),
      floorRequests: page.floor.length,
      ratio: ms(median(times) / floorMedian),
      supabaseRequests: counts.length > 0 ? median(counts) : null,
      growth: null,
      pass: false,
      failures: [],
    };
  });
}

function judge(figures: PageFigures): PageFigures {
  const failures: string[] = [];
  if (figures.ratio > TARGETS.floorRatio) failures.push(`page/floor ${figures.ratio.toFixed(2)}× > ${TARGETS.floorRatio}×`);
  if (figures.median >= TARGETS.median) failures.push(`median ${figures.median.toFixed(1)} ms ≥ ${TARGETS.median} ms`);
  if (figures.p95 >= TARGETS.p95) failures.push(`p95 ${figures.p95.toFixed(1)} ms ≥ ${TARGETS.p95} ms`);
  if (figures.growth !== null && figures.growth > TARGETS.growth) failures.push(`growth ${figures.growth.toFixed(2)}× > ${TARGETS.growth}×`);
  return { ...figures, failures, pass: failures.length === 0 };
}

// --- first-load JavaScript -----------------------------------------------------------------------

interface FirstLoadFigures {
  files: number;
  gzipKb: number;
  pass: boolean;
}

/** Gzipped first-load JavaScript of each route (scripts/lib/js-budget.ts: manifest, entry, root…route and their imports). */
function firstLoadFigures(routeIds: string[]): Record<string, FirstLoadFigures> {
  const result: Record<string, FirstLoadFigures> = {};
  for (const load of firstLoadJavaScript(readBuildManifest(root), routeIds)) {
    result[load.routeId] = {
      files: load.files.length,
      gzipKb: Math.round((load.gzipBytes / 1024) * 10) / 10,
      pass: load.gzipBytes <= JS_BUDGET_BYTES,
    };
  }
  return result;
}

// --- output ----------------------------------------------------------------------------------------

function markdown(rows: PageFigures[], js: Record<string, FirstLoadFigures>, pages: BenchPage[]): string {
  const withCounts = rows.some((row) => row.supabaseRequests !== null);
  const head = [
    "page",
    "persona",
    "seed",
    "median",
    "p95",
    "floor median (requests)",
    "page / floor",
    "growth scale / normal",
    ...(withCounts ? ["Supabase requests"] : []),
    "result",
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const row of rows) {
    const cells = [
      `\`${row.label}\``,
      row.persona,
      row.seed,
      `${row.median.toFixed(1)} ms`,
      `${row.p95.toFixed(1)} ms`,
      `${row.floorMedian.toFixed(1)} ms (${row.floorRequests})`,
      `${row.ratio.toFixed(2)}×`,
      row.growth === null ? "" : `${row.growth.toFixed(2)}×`,
      ...(withCounts ? [row.supabaseRequests === null ? "" : String(row.supabaseRequests)] : []),
      row.pass ? "PASS" : `FAIL: ${row.failures.join("; ")}`,
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push(
    "",
    `Targets: median ≤ ${TARGETS.floorRatio}× floor and < ${TARGETS.median} ms, p95 < ${TARGETS.p95} ms, scale / normal median ≤ ${TARGETS.growth}×. ${REQUESTS} requests per page after ${WARMUP} warm-up, page and floor alternating.`,
    "",
    "| route | first-load JavaScript (gzipped) | target |",
    "|---|---|---|"
  );
  for (const routeId of new Set(pages.map((page) => page.routeId))) {
    const figures = js[routeId]!;
    const paths = [...new Set(pages.filter((page) => page.routeId === routeId).map((page) => page.label.split(/[? ]/)[0]))].join(", ");
    lines.push(`| \`${paths}\` (${figures.files} files) | ${figures.gzipKb.toFixed(1)} KB | ≤ ${TARGETS.firstLoadKb} KB ${figures.pass ? "PASS" : "FAIL"} |`);
  }
  return lines.join("\n");
}

// --- the run ---------------------------------------------------------------------------------------

await withBenchPortal(
  "pages",
  async (portal) => {
    const client = new pg.Client({ connectionString: portal.dbUrl });
    await client.connect();
    const results: PageFigures[] = [];
    let allPages: BenchPage[] = [];
    let scaleSummary: ScaleSummary | null = null;
    try {
      if (!SCALE_ONLY) {
        const context = await resolveContext(client, await writeSmallThread(client));
        await client.query("analyze");
        allPages = benchPages(context);
        results.push(...(await measure(portal, allPages, "normal")));
      }
      if (!NORMAL_ONLY) {
        const started = performance.now();
        scaleSummary = await seedScale(client, {});
        await client.query("analyze");
        process.stdout.write(`Applied the scale seed in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
        const context = await resolveContext(client, {
          slug: scaleSummary.bigThreadForumSlug,
          id: scaleSummary.bigThreadId,
        });
        allPages = benchPages(context);
        const scaled = await measure(portal, allPages, "scale");
        for (const row of scaled) {
          const normal = results.find((other) => other.seed === "normal" && other.key === row.key);
          if (normal) row.growth = ms(row.median / normal.median);
        }
        results.push(...scaled);
      }
    } finally {
      await client.end();
    }

    const judged = results.map(judge);
    const js = firstLoadFigures([...new Set(allPages.map((page) => page.routeId))]);
    process.stdout.write(`\n${markdown(judged, js, allPages)}\n`);
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          requestsPerPage: REQUESTS,
          warmup: WARMUP,
          targets: TARGETS,
          pages: judged,
          firstLoadJavaScript: js,
          scaleSummary,
          floors: Object.fromEntries(allPages.map((page) => [page.key, page.floor])),
        },
        null,
        2
      )}\n`
    );
    process.stdout.write(`\nFigures written to ${path.relative(root, RESULTS_FILE)}.\n`);
  },
  { env: { SERVER_TIMING: "1" } }
);
