/**
 * `npm run bench:load`: 50 simulated people use the portal at once for 60 s (browse, reply in a
 * forum thread, save their report), measured with autocannon; see scripts/lib/load-scenario.ts
 * for the scenario and how the figures are computed. Target: no errors, p95 < 250 ms.
 * Runs `npm start`'s entry point (built portal + fresh embedded stack) on free ports, so the load
 * generator (this process) is not the process that serves.
 *
 *   npm run bench:load                      50 people, 60 s, 2–8 s between a person's requests
 *   npm run bench:load -- --think 0-0       every person asks again as soon as answered (capacity)
 *   npm run bench:load -- --users 100 --seconds 30
 *
 * Prints a Markdown table (with the CPU time each process of the system spent per request, from
 * /proc, to tell capacity from latency) and writes the full result to .tmp/bench-load.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { processesMentioning } from "../tests/support/stack-cli.ts";
import { root, withBenchPortal } from "./bench-support.ts";
import { createLoadUsers, DEFAULT_LOAD, loadTable, runLoad, writtenBy } from "./lib/load-scenario.ts";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: String(DEFAULT_LOAD.users) },
    seconds: { type: "string", default: String(DEFAULT_LOAD.durationSeconds) },
    think: { type: "string", default: DEFAULT_LOAD.thinkSeconds.join("-") },
  },
});
const [fewest, most] = values.think.split("-").map(Number) as [number, number];
const options = { users: Number(values.users), durationSeconds: Number(values.seconds), thinkSeconds: [fewest, most ?? fewest] as [number, number] };

/** Clock ticks of CPU time (user + system) per kind of process, over the given processes and their descendants. */
function cpuTicks(roots: number[]): Record<string, number> {
  const processes = new Map<number, { parent: number; ticks: number; command: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      processes.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), command });
    } catch {
      // Gone while we looked.
    }
  }
  const ours = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, { parent }] of processes) {
      if (ours.has(pid) || !ours.has(parent)) continue;
      ours.add(pid);
      grew = true;
    }
  }
  const byKind: Record<string, number> = {};
  for (const pid of ours) {
    const found = processes.get(pid);
    if (!found) continue;
    const kind = found.command.includes("server/index.ts")
      ? "portal (server/index.ts)"
      : found.command.includes("scripts/start.ts")
        ? "gateway + auth (scripts/start.ts)"
        : found.command.includes("postgrest")
          ? "PostgREST"
          : found.command.includes("postgres")
            ? "Postgres"
            : "other";
    byKind[kind] = (byKind[kind] ?? 0) + found.ticks;
  }
  return byKind;
}

await withBenchPortal("load", async ({ baseUrl, dbUrl, dataDir }) => {
  const users = await createLoadUsers(dbUrl, options.users);
  const roots = processesMentioning(dataDir);
  const before = cpuTicks(roots);
  const result = await runLoad(baseUrl, users, options);
  const after = cpuTicks(roots);
  result.written = await writtenBy(dbUrl, users);
  process.stdout.write(`${loadTable(result)}\n`);
  // Ticks are 1/100 s on Linux.
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(after).map(([kind, ticks]) => [kind, ((ticks - (before[kind] ?? 0)) * 10) / Math.max(1, result.requests)]),
  );
  const totalCpuMs = Object.values(cpuMsPerRequest).reduce((sum, value) => sum + value, 0);
  process.stdout.write(
    [
      "",
      "| process | CPU per request |",
      "|---|---|",
      ...Object.entries(cpuMsPerRequest).map(([kind, ms]) => `| ${kind} | ${ms.toFixed(1)} ms |`),
      `| all | ${totalCpuMs.toFixed(1)} ms (at most ~${Math.floor(1000 / totalCpuMs)} requests/s per core) |`,
      "",
    ].join("\n"),
  );
  if (result.failures.length > 0) process.stdout.write(`Failures (first ${result.failures.length}):\n${result.failures.join("\n")}\n`);
  const out = path.join(root, ".tmp", "bench-load.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...result, cpuMsPerRequest }, null, 2)}\n`);
  process.stdout.write(`Written to ${path.relative(root, out)}\n`);
  const ok = result.errors.badStatus + result.errors.socket + result.errors.timeouts === 0 && result.latencyMs.p95 < 250;
  process.stdout.write(ok ? "Target met: no errors, p95 < 250 ms.\n" : "Target NOT met (no errors, p95 < 250 ms).\n");
  process.exitCode = ok ? 0 : 1;
});
