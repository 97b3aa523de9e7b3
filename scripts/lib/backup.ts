/**
 * Backups of the portal's database without pg_dump: the embedded Postgres (17) ships no client
 * tools, and the distributions' pg_dump is older and refuses a newer server. The schema is not
 * dumped: it is what the migrations make, so a backup records which migrations had run and carries
 * only the DATA, and a restore accepts only a database at exactly those migrations.
 *
 * File format (gzip'd JSON lines, format version 1):
 *   line 1             the header: format, version, createdAt, Postgres version, migrations,
 *                      every data table with its columns, every sequence's value
 *   then per batch     `{"table":"public.posts","rows":5000}` and on the next line the JSON array of
 *                      those rows (each as Postgres' row_to_json wrote it; never parsed in Node, so
 *                      bigint and numeric values keep every digit)
 *   last line          `{"end":true,"rows":{"public.posts":12345,…}}`: a file without it is cut off
 *
 * The data tables are found, not listed: every ordinary table outside the system schemas, except
 * the migration bookkeeping (compared, not restored) and tables that belong to an extension. So a
 * table added by a later migration (or a new schema, such as storage) is backed up without a change
 * here.
 */
import { createReadStream, createWriteStream, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { loadLocalStackEnv } from "./local-stack-env.ts";

export const BACKUP_FORMAT = "samverkansportalen-backup";
export const BACKUP_FORMAT_VERSION = 1;
/** Rows per batch: a few MB of JSON at most, so neither side holds a large table in memory. */
const BATCH_ROWS = 5000;
/** Schemas that never hold the portal's data; supabase_migrations is described by the header instead. */
const SKIPPED_SCHEMAS = ["pg_catalog", "information_schema", "supabase_migrations"];

export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupColumn {
  name: string;
  /** format_type(): "uuid", "character varying(255)", "public.report_status[]"… */
  type: string;
  /** Generated columns are written by Postgres, never dumped or inserted. */
  generated: boolean;
  identity: boolean;
}

export interface BackupTable {
  schema: string;
  name: string;
  columns: BackupColumn[];
}

export interface BackupSequence {
  schema: string;
  name: string;
  /** null: never used (nextval() gives the start value). A string: bigint keeps every digit. */
  lastValue: string | null;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  postgresVersion: string;
  database: string;
  migrations: { version: string; name: string | null }[];
  tables: BackupTable[];
  sequences: BackupSequence[];
}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  /** Rows per table ("schema.table"). */
  rowsPerTable: Record<string, number>;
  seconds: number;
}

export interface RestoreResult {
  file: string;
  createdAt: string;
  tables: number;
  rows: number;
  rowsPerTable: Record<string, number>;
  sequences: number;
  seconds: number;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
const qualified = (table: { schema: string; name: string }) => `${quote(table.schema)}.${quote(table.name)}`;
const keyOf = (table: { schema: string; name: string }) => `${table.schema}.${table.name}`;

/**
 * Writes a backup of the database at `dbUrl` (a superuser, or a role that may read every table) to
 * `file`. All of it is read in one REPEATABLE READ READ ONLY transaction: one consistent snapshot,
 * taken while the portal keeps running (readers block no writer). Written to `<file>.partial` and
 * renamed at the end, so a backup that fails halfway never looks like a finished one.
 */
export async function writeBackup(dbUrl: string, file: string): Promise<BackupResult> {
  const started = Date.now();
  const client = await connect(dbUrl);
  const partial = `${file}.partial`;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const rowsPerTable: Record<string, number> = {};
  try {
    await client.query("begin isolation level repeatable read read only");
    // The text form of some types depends on the session; fixed so every file looks the same.
    await client.query("set local timezone = 'UTC'; set local intervalstyle = 'iso_8601'; set local extra_float_digits = 3");
    const header = await readHeader(client);

    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const table of header.tables) {
        const key = keyOf(table);
        rowsPerTable[key] = 0;
        const columns = table.columns.filter((column) => !column.generated).map((column) => quote(column.name));
        // A cursor: the table comes in batches, however large it is.
        await client.query(`declare backup_rows no scroll cursor for select row_to_json(t)::text as row from (select ${columns.join(", ")} from ${qualified(table)}) t`);
        for (;;) {
          const { rows } = await client.query<{ row: string }>(`fetch forward ${BATCH_ROWS} from backup_rows`);
          if (rows.length === 0) break;
          rowsPerTable[key] += rows.length;
          // A raw line break can only be whitespace between JSON tokens (a `json` column keeps its
          // input's layout; strings are always escaped): made a space, so one batch stays one line.
          const array = `[${rows.map((row) => row.row.replace(/[\r\n]/g, " ")).join(",")}]`;
          yield `${JSON.stringify({ table: key, rows: rows.length })}\n${array}\n`;
          if (rows.length < BATCH_ROWS) break;
        }
        await client.query("close backup_rows");
      }
      yield `${JSON.stringify({ end: true, rows: rowsPerTable })}\n`;
    }

