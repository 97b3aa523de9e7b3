/**
 * `npm run digests`: sends the forum digests that are due now (daily and weekly e-mail summaries,
 * plus immediate notifications whose e-mail failed). Meant for a scheduler, e.g. every morning:
 *
 *   0 7 * * *  cd /srv/samverkansportalen && npm run digests
 *
 * Weekly digests go out with the first run of each ISO week (Monday, with the schedule above).
 * Running it more than once a day is harmless: each person gets at most one digest per day or ISO
 * week (the claim in notification_digests). The environment comes from the host (SUPABASE_URL,
 * SUPABASE_SERVICE_ROLE_KEY, RESEND_API_KEY, SITE_URL, as for the server); without SUPABASE_URL it
 * uses the local embedded stack's `.data/supabase.env` (written by `npm start`). Prints one line;
 * exits 1 if any digest could not be sent (those are retried by the next run).
 */
import { exitWithError } from "../supabase/local/run.ts";
import { loadLocalStackEnv } from "./lib/local-stack-env.ts";

try {
  loadLocalStackEnv();
  const { getEnv } = await import("../app/lib/env.server.ts");
  getEnv(); // fails with a clear message if the environment is incomplete
  const { runDigests } = await import("../app/lib/forum-notifications.server.ts");
  const started = Date.now();
  const result = await runDigests();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const line = `Digests: ${result.emails} e-mails with ${result.notifications} notifications sent in ${seconds} s${result.failures ? `, ${result.failures} failed (retried next run)` : ""}.`;
  if (result.failures) {
    process.stderr.write(`✖ ${line}\n`);
    process.exit(1);
  }
  process.stdout.write(`${line}\n`);
  process.exit(0);
} catch (error) {
  exitWithError(error);
}
