/**
 * The facts at the top of a report (organisation, period, due date, status, who submitted and
 * reviewed it, when) and the coordinator's comment: the same on the report page, its printable
 * version and the board's reading of it.
 */
import type { ReactNode } from "react";
import { PlainText } from "~/components/initiative-timeline";
import { ReportStatusText } from "~/components/report-status";
import { formatDate, formatDateRange, formatDateTime } from "~/lib/format";
import { format } from "~/lib/i18n";
import type { ReportHeader } from "~/lib/reports.server";
import { useTranslation } from "~/lib/use-translation";

export function ReportFacts({ report, status, showPeriodStatus = false }: { report: ReportHeader; status?: ReactNode; showPeriodStatus?: boolean }) {
  const { t, locale } = useTranslation();
  const words = t.reports.page;
  const byOn = (date: string, name: string | null) => (name ? format(words.submittedBy, { date: formatDateTime(date, locale), name }) : formatDateTime(date, locale));
  return (
    <dl className="details report-facts">
      <dt>{words.organisation}</dt>
      <dd>{report.orgName}</dd>
      <dt>{words.period}</dt>
      <dd>
        {report.periodName} ({formatDateRange(report.startsOn, report.endsOn, locale)})
        {showPeriodStatus ? `, ${t.pages.common.periodStatus[report.periodStatus].toLowerCase()}` : null}
      </dd>
      <dt>{words.due}</dt>
      <dd>{formatDate(report.dueOn, locale)}</dd>
      <dt>{words.status}</dt>
      <dd>{status ?? <ReportStatusText status={report.status} />}</dd>
      {report.submittedAt ? (
        <>
          <dt>{words.submitted}</dt>
          <dd>{byOn(report.submittedAt, report.submittedBy)}</dd>
        </>
      ) : null}
      {report.reviewedAt && report.status !== "submitted" ? (
        <>
          <dt>{words.reviewed}</dt>
          <dd>{byOn(report.reviewedAt, report.reviewedBy)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The coordinator's comment on a returned or accepted report (a submitted one's is not yet given). */
export function ReviewComment({ report, headingId = "review-comment-heading" }: { report: ReportHeader; headingId?: string }) {
  const { t } = useTranslation();
  if (!report.reviewComment || (report.status !== "returned" && report.status !== "accepted")) return null;
  return (
    <section aria-labelledby={headingId} className="report-review-comment">
      <h2 id={headingId}>{t.reports.page.reviewComment}</h2>
      <PlainText text={report.reviewComment} />
    </section>
  );
}
