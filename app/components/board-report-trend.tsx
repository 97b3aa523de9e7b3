/**
 * The organisation's indicator values over time on a report for the board: per indicator, a small
 * chart (server-rendered SVG) and the same figures in a table.
 */
import { IndicatorChart, IndicatorTable } from "~/components/indicator-chart";
import type { IndicatorSeries } from "~/lib/indicator-status";
import { useTranslation } from "~/lib/use-translation";

export function BoardReportTrend({ series }: { series: IndicatorSeries[] }) {
  const { t } = useTranslation();
  const words = t.board.report;
  const withValues = series.filter((one) => one.points.some((point) => point.value !== null));
  return (
    <section aria-labelledby="board-trend-heading" className="board-report-trend">
      <h2 id="board-trend-heading">{words.trend}</h2>
      {withValues.length === 0 ? (
        <p className="empty">{words.trendNone}</p>
      ) : (
        <>
          <p>{words.trendIntro}</p>
          <div className="board-report-trend__grid">
            {withValues.map((one) => (
              <section key={one.indicatorId} aria-labelledby={`trend-${one.indicatorId}`} className="board-report-trend__item">
                <h3 id={`trend-${one.indicatorId}`}>
                  {one.code}: {one.name}
                </h3>
                <IndicatorChart series={one} id={`board-trend-${one.indicatorId}`} />
                <IndicatorTable series={one} />
              </section>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
