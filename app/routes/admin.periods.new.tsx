/**
 * /admin/periods/new (coordinators): a new reporting period with its template. The form starts
 * from the latest period's organisations and questions and every active indicator. Saved in one
 * transaction; bad input: status 400, messages by the fields, nothing saved.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PeriodForm } from "~/components/period-form";
import { requireRole } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { loadPeriodOptions, newPeriodState, savePeriod, withBlankRows } from "~/lib/reporting-periods.server";
import { keptPeriodValues, parsePeriod, periodFormValues } from "~/lib/schemas/reporting-period";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.reportAdmin.periodForm.createTitle);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const options = await loadPeriodOptions(supabase);
  const { state, copiedFrom } = await newPeriodState(supabase, options);
  return { options, values: state, copiedFrom };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const raw = periodFormValues(await request.formData());
  const values = keptPeriodValues(raw);
  const parsed = parsePeriod(raw);
  if (!parsed.success) return data({ errors: parsed.errors, values: withBlankRows(values) }, 400);
  const options = await loadPeriodOptions(supabase);
  const result = await savePeriod(supabase, null, parsed.data, options, values.questions.map((row) => row.id));
  if (!result.ok) return data({ errors: result.errors, values: withBlankRows(values) }, 400);
  return redirect(`/admin/periods/${result.id}?done=created`);
}

export default function NewPeriod() {
  const { options, values, copiedFrom } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const words = t.reportAdmin.periodForm;
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
            <span aria-current="page">{words.createTitle}</span>
          </li>
        </ol>
      </nav>
      <h1>{words.createTitle}</h1>
      <p className="lead">{words.createIntro}</p>
      {copiedFrom ? <p>{format(words.copiedFrom, { name: copiedFrom })}</p> : null}
      <PeriodForm
        values={answer?.values ?? values}
        errors={answer?.errors ?? {}}
        organisations={options.organisations}
        indicators={options.indicators}
        submitLabel={words.createButton}
      />
    </>
  );
}
