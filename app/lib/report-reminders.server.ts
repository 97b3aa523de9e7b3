/**
 * Reminders about follow-up reports (`npm run reminders`, scripts/reminders.ts).
 *
 * For each open reporting period and each organisation that must report in it (period_organisations)
 * whose report is missing, a draft or returned, the organisation is e-mailed 14 days before the due
 * date, 3 days before it and once after it (the windows are the database's: `claim_report_reminders`).
 * Recipients: the organisation's active admins (they submit) and its contact e-mail, each address
 * once; one e-mail per address, in the person's language (the contact address gets Swedish).
 *
 * Claim-then-send, like the forum digests: `claim_report_reminders(p_today)` inserts one
 * report_reminders row per (period, organisation, kind) ON CONFLICT DO NOTHING and returns only the
 * rows it inserted, so however often (or concurrently) the command runs, each reminder is sent once.
 * If nobody could be e-mailed (every send failed, or the organisation has no address at all), the
 * claim is deleted again so the next run retries. If some addresses got it and others did not, the
 * claim stays (a retry would send the same reminder twice to the others); the failure is logged and
 * counted.
 *
 * Everything uses the service role: e-mail addresses are no user's to read, and the claim function
 * is granted to the service role only.
 */
import { getEnv } from "./env.server";
import { sendEmail } from "./email.server";
import { organisationRecipients, type Recipient } from "./recipients.server";
import { getServiceRoleClient, type TypedSupabaseClient } from "./supabase.server";
import { isIsoDate, reminderEmail, type ReminderKind, type ReminderReportState } from "~/emails/reminder-emails";

export { isIsoDate };

const TIME_ZONE = "Europe/Stockholm";

export interface SentReminder {
  periodId: string;
  periodName: string;
  dueOn: string;
  orgId: string;
  orgName: string;
  kind: ReminderKind;
  /** Addresses the reminder reached. */
  recipients: number;
  /** Addresses it should have reached but the send failed. */
  failed: number;
}

export interface ReminderRunResult {
  /** The day the run was for (YYYY-MM-DD). */
  today: string;
  /** Reminders claimed and sent to at least one address. */
  reminders: SentReminder[];
  /** E-mails sent (one per address and reminder). */
  emails: number;
  /** Reminders that reached nobody (released for the next run) or reached only some addresses. */
  failures: number;
  /** Reminders released because the organisation has no admin and no contact e-mail. */
  noRecipient: number;
}

interface Claim {
  period_id: string;
  period_name: string;
  due_on: string;
  org_id: string;
  org_name: string;
  kind: ReminderKind;
}

function logError(what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : typeof error === "object" && error && "message" in error ? String(error.message) : String(error);
  console.error(`Report reminders: ${what}: ${message}`);
}

/** Today's date in Stockholm, YYYY-MM-DD. */
export function stockholmToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}


/** Where the organisation's report of the period stands (the claim only covers missing/draft/returned). */
async function reportState(service: TypedSupabaseClient, periodId: string, orgId: string): Promise<ReminderReportState> {
  const { data, error } = await service.from("reports").select("status").eq("period_id", periodId).eq("org_id", orgId).maybeSingle();
  if (error) throw error;
  if (!data) return "missing";
  return data.status === "returned" ? "returned" : "draft";
}

async function release(service: TypedSupabaseClient, claim: Claim): Promise<void> {
  const { error } = await service.from("report_reminders").delete().eq("period_id", claim.period_id).eq("org_id", claim.org_id).eq("kind", claim.kind);
  if (error) logError(`could not release the ${claim.kind} reminder of ${claim.org_id} in period ${claim.period_id} for a retry`, error);
}

/**
 * Sends the reminders due on `today` (YYYY-MM-DD in Stockholm; default: the current day). Running it
 * again for the same day, or for a later day in the same window, sends nothing more. Never throws
 * for a single reminder: `failures` counts those that did not reach everyone.
 */
export async function runReminders(options: { today?: string } = {}): Promise<ReminderRunResult> {
  const today = options.today ?? stockholmToday();
  if (!isIsoDate(today)) throw new Error(`Not a date (YYYY-MM-DD): ${today}`);
  const service = getServiceRoleClient();
  const result: ReminderRunResult = { today, reminders: [], emails: 0, failures: 0, noRecipient: 0 };

  const { data, error } = await service.rpc("claim_report_reminders", { p_today: today });
  if (error) throw new Error(`claim_report_reminders failed: ${error.code} ${error.message}`);
  const claims = (data ?? []) as Claim[];
  if (claims.length === 0) return result;

  const reportsUrl = new URL("/reports", getEnv().SITE_URL).href;
  const recipientsByOrg = new Map<string, Promise<Recipient[]>>();

  for (const claim of claims) {
    try {
      let recipients = recipientsByOrg.get(claim.org_id);
      if (!recipients) {
        recipients = organisationRecipients(service, claim.org_id);
        recipientsByOrg.set(claim.org_id, recipients);
      }
      const addresses = await recipients;
      if (addresses.length === 0) {
        console.error(`Report reminders: ${claim.org_name} has no admin and no contact e-mail; the ${claim.kind} reminder for ${claim.period_name} waits for the next run.`);
        result.noRecipient += 1;
        await release(service, claim);
        continue;
      }
      const state = await reportState(service, claim.period_id, claim.org_id);
      const outcomes = await Promise.all(
        addresses.map((recipient) =>
          sendEmail({
            to: recipient.email,
            ...reminderEmail(
              {
                kind: claim.kind,
                recipientName: recipient.name,
                organisationName: claim.org_name,
                periodName: claim.period_name,
                dueOn: claim.due_on,
                today,
                state,
                reportsUrl,
              },
              recipient.locale,
            ),
          }),
        ),
      );
      const sent = outcomes.filter((outcome) => outcome.ok).length;
      const failed = outcomes.length - sent;
      result.emails += sent;
      if (sent === 0) {
        result.failures += 1;
        await release(service, claim);
        continue;
      }
      if (failed > 0) {
        result.failures += 1;
        logError(`the ${claim.kind} reminder of ${claim.org_name} for ${claim.period_name}`, `${failed} of ${outcomes.length} e-mails failed (not retried)`);
      }
      const { error: countError } = await service
        .from("report_reminders")
        .update({ recipients: sent })
        .eq("period_id", claim.period_id)
        .eq("org_id", claim.org_id)
        .eq("kind", claim.kind);
      if (countError) logError(`could not record the recipients of the ${claim.kind} reminder of ${claim.org_id}`, countError);
      result.reminders.push({
        periodId: claim.period_id,
        periodName: claim.period_name,
        dueOn: claim.due_on,
        orgId: claim.org_id,
        orgName: claim.org_name,
        kind: claim.kind,
        recipients: sent,
        failed,
      });
    } catch (claimError) {
      logError(`the ${claim.kind} reminder of ${claim.org_name} for ${claim.period_name} was not sent`, claimError);
      result.failures += 1;
      await release(service, claim);
    }
  }
  return result;
}
