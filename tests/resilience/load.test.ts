/**
 * Load: 50 simulated people use the portal at once for 60 s (browse, reply in a thread, save their
 * report; 2–8 s between a person's requests), the scenario of `npm run bench:load`
 * (scripts/lib/load-scenario.ts). No request may fail (only 2xx/3xx answers, no socket errors, no
 * timeouts) and the 95th percentile of all response times must stay under 250 ms.
 *
 * The portal and the stack run as `npm start` runs them (scripts/start.ts as a child process), so
 * the load generator in this process does not share an event loop with what it measures.
 * LOAD_USERS / LOAD_SECONDS make a shorter or smaller run for trying things out; the defaults are
 * the requirement.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { root, withBenchPortal } from "../../scripts/bench-support.ts";
import { createLoadUsers, DEFAULT_LOAD, loadTable, runLoad, writtenBy } from "../../scripts/lib/load-scenario.ts";

const options = {
  ...DEFAULT_LOAD,
  users: Number(process.env.LOAD_USERS ?? DEFAULT_LOAD.users),
  durationSeconds: Number(process.env.LOAD_SECONDS ?? DEFAULT_LOAD.durationSeconds),
};

it(`${options.users} people for ${options.durationSeconds} s: no errors and p95 under 250 ms`, async () => {
  const result = await withBenchPortal("load-test", async ({ baseUrl, dbUrl }) => {
    const users = await createLoadUsers(dbUrl, options.users);
    const measured = await runLoad(baseUrl, users, options);
    measured.written = await writtenBy(dbUrl, users);
    return measured;
  });
  process.stdout.write(`${loadTable(result)}\n`);
  const out = path.join(root, ".tmp", "load-test.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2)}\n`);

  expect(result.failures).toEqual([]);
  expect(result.errors).toEqual({ badStatus: 0, socket: 0, timeouts: 0 });
  // The scenario really ran: every person browsed, posted and saved (at least one round each).
  expect(result.requests).toBeGreaterThanOrEqual(options.users * 8);
  expect(result.written.posts).toBeGreaterThanOrEqual(options.users);
  expect(result.written.reportSaves).toBeGreaterThanOrEqual(options.users);
  expect(result.latencyMs.p95).toBeLessThan(250);
});
