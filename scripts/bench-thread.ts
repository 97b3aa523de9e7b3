/**
 * `npm run bench:thread` (run `npm run build` first): the forum thread page costs the same whatever
 * the size of the thread. A page is a range of positions (an index range scan on
 * posts (thread_id, position)), so page 250 of a 10,000-post thread should cost what page 1 of a
 * 10-post thread costs.
 *  - starts the built portal and an ephemeral embedded stack (as `npm start` does, free ports,
 *    throwaway data directory);
 *  - writes two threads into the open forum "samverkan-i-trollhattan" with plain SQL as the
 *    superuser: one with 10 posts and one with 10,000 posts, authors spread over the demo users;
 *  - signs in as the region persona, warms up, then requests the first, a middle and the last page
 *    of each thread in turn (`/forums/samverkan-i-trollhattan/threads/{id}?page=N`), 200 times
 *    each, every request timed from sending to the last byte over a keep-alive connection;
 *  - prints median and p95 per thread (and per page), the ratio big/small of the medians against
 *    the target ≤ 1.3× with PASS/FAIL, and writes the figures to .tmp/bench-results/thread.json.
 * `--verbose` (or BENCH_VERBOSE=1) also prints EXPLAIN ANALYZE of the page query on the big thread,
 * as the superuser and as the region user through RLS.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { POSTS_PER_PAGE } from "../app/lib/schemas/forum-posts.ts";
import { median, percentile, root, signIn, withBenchPortal } from "./bench-support.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const TARGET_RATIO = 1.3;
const FORUM_SLUG = "samverkan-i-trollhattan";
const PERSONA = "region@vgregion.example";
const VERBOSE = process.argv.includes("--verbose") || process.env.BENCH_VERBOSE === "1";
// .tmp/ is git-ignored (a bench-results/ directory at the root would not be).
const RESULTS_FILE = path.join(root, ".tmp", "bench-results", "thread.json");

interface BenchThread {
  label: "small" | "big";
  id: string;
  posts: number;
}

const SMALL: BenchThread = { label: "small", id: crypto.randomUUID(), posts: 10 };
const BIG: BenchThread = { label: "big", id: crypto.randomUUID(), posts: 10_000 };

const lastPage = (thread: BenchThread) => Math.max(1, Math.ceil(thread.posts / POSTS_PER_PAGE));
const pagesOf = (thread: BenchThread) => ({ first: 1, middle: Math.ceil(lastPage(thread) / 2), last: lastPage(thread) });
type PageKind = keyof ReturnType<typeof pagesOf>;
const PAGE_KINDS: PageKind[] = ["first", "middle", "last"];

/** Two threads with their posts, in one transaction, triggers off (positions and counters set here). */
async function writeThreads(client: pg.Client): Promise<void> {
  const { rows: forums } = await client.query<{ id: string }>("select id from public.forums where slug = $1", [FORUM_SLUG]);
  const forumId = forums[0]?.id;
  if (!forumId) throw new Error(`no forum ${FORUM_SLUG} in the seed`);
  const { rows: people } = await client.query<{ id: string }>("select id from public.profiles order by email");
  const authors = people.map((person) => person.id);
  if (authors.length === 0) throw new Error("no demo users in the seed");

  await client.query("begin");
  try {
    // Replica mode skips the triggers (positions, counters, notifications, audit): the rows are
    // written complete here, and 10,000 notification rows would only be noise.
    await client.query("set local session_replication_role = replica");
    for (const thread of [SMALL, BIG]) {
      await client.query(
        `insert into public.threads (id, forum_id, title, author_id, created_at, last_post_at, post_count, last_position)
         values ($1, $2, $3, $4, now() - make_interval(mins => $5::int + 1), now(), $5, $5)`,
        [thread.id, forumId, `Benchmark: tråd med ${thread.posts.toLocaleString("sv-SE")} inlägg`, authors[0], thread.posts],
      );
      await client.query(
        `insert into public.posts (thread_id, author_id, body, position, created_at)
         select $1, ($2::uuid[])[1 + (g % array_length($2::uuid[], 1))],
                format(E'Inlägg nummer %s i tråden. Vi har **läxhjälp** på biblioteket och språkcafé varannan lördag.\\n\\n'
                       '- Fler volontärer behövs\\n- Lokalen bokas tre veckor innan\\n\\nLäs mer i [initiativkatalogen](/initiatives).', g),
                g, now() - make_interval(mins => $3::int - g)
           from generate_series(1, $3::int) as g`,
        [thread.id, authors, thread.posts],
      );
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
  await client.query("analyze public.posts");
  await client.query("analyze public.threads");
}

const PAGE_QUERY = `select id, position, body, author_id, created_at, edited_at, hidden_at, hidden_reason
  from public.posts where thread_id = $1 and position between $2 and $3 order by position`;

/** EXPLAIN ANALYZE of the page query for the middle page of the big thread; whether it is an index range scan. */
async function explainPageQuery(client: pg.Client, regionId: string): Promise<{ indexScan: boolean; plans: Record<string, string> }> {
  const page = pagesOf(BIG).middle;
  const range = [(page - 1) * POSTS_PER_PAGE + 1, page * POSTS_PER_PAGE];
  const plans: Record<string, string> = {};
  const explain = async () =>
    (await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers, costs off) ${PAGE_QUERY}`, [BIG.id, ...range])).rows
      .map((row) => row["QUERY PLAN"])
      .join("\n");
  plans.superuser = await explain();
  await client.query("begin");
  try {
    // As the portal's request runs it: role authenticated with the region user's JWT claims (RLS on).
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: regionId, role: "authenticated" })]);
    await client.query("set local role authenticated");
    plans.region = await explain();
  } finally {
    await client.query("rollback");
  }
  const indexScan = Object.values(plans).every((plan) => /Index (Only )?Scan using posts_thread_position_key on posts/.test(plan) && !/Seq Scan on posts/.test(plan));
  return { indexScan, plans };
}

/** One timed GET: from sending to the last byte; checks the page holds the posts it should. */
async function timePage(baseUrl: string, cookie: string, thread: BenchThread, page: number): Promise<number> {
  const url = `${baseUrl}/forums/${FORUM_SLUG}/threads/${thread.id}?page=${page}`;
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const html = await response.text();
  const elapsed = performance.now() - started;
  const lastOnPage = Math.min(page * POSTS_PER_PAGE, thread.posts);
  if (response.status !== 200 || !html.includes("</html>")) throw new Error(`${url} answered ${response.status}`);
  if (!html.includes(`id="post-${lastOnPage}"`)) throw new Error(`${url} does not show post ${lastOnPage}`);
  return elapsed;
}

interface Summary {
  median: number;
  p95: number;
  requests: number;
}
interface ThreadFigures extends Summary {
  posts: number;
  pageCount: number;
  pages: Record<PageKind, Summary & { page: number }>;
}

const ms = (value: number) => Math.round(value * 100) / 100;

await withBenchPortal("thread", async ({ baseUrl, dbUrl }) => {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  let explained: Awaited<ReturnType<typeof explainPageQuery>>;
  try {
    const started = performance.now();
    await writeThreads(client);
    process.stdout.write(`Wrote threads of ${SMALL.posts} and ${BIG.posts.toLocaleString("en-GB")} posts in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    const { rows } = await client.query<{ id: string }>("select id from public.profiles where email = $1", [PERSONA]);
    explained = await explainPageQuery(client, rows[0]!.id);
  } finally {
    await client.end();
  }

  const cookie = await signIn(baseUrl, PERSONA);
  const times: Record<BenchThread["label"], Record<PageKind, number[]>> = {
    small: { first: [], middle: [], last: [] },
    big: { first: [], middle: [], last: [] },
  };
  // Alternate thread by thread and page by page, so the machine's noise falls on all series alike.
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    for (const kind of PAGE_KINDS) {
      for (const thread of [SMALL, BIG]) {
        const elapsed = await timePage(baseUrl, cookie, thread, pagesOf(thread)[kind]);
        if (i >= WARMUP) times[thread.label][kind].push(elapsed);
      }
    }
  }

  const summary = (values: number[]): Summary => ({ median: ms(median(values)), p95: ms(percentile(values, 95)), requests: values.length });
  const figuresOf = (thread: BenchThread): ThreadFigures => ({
    posts: thread.posts,
    pageCount: lastPage(thread),
    ...summary(PAGE_KINDS.flatMap((kind) => times[thread.label][kind])),
    pages: {
      first: { page: pagesOf(thread).first, ...summary(times[thread.label].first) },
      middle: { page: pagesOf(thread).middle, ...summary(times[thread.label].middle) },
      last: { page: pagesOf(thread).last, ...summary(times[thread.label].last) },
    },
  });
  const threads = { small: figuresOf(SMALL), big: figuresOf(BIG) };
  const ratio = Math.round((threads.big.median / threads.small.median) * 100) / 100;
  const pass = ratio <= TARGET_RATIO;

  const rows = [
    `| thread | pages requested | median | p95 | target |`,
    "|---|---|---|---|---|",
    ...[SMALL, BIG].map((thread) => {
      const figures = threads[thread.label];
      const pages = PAGE_KINDS.map((kind) => figures.pages[kind].page).join(", ");
      return `| ${thread.posts.toLocaleString("en-GB")} posts | ${pages} (${figures.requests} requests) | ${figures.median.toFixed(1)} ms | ${figures.p95.toFixed(1)} ms | |`;
    }),
    `| big / small (medians) | | ${ratio.toFixed(2)}× | | ≤ ${TARGET_RATIO}× ${pass ? "PASS" : "FAIL"} |`,
  ];
  const pageRows = [
    "",
    "| thread | page | median | p95 |",
    "|---|---|---|---|",
    ...[SMALL, BIG].flatMap((thread) =>
      PAGE_KINDS.map((kind) => {
        const figures = threads[thread.label].pages[kind];
        return `| ${thread.posts.toLocaleString("en-GB")} posts | ${kind} (${figures.page}) | ${figures.median.toFixed(1)} ms | ${figures.p95.toFixed(1)} ms |`;
      }),
    ),
    "",
    `Page query on the ${BIG.posts.toLocaleString("en-GB")}-post thread: ${explained.indexScan ? "index range scan on posts_thread_position_key" : "NOT an index range scan (see --verbose)"}.`,
  ];
  process.stdout.write(`${[...rows, ...pageRows].join("\n")}\n`);
  if (VERBOSE) {
    for (const [who, plan] of Object.entries(explained.plans)) {
      process.stdout.write(`\nEXPLAIN ANALYZE of the page query (middle page ${pagesOf(BIG).middle}) as ${who}:\n${plan}\n`);
    }
  }

  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        persona: PERSONA,
        requestsPerPage: REQUESTS,
        warmup: WARMUP,
        postsPerPage: POSTS_PER_PAGE,
        threads,
        ratio,
        target: TARGET_RATIO,
        pass,
        pageQueryIndexScan: explained.indexScan,
        ...(VERBOSE ? { plans: explained.plans } : {}),
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`\nFigures written to ${path.relative(root, RESULTS_FILE)}.\n`);
  if (!explained.indexScan) process.exitCode = 1;
});
