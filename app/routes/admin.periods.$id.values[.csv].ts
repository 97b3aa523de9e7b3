/**
 * /admin/periods/:id/values.csv (coordinators): every indicator value of the period's reports that
 * are not drafts, for Excel – UTF-8 with a byte-order mark, semicolon-separated, decimals with a
 * comma ("74,5"), dates as YYYY-MM-DD, and cells a spreadsheet would run as a formula neutralised.
 * One row per organisation and indicator: organisation, organisation number, report status,
 * indicator code, name and unit, value, comment, the day the report was submitted.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/lib/auth.server";
import { BOM, csvLine } from "~/lib/csv";
import { getMessages } from "~/lib/messages.server";
import { resolveLocale } from "~/lib/preferences.server";
import { periodName, periodValues } from "~/lib/reporting-periods.server";
import { decimalText } from "~/lib/schemas/indicator";
import { getSupabase } from "~/lib/supabase.server";

/** "Halvår 1 2026" → "halvar-1-2026": a file name every system accepts. */
function fileSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "period";
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const name = await periodName(supabase, params.id ?? "");
  const t = getMessages(await resolveLocale(request, user));
  const words = t.reportAdmin.csv;
  const rows = await periodValues(supabase, params.id ?? "");
  const lines = [
    csvLine([words.organisation, words.orgNumber, words.status, words.code, words.indicator, words.unit, words.value, words.comment, words.submitted], ";"),
    ...rows.map((row) =>
      csvLine(
        [
          row.organisation,
          row.orgNumber ?? "",
          t.pages.common.reportStatus[row.status],
          row.code,
          row.indicator,
          row.unit,
          decimalText(row.value),
          row.comment ?? "",
          row.submittedOn ?? "",
        ],
        ";",
      ),
    ),
  ];
  return new Response(BOM + lines.join(""), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${words.filePrefix}-${fileSlug(name)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
