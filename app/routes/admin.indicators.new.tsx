/**
 * /admin/indicators/new (coordinators): defining an indicator. Bad input comes back with status 400
 * and each message next to its field; nothing is saved. On success: the list, with a notice.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IndicatorForm } from "~/components/indicator-form";
import { requireRole } from "~/lib/auth.server";
import { nextSortOrder, saveIndicator } from "~/lib/indicators.server";
import { pageTitle } from "~/lib/page-meta";
import { indicatorFormValues, keptIndicatorValues, parseIndicator, type IndicatorFieldErrors, type IndicatorFormState } from "~/lib/schemas/indicator";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.reportAdmin.indicatorForm.createTitle);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const values: IndicatorFormState = {
    code: "",
    name: "",
    description: "",
    unit: "",
    direction: "increase",
    target: "",
    baseline: "",
    baselineYear: "",
    koladaKpi: "",
    minValue: "",
    maxValue: "",
    sortOrder: String(await nextSortOrder(getSupabase(request, context))),
    active: true,
  };
  return { values };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const raw = indicatorFormValues(await request.formData());
  const values = keptIndicatorValues(raw);
  const parsed = parseIndicator(raw);
  if (!parsed.success) return data({ errors: parsed.errors as IndicatorFieldErrors, values }, 400);
  const result = await saveIndicator(getSupabase(request, context), null, parsed.data);
  if (!result.ok) return data({ errors: result.errors, values }, 400);
  return redirect(`/admin/indicators?done=created&code=${encodeURIComponent(result.code)}`);
}

export default function NewIndicator() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const words = t.reportAdmin.indicatorForm;
  return (
    <>
      <nav aria-label={t.reportAdmin.common.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/admin">{t.reportAdmin.common.admin}</Link>
          </li>
          <li>
            <Link to="/admin/indicators">{t.reportAdmin.indicators.title}</Link>
          </li>
          <li>
            <span aria-current="page">{words.createTitle}</span>
          </li>
        </ol>
      </nav>
      <h1>{words.createTitle}</h1>
      <p className="lead">{words.createIntro}</p>
      <IndicatorForm values={answer?.values ?? loaded.values} errors={answer?.errors ?? {}} submitLabel={words.createButton} />
    </>
  );
}
