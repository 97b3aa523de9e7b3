/**
 * /admin/periods (coordinators): every reporting period, latest first – dates, due date, status,
 * how many organisations must report and how many have – with links to edit each, to download its
 * indicator values as CSV, and to add a period.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/lib/auth.server";
import { formatDate, formatDateRange } from "~/lib/format";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { listPeriods } from "~/lib/reporting-periods.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.reportAdmin.periods.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  return { periods: await listPeriods(getSupabase(request, context)) };
}

export default function AdminPeriods() {
  const { periods } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.reportAdmin.periods;
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
      <p>
        <Link to="/admin/periods/new" className="button">
          {words.create}
        </Link>
      </p>
      {periods.length === 0 ? (
        <p className="empty">{words.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{format(words.caption, { count: periods.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{words.name}</th>
                <th scope="col">{words.dates}</th>
                <th scope="col">{words.due}</th>
                <th scope="col">{words.status}</th>
                <th scope="col">{words.organisations}</th>
                <th scope="col">{words.received}</th>
                <th scope="col">{words.values}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.id}>
                  <th scope="row">
                    <Link to={`/admin/periods/${period.id}`}>{period.name}</Link>
                  </th>
                  <td>{formatDateRange(period.startsOn, period.endsOn, locale)}</td>
                  <td>{formatDate(period.dueOn, locale)}</td>
                  <td>{t.pages.common.periodStatus[period.status]}</td>
                  <td>{period.required}</td>
                  <td>{period.received}</td>
                  <td>
                    <a href={`/admin/periods/${period.id}/values.csv`} download>
                      {words.csv} <span className="visually-hidden">{format(words.csvSuffix, { name: period.name })}</span>
                    </a>
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
