/**
 * Runs the project's entry points as real child processes, the way a developer runs
 * `npm run supabase:start` or `npm start`, for tests of start, restart, Ctrl-C and failures.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { findFreePorts } from "../../supabase/local/ports.ts";

const root = path.resolve(import.meta.dirname, "../..");

export interface CliPorts {
  gateway: number;
  postgres: number;
  postgrest: number;
  postgrestAdmin: number;
}

export interface CliRun {
  child: ChildProcess;
  /** Sends SIGINT to the whole process group, as Ctrl-C in a terminal does. */
  pressCtrlC(): void;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exit: Promise<number | null>;
  /** Resolves when stdout contains `text`; rejects if the process exits first or after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
}

export async function freeCliPorts(): Promise<CliPorts> {
  const [gateway, postgres, postgrest, postgrestAdmin] = (await findFreePorts(4)) as [number, number, number, number];
  return { gateway, postgres, postgrest, postgrestAdmin };
}

/** `npm run supabase:start` with its own data directory and ports. */
export function runStackCli(dataDir: string, ports: CliPorts, extraEnv: Record<string, string> = {}): CliRun {
  return runScript("supabase/local/cli.ts", { ...stackEnv(dataDir, ports), ...extraEnv });
}

export function stackEnv(dataDir: string, ports: CliPorts): Record<string, string> {
  return {
    LOCAL_SUPABASE_DATA_DIR: dataDir,
    LOCAL_SUPABASE_PORT: String(ports.gateway),
    LOCAL_SUPABASE_DB_PORT: String(ports.postgres),
    LOCAL_SUPABASE_POSTGREST_PORT: String(ports.postgrest),
    LOCAL_SUPABASE_POSTGREST_ADMIN_PORT: String(ports.postgrestAdmin),
  };
}

/** Runs a TypeScript entry point of the project (path relative to the root) with tsx. */
export function runScript(script: string, env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, script)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // A process group of its own, so a test can press Ctrl-C the way a terminal does.
    detached: true,
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    pressCtrlC: () => process.kill(-child.pid!, "SIGINT"),
    stdout: () => out,
    stderr: () => err,
    exit,
    waitFor(text, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const matches = () => (typeof text === "string" ? out.includes(text) : text.test(out));
        const timer = setInterval(() => {
          if (matches()) {
            clearInterval(timer);
            resolve(out);
          }
        }, 25);
        void exit.then((code) => {
          setTimeout(() => {
            clearInterval(timer);
            if (matches()) resolve(out);
            else reject(new Error(`script exited (${code}) before printing ${text}: ${err || out}`));
          }, 50);
        });
        setTimeout(() => {
          clearInterval(timer);
          reject(new Error(`script did not print ${text} within ${timeoutMs} ms: ${err || out}`));
        }, timeoutMs);
      });
    },
  };
}

/** PIDs of live processes whose command line or environment mentions `needle`. */
export function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8");
      if (cmdline.includes(needle) || environ.includes(needle)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return pids;
}
