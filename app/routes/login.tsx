import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { authTitle, Field, firstError, useFocusAfterAnswer, useFormCheck } from "~/components/auth-form";
import { getCurrentUser } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { isUnreachable, serviceUnavailable } from "~/lib/http.server";
import { safeRedirect } from "~/lib/redirect";
import { normalizeEmail, parseForm, signInSchema, type FieldErrors } from "~/lib/schemas/auth";
import { signInThrottle } from "~/lib/sign-in-throttle.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => authTitle(matches, (t) => t.login.title);

type SignInField = "email" | "password";
const FIELDS: SignInField[] = ["email", "password"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getCurrentUser(request, context)) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = safeRedirect(form.get("redirectTo"));
  const typedEmail = String(form.get("email") ?? "").trim();
  const parsed = parseForm(signInSchema, form);
  if (!parsed.success) {
    return data({ email: typedEmail, errors: parsed.errors as FieldErrors<SignInField>, formError: null, retryAfterSeconds: null }, 400);
  }

  const email = normalizeEmail(parsed.data.email);
  const decision = signInThrottle.check(context.clientAddress, email);
  if (!decision.allowed) {
    return data(
      { email: typedEmail, errors: {}, formError: "tooMany" as const, retryAfterSeconds: decision.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds) } },
    );
  }

  const { error } = await getSupabase(request, context).auth.signInWithPassword({ email, password: parsed.data.password });
  if (error) {
    if (isUnreachable(error)) serviceUnavailable();
    // Wrong password, unknown address, unconfirmed or banned account: one answer for all, so the
    // page does not tell whether an account exists.
    if (error.status !== 400 || error.code !== "invalid_credentials") console.warn(`Sign-in refused: ${error.code ?? error.status}`);
    signInThrottle.recordFailure(context.clientAddress, email);
    return data({ email: typedEmail, errors: {}, formError: "invalidCredentials" as const, retryAfterSeconds: null }, 400);
  }
  signInThrottle.recordSuccess(context.clientAddress, email);
  return redirect(redirectTo);
}

/** Retry-After of a refused attempt reaches the browser on a full-page post too. */
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) =>
  actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders;

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { errors, onSubmit } = useFormCheck(signInSchema, FIELDS, answer?.errors as FieldErrors<SignInField> | undefined);
  const formError = answer?.formError ?? null;
  const firstInvalid = firstError(FIELDS, errors);
  // After a refused sign-in the password field is empty again; that is where to continue.
  const focusField = firstInvalid ?? (formError === "invalidCredentials" ? "password" : undefined);
  useEffect(() => {
    // With JavaScript the form stays on the page: empty the refused password, as a reload would.
    const password = document.getElementById("field-password");
    if (answer?.formError && password instanceof HTMLInputElement) password.value = "";
  }, [answer]);
  useFocusAfterAnswer(answer, focusField ? `field-${focusField}` : formError ? "login-error" : undefined);
  const linkQuery = redirectTo === "/" ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`;

  return (
    <div className="auth-page">
      <h1>{t.auth.login.title}</h1>
      <p>{t.auth.login.intro}</p>
      {formError ? (
        <div id="login-error" className="form-error" role="alert" tabIndex={-1}>
          <p>{t.auth.login[formError]}</p>
          {answer?.retryAfterSeconds ? (
            <p>{format(t.auth.login.tooManyWait, { minutes: Math.max(1, Math.ceil(answer.retryAfterSeconds / 60)) })}</p>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="form" noValidate onSubmit={onSubmit} aria-describedby={formError ? "login-error" : undefined}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          name="email"
          type="email"
          label={t.auth.login.email}
          autoComplete="username"
          defaultValue={answer?.email}
          error={errors.email}
          autoFocus={firstInvalid === "email"}
        />
        <Field
          name="password"
          type="password"
          label={t.auth.login.password}
          autoComplete="current-password"
          error={errors.password}
          autoFocus={focusField === "password"}
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t.auth.login.submit}
          </button>
        </div>
      </Form>
      <h2 className="auth-page__subheading">{t.auth.login.otherWays}</h2>
      <ul className="auth-links">
        <li>
          <Link to={`/login/link${linkQuery}`}>{t.auth.login.sendLink}</Link>
        </li>
        <li>
          <Link to="/login/forgot">{t.auth.login.forgot}</Link>
        </li>
      </ul>
      <p>{t.auth.login.noAccount}</p>
    </div>
  );
}
