/**
 * /admin/periods/:id (coordinators): editing a reporting period and its template – dates, status,
 * the organisations that must report, the indicators, the questions (reworded, reordered, removed,
 * added). Saved in one transaction; a question that has been answered cannot be removed (the message
 * is at that question). Bad input: status 400, nothing saved. Links to the period's CSV and status.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PeriodForm } from "~/components/period-form";
import { requireRole } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { messagesFor } from "~/lib/page-meta";
import { getPeriod, loadPeriodOptions, periodFormState, savePeriod, withBlankRows } from "~/lib/reporting-periods.server";
import { keptPeriodValues, parsePeriod, periodFormValues } from "~/lib/schemas/reporting-period";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  const title = loaded ? format(t.reportAdmin.periodForm.editTitle, { name: loaded.name }) : t.reportAdmin.periods.title;
  return [{ title: `${title} – ${t.shell.portalName}` }];
};

const NOTICES = ["created", "saved"] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const period = await getPeriod(supabase, params.id ?? "");
  const options = await loadPeriodOptions(supabase, period);
  const done = new URL(request.url).searchParams.get("done");
  return {
    id: period.id,
    name: period.name,
    updatedAt: period.updatedAt,
    options,
    values: periodFormState(period),
    notice: (NOTICES as readonly (string | null)[]).includes(done) ? (done as Notice) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const period = await getPeriod(supabase, params.id ?? "");
  const raw = periodFormValues(await request.formData());
  const values = keptPeriodValues(raw);
  const parsed = parsePeriod(raw);
  if (!parsed.success) return data({ errors: parsed.errors, values: withBlankRows(values) }, 400);
  const options = await loadPeriodOptions(supabase, period);
  const result = await savePeriod(supabase, period, parsed.data, options, values.questions.map((row) => row.id));
  if (!result.ok) return data({ errors: result.errors, values: withBlankRows(values) }, 400);
  return redirect(`/admin/periods/${period.id}?done=saved`);
}

export default function EditPeriod() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const words = t.reportAdmin.periodForm;
  const title = format(words.editTitle, { name: loaded.name });
  return (
    <>
      <nav aria-label={t.reportAdmin.common.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/admin">{t.reportAdmin.common.admin}</Link>
          </li>
          <li>
            <Link to="/admin/periods">{t.reportAdmin.periods.title}</Link>
          </li>
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>
      {loaded.notice && !answer ? (
        <p className="form-success" role="status">
          {loaded.notice === "created" ? format(words.created, { name: loaded.name }) : words.saved}
        </p>
      ) : null}
      <PeriodForm
        key={loaded.updatedAt}
        values={answer?.values ?? loaded.values}
        errors={answer?.errors ?? {}}
        organisations={loaded.options.organisations}
        indicators={loaded.options.indicators}
        submitLabel={words.saveButton}
      />
      <section aria-labelledby="period-reports-heading">
        <h2 id="period-reports-heading">{words.reportsTitle}</h2>
        <ul className="auth-links">
          <li>
            <Link to="/admin/reports">{words.toReview}</Link>
          </li>
          <li>
            <a href={`/admin/periods/${loaded.id}/values.csv`} download>
              {format(t.reportAdmin.periods.csvFor, { name: loaded.name })}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
