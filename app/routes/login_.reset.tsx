import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { authTitle, Field, firstError, useFocusAfterAnswer, useFormCheck } from "~/components/auth-form";
import { requireUser } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { isUnreachable, serviceUnavailable } from "~/lib/http.server";
import { newPasswordSchema, parseForm, PASSWORD_MIN_LENGTH, type FieldErrors } from "~/lib/schemas/auth";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /login/reset: a signed-in person chooses a new password (after a reset link or an invitation,
 * or just because). On success it shows a confirmation here (?done=1), so the browser's back and
 * reload do not post again.
 */
export const meta: MetaFunction = ({ matches }) => authTitle(matches, (t) => t.reset.title);

type ResetField = "password" | "confirm";
const FIELDS: ResetField[] = ["password", "confirm"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { email: user.email, done: new URL(request.url).searchParams.get("done") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const parsed = parseForm(newPasswordSchema, await request.formData());
  if (!parsed.success) return data({ errors: parsed.errors as FieldErrors<ResetField>, formError: null }, 400);
  const { error } = await getSupabase(request, context).auth.updateUser({ password: parsed.data.password });
  if (error) {
    if (isUnreachable(error)) serviceUnavailable();
    const formError = error.code === "same_password" ? ("samePassword" as const) : ("failed" as const);
    if (formError === "failed") console.error(`Password change refused: ${error.code ?? error.status}: ${error.message}`);
    return data({ errors: {} as FieldErrors<ResetField>, formError }, error.status === 422 ? 400 : 500);
  }
  return redirect("/login/reset?done=1");
}

export default function LoginReset() {
  const { email, done } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { errors, onSubmit } = useFormCheck(newPasswordSchema, FIELDS, answer?.errors);
  const firstInvalid = firstError(FIELDS, errors);
  const formError = answer?.formError ?? null;
  useFocusAfterAnswer(answer, firstInvalid ? `field-${firstInvalid}` : formError ? "reset-error" : undefined);

  if (done) {
    return (
      <div className="auth-page">
        <h1>{t.auth.reset.doneTitle}</h1>
        <p className="form-success" role="status">
          {t.auth.reset.doneBody}
        </p>
        <p>
          <Link to="/">{t.auth.reset.toStart}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="auth-page">
      <h1>{t.auth.reset.title}</h1>
      <p>{format(t.auth.reset.signedInAs, { email })}</p>
      {formError ? (
        <p id="reset-error" className="form-error" role="alert" tabIndex={-1}>
          {t.auth.reset[formError]}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate onSubmit={onSubmit} aria-describedby={formError ? "reset-error" : undefined}>
        {/* Lets password managers store the new password with the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          name="password"
          type="password"
          label={t.auth.reset.password}
          hint={format(t.auth.reset.intro, { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          error={errors.password}
          autoFocus={firstInvalid === "password"}
        />
        <Field
          name="confirm"
          type="password"
          label={t.auth.reset.confirm}
          autoComplete="new-password"
          error={errors.confirm}
          autoFocus={firstInvalid === "confirm"}
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t.auth.reset.submit}
          </button>
        </div>
      </Form>
    </div>
  );
}
