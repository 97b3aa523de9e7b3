/**
 * The parts of "Sammanställning till kommunstyrelsen" (/board/summary/:periodId): one organisation's
 * report in short, the indicators' traffic lights with a chart and table per indicator, the figures
 * of the collaboration and the reach view's gaps. Read-only; on screen and on paper (PDF).
 */
import { Link } from "@remix-run/react";
import { BoardStatus } from "~/components/board-status";
import { IndicatorChart, IndicatorTable } from "~/components/indicator-chart";
import { IndicatorLights } from "~/components/indicator-lights";
import { PlainText } from "~/components/initiative-timeline";
import type { BoardStatus as BoardStatusKey } from "~/lib/board.server";
import type { BoardEvidence, SummaryGaps, SummaryPeriod, SummaryReport } from "~/lib/board-summary.server";
import { formatDate, formatDateRange } from "~/lib/format";
import { format } from "~/lib/i18n";
import { formatIndicatorValue, formatNumber, type IndicatorSeries } from "~/lib/indicator-status";
import { DISTRICTS } from "~/lib/initiative-vocabulary";
import { useTranslation } from "~/lib/use-translation";

/** One organisation's report for the period, in short, with a link to all of it. */
export function BoardSummaryReport({ report, period, links }: { report: SummaryReport; period: SummaryPeriod; links: boolean }) {
  const { t, locale } = useTranslation();
  const words = t.boardSummary.reports;
  const headingId = `summary-org-${report.orgId}`;
  const content = report.content;
  const show = (value: number | null, unit: string) => (value === null ? words.noValue : formatIndicatorValue(value, unit, locale) + (unit && unit !== "%" ? ` ${unit}` : ""));
  return (
    <section className="board-summary-report" aria-labelledby={headingId}>
      <h3 id={headingId}>{report.orgName}</h3>
      <p className="board-summary-report__status">
        {words.status}
        <BoardStatus status={report.status as BoardStatusKey} overdue={report.overdue} />
        {report.submittedAt ? ` ${format(words.submitted, { date: formatDate(report.submittedAt, locale) })}` : null}
        {report.status === "accepted" && report.reviewedAt ? ` ${format(words.reviewed, { date: formatDate(report.reviewedAt, locale) })}` : null}
      </p>
      {!content ? (
        <p className="empty">{words.notIn}</p>
      ) : (
        <>
          <h4>{words.summary}</h4>
          {content.summary ? <PlainText text={content.summary} className="prose" /> : <p className="empty">{words.noSummary}</p>}
          {content.answers.length > 0 ? (
            <>
              <h4>{words.answers}</h4>
              <dl className="board-summary-report__answers">
                {content.answers.map((answer, index) => (
                  <div key={index}>
                    <dt>{answer.question}</dt>
                    <dd>
                      <PlainText text={answer.body} />
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
          <h4>{words.values}</h4>
          {content.values.length === 0 ? (
            <p className="empty">{words.noValues}</p>
          ) : (
            <div className="table-wrap">
              <table className="board-summary-values">
                <caption>{format(words.valuesCaption, { org: report.orgName, period: period.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{words.indicator}</th>
                    <th scope="col" className="numeric">
                      {words.value}
                    </th>
                    <th scope="col" className="numeric">
                      {words.target}
                    </th>
                    <th scope="col" className="numeric">
                      {words.baseline}
                    </th>
                    <th scope="col">{words.comment}</th>
                  </tr>
                </thead>
                <tbody>
                  {content.values.map((value) => (
                    <tr key={value.code}>
                      <th scope="row">
                        <span className="cell-title">{value.code}</span> <span className="cell-detail">{value.name}</span>
                      </th>
                      <td className="numeric">{show(value.value, value.unit)}</td>
                      <td className="numeric">{value.target === null ? t.boardSummary.indicators.none : show(value.target, value.unit)}</td>
                      <td className="numeric">{value.baseline === null ? t.boardSummary.indicators.none : show(value.baseline, value.unit)}</td>
                      <td>{value.comment ?? t.boardSummary.indicators.none}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {links && report.reportId ? (
            <p className="board-summary__more">
              <Link to={`/board/reports/${report.reportId}`} aria-label={format(words.openLabel, { org: report.orgName })}>
                {words.open}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The traffic lights of every indicator (with the rule in words), then a chart and a table each. */
export function BoardSummaryIndicators({ indicators, period, links }: { indicators: IndicatorSeries[]; period: SummaryPeriod; links: boolean }) {
  const { t } = useTranslation();
  const words = t.boardSummary.indicators;
  return (
    <section className="board-summary__section" aria-labelledby="summary-indicators-heading">
      <h2 id="summary-indicators-heading">{words.heading}</h2>
      <p>{format(words.intro, { period: period.name })}</p>
      {indicators.length === 0 ? (
        <p className="empty">{words.empty}</p>
      ) : (
        <>
          <IndicatorLights series={indicators} caption={words.caption} ruleId="summary-rule-heading" />
          {indicators.map((series) => (
            <div key={series.indicatorId} className="board-summary-indicator">
              <h3>
                {series.code} {series.name}
              </h3>
              <IndicatorChart series={series} id={`summary-chart-${series.indicatorId}`} />
              <IndicatorTable series={series} />
            </div>
          ))}
        </>
      )}
      {links ? (
        <p className="board-summary__more">
          <Link to="/board/indicators">{words.more}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The number of active partners, forums and initiatives. */
export function BoardSummaryFigures({ evidence }: { evidence: BoardEvidence }) {
  const { t, locale } = useTranslation();
  const words = t.boardSummary.figures;
  const figures = [
    [words.partners, evidence.partnersActive],
    [words.forums, evidence.forumsActive],
    [words.initiatives, evidence.initiativesActive],
    [words.participants, evidence.participantsReached],
  ] as const;
  return (
    <section className="board-summary__section" aria-labelledby="summary-figures-heading">
      <h2 id="summary-figures-heading">{words.heading}</h2>
      <p>{words.intro}</p>
      <dl className="board-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="board-figure">
            <dt>{label}</dt>
            <dd>{formatNumber(value, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Districts and target groups with no initiative during the period (the reach view's gaps). */
export function BoardSummaryGaps({ gaps, period, links }: { gaps: SummaryGaps; period: SummaryPeriod; links: boolean }) {
  const { t, locale } = useTranslation();
  const words = t.boardSummary.gaps;
  return (
    <section className="board-summary__section" aria-labelledby="summary-gaps-heading">
      <h2 id="summary-gaps-heading">{words.heading}</h2>
      <p>{format(words.intro, { range: formatDateRange(period.startsOn, period.endsOn, locale) })}</p>
      <p>{format(words.total, { count: gaps.total, reached: gaps.districts - gaps.gapDistricts.length, districts: gaps.districts })}</p>
      <h3>{words.noDistrictsHeading}</h3>
      {gaps.gapDistricts.length ? <p>{gaps.gapDistricts.join(", ")}</p> : <p>{words.noDistricts}</p>}
      <h3>{words.byTargetHeading}</h3>
      <ul className="board-summary-gaps">
        {gaps.gapsByTarget.map((gap) => (
          <li key={gap.targetGroup}>
            <strong>{t.initiatives.targetGroups[gap.targetGroup]}:</strong>{" "}
            {gap.districts.length === 0 ? words.covered : gap.districts.length === DISTRICTS.length ? words.nowhere : gap.districts.join(", ")}
          </li>
        ))}
      </ul>
      {links ? (
        <p className="board-summary__more">
          <Link to={`/initiatives/reach?from=${period.startsOn}&to=${period.endsOn}`}>{words.link}</Link>
        </p>
      ) : null}
    </section>
  );
}
