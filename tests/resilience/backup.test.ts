/**
 * Backups (issue 9, item 6): `npm run backup` writes the data of the embedded database, `npm run
 * restore` brings it back (scripts/lib/backup.ts). Proven on a stack of its own:
 * - a round trip after damage restores every table exactly (count + md5 of the ordered rows), and the
 *   restored database works: sign-in, the API, RLS, sequences;
 * - the backup is one snapshot even while other sessions commit;
 * - a backup for other migrations, or a cut-off file, is refused and changes nothing;
 * - the real commands (through npm) back up one stack and restore into a fresh one, as after losing
 *   the machine.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ws from "ws";
import type { Database } from "../../app/lib/database.types.ts";
import { newestBackup, ownedSequences, readBackupHeader, restoreBackup, restoreProblems, writeBackup, type BackupHeader } from "../../scripts/lib/backup.ts";
import { startEphemeralStack, type TestStack } from "../support/ephemeral-stack.ts";
import { FORUM, ORG, USER } from "../support/rls.ts";

const root = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "samverkan-demo";
const ASSOCIATION = "forening@kronogarden.example";
const REGION = "region@vgregion.example";

type Stack = Awaited<ReturnType<typeof startEphemeralStack>>;
let stack: Stack | null = null;
let fresh: Stack | null = null;
let db: pg.Client;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "samverkan-backup-"));
  stack = await startEphemeralStack();
  db = await connect(stack.info.dbUrl);
});

afterAll(async () => {
  await db?.end().catch(() => {});
  await stack?.dispose();
  await fresh?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

// The tests build on each other, in order: the first writes through the API and takes the backup
// the others use; the last replaces the stack with a fresh one.
describe("backup and restore", () => {
  /** Written by a user through the API before the backup; must come back after the damage. */
  const written = { threadId: "", postId: "", initiativeId: "" };
  let backupFile = "";
  let atBackup: Record<string, string> = {};

  it("restores every table exactly as it was at backup time, and the restored database works", async () => {
    const info = stack!.info;
    // Rows written the way the portal writes them: a signed-in user through PostgREST (auth.sessions,
    // refresh tokens, profiles, counters, notifications and audit rows are all touched).
    const association = await signIn(info, ASSOCIATION);
    const started = await association.rpc("start_thread", { forum: FORUM.samverkan, title: "Säkerhetskopia", body: "Ett inlägg som ska överleva en återställning." }).single();
    expect(started.error).toBeNull();
    written.threadId = started.data!.thread_id;
    written.postId = started.data!.post_id;
    const saved = await association.rpc("save_initiative", {
      initiative: null as unknown as string,
      fields: { org_id: ORG.kronogarden, title: "Läxhjälp efter återställning", summary: "Sparad före säkerhetskopian." },
      partners: [{ org_id: ORG.eidar, role: "Lokaler" }],
    });
    expect(saved.error).toBeNull();
    written.initiativeId = saved.data!;
    await signIn(info, REGION); // a session of the user the damage deletes

    backupFile = path.join(dir, "round-trip.json.gz");
    const backup = await writeBackup(info.dbUrl, backupFile);
    atBackup = await fingerprints(db);
    expect(backup.tables).toBeGreaterThanOrEqual(30);
    expect(backup.rowsPerTable["public.posts"]).toBe(Number(atBackup["public.posts"]!.split(" ")[0]));
    expect(backup.rowsPerTable["auth.users"]).toBeGreaterThanOrEqual(8);
    expect(backup.rowsPerTable["auth.sessions"]).toBeGreaterThanOrEqual(2);

    // The damage: the user's rows deleted, others changed, junk added, a user (and all that cascades
    // from it: profile, memberships, sessions) deleted, a sequence moved back.
    await db.query("delete from public.posts where id = $1", [written.postId]);
    await db.query("delete from public.initiatives where id = $1", [written.initiativeId]);
    await db.query("update public.organisations set name = name || ' (ändrad)'");
    await db.query("update public.profiles set full_name = 'Skräp' where id = $1", [USER.coordinator]);
    await db.query("insert into public.initiatives (org_id, title) values ($1, 'Skräp som ska bort')", [ORG.eidar]);
    await db.query("delete from auth.users where id = $1", [USER.region]);
    await db.query("select setval('public.notifications_id_seq', 1, false)");
    const damaged = await fingerprints(db);
    expect(changedTables(atBackup, damaged)).toEqual(expect.arrayContaining(["auth.users", "auth.sessions", "public.posts", "public.initiatives", "public.organisations", "public.profiles"]));

    const restored = await restoreBackup(info.dbUrl, backupFile);
    expect(restored.rows).toBe(backup.rows);
    expect(changedTables(atBackup, await fingerprints(db))).toEqual([]);

    // Sign-in works for the deleted user (auth.users and identities are back), and the API serves
    // the restored rows to a user who may read them.
    const region = await signIn(info, REGION);
    const post = await region.from("posts").select("id, body").eq("id", written.postId).single();
    expect(post.error).toBeNull();
    expect(post.data?.body).toBe("Ett inlägg som ska överleva en återställning.");
    const association2 = await signIn(info, ASSOCIATION);
    const initiative = await association2.from("initiatives").select("title").eq("id", written.initiativeId).single();
    expect(initiative.data?.title).toBe("Läxhjälp efter återställning");

    // RLS still applies: the anonymous role reads no report and no profile, though both have rows.
    const anon = client(info);
    for (const table of ["reports", "profiles"] as const) {
      const { data } = await anon.from(table).select("id");
      expect(data ?? [], `anon reads ${table}`).toEqual([]);
      expect(Number(atBackup[`public.${table}`]!.split(" ")[0])).toBeGreaterThan(0);
    }

    // Sequences continue after the restored rows: new notifications (made by a reply's triggers,
    // numbered by the sequence the damage moved back) do not collide with restored ones.
    await expectSequencesAheadOfTheirColumns(db);
    const reply = await region.from("posts").insert({ thread_id: written.threadId, author_id: USER.region, body: "Ett svar efter återställningen." });
    expect(reply.error).toBeNull();
  });

  it("backs up one snapshot: a transaction committed while the backup runs is in it whole or not at all", async () => {
    const info = stack!.info;
    // The backup reads the tables one by one (auth before public, public in name order). It is
    // held up at public.posts while a new user commits: auth.users (read before the hold-up) and
    // public.profiles (read after it, the user's profile is made by a trigger) must agree. (With
    // READ COMMITTED instead of one snapshot, the profile is in the file and this fails: tried.)
    const holder = await connect(info.dbUrl);
    const writer = await connect(info.dbUrl);
    try {
      await holder.query("begin; lock table public.posts in access exclusive mode");
      const file = path.join(dir, "snapshot.json.gz");
      const backup = writeBackup(info.dbUrl, file);
      await waitUntil(async () => (await db.query("select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%public%posts%'")).rowCount === 1);
      const userId = randomUUID();
      await writer.query(
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_user_meta_data, created_at, updated_at)
         values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, '', '{"full_name":"Mitt i kopian"}', now(), now())`,
        [userId, `snapshot-${userId}@example.org`],
      );
      expect((await writer.query("select 1 from public.profiles where id = $1", [userId])).rowCount).toBe(1);
      await holder.query("commit");
      await backup;
      const text = gunzipSync(readFileSync(file)).toString("utf8");
      expect(text.includes(userId), "the user committed during the backup is in it").toBe(false);
      await writer.query("delete from auth.users where id = $1", [userId]);
    } finally {
      await holder.query("rollback").catch(() => {});
      await holder.end();
      await writer.end();
    }
  });

  it("refuses a backup of other migrations, and a cut-off backup, changing nothing", async () => {
    const info = stack!.info;
    await db.query("update public.organisations set name = name || ' (efter kopian)' where id = $1", [ORG.vgr]);
    const before = await fingerprints(db);

    const header = await readBackupHeader(backupFile);
    const otherMigrations = withHeader(backupFile, path.join(dir, "other-migrations.json.gz"), {
      ...header,
      migrations: [...header.migrations, { version: "29991231000000", name: "from_the_future" }],
    });
    expect(await restoreProblems(info.dbUrl, await readBackupHeader(otherMigrations))).toEqual([expect.stringContaining("29991231000000_from_the_future")]);
    await expect(restoreBackup(info.dbUrl, otherMigrations)).rejects.toThrow(/nothing was restored: migrations in the backup but not applied to the database: 29991231000000_from_the_future/);
    const fewerMigrations = withHeader(backupFile, path.join(dir, "fewer-migrations.json.gz"), { ...header, migrations: header.migrations.slice(0, -1) });
    await expect(restoreBackup(info.dbUrl, fewerMigrations)).rejects.toThrow(/migrations applied to the database but not in the backup/);
    const otherColumns = withHeader(backupFile, path.join(dir, "other-columns.json.gz"), {
      ...header,
      tables: header.tables.map((table) => (table.name === "posts" ? { ...table, columns: table.columns.filter((column) => column.name !== "body") } : table)),
    });
    await expect(restoreBackup(info.dbUrl, otherColumns)).rejects.toThrow(/the columns of public\.posts differ/);

    // Cut off after half of its lines (the tables are already emptied when the end is missed), and
    // cut off in the middle of the gzip stream.
    const lines = gunzipSync(readFileSync(backupFile)).toString("utf8").split("\n");
    const half = path.join(dir, "half.json.gz");
    writeFileSync(half, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n")));
    await expect(restoreBackup(info.dbUrl, half)).rejects.toThrow(/ends early/);
    const broken = path.join(dir, "broken.json.gz");
    const bytes = readFileSync(backupFile);
    writeFileSync(broken, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await expect(restoreBackup(info.dbUrl, broken)).rejects.toThrow(/damaged|ends early/);

    expect(changedTables(before, await fingerprints(db))).toEqual([]);
  });

  it("npm run backup and npm run restore: a backup of one stack restored into a fresh one", async () => {
    const info = stack!.info;
    const backups = path.join(dir, "cli");
    mkdirSync(backups);
    // As a developer runs it: no DATABASE_URL, the stack found through its supabase.env.
    const backup = await npm(["run", "--silent", "backup"], { LOCAL_SUPABASE_DATA_DIR: info.dataDir, BACKUP_DIR: backups });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written: .+\.json\.gz · \d+ tables, \d+ rows, \d+ kB in \d+\.\d s\.\n$/);
    const file = newestBackup(backups)!;
    expect(file).toMatch(/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json\.gz$/);
    const original = await fingerprints(db);
    await db.end();
    await stack!.dispose();
    stack = null;

    // The machine is lost: a fresh stack (migrations and seed) takes the newest backup.
    fresh = await startEphemeralStack();
    db = await connect(fresh.info.dbUrl);
    const header = await readBackupHeader(file);
    const seedSequences = await sequenceValues(db);
    expect(header.sequences.some((sequence) => Number(sequence.lastValue) > Number(seedSequences[`${sequence.schema}.${sequence.name}`] ?? 0)), "the backup has sequences ahead of a fresh seed").toBe(true);

    // A refused restore through the command: exit code 1, a reason, and nothing written or changed.
    const beforeRefusal = await fingerprints(db);
    const refused = await npm(["run", "--silent", "restore", "--", withHeader(file, path.join(dir, "cli-refused.json.gz"), { ...header, migrations: header.migrations.slice(1) })], {
      DATABASE_URL: fresh.info.dbUrl,
      BACKUP_DIR: backups,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^✖ The database does not match the backup .*nothing was restored: migrations applied to the database but not in the backup: 20261127120000_types/);
    expect(readdirSync(backups)).toEqual([path.basename(file)]);
    expect(changedTables(beforeRefusal, await fingerprints(db))).toEqual([]);

    // No file named: the newest in BACKUP_DIR; the data it replaces is backed up first.
    const restore = await npm(["run", "--silent", "restore"], { DATABASE_URL: fresh.info.dbUrl, BACKUP_DIR: backups });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Current data backed up first: .+pre-restore\/.+\.json\.gz · \d+ rows, \d+ kB\.\nRestored .+\.json\.gz \(taken .+\) · \d+ tables, \d+ rows, \d+ sequences in \d+\.\d s\.\n$/);
    expect(readdirSync(path.join(backups, "pre-restore"))).toHaveLength(1);
    expect(changedTables(original, await fingerprints(db))).toEqual([]);

    const association = await signIn(fresh.info, ASSOCIATION);
    const reply = await association.from("posts").insert({ thread_id: written.threadId, author_id: USER.association, body: "Ett svar i den nya miljön." });
    expect(reply.error).toBeNull();
    await expectSequencesAheadOfTheirColumns(db);
  });
});

async function connect(dbUrl: string): Promise<pg.Client> {
  const connection = new pg.Client({ connectionString: dbUrl });
  connection.on("error", () => {});
  await connection.connect();
  return connection;
}

function client(info: TestStack): SupabaseClient<Database> {
  return createClient<Database>(info.url, info.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
}

async function signIn(info: TestStack, email: string): Promise<SupabaseClient<Database>> {
  const signedIn = client(info);
  const { error } = await signedIn.auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw new Error(`Sign-in as ${email} failed: ${error.message}`);
  return signedIn;
}

/**
 * "count md5" of every table outside the system schemas, rows ordered by their text. Found here on
 * its own (not through the backup code), so a table the backup forgets shows up as a difference.
 */
async function fingerprints(connection: pg.Client): Promise<Record<string, string>> {
  const tables = await connection.query<{ name: string }>(`
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    order by 1`);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const { rows } = await connection.query<{ fingerprint: string }>(
      `select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as fingerprint from ${name} t`,
    );
    result[name.replaceAll('"', "")] = rows[0]!.fingerprint;
  }
  return result;
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]).sort();
}

async function sequenceValues(connection: pg.Client): Promise<Record<string, string | null>> {
  const { rows } = await connection.query<{ name: string; value: string | null }>(
    "select schemaname || '.' || sequencename as name, last_value::text as value from pg_sequences",
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

/** Every sequence that numbers a column would hand out a number above the column's largest. */
async function expectSequencesAheadOfTheirColumns(connection: pg.Client): Promise<void> {
  const rows = await ownedSequences(connection);
  expect(rows.length).toBeGreaterThanOrEqual(4);
  for (const row of rows) {
    const { rows: [state] } = await connection.query<{ next: string; max: string | null }>(
      `select (select case when is_called then last_value + 1 else last_value end from ${row.sequence})::text as next,
              (select max(${row.column_name}) from ${row.table_name})::text as max`,
    );
    if (state!.max !== null) expect(BigInt(state!.next), `${row.sequence} is past ${row.table_name}.${row.column_name}`).toBeGreaterThan(BigInt(state!.max));
  }
}

/** A copy of a backup with another header (the data lines unchanged). */
function withHeader(file: string, target: string, header: BackupHeader): string {
  const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
  lines[0] = JSON.stringify(header);
  writeFileSync(target, gzipSync(lines.join("\n")));
  return target;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `npm <args>` in the project, as a person or a scheduler runs it, with only the given settings. */
function npm(args: string[], settings: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...settings };
  // The test's own environment must not point the commands elsewhere.
  for (const name of ["DATABASE_URL", "SUPABASE_URL", "SUPABASE_DB_URL", "BACKUP_DIR"]) if (!(name in settings)) delete env[name];
  return new Promise((resolve) => {
    execFile("npm", args, { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
