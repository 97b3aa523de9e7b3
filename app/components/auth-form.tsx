/**
 * Pieces shared by the sign-in pages: a labelled field with its error, a form-level error, and
 * checking a form in the browser with the same zod schema the action uses (without JavaScript the
 * action's answer shows the same errors).
 */
import type { MetaDescriptor } from "@remix-run/node";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import type { z } from "zod";
import { defaultLocale, format, getMessages, isLocale, type Messages } from "~/lib/i18n";
import { linkRequestSchema, parseForm, type AuthErrorKey, type FieldErrors } from "~/lib/schemas/auth";
import { useTranslation } from "~/lib/use-translation";
import { TextInput } from "./field";

interface FieldProps {
  name: string;
  label: string;
  type?: "email" | "password" | "text";
  autoComplete?: string;
  defaultValue?: string;
  error?: AuthErrorKey;
  hint?: string;
  autoFocus?: boolean;
}

export function Field({ error, ...props }: FieldProps) {
  const { t } = useTranslation();
  return <TextInput {...props} error={error ? t.auth.errors[error] : undefined} />;
}

/** The id of the first field with an error, in the form's order. */
export function firstError<Field extends string>(order: Field[], errors: FieldErrors<Field>): Field | undefined {
  return order.find((field) => errors[field]);
}

/**
 * Field errors to show: the browser's check of the last attempt (when JavaScript runs), else the
 * server's. `onSubmit` stops a submission the schema refuses and moves focus to the first error.
 */
export function useFormCheck<Schema extends z.ZodTypeAny, Field extends string>(
  schema: Schema,
  order: Field[],
  serverErrors: FieldErrors<Field> | undefined,
): { errors: FieldErrors<Field>; onSubmit: (event: FormEvent<HTMLFormElement>) => void } {
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field> | null>(null);
  useEffect(() => setClientErrors(null), [serverErrors]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const result = parseForm(schema, new FormData(event.currentTarget));
    if (result.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    const errors = result.errors as FieldErrors<Field>;
    setClientErrors(errors);
    const first = firstError(order, errors);
    if (first) document.getElementById(`field-${first}`)?.focus();
  };
  return { errors: clientErrors ?? serverErrors ?? {}, onSubmit };
}

/** After an answer from the action (with JavaScript), moves focus to `id`, as autoFocus does without. */
export function useFocusAfterAnswer(answer: unknown, id: string | undefined) {
  useEffect(() => {
    if (answer && id) document.getElementById(id)?.focus();
  }, [answer, id]);
}

/** The page title in the language the root loader chose. */
export function authTitle(
  matches: { id: string; data?: unknown }[],
  pick: (t: Messages["auth"]) => string,
): MetaDescriptor[] {
  const data = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const t = getMessages(isLocale(data?.locale) ? data.locale : defaultLocale);
  return [{ title: `${pick(t.auth)} – ${t.shell.portalName}` }];
}

interface LinkRequestAnswer {
  sent: boolean;
  email: string;
  errors: FieldErrors<"email">;
}

/**
 * The page of /login/link and /login/forgot: an e-mail address, then the same neutral answer
 * whether or not the address has an account.
 */
export function LinkRequestPage({ kind, redirectTo, answer }: { kind: "link" | "forgot"; redirectTo?: string; answer: LinkRequestAnswer | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { errors, onSubmit } = useFormCheck(linkRequestSchema, ["email"], answer?.errors);
  const texts = t.auth[kind];
  useFocusAfterAnswer(answer, answer?.sent ? "link-sent" : errors.email ? "field-email" : undefined);

  if (answer?.sent) {
    return (
      <div className="auth-page">
        <h1>{texts.title}</h1>
        <div id="link-sent" className="form-success" role="status" tabIndex={-1}>
          <h2>{t.auth.sent.title}</h2>
          <p>{format(t.auth.sent.body, { email: answer.email })}</p>
        </div>
        <ul className="auth-links">
          <li>
            <Link to={kind === "link" ? `/login/link${redirectTo && redirectTo !== "/" ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}` : "/login/forgot"}>
              {t.auth.sent.again}
            </Link>
          </li>
          <li>
            <Link to="/login">{t.auth.backToLogin}</Link>
          </li>
        </ul>
      </div>
    );
  }

  return (
    <div className="auth-page">
      <h1>{texts.title}</h1>
      <p>{texts.intro}</p>
      <Form method="post" className="form" noValidate onSubmit={onSubmit}>
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Field
          name="email"
          type="email"
          label={t.auth.login.email}
          autoComplete="username"
          defaultValue={answer?.email}
          error={errors.email}
          autoFocus={Boolean(errors.email)}
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {texts.submit}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/login">{t.auth.backToLogin}</Link>
      </p>
    </div>
  );
}
