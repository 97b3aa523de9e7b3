/**
 * `npm run backup`: writes the portal's data to `backups/<time>.json.gz` (scripts/lib/backup.ts says
 * what is in it). Safe while the portal runs: one consistent snapshot, no writer is blocked.
 *
 *   npm run backup                     the local embedded stack (its `.data/supabase.env`)
 *   npm run backup -- --out <file>     somewhere else (or BACKUP_DIR=/mnt/backups for the directory)
 *   DATABASE_URL=postgres://… npm run backup    another database (a superuser connection)
 *
 * For a scheduler, e.g. every night:  0 2 * * *  cd /srv/samverkansportalen && npm run backup
 * Prints what it wrote; exits 1 with the reason if it could not.
 */
import path from "node:path";
import { BackupError, backupDbUrl, defaultBackupFile, formatBytes, writeBackup } from "./lib/backup.ts";

const USAGE = "Usage: npm run backup [-- --out <file>]";

function parseArgs(argv: string[]): { out?: string } {
  const options: { out?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith("--out=")) options.out = arg.slice("--out=".length);
    else if (arg === "--out" && argv[i + 1]) options.out = argv[++i];
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`Unknown argument: ${arg}. ${USAGE}`);
  }
  return options;
}

function fail(message: string): never {
  process.stderr.write(`✖ ${message}\n`);
  process.exit(1);
}

try {
  const options = parseArgs(process.argv.slice(2));
  const file = path.resolve(options.out ?? defaultBackupFile());
  const result = await writeBackup(backupDbUrl(), file);
  process.stdout.write(
    `Backup written: ${path.relative(process.cwd(), result.file) || result.file} · ${result.tables} tables, ${result.rows} rows, ${formatBytes(result.bytes)} in ${result.seconds.toFixed(1)} s.\n`,
  );
  process.exit(0);
} catch (error) {
  fail(error instanceof BackupError ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}
