/** What the stack's command-line entry points share: options from the environment and shutdown. */
import path from "node:path";
import { z } from "zod";
import { StackError } from "./errors.ts";
import { DEFAULT_PORTS, type StackOptions } from "./stack.ts";

const port = z.coerce.number().int().min(1).max(65535);
const localEnvSchema = z.object({
  LOCAL_SUPABASE_PORT: port.default(DEFAULT_PORTS.gateway),
  LOCAL_SUPABASE_DB_PORT: port.default(DEFAULT_PORTS.postgres),
  LOCAL_SUPABASE_POSTGREST_PORT: port.default(DEFAULT_PORTS.postgrest),
  LOCAL_SUPABASE_POSTGREST_ADMIN_PORT: port.default(DEFAULT_PORTS.postgrestAdmin),
  LOCAL_SUPABASE_DATA_DIR: z.string().min(1).default(".data"),
  /** For tests of the migration runner; the project's migrations are the default. */
  LOCAL_SUPABASE_MIGRATIONS_DIR: z.string().min(1).optional(),
  PORT: port.default(3000),
});

export function stackOptionsFromEnv(env: Record<string, string | undefined> = process.env): StackOptions & { portalPort: number } {
  const parsed = localEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StackError(`Environment variable ${issue?.path.join(".")} is invalid: ${issue?.message}`);
  }
  const values = parsed.data;
  return {
    dataDir: path.resolve(values.LOCAL_SUPABASE_DATA_DIR),
    ports: {
      gateway: values.LOCAL_SUPABASE_PORT,
      postgres: values.LOCAL_SUPABASE_DB_PORT,
      postgrest: values.LOCAL_SUPABASE_POSTGREST_PORT,
      postgrestAdmin: values.LOCAL_SUPABASE_POSTGREST_ADMIN_PORT,
    },
    siteUrl: `http://localhost:${values.PORT}`,
    ...(values.LOCAL_SUPABASE_MIGRATIONS_DIR ? { migrationsDir: path.resolve(values.LOCAL_SUPABASE_MIGRATIONS_DIR) } : {}),
    portalPort: values.PORT,
  };
}

/** Prints the reason as one line and exits non-zero: what every failure of the stack looks like. */
export function exitWithError(error: unknown): never {
  const message = error instanceof StackError ? error.message : error instanceof Error ? `Unexpected error: ${error.message}` : String(error);
  process.stderr.write(`✖ ${message.split("\n")[0]}\n`);
  process.exit(1);
}

/** Something running that can fail on its own and be stopped: the stack, the portal server. */
export interface Service {
  failure: Promise<Error>;
  stop(): Promise<void>;
}

/**
 * Stops every service (last started first) on Ctrl-C, SIGTERM or SIGHUP and exits 0; if one fails on
 * its own, stops the others and exits 1 with the reason as one line. A second signal while stopping
 * is ignored, so children get their grace period.
 */
export function runUntilStopped(services: Service[]): void {
  let stopping = false;
  const stopAll = async () => {
    for (const service of [...services].reverse()) await service.stop().catch(() => {});
  };
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    await stopAll();
    process.stdout.write("Stopped.\n");
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal));
  for (const service of services) {
    void service.failure.then(async (error) => {
      if (stopping) return;
      stopping = true;
      await stopAll();
      exitWithError(error);
    });
  }
}
