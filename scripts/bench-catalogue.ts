/**
 * `npm run bench:catalogue` (run `npm run build` first): the initiative catalogue (/initiatives)
 * answers as fast with 20,000 initiatives as with 200 (target: median at most 1.3× as long).
 *  - starts the built portal and an ephemeral embedded stack (as `npm start` does, free ports,
 *    throwaway data directory);
 *  - fills the catalogue up to 200 initiatives with plain SQL as the superuser (a realistic spread
 *    over organisations, districts, target groups, focus areas and statuses; about 70% public,
 *    10% drafts; about one in twenty is homework help, "läxhjälp");
 *  - requests six pages in turn, 200 times each after a warm-up, every request timed from sending
 *    to the last byte: anonymous and signed in as the region persona, each unfiltered, with a
 *    district filter (Kronogården) and with a text query (läxhjälp);
 *  - fills up to 20,000 initiatives and measures the same pages again;
 *  - prints median and p95 per page and size, the ratio big/small of the medians per page against
 *    the target ≤ 1.3× with PASS/FAIL, and EXPLAIN ANALYZE timings of the count strategies (an
 *    exact count of every match against the capped count the catalogue uses), and writes the
 *    figures to .tmp/bench-results/catalogue.json.
 * `--verbose` (or BENCH_VERBOSE=1) also prints the query plans. `--apply=<file.sql>` runs a SQL file
 * as the superuser before filling (to measure a proposed migration; the results file then says so).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  CATALOGUE_COUNT_CAP,
  CATALOGUE_PAGE_SIZE,
} from "../app/lib/schemas/initiative-filters.ts";
import {
  median,
  percentile,
  root,
  signIn,
  withBenchPortal,
} from "./bench-support.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const TARGET_RATIO = 1.3;
const PERSONA = "region@vgregion.example";
const SIZES = { small: 200, big: 20_000 } as const;
type Size = keyof typeof SIZES;
const VERBOSE =
  process.argv.includes("--verbose") || process.env.BENCH_VERBOSE === "1";
const APPLY =
  process.argv
    .find((arg) => arg.startsWith("--apply="))
    ?.slice("--apply=".length) ?? null;
// .tmp/ is git-ignored (a bench-results/ directory at the root would not be).
const RESULTS_FILE = path.join(
  root,
  ".tmp",
  "bench-results",
  APPLY ? `catalogue-${path.basename(APPLY, ".sql")}.json` : "catalogue.json"
);

interface Page {
  key: string;
  label: string;
  signedIn: boolean;
  search: string;
}
const PAGES: Page[] = [
  { key: "anon", label: "anonymous, unfiltered", signedIn: false, search: "" },
  {
    key: "anon-district",
    label: "anonymous, district",
    signedIn: false,
    search: "district=Kronog%C3%A5rden",
  },
  {
    key: "anon-text",
    label: "anonymous, text",
    signedIn: false,
    search: "q=l%C3%A4xhj%C3%A4lp",
  },
  { key: "region", label: "region, unfiltered", signedIn: true, search: "" },
  {
    key: "region-district",
    label: "region, district",
    signedIn: true,
    search: "district=Kronog%C3%A5rden",
  },
  {
    key: "region-text",
    label: "region, text",
    signedIn: true,
    search: "q=l%C3%A4xhj%C3%A4lp",
  },
];

const ACTIVITIES = [
  "Läxhjälp",
  "Språkcafé",
  "Lovaktiviteter",
  "Föräldrastöd",
  "Sommarjobb",
  "Trygghetsvandring",
  "Mötesplats",
  "Jobbspår",
  "Hälsoinformation",
  "Idrott på kvällstid",
  "Boendeskola",
  "Kulturkväll",
  "Simskola",
  "Datorhjälp",
  "Samtalsgrupp",
  "Fritidsgård",
  "Matlagning",
  "Cykelskola",
  "Läsfrämjande",
  "Stödgrupp",
];

/**
 * Generated initiatives up to `total` in all, in one statement. Pseudo-random but repeatable per
 * row number (hashes of the number); triggers off (replica mode), so published_at is written here
 * and no audit rows are made. The search vector is a generated column and is computed as usual.
 */
