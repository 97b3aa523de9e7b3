/**
 * /apply: an organisation asks to join, without an account. The form works without JavaScript;
 * errors come back with status 400, next to the fields, with everything typed kept. Bots are kept
 * out by a honeypot (a field people never see: when filled, the answer looks like success but
 * nothing is stored) and a per-address rate limit. The application itself is stored by the SQL
 * function `apply_for_membership` as the visitor (anonymous): it can only create a pending
 * organisation with its application.
 */
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { CheckboxGroup, ErrorSummary, firstInvalid, SelectField, TextField } from "~/components/admin-fields";
import { getCurrentUser } from "~/lib/auth.server";
import { applyLimiter, mailApplication, submitApplication } from "~/lib/organisations.server";
import { pageTitle } from "~/lib/page-meta";
import { resolveLocale } from "~/lib/preferences.server";
import {
  APPLICATION_FIELDS,
  applicationSchema,
  DISTRICTS,
  HONEYPOT_FIELD,
  ORGANISATION_KINDS,
  parseOrganisationForm,
  typedValues,
  type ApplicationField,
  type FieldErrors,
} from "~/lib/schemas/organisation";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.admin.apply.title);

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get("skickad") === "1" };
}

type Answer = { values: Record<string, string | string[]>; errors: FieldErrors<ApplicationField>; formError: "tooMany" | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = typedValues(form);
  // The honeypot: people never see or fill it. A bot is told it succeeded; nothing is stored or sent.
  if (String(form.get(HONEYPOT_FIELD) ?? "").trim() !== "") {
    console.warn("Application refused: honeypot filled");
    return redirect("/apply?skickad=1");
  }
  const parsed = parseOrganisationForm(applicationSchema, form);
  if (!parsed.success) {
    return data<Answer>({ values, errors: parsed.errors as FieldErrors<ApplicationField>, formError: null }, 400);
  }

  const wait = applyLimiter.retryAfterSeconds(context.clientAddress);
  if (wait > 0) {
    return data<Answer>({ values, errors: {}, formError: "tooMany" }, { status: 429, headers: { "Retry-After": String(wait) } });
  }
  applyLimiter.hit(context.clientAddress);

  const result = await submitApplication(getSupabase(request, context), parsed.data);
  if (!result.ok) {
    return data<Answer>({ values, errors: result.errors as FieldErrors<ApplicationField>, formError: null }, 400);
  }
  const locale = await resolveLocale(request, await getCurrentUser(request, context));
  // Mail after answering: the visitor does not wait for the mailer (mailApplication never throws).
  void mailApplication(parsed.data, locale);
  return redirect("/apply?skickad=1");
}

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) =>
  actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders;

export default function Apply() {
  const { sent } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const words = t.admin.apply;
  const errors = (answer?.errors ?? {}) as FieldErrors<ApplicationField>;
  const values = answer?.values ?? {};
  const first = firstInvalid(APPLICATION_FIELDS, errors);
  const value = (field: string) => (typeof values[field] === "string" ? (values[field] as string) : undefined);
  const list = (field: string) => (Array.isArray(values[field]) ? (values[field] as string[]) : typeof values[field] === "string" ? [values[field] as string] : []);

  useEffect(() => {
    // With JavaScript the page stays: move focus as autoFocus does on a full page load.
    if (!answer) return;
    document.getElementById(first ? `field-${first}` : "form-errors")?.focus();
  }, [answer, first]);

  if (sent) {
    return (
      <div className="apply-page">
        <h1>{words.thanksTitle}</h1>
        <div className="form-success" role="status">
          <p>{words.thanksBodyGeneric}</p>
        </div>
        <p>
          <Link to="/">{words.toStart}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="apply-page">
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>
      {answer?.formError ? <ErrorSummary>{words.tooMany}</ErrorSummary> : first ? <ErrorSummary /> : null}
      <Form method="post" className="form form--wide" noValidate>
        <h2>{words.organisationHeading}</h2>
        <TextField name="name" label={words.name} autoComplete="organization" defaultValue={value("name")} error={errors.name} autoFocus={first === "name"} />
        <TextField
          name="orgNumber"
          label={words.orgNumber}
          hint={words.orgNumberHint}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={value("orgNumber")}
          error={errors.orgNumber}
          autoFocus={first === "orgNumber"}
        />
        <SelectField
          name="kind"
          label={words.kind}
          placeholder={words.kindPlaceholder}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t.pages.common.organisationKind[kind] }))}
          defaultValue={value("kind")}
          error={errors.kind}
          autoFocus={first === "kind"}
        />
        <CheckboxGroup
          name="districts"
          label={words.districts}
          hint={words.districtsHint}
          options={DISTRICTS}
          checked={list("districts")}
          error={errors.districts}
          autoFocus={first === "districts"}
        />
        <TextField
          name="description"
          label={words.description}
          hint={words.descriptionHint}
          multiline
          defaultValue={value("description")}
          error={errors.description}
          autoFocus={first === "description"}
        />
        <TextField
          name="website"
          type="url"
          label={words.website}
          hint={words.websiteHint}
          optional
          autoComplete="url"
          defaultValue={value("website")}
          error={errors.website}
          autoFocus={first === "website"}
        />
        <h2>{words.contactHeading}</h2>
        <TextField
          name="contactName"
          label={words.contactName}
          autoComplete="name"
          defaultValue={value("contactName")}
          error={errors.contactName}
          autoFocus={first === "contactName"}
        />
        <TextField
          name="contactEmail"
          type="email"
          label={words.contactEmail}
          hint={words.contactEmailHint}
          autoComplete="email"
          defaultValue={value("contactEmail")}
          error={errors.contactEmail}
          autoFocus={first === "contactEmail"}
        />
        <TextField
          name="message"
          label={words.message}
          optional
          multiline
          defaultValue={value("message")}
          error={errors.message}
          autoFocus={first === "message"}
        />
        {/* The honeypot: off screen and hidden from assistive technology; only bots fill it. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor={`field-${HONEYPOT_FIELD}`}>{words.honeypot}</label>
          <input id={`field-${HONEYPOT_FIELD}`} type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {words.submit}
          </button>
        </div>
      </Form>
    </div>
  );
}
