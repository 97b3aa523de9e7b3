/**
 * The board's traffic lights: one row per indicator (latest judged value, its period, the target,
 * the status in words and colour) and, next to it, the rule in plain words. Shared by
 * /board/indicators and the board summary, so both judge and say it the same way.
 */
import { IndicatorStatusBadge } from "~/components/indicator-status-badge";
import { formatIndicatorValue, indicatorStatus, type IndicatorSeries } from "~/lib/indicator-status";
import { useTranslation } from "~/lib/use-translation";

export function IndicatorLights({
  series,
  caption,
  ruleId,
  linkTo,
}: {
  series: readonly IndicatorSeries[];
  caption: string;
  /** The id of the rule's heading (the table is described by it). */
  ruleId: string;
  /** Where an indicator's name links to (e.g. its chart further down), if anywhere. */
  linkTo?: (one: IndicatorSeries) => string;
}) {
  const { t, locale } = useTranslation();
  const words = t.boardIndicators;
  const show = (value: number | null, unit: string) => (value === null ? words.summary.none : formatIndicatorValue(value, unit, locale));
  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="indicator-summary" aria-describedby={ruleId}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{words.summary.indicator}</th>
              <th scope="col" className="numeric">
                {words.summary.latest}
              </th>
              <th scope="col">{words.summary.period}</th>
              <th scope="col" className="numeric">
                {words.summary.target}
              </th>
              <th scope="col">{words.summary.status}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((one) => {
              const light = indicatorStatus(one);
              const name = (
                <>
                  <span className="indicator-code">{one.code}</span> {one.name}
                </>
              );
              return (
                <tr key={one.indicatorId} data-code={one.code} data-status={light.status}>
                  <th scope="row">{linkTo ? <a href={linkTo(one)}>{name}</a> : name}</th>
                  <td className="numeric" data-value={light.latest ?? ""}>
                    {show(light.latest, one.unit)}
                  </td>
                  <td>{light.latestPeriod?.periodName ?? words.summary.none}</td>
                  <td className="numeric">{show(one.target, one.unit)}</td>
                  <td>
                    <IndicatorStatusBadge status={light.status} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="indicator-rule">
        <h3 id={ruleId}>{words.rule.heading}</h3>
        <ul>
          {words.rule.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </>
  );
}
