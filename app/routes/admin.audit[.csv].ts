/**
 * /admin/audit.csv (coordinators): the audit log rows matching the same filters as /admin/audit,
 * as a CSV file for Excel (UTF-8 with a byte-order mark; cells that a spreadsheet would run as a
 * formula are prefixed with `'`).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseAuditFilters, readAuditForExport, toCsv } from "~/lib/audit.server";
import { requireRole } from "~/lib/auth.server";
import { getMessages } from "~/lib/i18n";
import { resolveLocale } from "~/lib/preferences.server";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "coordinator");
  const locale = await resolveLocale(request, user);
  const t = getMessages(locale).admin.audit;
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const entries = await readAuditForExport(getSupabase(request, context), filters);
  const rows = [
    [t.csv.at, t.csv.actor, t.csv.actorEmail, t.csv.action, t.csv.actionCode, t.csv.entity, t.csv.entityId, t.csv.data],
    ...entries.map((entry) => [
      // ISO 8601 (UTC): sorts and imports the same in every spreadsheet.
      new Date(entry.at).toISOString(),
      entry.actorId ? (entry.actorName ?? t.unknownActor) : entry.actorRole === "anon" ? t.anonymous : t.system,
      entry.actorEmail ?? "",
      t.actions[entry.action] ?? entry.action,
      entry.action,
      t.entities[entry.entity] ?? entry.entity,
      entry.entityId ?? "",
      JSON.stringify(entry.data ?? {}),
    ]),
  ];
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="granskningslogg-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
