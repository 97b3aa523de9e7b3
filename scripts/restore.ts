/**
 * `npm run restore`: replaces ALL of the portal's data with a backup's (written by `npm run backup`),
 * in one transaction: the whole backup or nothing. The database must be at the backup's migrations
 * (a fresh `npm start` of the same version of the portal, or the same database); otherwise it
 * refuses and changes nothing. The portal may keep running: requests wait for the restore's commit.
 *
 *   npm run restore                         the newest file in backups/
 *   npm run restore -- <file>               that backup
 *   npm run restore -- <file> --no-safety-backup
 *   DATABASE_URL=postgres://… npm run restore -- <file>    another database (a superuser connection)
 *
 * Before replacing anything it backs up what is there now to backups/pre-restore/, so restoring the
 * wrong file can be undone (`npm run restore -- backups/pre-restore/<time>.json.gz`).
 * BACKUP_DIR (default `backups`) moves both the directory searched and the safety backup.
 * Prints what it restored; exits 1 with the reason if it did not.
 */
import path from "node:path";
import {
  BackupError,
  backupDbUrl,
  backupDir,
  defaultBackupFile,
  formatBytes,
  newestBackup,
  readBackupHeader,
  restoreBackup,
  restoreProblems,
  writeBackup,
} from "./lib/backup.ts";

const USAGE = "Usage: npm run restore [-- <file>] [--no-safety-backup]";

function parseArgs(argv: string[]): { file?: string; safetyBackup: boolean } {
  const options: { file?: string; safetyBackup: boolean } = { safetyBackup: true };
  for (const arg of argv) {
    if (arg === "--no-safety-backup") options.safetyBackup = false;
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (!arg.startsWith("-") && options.file === undefined) options.file = arg;
    else fail(`Unknown argument: ${arg}. ${USAGE}`);
  }
  return options;
}

function fail(message: string): never {
  process.stderr.write(`✖ ${message}\n`);
  process.exit(1);
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

try {
  const options = parseArgs(process.argv.slice(2));
  const file = options.file ?? newestBackup();
  if (!file) fail(`There is no backup in ${backupDir()}/ (npm run backup writes one); or name the file: ${USAGE}`);
  const dbUrl = backupDbUrl();
  // Checked before the safety backup, so a refused restore writes nothing at all.
  const header = await readBackupHeader(file);
  const problems = await restoreProblems(dbUrl, header);
  if (problems.length > 0) fail(`The database does not match the backup ${shown(file)}, nothing was restored: ${problems.join("; ")}.`);
  if (options.safetyBackup) {
    const safety = await writeBackup(dbUrl, defaultBackupFile(path.join(backupDir(), "pre-restore")));
    process.stdout.write(`Current data backed up first: ${shown(safety.file)} · ${safety.rows} rows, ${formatBytes(safety.bytes)}.\n`);
  }
  const result = await restoreBackup(dbUrl, file);
  process.stdout.write(
    `Restored ${shown(result.file)} (taken ${result.createdAt}) · ${result.tables} tables, ${result.rows} rows, ${result.sequences} sequences in ${result.seconds.toFixed(1)} s.\n`,
  );
  process.exit(0);
} catch (error) {
  fail(error instanceof BackupError ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}
