/**
 * /admin/reports (coordinators): the review queue – submitted reports, oldest first, each linking to
 * the report page where it is returned or accepted – and, per open or recently ended period, every
 * organisation that must report with its status as a coordinator sees it (drafts are hidden by RLS
 * and show as "Ej inskickad"), whether it is overdue, and links to the period and its CSV.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReportStatusText } from "~/components/report-status";
import { requireRole } from "~/lib/auth.server";
import { formatDate, formatDateRange } from "~/lib/format";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { periodProgress, reviewQueue } from "~/lib/report-review-queue.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.reportAdmin.review.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const [queue, periods] = await Promise.all([reviewQueue(supabase), periodProgress(supabase)]);
  return { queue, periods };
}

export default function ReviewQueue() {
  const { queue, periods } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.reportAdmin.review;
  return (
    <>
      <nav aria-label={t.reportAdmin.common.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/admin">{t.reportAdmin.common.admin}</Link>
          </li>
          <li>
            <span aria-current="page">{words.title}</span>
          </li>
        </ol>
      </nav>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{format(words.queueTitle, { count: queue.length })}</h2>
        {queue.length === 0 ? (
          <p className="empty">{words.queueEmpty}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{words.queueCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.organisation}</th>
                  <th scope="col">{words.period}</th>
                  <th scope="col">{words.submitted}</th>
                  <th scope="col">{words.submission}</th>
                  <th scope="col">{words.report}</th>
                </tr>
              </thead>
              <tbody>
                {queue.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">
                      <span className="cell-title">{report.organisation}</span>
                      {report.reportsToBoard ? <span className="cell-detail">{words.board}</span> : null}
                    </th>
                    <td>{report.period}</td>
                    <td>{formatDate(report.submittedAt, locale)}</td>
                    <td>
                      <span className="cell-title">{report.version}</span>
                      {report.version > 1 ? <span className="cell-detail">{words.resubmitted}</span> : null}
                    </td>
                    <td>
                      <Link to={`/reports/${report.id}`}>
                        {words.open} <span className="visually-hidden">{format(words.openSuffix, { organisation: report.organisation })}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="periods-heading">
        <h2 id="periods-heading">{words.periodsTitle}</h2>
        <p className="field-hint">{words.dueHint}</p>
        {periods.length === 0 ? <p className="empty">{words.periodsEmpty}</p> : null}
        {periods.map((period) => (
          <section key={period.id} aria-labelledby={`period-${period.id}`}>
            <h3 id={`period-${period.id}`}>
              {period.name} <span className="badge">{t.pages.common.periodStatus[period.status]}</span>
            </h3>
            <p>
              {format(words.periodFacts, { dates: formatDateRange(period.startsOn, period.endsOn, locale), due: formatDate(period.dueOn, locale) })}{" "}
              {format(words.periodProgress, { done: period.done, total: period.required })}
            </p>
            <ul className="auth-links">
              <li>
                <Link to={`/admin/periods/${period.id}`}>
                  {words.editPeriod}
                  <span className="visually-hidden"> {period.name}</span>
                </Link>
              </li>
              <li>
                <a href={`/admin/periods/${period.id}/values.csv`} download>
                  {words.csv}
                  <span className="visually-hidden"> ({period.name})</span>
                </a>
              </li>
            </ul>
            {period.organisations.length === 0 ? (
              <p className="empty">{words.noOrganisations}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption>{format(words.periodCaption, { name: period.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{words.organisation}</th>
                      <th scope="col">{words.status}</th>
                      <th scope="col">{words.submitted}</th>
                      <th scope="col">{words.report}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {period.organisations.map((row) => (
                      <tr key={row.orgId}>
                        <th scope="row">
                          <span className="cell-title">{row.organisation}</span>
                          {row.reportsToBoard ? <span className="cell-detail">{words.board}</span> : null}
                          {row.required ? null : <span className="cell-detail">{words.notRequired}</span>}
                        </th>
                        <td>
                          {row.status === "notSubmitted" ? (
                            <span className="status status--notStarted">{words.notSubmitted}</span>
                          ) : (
                            <ReportStatusText status={row.status} />
                          )}
                          {row.overdue ? (
                            <>
                              {" "}
                              <span className="status status--returned">{words.overdue}</span>
                            </>
                          ) : null}
                        </td>
                        <td>{formatDate(row.submittedAt, locale) || t.reportAdmin.common.none}</td>
                        <td>
                          {row.reportId ? (
                            <Link to={`/reports/${row.reportId}`}>
                              {words.showReport} <span className="visually-hidden">{format(words.showSuffix, { organisation: row.organisation })}</span>
                            </Link>
                          ) : (
                            t.reportAdmin.common.none
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ))}
      </section>
    </>
  );
}
