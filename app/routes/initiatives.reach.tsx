/**
 * /initiatives/reach ("Täckning", partners and coordinators): which districts and target groups the
 * initiatives reach and where the gaps are, for a focus area and a period chosen in a GET form (works
 * without JavaScript, the URL can be shared). A bar chart of initiatives per district (SVG rendered
 * on the server), the districts × target groups table with the same figures, the gaps in words and
 * the counting rules. Bad filter input: 400 with the message next to the field.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { describedBy, FieldMessages } from "~/components/field";
import { ReachChart } from "~/components/reach-chart";
import { requirePartner } from "~/lib/auth.server";
import { formatDate, formatDateRange } from "~/lib/format";
import { format, type Messages } from "~/lib/i18n";
import { DISTRICTS, FOCUS_AREAS, TARGET_GROUPS, type District, type TargetGroup } from "~/lib/initiative-vocabulary";
import { pageTitle } from "~/lib/page-meta";
import { EMPTY_FILTERS, filterSearch } from "~/lib/schemas/initiative-filters";
import { getReach, parseReachFilters, type ReachFilterError, type ReachFilterField, type ReachFilters } from "~/lib/reach.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.reach.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = parseReachFilters(new URL(request.url).searchParams);
  // The figures are read through RLS alongside the guard (one round trip less); nothing is returned
  // before the guard has passed.
  const reach = parsed.ok ? getReach(getSupabase(request, context), parsed.filters) : null;
  reach?.catch(() => undefined);
  await requirePartner(request, context);
  if (!parsed.ok) return data({ values: parsed.values, errors: parsed.errors, filters: null, reach: null }, { status: 400 });
  return { values: parsed.values, errors: {}, filters: parsed.filters, reach: await reach };
}

/**
 * The catalogue filtered to one cell, with the catalogue's own URL names. Without a period the view
 * counts what runs now (status ongoing); with one, the catalogue shows every published status that
 * overlaps it (it filters one status at a time), so it may also list planned or cancelled ones.
 */
function catalogueHref(filters: ReachFilters, district: District, targetGroup: TargetGroup): string {
  return `/initiatives?${filterSearch({
    ...EMPTY_FILTERS,
    district,
    group: targetGroup,
    area: filters.focus ?? "",
    from: filters.from ?? "",
    to: filters.to ?? "",
    status: filters.from || filters.to ? "" : "ongoing",
  })}`;
}

function scopeText(t: Messages, locale: Parameters<typeof formatDate>[1], filters: ReachFilters): string {
  const words = t.reach.scope;
  const when =
    filters.from && filters.to
      ? format(words.period, { period: formatDateRange(filters.from, filters.to, locale) })
      : filters.from
        ? format(words.from, { date: formatDate(filters.from, locale) })
        : filters.to
          ? format(words.to, { date: formatDate(filters.to, locale) })
          : words.now;
  return `${when} ${format(words.focus, { focus: filters.focus ? t.initiatives.focusAreas[filters.focus] : words.allFocus })}`;
}

