import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReportStatusText } from "~/components/report-status";
import { ReportTable } from "~/components/report-table";
import { requirePartner } from "~/lib/auth.server";
import { formatDate, formatDateRange } from "~/lib/format";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { resolveCurrentOrganisation } from "~/lib/preferences.server";
import { listReports, organisationReports, type OrganisationPeriodRow, type ReportRow } from "~/lib/sections.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.pages.reports.title);

type LoaderData =
  | { kind: "organisation"; organisation: string; periods: OrganisationPeriodRow[] }
  | { kind: "coordinator"; reports: ReportRow[] };

/**
 * A partner sees the reports of the organisation they act for, period by period; a coordinator
 * who acts for no organisation sees every report that has been submitted (RLS: no drafts).
 */
export async function loader({ request, context }: LoaderFunctionArgs): Promise<LoaderData> {
  const user = await requirePartner(request, context);
  const supabase = getSupabase(request, context);
  const organisation = await resolveCurrentOrganisation(request, user);
  if (organisation) {
    return { kind: "organisation", organisation: organisation.orgName, periods: await organisationReports(supabase, organisation.orgId) };
  }
  return { kind: "coordinator", reports: await listReports(supabase, { boardOnly: false }) };
}

export default function Reports() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t.pages.reports.title}</h1>
      {data.kind === "organisation" ? <OrganisationReports organisation={data.organisation} periods={data.periods} /> : <AllReports reports={data.reports} />}
    </>
  );
}

function OrganisationReports({ organisation, periods }: { organisation: string; periods: OrganisationPeriodRow[] }) {
  const { t, locale } = useTranslation();
  return (
    <>
      <p className="lead">{format(t.pages.reports.introOrganisation, { org: organisation })}</p>
      {periods.length === 0 ? (
        <p className="empty">{t.pages.reports.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{format(t.pages.reports.caption, { org: organisation })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.pages.table.period}</th>
                <th scope="col">{t.pages.table.periodDates}</th>
                <th scope="col">{t.pages.table.due}</th>
                <th scope="col">{t.pages.table.status}</th>
                <th scope="col">{t.pages.table.submitted}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.periodId}>
                  <th scope="row">
                    <span className="cell-title">{period.period}</span>
                    <span className="cell-detail">{t.pages.common.periodStatus[period.periodStatus]}</span>
                  </th>
                  <td>{formatDateRange(period.startsOn, period.endsOn, locale)}</td>
                  <td>{formatDate(period.dueOn, locale)}</td>
                  <td>
                    <ReportStatusText status={period.status} />
                  </td>
                  <td>{formatDate(period.submittedAt, locale) || t.pages.common.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function AllReports({ reports }: { reports: ReportRow[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="lead">{t.pages.reports.introCoordinator}</p>
      {reports.length === 0 ? <p className="empty">{t.pages.reports.emptyAll}</p> : <ReportTable caption={t.pages.reports.captionAll} reports={reports} />}
    </>
  );
}
