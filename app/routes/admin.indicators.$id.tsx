/**
 * /admin/indicators/:id (coordinators): editing an indicator, and taking it out of use. An indicator
 * that was never reported and is in no period can be deleted; otherwise it is deactivated (its
 * reported values stay) and can be activated again. Bad input: status 400, messages by the fields.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IndicatorForm } from "~/components/indicator-form";
import { requireRole } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { deleteIndicator, getIndicator, indicatorFormState, indicatorUsage, saveIndicator, setIndicatorActive } from "~/lib/indicators.server";
import { messagesFor } from "~/lib/page-meta";
import { indicatorFormValues, keptIndicatorValues, parseIndicator, type IndicatorFieldErrors, type IndicatorFormState } from "~/lib/schemas/indicator";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  const title = loaded ? format(t.reportAdmin.indicatorForm.editTitle, { code: loaded.indicator.code }) : t.reportAdmin.indicators.title;
  return [{ title: `${title} – ${t.shell.portalName}` }];
};

const NOTICES = ["saved", "deactivated", "activated"] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const indicator = await getIndicator(supabase, params.id ?? "");
  const usage = await indicatorUsage(supabase, indicator.id);
  const done = new URL(request.url).searchParams.get("done");
  return {
    indicator,
    values: indicatorFormState(indicator),
    usage,
    notice: (NOTICES as readonly (string | null)[]).includes(done) ? (done as Notice) : null,
  };
}

type Answer =
  | { kind: "invalid"; errors: IndicatorFieldErrors; values: IndicatorFormState }
  | { kind: "inUse"; errors?: undefined; values?: undefined };

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const indicator = await getIndicator(supabase, params.id ?? "");
  const form = await request.formData();
  const intent = form.get("intent");
  const here = `/admin/indicators/${indicator.id}`;

  if (intent === "deactivate" || intent === "activate") {
    await setIndicatorActive(supabase, indicator.id, intent === "activate");
    return redirect(`${here}?done=${intent === "activate" ? "activated" : "deactivated"}`);
  }
  if (intent === "delete") {
    const outcome = await deleteIndicator(supabase, indicator.id);
    if (outcome === "inUse") return data<Answer>({ kind: "inUse" }, 409);
    return redirect(`/admin/indicators?done=deleted&code=${encodeURIComponent(indicator.code)}`);
  }

  const raw = indicatorFormValues(form);
  const values = keptIndicatorValues(raw);
  const parsed = parseIndicator(raw);
  if (!parsed.success) return data<Answer>({ kind: "invalid", errors: parsed.errors as IndicatorFieldErrors, values }, 400);
  const result = await saveIndicator(supabase, indicator.id, parsed.data);
  if (!result.ok) return data<Answer>({ kind: "invalid", errors: result.errors, values }, 400);
  return redirect(`${here}?done=saved`);
}

export default function EditIndicator() {
  const { indicator, values, usage, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const words = t.reportAdmin.indicatorForm;
  const used = usage.periods > 0 || usage.values > 0 || answer?.kind === "inUse";
  const title = format(words.editTitle, { code: indicator.code });
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
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>
      {notice ? (
        <p className="form-success" role="status">
          {words[notice]}
        </p>
      ) : null}
      {answer?.kind === "inUse" ? (
        <p className="form-error" role="alert">
          {words.inUse}
        </p>
      ) : null}
      <IndicatorForm key={indicator.updated_at} values={answer?.values ?? values} errors={answer?.errors ?? {}} submitLabel={words.saveButton} />

      <section aria-labelledby="usage-heading">
        <h2 id="usage-heading">{words.usageTitle}</h2>
        <p>{format(words.usage, { periods: usage.periods, values: usage.values })}</p>
        {indicator.active ? null : (
          <Form method="post">
            <button type="submit" name="intent" value="activate" className="button button--secondary" disabled={busy}>
              {words.activateButton}
            </button>
          </Form>
        )}
        {indicator.active && used ? (
          <Form method="post">
            <h3>{words.deactivateTitle}</h3>
            <p className="field-hint">{words.deactivateHint}</p>
            <button type="submit" name="intent" value="deactivate" className="button button--secondary" disabled={busy}>
              {words.deactivateButton}
            </button>
          </Form>
        ) : null}
        {used ? null : (
          <Form method="post">
            <h3>{words.deleteTitle}</h3>
            <p className="field-hint">{words.deleteHint}</p>
            <button type="submit" name="intent" value="delete" className="button button--danger" disabled={busy}>
              {words.deleteButton}
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