export default function InitiativeReach() {
  const { values, errors, filters, reach } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.reach;
  const errorText = (field: ReachFilterField) => {
    const key = (errors as Partial<Record<ReachFilterField, ReachFilterError>>)[field];
    return key ? words.filters.errors[key] : undefined;
  };
  const focusError = errorText("area");
  const fromError = errorText("from");
  const toError = errorText("to");
  const firstError = focusError ? "area" : fromError ? "from" : toError ? "to" : null;
  const scope = filters ? scopeText(t, locale, filters) : "";

  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>

      <Form method="get" action="/initiatives/reach" className="filters reach-filters" aria-label={words.filters.legend}>
        <div className="field">
          <label htmlFor="reach-focus">{words.filters.focus}</label>
          <FieldMessages id="reach-focus" error={focusError} />
          <select
            id="reach-focus"
            name="area"
            defaultValue={values.area}
            aria-invalid={focusError ? true : undefined}
            aria-describedby={describedBy("reach-focus", undefined, focusError)}
            autoFocus={firstError === "area" ? true : undefined}
          >
            <option value="">{words.filters.allFocusAreas}</option>
            {FOCUS_AREAS.map((area) => (
              <option key={area} value={area}>
                {t.initiatives.focusAreas[area]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reach-from">{words.filters.from}</label>
          <FieldMessages id="reach-from" hint={words.filters.periodHint} error={fromError} />
          <input
            id="reach-from"
            name="from"
            type="date"
            defaultValue={values.from}
            aria-invalid={fromError ? true : undefined}
            aria-describedby={describedBy("reach-from", words.filters.periodHint, fromError)}
            autoFocus={firstError === "from" ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="reach-to">{words.filters.to}</label>
          <FieldMessages id="reach-to" error={toError} />
          <input
            id="reach-to"
            name="to"
            type="date"
            defaultValue={values.to}
            aria-invalid={toError ? true : undefined}
            aria-describedby={describedBy("reach-to", undefined, toError)}
            autoFocus={firstError === "to" ? true : undefined}
          />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {words.filters.submit}
          </button>
          {values.area || values.from || values.to ? <Link to="/initiatives/reach">{words.filters.clear}</Link> : null}
        </div>
      </Form>

      {!reach || !filters ? (
        <p className="form-error" role="alert">
          {words.filters.errorSummary}
        </p>
      ) : (
        <>
          <p role="status">
            <strong>{scope}.</strong>{" "}
            {reach.total === 0 ? words.summary.totalNone : reach.total === 1 ? words.summary.totalOne : format(words.summary.total, { count: reach.total })}{" "}
            {format(words.summary.reachedDistricts, { reached: DISTRICTS.length - reach.gapDistricts.length, districts: DISTRICTS.length })}
          </p>

          <section aria-labelledby="reach-chart-heading">
            <h2 id="reach-chart-heading">{words.chart.heading}</h2>
            <ReachChart
              id="reach-chart"
              title={`${words.chart.title}. ${scope}.`}
              desc={format(words.chart.desc, { count: DISTRICTS.length })}
              gapLabel={words.chart.gap}
              bars={reach.rows.map((row) => ({ label: row.district, count: row.initiatives }))}
            />
          </section>

          <section aria-labelledby="reach-table-heading">
            <h2 id="reach-table-heading">{words.table.heading}</h2>
            <p className="muted" id="reach-table-legend">
              {words.table.legend}
            </p>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="reach-table-heading">
              <table className="reach-table" aria-describedby="reach-table-legend">
                <caption>{format(words.table.caption, { scope })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{words.table.district}</th>
                    {TARGET_GROUPS.map((group) => (
                      <th key={group} scope="col">
                        {t.initiatives.targetGroups[group]}
                      </th>
                    ))}
                    <th scope="col">{words.table.total}</th>
                  </tr>
                </thead>
                <tbody>
                  {reach.rows.map((row) => (
                    <tr key={row.district}>
                      <th scope="row">{row.district}</th>
                      {row.cells.map((cell) =>
                        cell.initiatives > 0 ? (
                          <td key={cell.targetGroup} className="reach-cell">
                            <Link to={catalogueHref(filters, row.district, cell.targetGroup)}>
                              <span aria-hidden="true">{format(words.table.cellShort, { initiatives: cell.initiatives, participants: cell.participants })}</span>
                              <span className="visually-hidden">
                                {cell.initiatives === 1
                                  ? format(words.table.cellOne, { participants: cell.participants })
                                  : format(words.table.cell, { initiatives: cell.initiatives, participants: cell.participants })}
                              </span>
                            </Link>
                          </td>
                        ) : (
                          <td key={cell.targetGroup} className="reach-cell reach-cell--gap">
                            {words.table.gap}
                          </td>
                        ),
                      )}
                      <td className={row.initiatives > 0 ? "reach-total" : "reach-total reach-cell--gap"}>
                        {row.initiatives > 0 ? row.initiatives : words.table.gapTotal}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted">{words.table.totalNote}</p>
          </section>

          <section aria-labelledby="reach-gaps-heading">
            <h2 id="reach-gaps-heading">{words.gaps.heading}</h2>
            <h3>{words.gaps.noDistrictsHeading}</h3>
            {reach.gapDistricts.length ? <p>{reach.gapDistricts.join(", ")}</p> : <p>{words.gaps.noDistricts}</p>}
            <h3>{words.gaps.byTargetHeading}</h3>
            <ul className="reach-gaps">
              {reach.gapsByTarget.map((gap) => (
                <li key={gap.targetGroup}>
                  <strong>{t.initiatives.targetGroups[gap.targetGroup]}:</strong>{" "}
                  {gap.districts.length === 0
                    ? words.gaps.targetCovered
                    : gap.districts.length === DISTRICTS.length
                      ? words.gaps.targetNowhere
                      : gap.districts.join(", ")}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}

      <section aria-labelledby="reach-rules-heading">
        <h2 id="reach-rules-heading">{words.rules.heading}</h2>
        <ul>
          {words.rules.items.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>

      <p>
        <Link to="/initiatives">{words.backToCatalogue}</Link>
      </p>
    </>
  );
}
