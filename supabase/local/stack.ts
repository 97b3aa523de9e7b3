/**
 * The embedded Supabase-compatible stack: Postgres, PostgREST, the auth server, the mail catcher
 * and the gateway, started in that order and stopped in reverse. Used by `npm start`, by the
 * `supabase:start` CLI and by the tests (each test run gets its own data directory and ports).
 */
import { writeFileSync } from "node:fs";
import type http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createAuthHandler } from "./auth/index.ts";
import { StackError } from "./errors.ts";
import { startGateway } from "./gateway.ts";
import { loadOrCreateKeys } from "./keys.ts";
import { createMailCatcher } from "./mail.ts";
import { migrate } from "./migrate.ts";
import { assertPortFree } from "./ports.ts";
import { startPostgres } from "./postgres.ts";
import { startPostgrest } from "./postgrest.ts";
import { explainExit, type SupervisedChild } from "./supervisor.ts";

const supabaseDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface StackPorts {
  gateway: number;
  postgres: number;
  postgrest: number;
  postgrestAdmin: number;
}

export const DEFAULT_PORTS: StackPorts = { gateway: 54321, postgres: 54322, postgrest: 54325, postgrestAdmin: 54326 };

export interface StackOptions {
  dataDir: string;
  ports?: Partial<StackPorts>;
  /** Where the portal runs; the default redirect of auth links. */
  siteUrl?: string;
  migrationsDir?: string;
  seedFile?: string;
  /** Receives every line Postgres and PostgREST write (default: dropped; crashes are still explained). */
  onOutput?: (line: string) => void;
}

export interface RunningStack {
  /** The gateway: SUPABASE_URL. */
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** Superuser connection string, for tools and tests that must bypass the API. */
  dbUrl: string;
  /** The mail catcher's base URL (RESEND_BASE_URL). */
  mailUrl: string;
  ports: StackPorts;
  dataDir: string;
  pids: { postgres: number; postgrest: number };
  migrationsApplied: string[];
  seeded: boolean;
  /** Settles with the reason if a child process dies while the stack is running. */
  failure: Promise<StackError>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const dataDir = path.resolve(options.dataDir);
  const keys = loadOrCreateKeys(dataDir);
  const url = `http://127.0.0.1:${ports.gateway}`;
  const cleanups: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };

  try {
    // All ports first: a taken port is reported before anything has started.
    await assertPortFree(ports.gateway, "Supabase gateway; set LOCAL_SUPABASE_PORT to use another");
    await assertPortFree(ports.postgres, "Postgres; set LOCAL_SUPABASE_DB_PORT to use another");
    await assertPortFree(ports.postgrest, "PostgREST; set LOCAL_SUPABASE_POSTGREST_PORT to use another");
    await assertPortFree(ports.postgrestAdmin, "PostgREST admin; set LOCAL_SUPABASE_POSTGREST_ADMIN_PORT to use another");
    const postgres = await startPostgres({ dataDir, port: ports.postgres, ...(options.onOutput ? { onOutput: options.onOutput } : {}) });
    cleanups.push(postgres.stop);

    const migration = await migrate({
      superuserUrl: postgres.superuserUrl,
      bootstrapDir: path.join(supabaseDir, "local", "bootstrap"),
      migrationsDir: options.migrationsDir ?? path.join(supabaseDir, "migrations"),
      ...(postgres.isNewCluster ? { seedFile: options.seedFile ?? path.join(supabaseDir, "seed.sql") } : {}),
    });

    // PostgREST logs in as `authenticator`; its password is new on every start and never stored.
    const authenticatorPassword = randomBytes(24).toString("base64url");
    const pool = new pg.Pool({ connectionString: postgres.superuserUrl, max: 10 });
    pool.on("error", () => {});
    cleanups.push(() => pool.end());
    await pool.query(`alter role authenticator with login password '${authenticatorPassword}'`);

    const postgrest = await startPostgrest({
      dbUrl: `postgresql://authenticator:${authenticatorPassword}@127.0.0.1:${ports.postgres}/postgres`,
      jwtSecret: keys.jwtSecret,
      port: ports.postgrest,
      adminPort: ports.postgrestAdmin,
      ...(options.onOutput ? { onOutput: options.onOutput } : {}),
    });
    cleanups.push(() => postgrest.stop("SIGTERM", 5000));

    const mail = createMailCatcher(dataDir);
    const auth = createAuthHandler({
      pool,
      jwtSecret: keys.jwtSecret,
      siteUrl: options.siteUrl ?? "http://localhost:3000",
      apiExternalUrl: url,
      // Answered as 500 `unexpected_failure`; the developer running the stack needs the cause.
      onError: (error) => process.stderr.write(`Auth: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`),
    });
    const gateway = await startGateway({
      port: ports.gateway,
      apiKeys: [keys.anonKey, keys.serviceRoleKey],
      postgrestPort: ports.postgrest,
      auth,
      mail: mail.handle,
    });
    cleanups.push(() => closeServer(gateway));

    const stack: RunningStack = {
      url,
      anonKey: keys.anonKey,
      serviceRoleKey: keys.serviceRoleKey,
      jwtSecret: keys.jwtSecret,
      dbUrl: postgres.superuserUrl,
      mailUrl: `${url}/mail`,
      ports,
      dataDir,
      pids: { postgres: postgres.child.pid, postgrest: postgrest.pid },
      migrationsApplied: migration.applied,
      seeded: migration.seeded,
      failure: firstCrash([postgres.child, postgrest], () => stopping).then(async (error) => {
        await stopAll();
        return error;
      }),
      stop: stopAll,
    };
    writeEnvFile(stack);
    return stack;
  } catch (error) {
    await stopAll();
    throw error instanceof StackError ? error : new StackError(error instanceof Error ? error.message : String(error));
  }
}

/** `.data/supabase.env`: how other tools (and the portal) find this stack. */
function writeEnvFile(stack: RunningStack): void {
  const lines = [
    "# Written by the embedded Supabase stack at every start. Do not edit.",
    `SUPABASE_URL=${stack.url}`,
    `SUPABASE_ANON_KEY=${stack.anonKey}`,
    `SUPABASE_SERVICE_ROLE_KEY=${stack.serviceRoleKey}`,
    `SUPABASE_DB_URL=${stack.dbUrl}`,
    `RESEND_BASE_URL=${stack.mailUrl}`,
    "RESEND_API_KEY=re_local_mail_catcher",
  ];
  writeFileSync(path.join(stack.dataDir, "supabase.env"), `${lines.join("\n")}\n`, { mode: 0o600 });
}

function firstCrash(children: SupervisedChild[], isStopping: () => boolean): Promise<StackError> {
  return new Promise((resolve) => {
    for (const child of children) {
      void child.exited.then((exit) => {
        if (!isStopping()) resolve(new StackError(explainExit(child, exit)));
      });
    }
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
