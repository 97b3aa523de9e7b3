import { ReportStatusText } from "~/components/report-status";
import { formatDate } from "~/lib/format";
import type { ReportRow } from "~/lib/sections.server";
import { useTranslation } from "~/lib/use-translation";

/** Reports of several organisations: organisation, period, status, submitted and reviewed dates. */
export function ReportTable({ caption, reports }: { caption: string; reports: ReportRow[] }) {
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
            <th scope="col">{t.pages.table.reviewed}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id}>
              <th scope="row">{report.organisation}</th>
              <td>{report.period}</td>
              <td>
                <ReportStatusText status={report.status} />
              </td>
              <td>{formatDate(report.submittedAt, locale) || t.pages.common.none}</td>
              <td>{formatDate(report.reviewedAt, locale) || t.pages.common.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