async function fillTo(client: pg.Client, total: number): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    "select count(*) as n from public.initiatives"
  );
  const existing = Number(rows[0]!.n);
  if (existing >= total) return 0;
  const { rows: orgs } = await client.query<{ id: string }>(
    "select id from public.organisations where status = 'active' order by id"
  );
  await client.query("begin");
  try {
    await client.query("set local session_replication_role = replica");
    await client.query(
      `insert into public.initiatives
         (org_id, title, summary, description, status, starts_on, ends_on, districts, target_groups, focus_areas,
          participants_expected, participants_reached, budget_sek, is_public, contact_name, contact_email, contact_phone,
          published_at, created_at, updated_at)
       select
         ($1::uuid[])[1 + r.a % array_length($1::uuid[], 1)],
         format('%s i %s (%s)', ($2::text[])[1 + r.b % array_length($2::text[], 1)], d.list[1 + r.a % 14], g),
         format('%s för %s i %s. Vi träffas varje vecka och alla är välkomna.',
                ($2::text[])[1 + r.b % array_length($2::text[], 1)], lower(tg.list[1 + r.c % 10]), d.list[1 + r.a % 14]),
         format(E'Insatsen drivs tillsammans med föreningar och förvaltningar. Nummer %s i benchmarken.\\n\\nMer text om upplägg, lokaler och uppföljning.', g),
         (case when r.e % 100 < 10 then 'draft' when r.e % 100 < 25 then 'planned' when r.e % 100 < 70 then 'ongoing'
               when r.e % 100 < 88 then 'completed' when r.e % 100 < 94 then 'paused' else 'cancelled' end)::public.initiative_status,
         s.starts_on,
         case when r.h % 3 = 0 then null else s.starts_on + (30 + r.h % 700)::int end,
         array_remove(array[d.list[1 + r.a % 14],
                            case when r.b % 3 > 0 then d.list[1 + (r.a + 1 + r.c % 6) % 14] end,
                            case when r.b % 3 = 2 then d.list[1 + (r.a + 7 + r.d % 6) % 14] end], null),
         array_remove(array[tg.list[1 + r.c % 10], case when r.d % 2 = 0 then tg.list[1 + (r.c + 1 + r.e % 8) % 10] end], null),
         array_remove(array[fa.list[1 + r.d % 10], case when r.f % 2 = 0 then fa.list[1 + (r.d + 1 + r.h % 8) % 10] end], null),
         10 + r.f % 300, case when r.k % 2 = 0 then r.k % 250 end, 10000 + r.h % 500000,
         r.f % 10 < 7,
         'Kontaktperson ' || g, format('insats%s@bench.example', g), case when r.k % 4 = 0 then '0520-' || (100000 + r.k % 899999) end,
         now() - make_interval(days => (r.k % 900)::int), now() - make_interval(days => (r.k % 900)::int), now() - make_interval(days => (r.h % 300)::int)
       from generate_series($3::int, $4::int) as g
       cross join lateral (
         select (hashtext(g || ':a')::bigint & 2147483647) as a, (hashtext(g || ':b')::bigint & 2147483647) as b,
                (hashtext(g || ':c')::bigint & 2147483647) as c, (hashtext(g || ':d')::bigint & 2147483647) as d,
                (hashtext(g || ':e')::bigint & 2147483647) as e, (hashtext(g || ':f')::bigint & 2147483647) as f,
                (hashtext(g || ':g')::bigint & 2147483647) as k, (hashtext(g || ':h')::bigint & 2147483647) as h
       ) as r
       cross join lateral (select date '2020-01-01' + (r.k % 2900)::int as starts_on) as s
       cross join (select public.trollhattan_districts() as list) as d
       cross join (select public.initiative_target_groups() as list) as tg
       cross join (select public.initiative_focus_areas() as list) as fa`,
      [orgs.map((org) => org.id), ACTIVITIES, existing + 1, total]
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
  await client.query("analyze public.initiatives");
  return total - existing;
}

interface CountTimings {
  /** count(*) of every match (what PostgREST's count=exact runs). */
  exactMs: number;
  /** What the catalogue runs: at most CATALOGUE_COUNT_CAP ids. */
  cappedMs: number;
  /** The page itself: 20 rows in catalogue order. */
  pageMs: number;
  matches: number;
}

const WHERE_UNFILTERED = "status <> 'draft'";
const WHERE_DISTRICT =
  "status <> 'draft' and districts @> array['Kronogården']";
const WHERE_TEXT =
  "status <> 'draft' and search_vector @@ websearch_to_tsquery('swedish', 'läxhjälp')";

/** EXPLAIN ANALYZE execution times of the count strategies and the page query, through RLS as `who`. */
async function explainCounts(
  client: pg.Client,
  who: "anon" | "region",
  regionId: string
): Promise<{
  timings: Record<string, CountTimings>;
  plans: Record<string, string>;
}> {
  const timings: Record<string, CountTimings> = {};
  const plans: Record<string, string> = {};
  const run = async (sql: string) => {
    const { rows } = await client.query<{
      "QUERY PLAN": { "Execution Time": number; Plan: unknown }[];
    }>(`explain (analyze, format json) ${sql}`);
    return rows[0]!["QUERY PLAN"][0]!;
  };
  await client.query("begin");
  try {
    if (who === "anon") {
      await client.query("set local role anon");
    } else {
      await client.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: regionId, role: "authenticated" }),
      ]);
      await client.query("set local role authenticated");
    }
    const publicOnly = who === "anon" ? " and is_public" : "";
    for (const [name, where] of [
      ["unfiltered", WHERE_UNFILTERED],
      ["district", WHERE_DISTRICT],
      ["text", WHERE_TEXT],
    ] as const) {
      const condition = where + publicOnly;
      // Twice each: the first run warms the cache.
      await run(`select count(*) from public.initiatives where ${condition}`);
      const exact = await run(
        `select count(*) from public.initiatives where ${condition}`
      );
      await run(
        `select id from public.initiatives where ${condition} limit ${CATALOGUE_COUNT_CAP}`
      );
      const capped = await run(
        `select id from public.initiatives where ${condition} limit ${CATALOGUE_COUNT_CAP}`
      );
      const pageSql = `select id, title from public.initiatives where ${condition} order by starts_on desc nulls last, id limit ${CATALOGUE_PAGE_SIZE}`;
      await run(pageSql);
      const page = await run(pageSql);
      const { rows } = await client.query<{ n: string }>(
        `select count(*) as n from public.initiatives where ${condition}`
      );
      timings[name] = {
        exactMs: exact["Execution Time"],
        cappedMs: capped["Execution Time"],
        pageMs: page["Execution Time"],
        matches: Number(rows[0]!.n),
      };
      if (VERBOSE) {
        const { rows: planRows } = await client.query<{ "QUERY PLAN": string }>(
          `explain (analyze, costs off) ${pageSql}`
        );
        plans[`${who} ${name} page`] = planRows
          .map((row) => row["QUERY PLAN"])
          .join("\n");
        const { rows: countRows } = await client.query<{
          "QUERY PLAN": string;
        }>(
          `explain (analyze, costs off) select count(*) from public.initiatives where ${condition}`
        );
        plans[`${who} ${name} exact count`] = countRows
          .map((row) => row["QUERY PLAN"])
          .join("\n");
      }
    }
  } finally {
    await client.query("rollback");
  }
  return { timings, plans };
}

