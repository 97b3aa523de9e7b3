import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReportTable } from "~/components/report-table";
import { requireRole } from "~/lib/auth.server";
import { pageTitle } from "~/lib/page-meta";
import { listReports } from "~/lib/sections.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.pages.board.title);

/** Board members: the submitted and accepted reports of organisations that report to the board. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "board");
  return { reports: await listReports(getSupabase(request, context), { boardOnly: true }) };
}

export default function Board() {
  const { reports } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t.pages.board.title}</h1>
      <p className="lead">{t.pages.board.intro}</p>
      {reports.length === 0 ? <p className="empty">{t.pages.board.empty}</p> : <ReportTable caption={t.pages.board.caption} reports={reports} />}
    </>
  );
}
