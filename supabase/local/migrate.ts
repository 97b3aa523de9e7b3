/**
 * Brings a database up to date: the bootstrap SQL (what real Supabase already has), the project's
 * migrations in file-name order (each recorded, so later starts apply only new ones, in the same
 * table the Supabase CLI uses), and the seed on a fresh database.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { StackError } from "./errors.ts";

export interface MigrateOptions {
  superuserUrl: string;
  bootstrapDir: string;
  migrationsDir: string;
  /** Run after the migrations, only when given (the caller decides: fresh databases only). */
  seedFile?: string;
}

export interface MigrateResult {
  applied: string[];
  seeded: boolean;
}

export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: options.superuserUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    for (const file of sqlFiles(options.bootstrapDir)) {
      await runFile(client, path.join(options.bootstrapDir, file), `Bootstrap ${file}`);
    }
    await client.query(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key,
        statements text[],
        name text
      );`);
    const done = new Set(
      (await client.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).rows.map(
        (row) => row.version,
      ),
    );
    const applied: string[] = [];
    for (const file of sqlFiles(options.migrationsDir)) {
      const { version, name } = parseMigrationName(file);
      if (done.has(version)) continue;
      const sql = readFileSync(path.join(options.migrationsDir, file), "utf8");
      await inTransaction(client, `Migration ${file}`, sql, async () => {
        await client.query("insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)", [
          version,
          name,
          [sql],
        ]);
      });
      applied.push(file);
    }
    if (options.seedFile) {
      await runFile(client, options.seedFile, `Seed ${path.basename(options.seedFile)}`);
    }
    return { applied, seeded: Boolean(options.seedFile) };
  } finally {
    await client.end().catch(() => {});
  }
}

function sqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .sort();
}

function parseMigrationName(file: string): { version: string; name: string } {
  const match = /^(\d+)_(.+)\.sql$/.exec(file);
  if (!match) throw new StackError(`Migration file name ${file} must look like <timestamp>_<name>.sql.`);
  return { version: match[1] as string, name: match[2] as string };
}

async function runFile(client: pg.Client, file: string, label: string): Promise<void> {
  await inTransaction(client, label, readFileSync(file, "utf8"));
}

async function inTransaction(client: pg.Client, label: string, sql: string, after?: () => Promise<void>): Promise<void> {
  await client.query("begin");
  try {
    await client.query(sql);
    await after?.();
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw new StackError(`${label} failed: ${describeSqlError(error, sql)}`);
  }
}

/** "relation x does not exist (line 12)": the message and where in the file it happened. */
function describeSqlError(error: unknown, sql: string): string {
  if (!(error instanceof Error)) return String(error);
  const position = Number((error as { position?: string }).position);
  if (!Number.isFinite(position) || position <= 0) return error.message;
  const line = sql.slice(0, position).split("\n").length;
  return `${error.message} (line ${line})`;
}
