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
import { startPostgres, type RunningPostgres } from "./postgres.ts";
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

/** The parts of the stack that can be stopped and started again while the rest keeps running. */
export type StackComponent = "postgres" | "postgrest";

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
  /** The current processes (they change when a component is started again). */
  pids: { postgres: number; postgrest: number };
  migrationsApplied: string[];
  seeded: boolean;
  /** Settles with the reason if a child process dies while the stack is running (not when stopped with `stopComponent`). */
  failure: Promise<StackError>;
  /**
   * Stops one component on purpose, as an outage would, while the gateway, auth and mail keep
   * answering (for fault drills and the resilience tests). Does not settle `failure`.
   */
  stopComponent(name: StackComponent): Promise<void>;
  /** Starts a stopped component again on its own port; resolves once it accepts connections. */
  startComponent(name: StackComponent): Promise<void>;
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
    const postgresOptions = { dataDir, port: ports.postgres, ...(options.onOutput ? { onOutput: options.onOutput } : {}) };
    let postgres: RunningPostgres = await startPostgres(postgresOptions);
    // A component stopped on purpose is not a crash; anything else that exits while running is.
    const stoppedOnPurpose = new WeakSet<SupervisedChild>();
    let reportCrash: (error: StackError) => void = () => {};
    const crashed = new Promise<StackError>((resolve) => (reportCrash = resolve));
    const watch = (child: SupervisedChild) => {
      void child.exited.then((exit) => {
        if (!stopping && !stoppedOnPurpose.has(child)) reportCrash(new StackError(explainExit(child, exit)));
      });
    };
    watch(postgres.child);
    cleanups.push(() => postgres.stop());

    const migration = await migrate({
      superuserUrl: postgres.superuserUrl,
      bootstrapDir: path.join(supabaseDir, "local", "bootstrap"),
      migrationsDir: options.migrationsDir ?? path.join(supabaseDir, "migrations"),
      ...(postgres.isNewCluster ? { seedFile: options.seedFile ?? path.join(supabaseDir, "seed.sql") } : {}),
    });

    // PostgREST logs in as `authenticator`; its password is new on every start and never stored.
    const authenticatorPassword = randomBytes(24).toString("base64url");
    // A bounded connect: while Postgres hangs (not refuses), auth answers an error instead of waiting for ever.
    const pool = new pg.Pool({ connectionString: postgres.superuserUrl, max: 10, connectionTimeoutMillis: 5000 });
    pool.on("error", () => {});
    cleanups.push(() => pool.end());
    await pool.query(`alter role authenticator with login password '${authenticatorPassword}'`);

    const postgrestOptions = {
      dbUrl: `postgresql://authenticator:${authenticatorPassword}@127.0.0.1:${ports.postgres}/postgres`,
      jwtSecret: keys.jwtSecret,
      port: ports.postgrest,
      adminPort: ports.postgrestAdmin,
      ...(options.onOutput ? { onOutput: options.onOutput } : {}),
    };
    let postgrest = await startPostgrest(postgrestOptions);
    watch(postgrest);
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

    const pids = { postgres: postgres.child.pid, postgrest: postgrest.pid };
    const running = (name: StackComponent) => (name === "postgres" ? postgres.child : postgrest);
    // One stop or start at a time per component: a drill that stops twice must not start two processes.
    let changing: Promise<void> = Promise.resolve();
    const serially = (change: () => Promise<void>) => (changing = changing.then(change, change));
    const isDown = new Set<StackComponent>();
    const stack: RunningStack = {
      url,
      anonKey: keys.anonKey,
      serviceRoleKey: keys.serviceRoleKey,
      jwtSecret: keys.jwtSecret,
      dbUrl: postgres.superuserUrl,
      mailUrl: `${url}/mail`,
      ports,
      dataDir,
      pids,
      migrationsApplied: migration.applied,
      seeded: migration.seeded,
      failure: crashed.then(async (error) => {
        await stopAll();
        return error;
      }),
      stopComponent: (name) =>
        serially(async () => {
          if (stopping || isDown.has(name)) return;
          const child = running(name);
          stoppedOnPurpose.add(child);
          isDown.add(name);
          if (name === "postgres") await postgres.stop();
          else await postgrest.stop("SIGTERM", 5000);
        }),
      startComponent: (name) =>
        serially(async () => {
          if (stopping || !isDown.has(name)) return;
          if (name === "postgres") {
            postgres = await startPostgres(postgresOptions);
            watch(postgres.child);
            pids.postgres = postgres.child.pid;
          } else {
            postgrest = await startPostgrest(postgrestOptions);
            watch(postgrest);
            pids.postgrest = postgrest.pid;
          }
          isDown.delete(name);
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

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
