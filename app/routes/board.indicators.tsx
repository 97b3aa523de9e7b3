/**
 * /board/indicators ("Indikatorer över tid", board members and coordinators): a traffic-light summary
 * of every indicator with the rule in plain words next to it, then per indicator the chart of all
 * periods (all organisations together, from indicator_series()) against its target and baseline, and
 * the same figures as a table. Read-only, works without JavaScript, printable (the print stylesheet,
 * app.css "Issue 8, part E", leaves out the header, navigation, footer and the print button).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { IndicatorChart, IndicatorTable } from "~/components/indicator-chart";
import { IndicatorLights } from "~/components/indicator-lights";
import { IndicatorStatusBadge } from "~/components/indicator-status-badge";
import { format } from "~/lib/i18n";
import { requireRole } from "~/lib/auth.server";
import { loadBoardIndicators } from "~/lib/indicator-series.server";
import { formatIndicatorValue, indicatorStatus, unitLabel } from "~/lib/indicator-status";
import { pageTitle } from "~/lib/page-meta";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.boardIndicators.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "board", "coordinator");
  return loadBoardIndicators(getSupabase(request, context));
}

/** The print button needs JavaScript; without it the hint says how to print. */
function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}

function anchorOf(code: string): string {
  return `indicator-${code.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export default function BoardIndicators() {
  const { series } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.boardIndicators;

  return (
    <div className="board-indicators">
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>
      <p>{words.scopeAll}</p>
      <div className="board-indicators__actions">
        <PrintButton label={words.printButton} />
        <p className="field-hint">{words.printHint}</p>
      </div>

      {series.length === 0 ? (
        <p className="empty">{words.empty}</p>
      ) : (
        <>
          <section aria-labelledby="indicator-summary-heading" className="board-indicators__summary">
            <h2 id="indicator-summary-heading">{words.summary.heading}</h2>
            <div className="board-indicators__summary-grid">
              <IndicatorLights series={series} caption={words.summary.caption} ruleId="indicator-rule-heading" linkTo={(one) => `#${anchorOf(one.code)}`} />
            </div>
          </section>

          {series.map((one) => {
            const anchor = anchorOf(one.code);
            return (
              <section key={one.indicatorId} id={anchor} aria-labelledby={`${anchor}-heading`} className="board-indicator">
                <h2 id={`${anchor}-heading`}>
                  <span className="indicator-code">{one.code}</span> {one.name}
                </h2>
                <p className="board-indicator__facts">
                  <IndicatorStatusBadge status={indicatorStatus(one).status} /> <span>{words.direction[one.direction]}</span>
                  {" · "}
                  <span>{format(words.indicator.unit, { unit: unitLabel(one.unit, words.units) })}</span>
                  {" · "}
                  <span>{one.target === null ? words.indicator.targetNone : format(words.indicator.target, { value: formatIndicatorValue(one.target, one.unit, locale) })}</span>
                  {" · "}
                  <span>
                    {one.baseline === null
                      ? words.indicator.baselineNone
                      : one.baselineYear
                        ? format(words.indicator.baselineYear, { year: one.baselineYear, value: formatIndicatorValue(one.baseline, one.unit, locale) })
                        : format(words.indicator.baseline, { value: formatIndicatorValue(one.baseline, one.unit, locale) })}
                  </span>
                </p>
                <IndicatorChart series={one} id={`${anchor}-chart`} />
                <IndicatorTable series={one} />
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
