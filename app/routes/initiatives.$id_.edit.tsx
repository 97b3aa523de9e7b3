/**
 * /initiatives/:id/edit: editing an initiative (members of the owning organisation, coordinators).
 * Same form and rules as registering; a published initiative keeps a published status and is
 * checked as complete on every save. `?publish=1` (from "Publicera" on a draft's page) shows what
 * publishing still needs, next to each field.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { InitiativeForm } from "~/components/initiative-form";
import { requireUser } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { forbidden, notFound } from "~/lib/http.server";
import { canEditFor, formStateOf, getEditableInitiative, loadEditorOptions, saveInitiative } from "~/lib/initiative-editor.server";
import { messagesFor } from "~/lib/page-meta";
import {
  initiativeFormValues,
  parseInitiative,
  keptInitiativeValues,
  publishProblems,
  type InitiativeFieldErrors,
} from "~/lib/schemas/initiative";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  const title = loaded ? format(t.initiativeForms.edit.titleOf, { title: loaded.values.title }) : t.initiativeForms.edit.title;
  return [{ title: `${title} – ${t.shell.portalName}` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const initiative = await getEditableInitiative(supabase, params.id ?? "");
  if (!initiative) notFound();
  if (!canEditFor(user, initiative.row.org_id)) forbidden();
  const options = await loadEditorOptions(supabase, user);
  const values = formStateOf(initiative);
  // The owner stays selectable even when the person is not a member (a coordinator, an archived org).
  if (!options.owners.some((org) => org.id === initiative.row.org_id)) {
    const { data: owner } = await supabase.from("organisations").select("id, name").eq("id", initiative.row.org_id).maybeSingle();
    if (owner) options.owners = [owner, ...options.owners];
  }
  const publishCheck = new URL(request.url).searchParams.get("publish") === "1";
  const errors: InitiativeFieldErrors = publishCheck
    ? publishProblems({ ...values, summary: values.summary || null, startsOn: values.startsOn || null, contactEmail: values.contactEmail || null })
    : {};
  return { id: initiative.row.id, published: initiative.row.status !== "draft", values, options, errors };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const initiative = await getEditableInitiative(supabase, params.id ?? "");
  if (!initiative) notFound();
  if (!canEditFor(user, initiative.row.org_id)) forbidden();

  const form = await request.formData();
  // A published initiative is always saved complete (the database requires it).
  const publish = form.get("intent") === "publish" || initiative.row.status !== "draft";
  const raw = initiativeFormValues(form);
  const values = keptInitiativeValues(raw);
  const bad = (errors: InitiativeFieldErrors, failure: "refused" | null = null) => data({ errors, values, failure }, 400);

  const parsed = parseInitiative(raw, publish);
  if (!parsed.success) return bad(parsed.errors as InitiativeFieldErrors);
  // Moving an initiative to another organisation: only to one the person acts for.
  if (parsed.data.orgId !== initiative.row.org_id && !canEditFor(user, parsed.data.orgId)) return bad({ orgId: "organisationNotYours" });

  const result = await saveInitiative(supabase, { id: initiative.row.id, data: parsed.data, publish });
  if (!result.ok) {
    if (result.reason === "notFound") notFound();
    if (result.reason === "invalid") return bad(result.errors);
    return bad({}, result.reason);
  }
  const done = publish && initiative.row.status === "draft" ? "published" : "saved";
  return redirect(`/initiatives/${result.id}?done=${done}`);
}

export default function EditInitiative() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const words = t.initiativeForms;
  const values = answer?.values ?? loaded.values;
  const errors = answer?.errors ?? loaded.errors;
  return (
    <>
      <nav aria-label={words.common.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/initiatives">{words.common.catalogue}</Link>
          </li>
          <li>
            <Link to={`/initiatives/${loaded.id}`}>{loaded.values.title}</Link>
          </li>
          <li>
            <span aria-current="page">{words.edit.title}</span>
          </li>
        </ol>
      </nav>
      <h1>{format(words.edit.titleOf, { title: loaded.values.title })}</h1>
      <InitiativeForm
        values={values}
        errors={errors}
        owners={loaded.options.owners}
        partnerOptions={loaded.options.partners.filter((org) => org.id !== values.orgId)}
        published={loaded.published}
        failure={answer?.failure ? words.failures[answer.failure] : null}
      />
      <p>
        <Link to={`/initiatives/${loaded.id}`}>{words.edit.back}</Link>
      </p>
    </>
  );
}
