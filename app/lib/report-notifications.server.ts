/**
 * E-mail about a report's workflow: when it is submitted, a receipt to the organisation (its active
 * admins and its contact address) and a notice to every coordinator; when a coordinator returns or
 * accepts it, the decision with the comment to the organisation.
 *
 * What the e-mails say (organisation, period, who submitted) comes from the caller, who read it as
 * the user; the service role is used only to look up the recipients' addresses and languages,
 * which no user may read. Every function logs and carries on: a failed e-mail never fails the
 * user's action (sendEmail never throws).
 */
import { reportReceiptEmail, reportReviewedEmail, reportSubmittedEmail } from "~/emails/report-emails";
import { sendEmail } from "./email.server";
import { getEnv } from "./env.server";
import { formatDateTime } from "./format";
import { coordinatorRecipients, organisationRecipients, type Recipient } from "./recipients.server";
import { getServiceRoleClient } from "./supabase.server";

export interface ReportMailSubject {
  reportId: string;
  orgId: string;
  organisation: string;
  period: string;
}

function reportUrl(reportId: string): string {
  return new URL(`/reports/${reportId}`, getEnv().SITE_URL).href;
}

function logError(what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : typeof error === "object" && error && "message" in error ? String(error.message) : String(error);
  console.error(`Report e-mail: ${what}: ${message}`);
}

/** A report was submitted: the receipt to the organisation, the notice to the coordinators. */
export async function mailReportSubmitted(subject: ReportMailSubject & { submittedBy: string; submittedAt: string }): Promise<void> {
  try {
    const service = getServiceRoleClient();
    const [organisation, coordinators] = await Promise.all([organisationRecipients(service, subject.orgId), coordinatorRecipients(service)]);
    const url = reportUrl(subject.reportId);
    const facts = (recipient: Recipient) => ({
      organisation: subject.organisation,
      period: subject.period,
      reportUrl: url,
      submittedBy: subject.submittedBy,
      submittedAt: formatDateTime(subject.submittedAt, recipient.locale),
      recipientName: recipient.name,
    });
    await Promise.all([
      ...organisation.map((recipient) => sendEmail({ to: recipient.email, ...reportReceiptEmail(facts(recipient), recipient.locale) })),
      ...coordinators.map((recipient) => sendEmail({ to: recipient.email, ...reportSubmittedEmail(facts(recipient), recipient.locale) })),
    ]);
  } catch (error) {
    logError(`could not mail about the submitted report ${subject.reportId}`, error);
  }
}

/** A coordinator returned or accepted a report: the decision and the comment to the organisation. */
export async function mailReportReviewed(subject: ReportMailSubject & { decision: "returned" | "accepted"; comment: string | null }): Promise<void> {
  try {
    const service = getServiceRoleClient();
    const recipients = await organisationRecipients(service, subject.orgId);
    const url = reportUrl(subject.reportId);
    await Promise.all(
      recipients.map((recipient) =>
        sendEmail({
          to: recipient.email,
          ...reportReviewedEmail(
            { organisation: subject.organisation, period: subject.period, reportUrl: url, decision: subject.decision, comment: subject.comment, recipientName: recipient.name },
            recipient.locale,
          ),
        }),
      ),
    );
  } catch (error) {
    logError(`could not mail about the review of report ${subject.reportId}`, error);
  }
}
