import { Link } from "@remix-run/react";
import { ReportStatusText } from "~/components/report-status";
import { formatDate } from "~/lib/format";
import type { Database } from "~/lib/database.types";
import { useTranslation } from "~/lib/use-translation";

export interface ReportSummary {
  id: string;
  organisation: string;
  period: string;
  status: Database["public"]["Enums"]["report_status"];
  submittedAt: string | null;
  reviewedAt: string | null;
}

/** Reports of several organisations (each links to its page): organisation, period, status, submitted (and reviewed) dates. */
export function ReportTable({ caption, reports, showReviewed = true }: { caption: string; reports: ReportSummary[]; showReviewed?: boolean }) {
  const { t, locale } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.pages.table.organisation}</th>
            <th scope="col">{t.pages.table.period}</th>
            <th scope="col">{t.pages.table.status}</th>
            <th scope="col">{t.pages.table.submitted}</th>
            {showReviewed ? <th scope="col">{t.pages.table.reviewed}</th> : null}
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link to={`/reports/${report.id}`}>{report.organisation}</Link>
              </th>
              <td>{report.period}</td>
              <td>
                <ReportStatusText status={report.status} />
              </td>
              <td>{formatDate(report.submittedAt, locale) || t.pages.common.none}</td>
              {showReviewed ? <td>{formatDate(report.reviewedAt, locale) || t.pages.common.none}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
