/**
 * /board/reports/:id: one follow-up report as the board reads it, for board members and
 * coordinators: the facts, the coordinator's comment (accepted reports), the report itself
 * (summary, the period's questions and answers, each indicator with value, comment, last period,
 * target and baseline), the organisation's values over time with a trend per indicator, and the
 * reach of the initiatives the report covers. Only submitted and accepted reports of organisations
 * that report to the board: anything else (a draft, a returned report, another organisation, a
 * report RLS hides) is a 404. Printable: the print stylesheet leaves out the navigation.
 */
import { requireRole } from "~/lib/auth.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BoardReportReach } from "~/components/board-report-reach";
import { BoardReportTrend } from "~/components/board-report-trend";
import { BoardStatus } from "~/components/board-status";
import { ReportFacts, ReviewComment } from "~/components/report-facts";
import { ReportDocument } from "~/components/report-document";
import { loadBoardReport } from "~/lib/board.server";
import { notFound } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { messagesFor } from "~/lib/page-meta";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  const report = loaded?.page.report;
  const title = report ? format(t.board.report.titleOf, { org: report.orgName, period: report.periodName }) : t.board.overview.title;
  return [{ title: `${title} – ${t.shell.portalName}` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // Read through RLS alongside the guard; nothing is returned before the guard has passed.
  const report = loadBoardReport(getSupabase(request, context), params.id ?? "");
  report.catch(() => undefined);
  await requireRole(request, context, "board", "coordinator");
  const loaded = await report;
  if (!loaded) notFound();
  return loaded;
}

export default function BoardReport() {
  const { page, series, initiatives } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const words = t.board.report;
  const { report } = page;
  const title = format(words.titleOf, { org: report.orgName, period: report.periodName });
  const status = report.status === "accepted" ? "accepted" : "submitted";
  return (
    <article className="board-report">
      <nav aria-label={words.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/board">{words.back}</Link>
          </li>
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>

      <ReportFacts report={report} status={<BoardStatus status={status} overdue={false} />} />

      <p className="board-report__print-hint">{words.printHint}</p>

      <ReviewComment report={report} headingId="board-review-comment-heading" />

      <ReportDocument
        periodName={report.periodName}
        questions={page.questions}
        indicators={page.indicators}
        content={page.content}
        lastPeriod={page.lastPeriod}
        initiatives={page.initiatives}
      />

      <BoardReportTrend series={series} />

      <BoardReportReach initiatives={initiatives} />
    </article>
  );
}
