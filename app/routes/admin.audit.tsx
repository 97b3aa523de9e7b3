/**
 * /admin/audit (coordinators): the audit log, newest first, filtered by who (e-mail or name), what
 * (action, kind of record, one record) and when (a date range in Swedish time), 50 a page, and
 * exported as CSV with the same filters (/admin/audit.csv). The filter is a GET form: it works
 * without JavaScript and the URL can be shared.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/admin-fields";
import { Pagination } from "~/components/pagination";
import { AUDIT_PAGE_SIZE, filterQuery, parseAuditFilters, readAuditPage } from "~/lib/audit.server";
import { requireRole } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/format";
import { format, type Messages } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.admin.audit.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const url = new URL(request.url);
  const filters = parseAuditFilters(url.searchParams);
  const page = await readAuditPage(getSupabase(request, context), filters, Number(url.searchParams.get("page") ?? "1"));
  // Links are made here: the helpers live in a server module, which the browser bundle does not get.
  return {
    filters,
    ...page,
    firstIndex: (page.page - 1) * AUDIT_PAGE_SIZE + 1,
    query: filterQuery(filters),
  };
}

/** A readable label for an action code; unknown codes (added later) show as they are. */
function actionLabel(t: Messages, action: string): string {
  return t.admin.audit.actions[action] ?? action;
}

/** The changed fields of an update ({old, new}) or the row of an insert/delete, shortly. */
function summarise(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const record = data as Record<string, unknown>;
  if (record.old && record.new && typeof record.new === "object") {
    const before = record.old as Record<string, unknown>;
    return Object.entries(record.new as Record<string, unknown>)
      .map(([key, value]) => `${key}: ${JSON.stringify(before[key] ?? null)} → ${JSON.stringify(value)}`)
      .join("\n");
  }
  const keys = ["reason", "name", "org_number", "role", "status", "title"].filter((key) => key in record);
  return keys.map((key) => `${key}: ${JSON.stringify(record[key])}`).join("\n");
}

export default function AdminAudit() {
  const { filters, entries, total, page, pages, unknownActor, actions, entities, firstIndex: first, query } =
    useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.admin.audit;
  const actionOptions = [...new Set([...Object.keys(words.actions), ...actions])].map((action) => ({ value: action, label: actionLabel(t, action) }));
  const entityOptions = [...new Set([...Object.keys(words.entities), ...entities])].map((entity) => ({ value: entity, label: words.entities[entity] ?? entity }));

  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>

      <Form method="get" className="filters" role="search" aria-label={words.filters}>
        <TextField name="actor" label={words.actor} defaultValue={filters.actor} notRequired />
        <SelectField name="action" label={words.action} placeholder={words.any} defaultValue={filters.action} options={actionOptions} notRequired />
        <SelectField name="entity" label={words.entity} placeholder={words.any} defaultValue={filters.entity} options={entityOptions} notRequired />
        {filters.entityId ? <input type="hidden" name="entityId" value={filters.entityId} /> : null}
        <div className="field">
          <label htmlFor="field-from">{words.from}</label>
          <input id="field-from" type="date" name="from" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label htmlFor="field-to">{words.to}</label>
          <input id="field-to" type="date" name="to" defaultValue={filters.to} />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {words.filter}
          </button>
          <Link to="/admin/audit">{words.reset}</Link>
        </div>
      </Form>

      <p>
        <a href={`/admin/audit.csv${query ? `?${query}` : ""}`} download>
          {words.export}
        </a>
      </p>

      {unknownActor ? <p className="form-error">{words.unknownActorFilter}</p> : null}

      {entries.length === 0 ? (
        <p className="empty">{words.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{format(words.caption, { from: first, to: first + entries.length - 1, count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{words.at}</th>
                <th scope="col">{words.who}</th>
                <th scope="col">{words.what}</th>
                <th scope="col">{words.which}</th>
                <th scope="col">{words.details}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at, locale)}</td>
                  <td>
                    {entry.actorId ? (
                      <>
                        <span className="cell-title">{entry.actorName ?? words.unknownActor}</span>
                        {entry.actorEmail ? <span className="cell-detail">{entry.actorEmail}</span> : null}
                      </>
                    ) : entry.actorRole === "anon" ? (
                      words.anonymous
                    ) : (
                      words.system
                    )}
                  </td>
                  <th scope="row">{actionLabel(t, entry.action)}</th>
                  <td>
                    <span className="cell-title">{words.entities[entry.entity] ?? entry.entity}</span>
                    {entry.entityId ? (
                      entry.entity === "organisation" ? (
                        <Link className="cell-detail" to={`/admin/audit?entity=organisation&entityId=${entry.entityId}`}>
                          {entry.entityId}
                        </Link>
                      ) : (
                        <span className="cell-detail">{entry.entityId}</span>
                      )
                    ) : null}
                  </td>
                  <td>
                    <pre className="audit-data">{summarise(entry.data)}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination page={page} pages={pages} pathname="/admin/audit" search={query} />
    </>
  );
}
