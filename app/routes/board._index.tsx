/**
 * /board: the board's view for board members and coordinators. One reporting period in full (by
 * default the most recent that has started: the one the board is being reported on; another with
 * ?period=<id>): each organisation that reports to the board (AB Eidar first) with how far its
 * report has come, in words and colour, "Försenad" when overdue, and a link where the report can be
 * read. The other periods one line each with their counts, so the page costs the same however many
 * periods there are. One rpc call (`board_overview()`). Links on to the indicators, the period's
 * summary and the recommendations.
 */
import { requireRole } from "~/lib/auth.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BoardStatus } from "~/components/board-status";
import { loadBoardOverview } from "~/lib/board.server";
import { formatDate, formatDateRange } from "~/lib/format";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.board.overview.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The rpc checks the role itself (42501); it runs alongside the guard, and nothing is returned
  // before the guard has passed.
  const overview = loadBoardOverview(getSupabase(request, context), new URL(request.url).searchParams.get("period"));
  overview.catch(() => undefined);
  await requireRole(request, context, "board", "coordinator");
  return await overview;
}

export default function Board() {
  const { period, others, chosen } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.board.overview;
  return (
    <div className="board-overview">
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>

      <nav aria-labelledby="board-more-heading" className="board-links">
        <h2 id="board-more-heading" className="visually-hidden">
          {words.more}
        </h2>
        <ul>
          <li>
            <Link to="/board/indicators">{words.indicators}</Link>
          </li>
          <li>
            <Link to="/board/recommendations">{words.recommendations}</Link>
          </li>
        </ul>
      </nav>

      <p className="board-status-help">{words.statusHelp}</p>

      {chosen ? (
        <p>
          <Link to="/board">{words.latest}</Link>
        </p>
      ) : null}
      {period ? (
        <section aria-labelledby={`period-${period.periodId}`} className="board-period">
          <h2 id={`period-${period.periodId}`}>{period.name}</h2>
          <p className="board-period__facts">
            {format(words.periodFacts, {
              range: formatDateRange(period.startsOn, period.endsOn, locale),
              due: formatDate(period.dueOn, locale),
              status: t.pages.common.periodStatus[period.status].toLowerCase(),
            })}{" "}
            {format(words.counts, { in: String(period.counts.in), total: String(period.counts.total), accepted: String(period.counts.accepted) })}
          </p>
          <p>
            <Link to={`/board/summary/${period.periodId}`}>{format(words.summary, { period: period.name })}</Link>
          </p>
          <div className="table-wrap">
            <table className="board-table">
              <caption>{format(words.caption, { period: period.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.organisation}</th>
                  <th scope="col">{words.status}</th>
                  <th scope="col">{words.submitted}</th>
                  <th scope="col">{words.reviewed}</th>
                  <th scope="col">{words.report}</th>
                </tr>
              </thead>
              <tbody>
                {period.rows.map((row) => (
                  <tr key={row.orgId}>
                    <th scope="row">{row.orgName}</th>
                    <td>
                      <BoardStatus status={row.status} overdue={row.overdue} />
                    </td>
                    <td>{row.submittedAt ? formatDate(row.submittedAt, locale) : t.board.report.none}</td>
                    <td>{row.reviewedAt ? formatDate(row.reviewedAt, locale) : t.board.report.none}</td>
                    <td>
                      {row.href ? (
                        <Link to={row.href} aria-label={format(words.readLabel, { org: row.orgName, period: period.name })}>
                          {words.read}
                        </Link>
                      ) : (
                        <span className="muted">{words.notReadable}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        <p className="empty">{words.empty}</p>
      )}

      {others.length > 0 ? (
        <section aria-labelledby="board-other-periods" className="board-other-periods">
          <h2 id="board-other-periods">{words.otherPeriods}</h2>
          <div className="table-wrap">
            <table className="board-periods">
              <caption>{words.othersCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.period}</th>
                  <th scope="col">{words.dates}</th>
                  <th scope="col">{words.status}</th>
                  <th scope="col">{words.submittedCount}</th>
                  <th scope="col">{words.acceptedCount}</th>
                  <th scope="col">{words.overdueCount}</th>
                </tr>
              </thead>
              <tbody>
                {others.map((line) => (
                  <tr key={line.periodId}>
                    <th scope="row">
                      <Link to={`/board?period=${line.periodId}`}>{line.name}</Link>
                    </th>
                    <td>{formatDateRange(line.startsOn, line.endsOn, locale)}</td>
                    <td>{t.pages.common.periodStatus[line.status]}</td>
                    <td>{format(words.inOf, { in: String(line.counts.in), total: String(line.counts.total) })}</td>
                    <td>{line.counts.accepted}</td>
                    <td>{line.counts.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
