/**
 * What the portal benchmarks (`npm run bench:portal`, `npm run bench:thread`) share: start the
 * built portal and an ephemeral embedded stack the way `npm start` does (free ports, a throwaway
 * data directory), sign in as a demo persona, and summarise timings.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePorts } from "../supabase/local/ports.ts";
import { freeCliPorts, runScript, stackEnv } from "../tests/support/stack-cli.ts";

export const root = path.resolve(import.meta.dirname, "..");
export const DEMO_PASSWORD = "samverkan-demo";

/** The middle value (the upper one of the two middles for an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The nearest-rank percentile `p` (0–100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Signs in through the portal's /login form and returns the session cookies for later requests. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (response.status !== 302 && response.status !== 303) throw new Error(`sign-in as ${email} answered ${response.status}`);
  return cookies.join("; ");
}

export interface BenchPortal {
  baseUrl: string;
  /** The stack's data directory (its supabase.env has the URLs and keys). */
  dataDir: string;
  /** The Postgres superuser URL of the ephemeral stack (SUPABASE_DB_URL in supabase.env). */
  dbUrl: string;
  /** The gateway (SUPABASE_URL) and its anon key, for the auth API. */
  supabaseUrl: string;
  anonKey: string;
  /** PostgREST itself, without the gateway in front (its port is chosen here, not written to supabase.env). */
  postgrestUrl: string;
}

export interface BenchPortalOptions {
  /** Extra environment for the portal process (e.g. SERVER_TIMING=1). */
  env?: Record<string, string>;
}

/**
 * Runs `npm start`'s entry point (the built portal + a fresh embedded stack) on free ports with a
 * throwaway data directory, calls `body`, then stops everything and removes the data directory.
 */
export async function withBenchPortal<T>(
  name: string,
  body: (portal: BenchPortal) => Promise<T>,
  options: BenchPortalOptions = {},
): Promise<T> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `samverkan-bench-${name}-`));
  const [portalPort] = await findFreePorts(1);
  const ports = await freeCliPorts();
  const run = runScript("scripts/start.ts", { ...stackEnv(dataDir, ports), ...options.env, PORT: String(portalPort) });
  try {
    await run.waitFor("Samverkansportalen is running at", 60_000);
    const env = readFileSync(path.join(dataDir, "supabase.env"), "utf8");
    const setting = (key: string) => env.match(new RegExp(`^${key}=(.+)$`, "m"))?.[1] ?? "";
    return await body({
      baseUrl: `http://localhost:${portalPort}`,
      dataDir,
      dbUrl: setting("SUPABASE_DB_URL"),
      supabaseUrl: setting("SUPABASE_URL"),
      anonKey: setting("SUPABASE_ANON_KEY"),
      postgrestUrl: `http://127.0.0.1:${ports.postgrest}`,
    });
  } finally {
    run.pressCtrlC();
    await run.exit;
    // Postgres may still be writing its last files as it stops: retry rather than leave a directory.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}