/** One timed GET: from sending to the last byte; checks the page is the catalogue with results. */
async function timePage(
  baseUrl: string,
  cookie: string,
  page: Page
): Promise<number> {
  const url = `${baseUrl}/initiatives${page.search ? `?${page.search}` : ""}`;
  const started = performance.now();
  const response = await fetch(url, {
    headers: page.signedIn ? { cookie } : {},
  });
  const html = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !html.includes("</html>"))
    throw new Error(`${url} answered ${response.status}`);
  if (!html.includes('class="initiative-list"'))
    throw new Error(`${url} shows no initiatives`);
  if (
    page.signedIn &&
    !html.includes("Registrera insats") &&
    !html.includes("/initiatives/reach")
  )
    throw new Error(`${url} is not signed in`);
  return elapsed;
}

interface Summary {
  median: number;
  p95: number;
  requests: number;
}

const ms = (value: number) => Math.round(value * 100) / 100;
const summary = (values: number[]): Summary => ({
  median: ms(median(values)),
  p95: ms(percentile(values, 95)),
  requests: values.length,
});

async function measure(
  baseUrl: string,
  cookie: string
): Promise<Record<string, Summary>> {
  const times: Record<string, number[]> = Object.fromEntries(
    PAGES.map((page) => [page.key, []])
  );
  // Page by page in turn, so the machine's noise falls on all series alike.
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    for (const page of PAGES) {
      const elapsed = await timePage(baseUrl, cookie, page);
      if (i >= WARMUP) times[page.key]!.push(elapsed);
    }
  }
  return Object.fromEntries(
    PAGES.map((page) => [page.key, summary(times[page.key]!)])
  );
}

