/**
 * /reports/:id/print: the report as a document for paper or PDF, for whoever may read it (same
 * guard and RLS as /reports/:id). The print stylesheet (app.css, "Reports: print") leaves out the
 * portal's header, navigation, footer and the buttons of this page.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ReportDocument } from "~/components/report-document";
import { ReportFacts, ReviewComment } from "~/components/report-facts";
import { formatDateTime } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { messagesFor } from "~/lib/page-meta";
import { getReportHeader, loadReportPage, requireReportReader } from "~/lib/reports.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  const title = loaded ? format(t.reports.print.title, { period: loaded.page.report.periodName, org: loaded.page.report.orgName }) : t.reports.common.section;
  return [{ title: `${title} – ${t.shell.portalName}` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireReportReader(request, context);
  const supabase = getSupabase(request, context);
  const report = await getReportHeader(supabase, params.id ?? "");
  if (!report) notFound();
  return { page: await loadReportPage(supabase, report, { withOptions: false, withHistory: false }), printedAt: new Date().toISOString() };
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

export default function ReportPrint() {
  const { page, printedAt } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.reports.print;
  const { report } = page;
  return (
    <article className="report-print">
      <div className="report-print__actions">
        <p>
          <Link to={`/reports/${report.id}`}>{words.back}</Link>
        </p>
        <PrintButton label={words.printButton} />
        <p className="field-hint">{words.hint}</p>
      </div>

      <header className="report-print__header">
        <p className="report-print__org">{report.orgName}</p>
        <h1>{format(words.heading, { period: report.periodName })}</h1>
        {report.status === "draft" ? <p className="report-print__draft">{words.draftMark}</p> : null}
        <ReportFacts report={report} />
      </header>

      <ReviewComment report={report} />

      <ReportDocument
        periodName={report.periodName}
        questions={page.questions}
        indicators={page.indicators}
        content={page.content}
        lastPeriod={page.lastPeriod}
        initiatives={page.initiatives}
        links={false}
      />

      <p className="report-print__footer">
        {words.printedFrom}, {formatDateTime(printedAt, locale)}
      </p>
    </article>
  );
}
