/**
 * /admin/organisations/:id (coordinators): edit any organisation (details, districts, board
 * reporting) and archive or reactivate it. Every change is written to the audit log by the
 * organisations trigger (organisation.updated / board_reporting_changed / archived / reactivated).
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { CheckboxGroup, ErrorSummary, firstInvalid, SelectField, TextField } from "~/components/admin-fields";
import { requireRole } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { isValidOrgNumber, normalizeOrgNumber } from "~/lib/org-number";
import { getOrganisation, setOrganisationStatus, updateOrganisation } from "~/lib/organisations.server";
import { messagesFor } from "~/lib/page-meta";
import {
  DISTRICTS,
  ORGANISATION_EDIT_FIELDS,
  ORGANISATION_KINDS,
  organisationEditSchema,
  parseOrganisationForm,
  typedValues,
  type FieldErrors,
  type OrganisationEditField,
} from "~/lib/schemas/organisation";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  return [{ title: `${format(t.admin.organisation.title, { name: loaded?.organisation.name ?? "" })} – ${t.shell.portalName}` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const organisation = await getOrganisation(getSupabase(request, context), params.id ?? "");
  return { organisation };
}

type Answer =
  | { kind: "saved" | "archived" | "reactivated"; values?: undefined; errors?: undefined }
  | { kind: "invalid"; values: Record<string, string | string[]>; errors: FieldErrors<OrganisationEditField> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const current = await getOrganisation(supabase, params.id ?? "");
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "archive" || intent === "reactivate") {
    await setOrganisationStatus(supabase, current.id, intent === "archive" ? "archived" : "active");
    return data<Answer>({ kind: intent === "archive" ? "archived" : "reactivated" });
  }

  const values = typedValues(form);
  const parsed = parseOrganisationForm(organisationEditSchema, form);
  const errors: FieldErrors<OrganisationEditField> = parsed.success ? {} : { ...(parsed.errors as FieldErrors<OrganisationEditField>) };
  // A changed organisation number must have a valid check digit; an older one is kept as it is.
  const typedNumber = normalizeOrgNumber(String(form.get("orgNumber") ?? ""));
  if (!errors.orgNumber && typedNumber && typedNumber !== current.org_number && !isValidOrgNumber(typedNumber)) {
    errors.orgNumber = "orgNumberChecksum";
  }
  if (!parsed.success || Object.keys(errors).length > 0) return data<Answer>({ kind: "invalid", values, errors }, 400);

  const result = await updateOrganisation(supabase, current.id, parsed.data);
  if (!result.ok) return data<Answer>({ kind: "invalid", values, errors: result.errors as FieldErrors<OrganisationEditField> }, 400);
  return data<Answer>({ kind: "saved" });
}

export default function AdminOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const navigation = useNavigation();
  const { t } = useTranslation();
  const words = t.admin.organisation;
  const errors = answer?.kind === "invalid" ? answer.errors : {};
  const typed = answer?.kind === "invalid" ? answer.values : null;
  const first = firstInvalid(ORGANISATION_EDIT_FIELDS, errors);
  const text = (field: string, saved: string | null) => (typed ? (typeof typed[field] === "string" ? (typed[field] as string) : "") : (saved ?? ""));
  const districts = typed ? (Array.isArray(typed.districts) ? typed.districts : typeof typed.districts === "string" ? [typed.districts] : []) : organisation.districts;
  const reportsToBoard = typed ? typed.reportsToBoard !== undefined : organisation.reports_to_board;
  const busy = navigation.state === "submitting";

  useEffect(() => {
    if (answer) document.getElementById(first ? `field-${first}` : answer.kind === "invalid" ? "form-errors" : "edit-result")?.focus();
  }, [answer, first]);

  return (
    <>
      <p>
        <Link to="/admin/organisations">{t.admin.organisation.back}</Link>
      </p>
      <h1>{format(words.title, { name: organisation.name })}</h1>
      {answer && answer.kind !== "invalid" ? (
        <div id="edit-result" className="form-success" role="status" tabIndex={-1}>
          <p>{words[answer.kind]}</p>
        </div>
      ) : null}
      {answer?.kind === "invalid" ? <ErrorSummary /> : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{words.details}</h2>
        <Form method="post" className="form form--wide" noValidate key={organisation.updated_at}>
          <TextField name="name" label={words.name} defaultValue={text("name", organisation.name)} error={errors.name} autoFocus={first === "name"} />
          <TextField
            name="orgNumber"
            label={words.orgNumber}
            optional
            inputMode="numeric"
            defaultValue={text("orgNumber", organisation.org_number)}
            error={errors.orgNumber}
            autoFocus={first === "orgNumber"}
          />
          <SelectField
            name="kind"
            label={words.kind}
            options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t.pages.common.organisationKind[kind] }))}
            defaultValue={text("kind", organisation.kind)}
            error={errors.kind}
          />
          <CheckboxGroup name="districts" label={words.districts} optional options={DISTRICTS} checked={districts} error={errors.districts} />
          <TextField
            name="description"
            label={words.description}
            optional
            multiline
            defaultValue={text("description", organisation.description)}
            error={errors.description}
            autoFocus={first === "description"}
          />
          <TextField
            name="website"
            type="url"
            label={words.website}
            optional
            defaultValue={text("website", organisation.website)}
            error={errors.website}
            autoFocus={first === "website"}
          />
          <TextField
            name="contactEmail"
            type="email"
            label={words.contactEmail}
            optional
            defaultValue={text("contactEmail", organisation.contact_email)}
            error={errors.contactEmail}
            autoFocus={first === "contactEmail"}
          />
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" name="reportsToBoard" value="on" defaultChecked={reportsToBoard} /> {words.reportsToBoard}
            </label>
          </div>
          <div>
            <button type="submit" name="intent" value="save" className="button" disabled={busy}>
              {words.save}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{words.statusHeading}</h2>
        <p>{format(words.statusNow, { status: t.admin.organisations.statusLabel[organisation.status] })}</p>
        {organisation.status === "pending" ? (
          <p>
            <Link to="/admin/organisations">{words.pendingHint}</Link>
          </p>
        ) : (
          <Form method="post">
            {organisation.status === "active" ? <p className="field-hint">{words.archiveHint}</p> : null}
            <button type="submit" name="intent" value={organisation.status === "active" ? "archive" : "reactivate"} className="button" disabled={busy}>
              {organisation.status === "active" ? words.archive : words.reactivate}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{words.history}</h2>
        <p>
          <Link to={`/admin/audit?entity=organisation&entityId=${organisation.id}`}>{words.historyLink}</Link>
        </p>
      </section>
    </>
  );
}
