/**
 * `npm run reminders`: e-mails organisations whose follow-up report is not submitted, 14 and 3 days
 * before the period's due date and once after it (app/lib/report-reminders.server.ts). Meant for a
 * scheduler, once a day:
 *
 *   0 7 * * *  cd /srv/samverkansportalen && npm run reminders
 *
 * Running it more than once is harmless: each reminder (period, organisation, kind) is sent once
 * ever. A missed day is caught up by the next run (a 14-day reminder goes out until 4 days before
 * the due date; the 3-day one until the due date; the overdue one any day after it).
 *
 *   npm run reminders -- --today=2026-12-04   run as if it were that day (tests, catch-up)
 *
 * The environment comes from the host (SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, RESEND_API_KEY,
 * SITE_URL, as for the server); without SUPABASE_URL it uses the local embedded stack's
 * `.data/supabase.env` (written by `npm start`). Prints what it sent; exits 1 if any reminder could
 * not be sent to everyone (reminders that reached nobody are retried by the next run).
 */
import { exitWithError } from "../supabase/local/run.ts";
import { loadLocalStackEnv } from "./lib/local-stack-env.ts";

function parseArgs(argv: string[]): { today?: string } {
  const options: { today?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith("--today=")) options.today = arg.slice("--today=".length);
    else if (arg === "--today" && argv[i + 1]) options.today = argv[++i];
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write("Usage: npm run reminders [-- --today=YYYY-MM-DD]\n");
      process.exit(0);
    } else usageError(`Unknown argument: ${arg}.`);
  }
  return options;
}

const KIND_LABEL = { due_in_14: "14 days before", due_in_3: "3 days before", overdue: "overdue" } as const;

function usageError(message: string): never {
  process.stderr.write(`✖ ${message} Usage: npm run reminders [-- --today=YYYY-MM-DD]\n`);
  process.exit(1);
}

try {
  const options = parseArgs(process.argv.slice(2));
  if (options.today !== undefined) {
    const { isIsoDate } = await import("../app/emails/reminder-emails.ts");
    if (!isIsoDate(options.today)) usageError(`--today must be a date written YYYY-MM-DD, not "${options.today}".`);
  }
  loadLocalStackEnv();
  const { getEnv } = await import("../app/lib/env.server.ts");
  getEnv(); // fails with a clear message if the environment is incomplete
  const { runReminders } = await import("../app/lib/report-reminders.server.ts");
  const started = Date.now();
  const result = await runReminders(options);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const reminder of result.reminders) {
    const failed = reminder.failed ? ` (${reminder.failed} failed)` : "";
    process.stdout.write(`  ${reminder.orgName} · ${reminder.periodName} (due ${reminder.dueOn}) · ${KIND_LABEL[reminder.kind]} · ${reminder.recipients} e-mails${failed}\n`);
  }
  const organisations = new Set(result.reminders.map((reminder) => reminder.orgId)).size;
  const extra = [
    result.failures ? `${result.failures} failed` : "",
    result.noRecipient ? `${result.noRecipient} without any address (retried next run)` : "",
  ].filter(Boolean);
  const line = `Reminders for ${result.today}: ${result.reminders.length} reminders to ${organisations} organisations, ${result.emails} e-mails sent in ${seconds} s${extra.length ? `; ${extra.join(", ")}` : ""}.`;
  if (result.failures) {
    process.stderr.write(`✖ ${line}\n`);
    process.exit(1);
  }
  process.stdout.write(`${line}\n`);
  process.exit(0);
} catch (error) {
  exitWithError(error);
}
