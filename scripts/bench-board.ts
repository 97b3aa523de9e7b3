/**
 * `npm run bench:board` (run `npm run build` first): the board's view (/board) stays fast with many
 * periods and organisations (target: median at most 100 ms).
 *  - starts the built portal and an ephemeral embedded stack (as `npm start` does, free ports,
 *    throwaway data directory);
 *  - adds 10 half-year reporting periods (2022–2026, the last one open) and 200 active
 *    organisations with plain SQL as the superuser: every
 *    fifth organisation reports to the board, every organisation is asked to report in every
 *    period, and most have a report there in a mix of statuses (draft, submitted, returned,
 *    accepted; the rest not started), about 400 more rows for the overview; /board shows one
 *    period in full (about 40 rows), the others one line each with their counts;
 *  - signs in as the board member, warms up, then requests /board (and, for comparison, Eidar's
 *    accepted report /board/reports/:id and /board as the coordinator) in turn, 200 times each,
 *    every request timed from sending to the last byte over a keep-alive connection;
 *  - prints median and p95 per page against the target (/board as the board member: median ≤
 *    100 ms) with PASS/FAIL, and writes the figures to .tmp/bench-results/board.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { median, percentile, root, signIn, withBenchPortal } from "./bench-support.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const TARGET_MEDIAN_MS = 100;
const PERIODS = 10;
const ORGANISATIONS = 200;
const BOARD = "ledamot@trollhattan.example";
const COORDINATOR = "samordnare@trollhattan.example";
const EIDAR_ACCEPTED = "eeeeeeee-0000-4000-8000-000000000001";
// .tmp/ is git-ignored (a bench-results/ directory at the root would not be).
const RESULTS_FILE = path.join(root, ".tmp", "bench-results", "board.json");

/** Periods, organisations, who reports when, and reports in mixed statuses; triggers off. */
async function fill(client: pg.Client): Promise<{ boardRows: number; reports: number }> {
  await client.query("begin");
  try {
    // Replica mode skips the workflow and audit triggers: the rows are written complete here.
    await client.query("set local session_replication_role = replica");
    await client.query(
      `insert into public.reporting_periods (name, starts_on, ends_on, due_on, status)
       select format('Benchmarkperiod %s', g), (date '2022-01-01' + make_interval(months => 6 * (g - 1)))::date,
              (date '2022-01-01' + make_interval(months => 6 * g))::date - 1, (date '2022-01-01' + make_interval(months => 6 * g))::date + 30,
              case when g = $1 then 'open' else 'closed' end::public.period_status
         from generate_series(1, $1::int) as g`,
      [PERIODS],
    );
    await client.query(
      `insert into public.organisations (name, kind, status, reports_to_board)
       select format('Benchmarkorganisation %s', g),
              (array['association','authority','business','faith_community','other','housing_company'])[1 + g % 6]::public.organisation_kind,
              'active', g % 5 = 0
         from generate_series(1, $1::int) as g`,
      [ORGANISATIONS],
    );
    await client.query(
      `insert into public.period_organisations (period_id, org_id)
       select p.id, o.id from public.reporting_periods p cross join public.organisations o
        where p.name like 'Benchmarkperiod %' and o.name like 'Benchmarkorganisation %'`,
    );
    const { rowCount } = await client.query(
      `insert into public.reports (org_id, period_id, status, summary, version, submitted_at, reviewed_at, review_comment)
       select po.org_id, po.period_id, s.status, 'Sammanfattning från benchmarken.',
              case when s.status = 'draft' then 0 else 1 end,
              case when s.status <> 'draft' then p.due_on - 3 end,
              case when s.status in ('returned', 'accepted') then p.due_on + 10 end,
              case when s.status in ('returned', 'accepted') then 'Kommentar från samordnaren.' end
         from public.period_organisations po
         join public.reporting_periods p on p.id = po.period_id and p.name like 'Benchmarkperiod %'
         cross join lateral (select (hashtext(po.org_id::text || po.period_id::text)::bigint & 2147483647) % 10 as h) as r
         cross join lateral (select (case when r.h < 2 then null when r.h < 4 then 'draft' when r.h < 6 then 'submitted'
                                          when r.h < 7 then 'returned' else 'accepted' end)::public.report_status as status) as s
        where s.status is not null`,
    );
    await client.query("commit");
    await client.query("analyze public.reporting_periods, public.organisations, public.period_organisations, public.reports");
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from public.period_organisations po join public.organisations o on o.id = po.org_id and o.reports_to_board and o.status = 'active'`,
    );
    return { boardRows: Number(rows[0]!.n), reports: rowCount ?? 0 };
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}

/** The rpc's own time, through RLS as the board member (EXPLAIN ANALYZE, second run). */
async function rpcTime(client: pg.Client, userId: string): Promise<{ ms: number; rows: number }> {
  await client.query("begin");
  try {
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: userId, role: "authenticated" })]);
    await client.query("set local role authenticated");
    const run = async () => {
      const { rows } = await client.query<{ "QUERY PLAN": { "Execution Time": number; Plan: { "Actual Rows": number } }[] }>(
        "explain (analyze, format json) select * from public.board_overview()",
      );
      return rows[0]!["QUERY PLAN"][0]!;
    };
    await run();
    const plan = await run();
    return { ms: Math.round(plan["Execution Time"] * 100) / 100, rows: plan.Plan["Actual Rows"] };
  } finally {
    await client.query("rollback");
  }
}

interface Target {
  key: string;
  label: string;
  path: string;
  cookie: () => string;
  /** Text the page must contain (the right page, signed in). */
  expect: string;
}

interface Summary {
  median: number;
  p95: number;
  requests: number;
}

const ms = (value: number) => Math.round(value * 100) / 100;
const summary = (values: number[]): Summary => ({ median: ms(median(values)), p95: ms(percentile(values, 95)), requests: values.length });

/** One timed GET over the keep-alive connection: from sending to the last byte. */
const bytes: Record<string, number> = {};

async function timePage(baseUrl: string, target: Target): Promise<number> {
  const url = `${baseUrl}${target.path}`;
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie: target.cookie() } });
  const html = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !html.includes("</html>")) throw new Error(`${url} answered ${response.status}`);
  if (!html.includes(target.expect)) throw new Error(`${url} does not show "${target.expect}"`);
  bytes[target.key] = Buffer.byteLength(html);
  return elapsed;
}

await withBenchPortal("board", async ({ baseUrl, dbUrl }) => {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const started = performance.now();
    const filled = await fill(client);
    process.stdout.write(
      `Added ${PERIODS} periods, ${ORGANISATIONS} organisations and ${filled.reports.toLocaleString("en-GB")} reports in ${((performance.now() - started) / 1000).toFixed(1)} s (${filled.boardRows} board rows from the benchmark).\n`,
    );
    const { rows } = await client.query<{ id: string }>("select id from public.profiles where email = $1", [BOARD]);
    const rpc = await rpcTime(client, rows[0]!.id);

    const cookies = { board: await signIn(baseUrl, BOARD), coordinator: await signIn(baseUrl, COORDINATOR) };
    const targets: Target[] = [
      { key: "board", label: "/board as the board member", path: "/board", cookie: () => cookies.board, expect: "Benchmarkorganisation" },
      { key: "board-coordinator", label: "/board as the coordinator", path: "/board", cookie: () => cookies.coordinator, expect: "Benchmarkorganisation" },
      { key: "home", label: "/ as the board member (baseline: the frame and sign-in)", path: "/", cookie: () => cookies.board, expect: "Lars Bergström" },
      { key: "report", label: "/board/reports/:id (Eidar, accepted) as the board member", path: `/board/reports/${EIDAR_ACCEPTED}`, cookie: () => cookies.board, expect: "Samordnarens kommentar" },
    ];
    const times: Record<string, number[]> = Object.fromEntries(targets.map((target) => [target.key, []]));
    // Page by page in turn, so the machine's noise falls on all series alike.
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      for (const target of targets) {
        const elapsed = await timePage(baseUrl, target);
        if (i >= WARMUP) times[target.key]!.push(elapsed);
      }
    }
    const results = Object.fromEntries(targets.map((target) => [target.key, summary(times[target.key]!)]));
    const main = results.board!;
    const pass = main.median <= TARGET_MEDIAN_MS;

    const lines = [
      `| page | median | p95 | requests | HTML |`,
      "|---|---|---|---|---|",
      ...targets.map((target) => {
        const one = results[target.key]!;
        return `| ${target.label} | ${one.median.toFixed(1)} ms | ${one.p95.toFixed(1)} ms | ${one.requests} | ${Math.round((bytes[target.key] ?? 0) / 1024)} KB |`;
      }),
      "",
      `board_overview() as the board member: ${rpc.ms.toFixed(2)} ms for ${rpc.rows} rows (EXPLAIN ANALYZE).`,
      `Overall: ${pass ? "PASS" : "FAIL"} (/board median ${main.median.toFixed(1)} ms, target ≤ ${TARGET_MEDIAN_MS} ms).`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);

    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          requestsPerPage: REQUESTS,
          warmup: WARMUP,
          periods: PERIODS,
          organisations: ORGANISATIONS,
          reports: filled.reports,
          boardRowsAdded: filled.boardRows,
          rpc,
          pages: targets.map((target) => ({ key: target.key, label: target.label, path: target.path, bytes: bytes[target.key], ...results[target.key] })),
          targetMedianMs: TARGET_MEDIAN_MS,
          pass,
        },
        null,
        2,
      )}\n`,
    );
    process.stdout.write(`\nFigures written to ${path.relative(root, RESULTS_FILE)}.\n`);
    if (!pass) process.exitCode = 1;
  } finally {
    await client.end();
  }
});
