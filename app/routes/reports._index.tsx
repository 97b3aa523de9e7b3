/**
 * /reports: a partner sees the reporting periods of the organisation they act for (those it must
 * report in, and those it has a report in) with status and due date, and starts the report of an
 * open period ("Börja rapportera": a POST that creates the draft and goes to it; a second click
 * goes to the same report). A coordinator who acts for no organisation sees every report that has
 * been submitted (RLS: no drafts).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ReportStatusText } from "~/components/report-status";
import { ReportTable } from "~/components/report-table";
import { requirePartner } from "~/lib/auth.server";
import { formatDate, formatDateRange } from "~/lib/format";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { resolveCurrentOrganisation } from "~/lib/preferences.server";
import { listOrganisationPeriods, startReport, type OrganisationPeriod } from "~/lib/reports.server";
import { listReports, type ReportRow } from "~/lib/sections.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.pages.reports.title);

type LoaderData =
  | { kind: "organisation"; organisation: string; periods: OrganisationPeriod[] }
  | { kind: "coordinator"; reports: ReportRow[] };

export async function loader({ request, context }: LoaderFunctionArgs): Promise<LoaderData> {
  const user = await requirePartner(request, context);
  const supabase = getSupabase(request, context);
  const organisation = await resolveCurrentOrganisation(request, user);
  if (organisation) {
    return { kind: "organisation", organisation: organisation.orgName, periods: await listOrganisationPeriods(supabase, organisation.orgId) };
  }
  return { kind: "coordinator", reports: await listReports(supabase, { boardOnly: false }) };
}

type StartFailure = { failure: "closed"; period: string } | { failure: "periodUnknown" | "notAllowed" | "badRequest"; period?: undefined };

/** "Börja rapportera": the draft of the organisation the person acts for, in the chosen period. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePartner(request, context);
  const form = await request.formData();
  const periodId = form.get("periodId");
  if (form.get("intent") !== "start" || typeof periodId !== "string") return data<StartFailure>({ failure: "badRequest" }, 400);
  const organisation = await resolveCurrentOrganisation(request, user);
  if (!organisation) return data<StartFailure>({ failure: "notAllowed" }, 403);
  const result = await startReport(getSupabase(request, context), organisation.orgId, periodId);
  if (result.ok) return redirect(`/reports/${result.id}${result.created ? "?done=started" : ""}`);
  if (result.reason === "closed") return data<StartFailure>({ failure: "closed", period: result.period }, 409);
  if (result.reason === "unknownPeriod") return data<StartFailure>({ failure: "periodUnknown" }, 400);
  return data<StartFailure>({ failure: "notAllowed" }, 403);
}

export default function Reports() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t.pages.reports.title}</h1>
      {loaded.kind === "organisation" ? <OrganisationReports organisation={loaded.organisation} periods={loaded.periods} /> : <AllReports reports={loaded.reports} />}
    </>
  );
}

function OrganisationReports({ organisation, periods }: { organisation: string; periods: OrganisationPeriod[] }) {
  const { t, locale } = useTranslation();
  const words = t.reports.index;
  const answer = useActionData<typeof action>() as StartFailure | undefined;
  const busy = useNavigation().state === "submitting";
  const failure = answer
    ? answer.failure === "closed"
      ? format(words.periodClosed, { period: answer.period })
      : words[answer.failure]
    : null;
  return (
    <>
      <p className="lead">{format(t.pages.reports.introOrganisation, { org: organisation })}</p>
      {failure ? (
        <div className="form-error" role="alert">
          <p>{failure}</p>
        </div>
      ) : null}
      {periods.length === 0 ? (
        <p className="empty">{words.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="report-periods">
            <caption>{format(t.pages.reports.caption, { org: organisation })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.pages.table.period}</th>
                <th scope="col">{t.pages.table.due}</th>
                <th scope="col">{t.pages.table.status}</th>
                <th scope="col">{t.pages.table.submitted}</th>
                <th scope="col">{words.action}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.periodId}>
                  <th scope="row">
                    <span className="cell-title">{period.name}</span>
                    <span className="cell-detail">{formatDateRange(period.startsOn, period.endsOn, locale)}</span>
                    <span className="cell-detail">
                      {t.pages.common.periodStatus[period.periodStatus]}
                      {period.required ? ` · ${words.required}` : ""}
                    </span>
                  </th>
                  <td>{formatDate(period.dueOn, locale)}</td>
                  <td>
                    <ReportStatusText status={period.report?.status ?? null} />
                  </td>
                  <td>{formatDate(period.report?.submittedAt, locale) || t.pages.common.none}</td>
                  <td>
                    {period.report ? (
                      <Link to={`/reports/${period.report.id}`}>
                        {period.report.status === "draft" || period.report.status === "returned" ? words.continue : words.open}
                        <span className="visually-hidden"> ({period.name})</span>
                      </Link>
                    ) : period.periodStatus === "open" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="start" />
                        <input type="hidden" name="periodId" value={period.periodId} />
                        <button type="submit" className="button button--small" disabled={busy}>
                          {words.start}
                          <span className="visually-hidden"> ({period.name})</span>
                        </button>
                      </Form>
                    ) : (
                      <span className="muted">{words.closed}</span>
                    )}
                  </td>
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
