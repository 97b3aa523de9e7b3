/**
 * The embedded stack as a developer meets it: the CLI started and stopped for real, restarts,
 * new migrations, and the one-line failures (port in use, broken migration, crashed child).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startStack, type StackComponent } from "../../supabase/local/stack.ts";
import { freeCliPorts, processesMentioning, runStackCli, type CliRun } from "../support/stack-cli.ts";

const projectMigrations = path.resolve(import.meta.dirname, "../../supabase/migrations");
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "samverkan-stack-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(run: CliRun): CliRun {
  cleanups.push(async () => {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill("SIGINT");
      await run.exit;
    }
  });
  return run;
}

function readEnvFile(dataDir: string): Record<string, string> {
  const text = readFileSync(path.join(dataDir, "supabase.env"), "utf8");
  return Object.fromEntries(
    text
      .split("\n")
      .filter((line) => line.includes("=") && !line.startsWith("#"))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

async function query<T extends pg.QueryResultRow>(dbUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("the stack CLI", () => {
  it("keeps data across a restart, applies only new migrations the second time, and leaves nothing behind on Ctrl-C", async () => {
    const dataDir = tempDir();
    const migrationsDir = path.join(tempDir(), "migrations");
    cpSync(projectMigrations, migrationsDir, { recursive: true });
    const ports = await freeCliPorts();
    const env = { LOCAL_SUPABASE_MIGRATIONS_DIR: migrationsDir };

    const first = track(runStackCli(dataDir, ports, env));
    const firstOutput = await first.waitFor("Embedded Supabase ready");
    expect(firstOutput).toMatch(/\(\d+ new migrations?, seeded\)/);
    const { SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_DB_URL } = readEnvFile(dataDir);
    expect(SUPABASE_URL).toBe(`http://127.0.0.1:${ports.gateway}`);
    await query(SUPABASE_DB_URL!, "create table public.restart_marker (note text); insert into public.restart_marker values ('kvar efter omstart')");
    const postgresPid = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    expect(processesMentioning(`PGRST_ADMIN_SERVER_PORT=${ports.postgrestAdmin}`)).toHaveLength(1);

    first.pressCtrlC();
    expect(await first.exit).toBe(0);
    expect(first.stdout()).toContain("Stopped.");
    expect(first.stderr()).toBe("");
    expect(isAlive(postgresPid)).toBe(false);
    expect(processesMentioning(`PGRST_ADMIN_SERVER_PORT=${ports.postgrestAdmin}`)).toEqual([]);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    writeFileSync(path.join(migrationsDir, "29991231000000_restart_check.sql"), "create table public.restart_check (id int primary key);\nalter table public.restart_check enable row level security;\n");
    const second = track(runStackCli(dataDir, ports, env));
    const secondOutput = await second.waitFor("Embedded Supabase ready");
    expect(secondOutput).toContain("(1 new migration)");
    const afterRestart = readEnvFile(dataDir);
    expect(afterRestart.SUPABASE_ANON_KEY).toBe(SUPABASE_ANON_KEY);
    expect(await query(afterRestart.SUPABASE_DB_URL!, "select note from public.restart_marker")).toEqual([{ note: "kvar efter omstart" }]);
    const recorded = await query<{ version: string }>(afterRestart.SUPABASE_DB_URL!, "select version from supabase_migrations.schema_migrations where version = '29991231000000'");
    expect(recorded).toHaveLength(1);

    second.child.kill("SIGTERM");
    expect(await second.exit).toBe(0);
    expect(processesMentioning(`PGRST_ADMIN_SERVER_PORT=${ports.postgrestAdmin}`)).toEqual([]);
  }, 90_000);

  it("says in one line which port is taken and exits non-zero", async () => {
    const ports = await freeCliPorts();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(ports.gateway, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

    const run = track(runStackCli(tempDir(), ports));
    expect(await run.exit).toBe(1);
    const lines = run.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Port ${ports.gateway}`);
    expect(lines[0]).toContain("already in use");
    expect(processesMentioning(`PGRST_ADMIN_SERVER_PORT=${ports.postgrestAdmin}`)).toEqual([]);
  }, 60_000);

  it("names a broken migration, its error and line, and stops Postgres", async () => {
    const dataDir = tempDir();
    const migrationsDir = path.join(tempDir(), "migrations");
    cpSync(projectMigrations, migrationsDir, { recursive: true });
    writeFileSync(path.join(migrationsDir, "29991231000000_broken.sql"), "create table public.ok (id int);\ncreate tabel public.broken (id int);\n");

    const run = track(runStackCli(dataDir, await freeCliPorts(), { LOCAL_SUPABASE_MIGRATIONS_DIR: migrationsDir }));
    expect(await run.exit).toBe(1);
    const lines = run.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Migration 29991231000000_broken\.sql failed: syntax error at or near "tabel" \(line 2\)/);
    expect(processesMentioning(path.join(dataDir, "postgres"))).toEqual([]);
  }, 60_000);

  it("stops everything and explains when a child process crashes", async () => {
    const ports = await freeCliPorts();
    const run = track(runStackCli(tempDir(), ports));
    await run.waitFor("Embedded Supabase ready");
    const [postgrestPid] = processesMentioning(`PGRST_ADMIN_SERVER_PORT=${ports.postgrestAdmin}`);
    expect(postgrestPid).toBeGreaterThan(0);
    process.kill(postgrestPid!, "SIGKILL");

    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toMatch(/^✖ PostgREST was killed by SIGKILL/);
    await expect(fetch(`http://127.0.0.1:${ports.gateway}/rest/v1/`)).rejects.toThrow();
  }, 60_000);
});

describe("stopping and starting a component on purpose (fault drills)", () => {
  it("stops PostgREST and Postgres and starts them again on their ports, keeping data, without reporting a crash", async () => {
    const dataDir = tempDir();
    const stack = await startStack({ dataDir, ports: await freeCliPorts() });
    cleanups.push(() => stack.stop());
    let crash: string | null = null;
    void stack.failure.then((error) => (crash = error.message));
    const rest = () =>
      fetch(`${stack.url}/rest/v1/organisations?select=id&limit=1`, { headers: { apikey: stack.anonKey } }).then((response) => response.status);
    const health = () => fetch(`${stack.url}/auth/v1/health`, { headers: { apikey: stack.anonKey } }).then((response) => response.status);
    await query(stack.dbUrl, "create table public.drill_marker (note text); insert into public.drill_marker values ('kvar')");
    expect(await rest()).toBe(200);

    const cases: [StackComponent, number][] = [["postgrest", 502], ["postgres", 503]];
    for (const [component, statusWhileDown] of cases) {
      const before = stack.pids[component];
      await stack.stopComponent(component);
      await stack.stopComponent(component); // stopping twice is harmless
      expect(isAlive(before)).toBe(false);
      // The gateway and auth keep answering; only what needs the stopped component fails.
      expect(await rest()).toBe(statusWhileDown);
      expect(await health()).toBe(200);

      await stack.startComponent(component);
      expect(stack.pids[component]).not.toBe(before);
      expect(isAlive(stack.pids[component])).toBe(true);
      // PostgREST reconnects to a restarted Postgres by itself (with back-off).
      const deadline = Date.now() + 40_000;
      while ((await rest()) !== 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await rest()).toBe(200);
    }
    expect(await query(stack.dbUrl, "select note from public.drill_marker")).toEqual([{ note: "kvar" }]);
    expect(crash).toBeNull();

    // A crash after a drill is still a crash: it is reported as before.
    process.kill(stack.pids.postgrest, "SIGKILL");
    expect((await stack.failure).message).toMatch(/^PostgREST was killed by SIGKILL/);
  }, 90_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
