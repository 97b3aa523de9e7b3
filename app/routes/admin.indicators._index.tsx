/**
 * /admin/indicators (coordinators): every indicator – code, name, unit, direction, target,
 * baseline, Kolada id, allowed values, active or not – with links to edit each and to add one.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { listIndicators } from "~/lib/indicators.server";
import { pageTitle } from "~/lib/page-meta";
import { formatNumber } from "~/lib/schemas/indicator";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.reportAdmin.indicators.title);

const NOTICES = ["created", "deleted"] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const indicators = await listIndicators(getSupabase(request, context));
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const notice = (NOTICES as readonly (string | null)[]).includes(done) ? { key: done as Notice, code: (url.searchParams.get("code") ?? "").slice(0, 40) } : null;
  return { indicators, notice };
}

export default function AdminIndicators() {
  const { indicators, notice } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.reportAdmin.indicators;
  const none = t.reportAdmin.common.none;
  const range = (min: number | null, max: number | null) => {
    if (min !== null && max !== null) return format(words.rangeBetween, { min: formatNumber(min, locale), max: formatNumber(max, locale) });
    if (min !== null) return format(words.rangeFrom, { min: formatNumber(min, locale) });
    if (max !== null) return format(words.rangeTo, { max: formatNumber(max, locale) });
    return words.rangeAny;
  };
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
      {notice ? (
        <p className="form-success" role="status">
          {format(notice.key === "created" ? t.reportAdmin.indicatorForm.created : t.reportAdmin.indicatorForm.deleted, { code: notice.code })}
        </p>
      ) : null}
      <p>
        <Link to="/admin/indicators/new" className="button">
          {words.create}
        </Link>
      </p>
      {indicators.length === 0 ? (
        <p className="empty">{words.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{format(words.caption, { count: indicators.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{words.code}</th>
                <th scope="col">{words.name}</th>
                <th scope="col">{words.unit}</th>
                <th scope="col">{words.direction}</th>
                <th scope="col">{words.target}</th>
                <th scope="col">{words.baseline}</th>
                <th scope="col">{words.kolada}</th>
                <th scope="col">{words.range}</th>
                <th scope="col">{words.status}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <td className="indicator-code">{indicator.code}</td>
                  <th scope="row">
                    <Link to={`/admin/indicators/${indicator.id}`}>{indicator.name}</Link>
                  </th>
                  <td>{indicator.unit}</td>
                  <td>{words.directionLabel[indicator.direction]}</td>
                  <td>{indicator.target === null ? none : formatNumber(indicator.target, locale)}</td>
                  <td>
                    {indicator.baseline === null
                      ? none
                      : indicator.baseline_year === null
                        ? formatNumber(indicator.baseline, locale)
                        : format(words.baselineWithYear, { value: formatNumber(indicator.baseline, locale), year: indicator.baseline_year })}
                  </td>
                  <td>{indicator.kolada_kpi ?? none}</td>
                  <td>{range(indicator.min_value, indicator.max_value)}</td>
                  <td>{indicator.active ? words.active : <span className="badge badge--archived">{words.inactive}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