await withBenchPortal("catalogue", async ({ baseUrl, dbUrl }) => {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "select id from public.profiles where email = $1",
      [PERSONA]
    );
    const regionId = rows[0]!.id;
    if (APPLY) {
      await client.query(readFileSync(path.resolve(APPLY), "utf8"));
      process.stdout.write(`Applied ${APPLY}.\n`);
    }
    const results: Record<
      Size,
      {
        pages: Record<string, Summary>;
        counts: Record<string, Record<string, CountTimings>>;
        visible: Record<string, number>;
      }
    > = {
      small: { pages: {}, counts: {}, visible: {} },
      big: { pages: {}, counts: {}, visible: {} },
    };
    const plans: Record<string, string> = {};
    for (const size of ["small", "big"] as const) {
      const started = performance.now();
      const added = await fillTo(client, SIZES[size]);
      process.stdout.write(
        `Added ${added.toLocaleString("en-GB")} initiatives (${SIZES[
          size
        ].toLocaleString("en-GB")} in all) in ${(
          (performance.now() - started) /
          1000
        ).toFixed(1)} s.\n`
      );
      for (const who of ["anon", "region"] as const) {
        const explained = await explainCounts(client, who, regionId);
        results[size].counts[who] = explained.timings;
        for (const [name, plan] of Object.entries(explained.plans))
          plans[`${SIZES[size]} ${name}`] = plan;
      }
      const cookie = await signIn(baseUrl, PERSONA);
      results[size].pages = await measure(baseUrl, cookie);
    }

    const ratios = Object.fromEntries(
      PAGES.map((page) => [
        page.key,
        Math.round(
          (results.big.pages[page.key]!.median /
            results.small.pages[page.key]!.median) *
            100
        ) / 100,
      ])
    );
    const pass = Object.values(ratios).every((ratio) => ratio <= TARGET_RATIO);

    const lines = [
      `| page | ${SIZES.small} median | ${
        SIZES.small
      } p95 | ${SIZES.big.toLocaleString(
        "en-GB"
      )} median | ${SIZES.big.toLocaleString(
        "en-GB"
      )} p95 | ratio (target ≤ ${TARGET_RATIO}×) |`,
      "|---|---|---|---|---|---|",
      ...PAGES.map((page) => {
        const small = results.small.pages[page.key]!;
        const big = results.big.pages[page.key]!;
        const ratio = ratios[page.key]!;
        return `| /initiatives${
          page.search ? `?${decodeURIComponent(page.search)}` : ""
        } (${page.label}) | ${small.median.toFixed(1)} ms | ${small.p95.toFixed(
          1
        )} ms | ${big.median.toFixed(1)} ms | ${big.p95.toFixed(
          1
        )} ms | ${ratio.toFixed(2)}× ${
          ratio <= TARGET_RATIO ? "PASS" : "FAIL"
        } |`;
      }),
      "",
      `Count strategies at ${SIZES.big.toLocaleString(
        "en-GB"
      )} initiatives (EXPLAIN ANALYZE execution time through RLS):`,
      "| who | filter | matches | exact count(*) | capped (≤ 1,000 ids) | page of 20 |",
      "|---|---|---|---|---|---|",
      ...(["anon", "region"] as const).flatMap((who) =>
        Object.entries(results.big.counts[who]!).map(
          ([name, t]) =>
            `| ${who} | ${name} | ${t.matches.toLocaleString(
              "en-GB"
            )} | ${t.exactMs.toFixed(2)} ms | ${t.cappedMs.toFixed(
              2
            )} ms | ${t.pageMs.toFixed(2)} ms |`
        )
      ),
      "",
      `Overall: ${
        pass ? "PASS" : "FAIL"
      } (every page's median at ${SIZES.big.toLocaleString(
        "en-GB"
      )} within ${TARGET_RATIO}× of ${SIZES.small}).`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    if (VERBOSE)
      for (const [name, plan] of Object.entries(plans))
        process.stdout.write(`\nEXPLAIN ANALYZE ${name}:\n${plan}\n`);

    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          persona: PERSONA,
          applied: APPLY,
          requestsPerPage: REQUESTS,
          warmup: WARMUP,
          sizes: SIZES,
          pages: PAGES.map((page) => ({
            key: page.key,
            label: page.label,
            path: `/initiatives${page.search ? `?${page.search}` : ""}`,
          })),
          small: results.small,
          big: results.big,
          ratios,
          target: TARGET_RATIO,
          pass,
          ...(VERBOSE ? { plans } : {}),
        },
        null,
        2
      )}\n`
    );
    process.stdout.write(
      `\nFigures written to ${path.relative(root, RESULTS_FILE)}.\n`
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await client.end();
  }
});