    await pipeline(Readable.from(lines()), createGzip({ level: 6 }), createWriteStream(partial, { mode: 0o600 }));
    await client.query("commit");
    renameSync(partial, file);
    const rows = Object.values(rowsPerTable).reduce((sum, count) => sum + count, 0);
    return {
      file,
      bytes: statSync(file).size,
      tables: header.tables.length,
      rows,
      rowsPerTable,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    throw asBackupError(error, "The backup failed");
  } finally {
    await client.end().catch(() => {});
  }
}

/** The header of a backup file (checks that it is one). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = openLines(file);
  try {
    return parseHeader(await lines.next(), file);
  } finally {
    lines.close();
  }
}

/**
 * Why the database at `dbUrl` cannot take this backup (an empty list: it can). Its migrations must
 * be exactly the backup's, and its tables and columns too (the bootstrap SQL of the embedded stack
 * is not a migration, so the migration list alone does not prove the auth tables are the same).
 */
export async function restoreProblems(dbUrl: string, header: BackupHeader): Promise<string[]> {
  const client = await connect(dbUrl);
  try {
    return compare(header, await readHeader(client));
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Replaces every data table's rows with the backup's, in ONE transaction: the whole backup or
 * nothing (a refused, damaged or cut-off file leaves the database as it was). Needs a superuser:
 * `session_replication_role = replica` switches off triggers and foreign-key checks during the load,
 * so rows go in as they were (no audit entries, counters or notifications made by the inserts
 * themselves) and in any table order.
 */
export async function restoreBackup(dbUrl: string, file: string): Promise<RestoreResult> {
  const started = Date.now();
  const lines = openLines(file);
  let client: pg.Client | null = null;
  try {
    const header = parseHeader(await lines.next(), file);
    client = await connect(dbUrl);
    await client.query("begin");
    const current = await readHeader(client);
    const problems = compare(header, current);
    if (problems.length > 0) {
      throw new BackupError(`The database does not match the backup ${path.basename(file)}, nothing was restored: ${problems.join("; ")}.`);
    }
    try {
      await client.query("set local session_replication_role = replica");
    } catch (error) {
      throw new BackupError(`A restore needs a database superuser (to load rows without triggers): ${errorMessage(error)}`);
    }
    // TRUNCATE waits for every transaction using a table; a portal under load gets its turn, but a
    // stuck session must not make the restore hang forever.
    await client.query("set local lock_timeout = '60s'; set local timezone = 'UTC'");
    const tables = new Map(header.tables.map((table) => [keyOf(table), table]));
    if (tables.size > 0) await client.query(`truncate table ${header.tables.map(qualified).join(", ")}`);

    const restored: Record<string, number> = Object.fromEntries(header.tables.map((table) => [keyOf(table), 0]));
    let trailer: { rows: Record<string, number> } | null = null;
    for (;;) {
      const line = await lines.next();
      if (line === null) break;
      if (trailer) throw new BackupError(`${path.basename(file)} has data after its end marker; it is damaged.`);
      const meta = parseJson(line, file) as { table?: unknown; rows?: unknown; end?: unknown };
      if (meta.end === true) {
        trailer = meta as { rows: Record<string, number> };
        continue;
      }
      const table = typeof meta.table === "string" ? tables.get(meta.table) : undefined;
      if (!table || typeof meta.rows !== "number") throw new BackupError(`${path.basename(file)} has a line that is not a batch of a known table; it is damaged.`);
      const rows = await lines.next();
      if (rows === null) break;
      const columns = table.columns.filter((column) => !column.generated).map((column) => quote(column.name)).join(", ");
      const overriding = table.columns.some((column) => column.identity) ? " overriding system value" : "";
      const result = await client.query(
        `insert into ${qualified(table)} (${columns})${overriding} select ${columns} from json_populate_recordset(null::${qualified(table)}, $1::json)`,
        [rows],
      );
      if (result.rowCount !== meta.rows) throw new BackupError(`${path.basename(file)}: a batch of ${meta.table} should hold ${meta.rows} rows but held ${result.rowCount}; it is damaged.`);
      restored[meta.table as string]! += meta.rows;
    }
    if (!trailer) throw new BackupError(`${path.basename(file)} ends early (cut off or damaged); nothing was restored.`);
    for (const [key, count] of Object.entries(restored)) {
      if (trailer.rows[key] !== count) throw new BackupError(`${path.basename(file)} should hold ${trailer.rows[key] ?? 0} rows of ${key} but held ${count}; nothing was restored.`);
    }

    const sequences = await restoreSequences(client, header.sequences);
    // The schema did not change, but PostgREST drops cached plans with it; sent at commit.
    await client.query("notify pgrst, 'reload schema'");
    await client.query("commit");
    // TRUNCATE forgot the planner's statistics; without them the first queries plan as if empty.
    // Only an optimisation: the data is already committed, so a failure here is no failed restore.
    for (const table of header.tables) await client.query(`analyze ${qualified(table)}`).catch(() => {});
    const rows = Object.values(restored).reduce((sum, count) => sum + count, 0);
    return {
      file,
      createdAt: header.createdAt,
      tables: header.tables.length,
      rows,
      rowsPerTable: restored,
      sequences,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await client?.query("rollback").catch(() => {});
    throw asBackupError(error, "The restore failed, nothing was restored");
  } finally {
    lines.close();
    await client?.end().catch(() => {});
  }
}

/**
 * Sets every sequence to its value in the backup, then moves any sequence that owns a column to at
 * least that column's largest value. The second step matters when the backup's sequence value was
 * read before a row that the snapshot still contains (sequences are outside transactions); an
 * insert after the restore must never collide with a restored row.
 */
async function restoreSequences(client: pg.Client, sequences: BackupSequence[]): Promise<number> {
  for (const sequence of sequences) {
    const name = qualified(sequence);
    if (sequence.lastValue === null) {
      await client.query(`select setval($1::regclass, seqstart, false) from pg_sequence where seqrelid = $1::regclass`, [name]);
    } else {
      await client.query("select setval($1::regclass, $2::bigint, true)", [name, sequence.lastValue]);
    }
  }
  for (const row of await ownedSequences(client)) {
    await client.query(
      `select setval('${row.sequence.replaceAll("'", "''")}'::regclass, m) from (select max(${row.column_name})::bigint as m from ${row.table_name}) x
       where m is not null and m >= (select case when is_called then last_value + 1 else last_value end from ${row.sequence})`,
    );
  }
  return sequences.length;
}

/** Every sequence that numbers a column (serial or identity), with its table and column, quoted. */
export async function ownedSequences(client: pg.Client): Promise<{ sequence: string; table_name: string; column_name: string }[]> {
  const { rows } = await client.query<{ sequence: string; table_name: string; column_name: string }>(`
    select s.oid::regclass::text as sequence, t.oid::regclass::text as table_name, quote_ident(a.attname) as column_name
    from pg_depend d
    join pg_class s on s.oid = d.objid and s.relkind = 'S'
    join pg_class t on t.oid = d.refobjid
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')`);
  return rows;
}

async function readHeader(client: pg.Client): Promise<BackupHeader> {
  // now(): when the transaction (and so a backup's snapshot) began.
  const version = await client.query<{ server_version: string; database: string; now: Date }>(
    "select current_setting('server_version') as server_version, current_database() as database, now() as now",
  );
  let migrations: { version: string; name: string | null }[];
  try {
    migrations = (await client.query<{ version: string; name: string | null }>("select version, name from supabase_migrations.schema_migrations order by version")).rows;
  } catch (error) {
    throw new BackupError(`The database has no migration list (supabase_migrations.schema_migrations): it was not set up by this project's migrations (${errorMessage(error)}).`);
  }
  const columns = await client.query<{ schema: string; table: string; column: string; type: string; generated: boolean; identity: boolean }>(
    `select n.nspname as schema, c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
            a.attgenerated <> '' as generated, a.attidentity <> '' as identity
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where c.relkind = 'r' -- ordinary tables and leaf partitions (a partitioned parent holds no rows)
       and c.relpersistence <> 't'
       and n.nspname <> all ($1) and n.nspname not like 'pg\\_%'
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     order by n.nspname, c.relname, a.attnum`,
    [SKIPPED_SCHEMAS],
  );
  const tables = new Map<string, BackupTable>();
  for (const row of columns.rows) {
    const key = `${row.schema}.${row.table}`;
    let table = tables.get(key);
    if (!table) tables.set(key, (table = { schema: row.schema, name: row.table, columns: [] }));
    table.columns.push({ name: row.column, type: row.type, generated: row.generated, identity: row.identity });
  }
  const sequences = await client.query<{ schema: string; name: string; last_value: string | null }>(
    `select n.nspname as schema, c.relname as name, pg_sequence_last_value(c.oid)::text as last_value
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'S' and n.nspname <> all ($1) and n.nspname not like 'pg\\_%'
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     order by 1, 2`,
    [SKIPPED_SCHEMAS],
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: version.rows[0]!.now.toISOString(),
    postgresVersion: version.rows[0]!.server_version,
    database: version.rows[0]!.database,
    migrations,
    tables: [...tables.values()],
    sequences: sequences.rows.map((row) => ({ schema: row.schema, name: row.name, lastValue: row.last_value })),
  };
}

/** What differs between a backup and a database, in words (empty: the backup fits). */
function compare(backup: BackupHeader, target: BackupHeader): string[] {
  const problems: string[] = [];
  const describe = (list: { version: string; name: string | null }[]) => list.map((m) => `${m.version}${m.name ? `_${m.name}` : ""}`);
  const backupMigrations = describe(backup.migrations);
  const targetMigrations = describe(target.migrations);
  const onlyBackup = backupMigrations.filter((m) => !targetMigrations.includes(m));
  const onlyTarget = targetMigrations.filter((m) => !backupMigrations.includes(m));
  if (onlyBackup.length > 0) problems.push(`migrations in the backup but not applied to the database: ${shortList(onlyBackup)}`);
  if (onlyTarget.length > 0) problems.push(`migrations applied to the database but not in the backup: ${shortList(onlyTarget)} (restore into a database at the backup's migrations)`);
  if (problems.length > 0) return problems;

  const targetTables = new Map(target.tables.map((table) => [keyOf(table), table]));
  const backupKeys = new Set(backup.tables.map(keyOf));
  const missing = backup.tables.filter((table) => !targetTables.has(keyOf(table))).map(keyOf);
  const extra = target.tables.filter((table) => !backupKeys.has(keyOf(table))).map(keyOf);
  if (missing.length > 0) problems.push(`tables in the backup but not in the database: ${shortList(missing)}`);
  if (extra.length > 0) problems.push(`tables in the database but not in the backup: ${shortList(extra)}`);
  for (const table of backup.tables) {
    const other = targetTables.get(keyOf(table));
    if (!other) continue;
    const signature = (t: BackupTable) => t.columns.map((c) => `${c.name} ${c.type}${c.generated ? " generated" : ""}${c.identity ? " identity" : ""}`).sort().join(", ");
    if (signature(table) !== signature(other)) problems.push(`the columns of ${keyOf(table)} differ (backup: ${signature(table)}; database: ${signature(other)})`);
  }
  const targetSequences = new Set(target.sequences.map(keyOf));
  const missingSequences = backup.sequences.filter((sequence) => !targetSequences.has(keyOf(sequence))).map(keyOf);
  if (missingSequences.length > 0) problems.push(`sequences in the backup but not in the database: ${shortList(missingSequences)}`);
  return problems;
}

function shortList(items: string[]): string {
  return items.length <= 5 ? items.join(", ") : `${items.slice(0, 5).join(", ")} and ${items.length - 5} more`;
}

function parseHeader(line: string | null, file: string): BackupHeader {
  const header = line === null ? null : (parseJson(line, file) as Partial<BackupHeader> | null);
  if (!header || header.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a backup of this portal (written by npm run backup).`);
  if (header.version !== BACKUP_FORMAT_VERSION) throw new BackupError(`${file} has backup format ${String(header.version)}; this version of the portal reads format ${BACKUP_FORMAT_VERSION}.`);
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables) || !Array.isArray(header.sequences)) throw new BackupError(`${file} has a damaged header.`);
  return header as BackupHeader;
}

function parseJson(line: string, file: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new BackupError(`${path.basename(file)} is damaged (a line is not JSON).`);
  }
}

/** The lines of a gzip'd file, one at a time (a large backup is never held in memory). */
function openLines(file: string): { next(): Promise<string | null>; close(): void } {
  let stream: ReturnType<typeof createReadStream>;
  try {
    statSync(file);
    stream = createReadStream(file);
  } catch {
    throw new BackupError(`There is no backup file ${file}.`);
  }
  const gunzip = createGunzip();
  let failure: Error | null = null;
  const fail = (error: Error) => (failure ??= error);
  stream.on("error", fail);
  gunzip.on("error", fail);
  const reader = createInterface({ input: stream.pipe(gunzip), crlfDelay: Infinity });
  const iterator = reader[Symbol.asyncIterator]();
  return {
    async next() {
      let result: IteratorResult<string>;
      try {
        result = await iterator.next();
      } catch (error) {
        fail(error as Error);
        result = { done: true, value: undefined };
      }
      if (failure) throw new BackupError(`${path.basename(file)} cannot be read (${failure.message}); it is damaged or not a gzip'd backup.`);
      return result.done ? null : result.value;
    },
    close() {
      reader.close();
      stream.destroy();
      gunzip.destroy();
    },
  };
}

async function connect(dbUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: dbUrl });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot connect to the database at ${redact(dbUrl)}: ${errorMessage(error)}. Is it running (npm start or npm run supabase:start)?`);
  }
  return client;
}

/** The connection string without its password, for messages. */
export function redact(dbUrl: string): string {
  try {
    const url = new URL(dbUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(an unreadable connection string)";
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorMessage(error.errors[0]);
  return error instanceof Error ? error.message || error.name : String(error);
}

function asBackupError(error: unknown, what: string): BackupError {
  return error instanceof BackupError ? error : new BackupError(`${what}: ${errorMessage(error)}`);
}

// --- what the two commands (scripts/backup.ts, scripts/restore.ts) share --------------------------

/** Where backups go unless `--out` says otherwise: BACKUP_DIR, or `backups/` (git-ignored). */
export function backupDir(): string {
  return process.env.BACKUP_DIR || "backups";
}

/**
 * The database to back up or restore: DATABASE_URL (any Postgres the migrations set up, as a
 * superuser), otherwise the local embedded stack's SUPABASE_DB_URL from `.data/supabase.env`.
 */
export function backupDbUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  loadLocalStackEnv();
  if (process.env.SUPABASE_DB_URL) return process.env.SUPABASE_DB_URL;
  throw new BackupError(
    "No database: set DATABASE_URL (a superuser connection string), or start the local stack (npm start or npm run supabase:start) so that .data/supabase.env exists.",
  );
}

/** `backups/2026-11-27T21-30-05Z.json.gz`: sorts by time, and is a valid file name everywhere. */
export function defaultBackupFile(dir: string = backupDir(), now: Date = new Date()): string {
  return path.join(dir, `${now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-")}.json.gz`);
}

/** The most recently written backup directly in `dir` (null if there is none). */
export function newestBackup(dir: string = backupDir()): string | null {
  let newest: { file: string; time: number } | null = null;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    if (!name.endsWith(".json.gz")) continue;
    const file = path.join(dir, name);
    const stats = statSync(file);
    if (stats.isFile() && (!newest || stats.mtimeMs > newest.time)) newest = { file, time: stats.mtimeMs };
  }
  return newest?.file ?? null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
