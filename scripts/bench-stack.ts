/**
 * `npm run bench:stack`: the embedded stack's speed targets, measured (not asserted in tests, as
 * this machine is shared and noisy). Prints a Markdown table for the README.
 *  - fresh start to a healthy stack (new data directory: initdb, migrations, seed), target ≤ 10 s;
 *  - restart with existing data, target ≤ 5 s;
 *  - a PostgREST query through the gateway vs. straight to PostgREST: median of 500 sequential
 *    keep-alive requests each, target ratio ≤ 1.5.
 * Both starts are timed from spawning the CLI (as `npm run supabase:start` does) to the first
 * healthy answer of REST and auth through the gateway.
 */
import http from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeCliPorts, runStackCli, type CliPorts, type CliRun } from "../tests/support/stack-cli.ts";

const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const REQUESTS = 500;
const WARMUP = 50;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function startAndTime(dataDir: string, ports: CliPorts): Promise<{ run: CliRun; ms: number }> {
  const started = performance.now();
  const run = runStackCli(dataDir, ports);
  const anonKey = () => readFileSync(path.join(dataDir, "supabase.env"), "utf8").match(/SUPABASE_ANON_KEY=(.+)/)?.[1] ?? "";
  const base = `http://127.0.0.1:${ports.gateway}`;
  for (;;) {
    if (run.child.exitCode !== null) throw new Error(`stack exited: ${run.stderr()}`);
    const key = (() => {
      try {
        return anonKey();
      } catch {
        return "";
      }
    })();
    if (key) {
      const [rest, auth] = await Promise.all([
        fetch(`${base}/rest/v1/organisations?select=id&limit=1`, { headers: { apikey: key } }).then((r) => r.ok, () => false),
        fetch(`${base}/auth/v1/health`, { headers: { apikey: key } }).then((r) => r.ok, () => false),
      ]);
      if (rest && auth) return { run, ms: performance.now() - started };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stop(run: CliRun): Promise<void> {
  run.child.kill("SIGINT");
  await run.exit;
}

/** One keep-alive connection per target; each request is timed from sending to the last byte. */
function requester(port: number, headers: Record<string, string>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = (requestPath: string) =>
    new Promise<number>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.get({ host: "127.0.0.1", port, path: requestPath, headers, agent }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode} from port ${port}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      });
      req.on("error", reject);
    });
  return { once, close: () => agent.destroy() };
}

const fresh: number[] = [];
const restart: number[] = [];
let overhead: { gateway: number; direct: number } | undefined;

for (let i = 0; i < RUNS; i++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "samverkan-bench-"));
  const ports = await freeCliPorts();
  try {
    const first = await startAndTime(dataDir, ports);
    fresh.push(first.ms);
    await stop(first.run);
    const second = await startAndTime(dataDir, ports);
    restart.push(second.ms);
    if (i === RUNS - 1) {
      const key = readFileSync(path.join(dataDir, "supabase.env"), "utf8").match(/SUPABASE_ANON_KEY=(.+)/)?.[1] ?? "";
      const query = "/organisations?select=id,name,kind&status=eq.active&order=name&limit=10";
      const viaGateway = requester(ports.gateway, { apikey: key });
      const direct = requester(ports.postgrest, { authorization: `Bearer ${key}` });
      const gatewayTimes: number[] = [];
      const directTimes: number[] = [];
      // Alternate request by request, so that the machine's noise falls on both series alike.
      for (let i = 0; i < WARMUP + REQUESTS; i++) {
        const [throughGateway, straight] = [await viaGateway.once(`/rest/v1${query}`), await direct.once(query)];
        if (i < WARMUP) continue;
        gatewayTimes.push(throughGateway);
        directTimes.push(straight);
      }
      viaGateway.close();
      direct.close();
      overhead = { gateway: median(gatewayTimes), direct: median(directTimes) };
    }
    await stop(second.run);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rows = [
  `| measure | median of ${RUNS} | target |`,
  "|---|---|---|",
  `| fresh start to healthy stack | ${seconds(median(fresh))} | ≤ 10 s |`,
  `| restart with existing data | ${seconds(median(restart))} | ≤ 5 s |`,
];
if (overhead) {
  rows.push(
    `| REST query via gateway (median of ${REQUESTS}) | ${overhead.gateway.toFixed(3)} ms | |`,
    `| same query straight to PostgREST (median of ${REQUESTS}) | ${overhead.direct.toFixed(3)} ms | |`,
    `| gateway / direct | ${(overhead.gateway / overhead.direct).toFixed(2)}× | ≤ 1.5× |`,
  );
}
process.stdout.write(`${rows.join("\n")}\n`);
