import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { AccountRadioGroup, AccountTextField } from "~/components/account-field";
import { isCurrentPassword, loadAccountProfile, saveAccountProfile } from "~/lib/account.server";
import { requireUser } from "~/lib/auth.server";
import { isUnreachable, serviceUnavailable } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { rememberLocale } from "~/lib/preferences.server";
import {
  NOTIFICATION_FREQUENCIES,
  passwordChangeSchema,
  profileSchema,
  type AccountFieldErrors,
} from "~/lib/schemas/account";
import { normalizeEmail, parseForm, PASSWORD_MIN_LENGTH } from "~/lib/schemas/auth";
import { signInThrottle } from "~/lib/sign-in-throttle.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /account: the person edits their name, title, phone, language and how often they get e-mail,
 * changes their password, downloads their data (/account/data.json) and finds the way to delete
 * the account (/account/delete). Both forms post here (`intent`), work without JavaScript and, on
 * success, come back with ?saved=… so reloading does not post again.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.account.title);

type ProfileField = "fullName" | "title" | "phone" | "locale" | "notificationFrequency";
type PasswordField = "currentPassword" | "password" | "confirm";
const PROFILE_FIELDS: ProfileField[] = ["fullName", "title", "phone", "locale", "notificationFrequency"];
const PASSWORD_FIELDS: PasswordField[] = ["currentPassword", "password", "confirm"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const profile = await loadAccountProfile(getSupabase(request, context), user.id);
  const savedParam = new URL(request.url).searchParams.get("saved");
  const saved: "profile" | "password" | null = savedParam === "profile" || savedParam === "password" ? savedParam : null;
  return {
    email: user.email,
    profile,
    roles: user.roles,
    memberships: user.memberships,
    saved,
  };
}

type ProfileValues = Record<ProfileField, string>;

type ActionAnswer =
  | { form: "profile"; errors: AccountFieldErrors<ProfileField>; values: ProfileValues }
  | { form: "password"; errors: AccountFieldErrors<PasswordField> };

function formValues(form: FormData): ProfileValues {
  const value = (name: string) => {
    const entry = form.get(name);
    return typeof entry === "string" ? entry : "";
  };
  return {
    fullName: value("fullName"),
    title: value("title"),
    phone: value("phone"),
    locale: value("locale"),
    notificationFrequency: value("notificationFrequency"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await request.formData();
  const supabase = getSupabase(request, context);

  if (form.get("intent") === "password") {
    const parsed = parseForm(passwordChangeSchema, form);
    if (!parsed.success) {
      return data<ActionAnswer>({ form: "password", errors: parsed.errors as AccountFieldErrors<PasswordField> }, 400);
    }
    // Guessing the current password here counts with failed sign-ins of the same account.
    const email = normalizeEmail(user.email);
    const decision = signInThrottle.check(context.clientAddress, email);
    if (!decision.allowed) {
      return data<ActionAnswer>(
        { form: "password", errors: { currentPassword: "tooManyAttempts" } },
        { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds) } },
      );
    }
    if (!(await isCurrentPassword(user.email, parsed.data.currentPassword))) {
      signInThrottle.recordFailure(context.clientAddress, email);
      return data<ActionAnswer>({ form: "password", errors: { currentPassword: "currentPasswordWrong" } }, 400);
    }
    signInThrottle.recordSuccess(context.clientAddress, email);
    const { error } = await supabase.auth.updateUser({ password: parsed.data.password });
    if (error) {
      if (isUnreachable(error)) serviceUnavailable();
      if (error.code === "same_password") return data<ActionAnswer>({ form: "password", errors: { password: "samePassword" } }, 400);
      if (error.code === "weak_password") return data<ActionAnswer>({ form: "password", errors: { password: "passwordTooShort" } }, 400);
      throw new Error(`Password change refused: ${error.code ?? error.status}: ${error.message}`);
    }
    return redirect("/account?saved=password");
  }

  const parsed = parseForm(profileSchema, form);
  if (!parsed.success) {
    return data<ActionAnswer>({ form: "profile", errors: parsed.errors as AccountFieldErrors<ProfileField>, values: formValues(form) }, 400);
  }
  await saveAccountProfile(supabase, user.id, parsed.data);
  // The cookie decides the language of the next page, so the page follows the choice at once.
  await rememberLocale(context, parsed.data.locale);
  return redirect("/account?saved=profile");
}

function first<Field extends string>(order: Field[], errors: AccountFieldErrors<Field>): Field | undefined {
  return order.find((field) => errors[field]);
}

export default function Account() {
  const { email, profile, roles, memberships, saved } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const words = t.account;
  const busy = navigation.state === "submitting";

  const profileAnswer = answer?.form === "profile" ? answer : undefined;
  const passwordAnswer = answer?.form === "password" ? answer : undefined;
  const profileErrors: AccountFieldErrors<ProfileField> = profileAnswer?.errors ?? {};
  const passwordErrors: AccountFieldErrors<PasswordField> = passwordAnswer?.errors ?? {};
  const values: Partial<ProfileValues> = profileAnswer?.values ?? {
    fullName: profile.fullName,
    title: profile.title,
    phone: profile.phone,
    locale: profile.locale,
    notificationFrequency: profile.notificationFrequency,
  };
  const firstProfileError = first(PROFILE_FIELDS, profileErrors);
  const firstPasswordError = first(PASSWORD_FIELDS, passwordErrors);
  const focusTarget = firstProfileError ?? firstPasswordError;

  // With JavaScript the answer arrives without a page load: move focus as autoFocus does without.
  useEffect(() => {
    if (answer && focusTarget) {
      const target = document.getElementById(`field-${focusTarget}`);
      const input = target instanceof HTMLFieldSetElement ? target.querySelector<HTMLInputElement>("input") : target;
      input?.focus();
    }
  }, [answer, focusTarget]);

  return (
    <>
      <h1>{words.title}</h1>
      {saved && !answer ? (
        <p className="form-success" role="status">
          {words.saved[saved]}
        </p>
      ) : null}

      <Form method="post" className="account-form" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">{words.details}</h2>
          <dl className="details">
            <dt>{words.email}</dt>
            <dd>{email}</dd>
          </dl>
          <p className="field-hint">{words.emailHelp}</p>
          <div className="form">
            <AccountTextField
              name="fullName"
              label={words.name}
              autoComplete="name"
              defaultValue={values.fullName}
              error={profileErrors.fullName}
              autoFocus={firstProfileError === "fullName"}
            />
            <AccountTextField
              name="title"
              label={words.jobTitle}
              hint={words.jobTitleHint}
              autoComplete="organization-title"
              defaultValue={values.title}
              error={profileErrors.title}
              autoFocus={firstProfileError === "title"}
            />
            <AccountTextField
              name="phone"
              type="tel"
              label={words.phone}
              hint={words.phoneHint}
              autoComplete="tel"
              defaultValue={values.phone}
              error={profileErrors.phone}
              autoFocus={firstProfileError === "phone"}
            />
          </div>
        </section>

        <section aria-labelledby="language-heading">
          <h2 id="language-heading">{words.language}</h2>
          <p>{format(words.languageCurrent, { language: words.languageNames[locale] })}</p>
          <AccountRadioGroup
            name="locale"
            legend={words.languageLegend}
            options={[
              { value: "sv", label: words.languageOptions.sv, lang: "sv" },
              { value: "en", label: words.languageOptions.en, lang: "en" },
            ]}
            defaultValue={values.locale}
            error={profileErrors.locale}
          />
        </section>

        <section aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">{words.notifications}</h2>
          <AccountRadioGroup
            name="notificationFrequency"
            legend={words.notificationsLegend}
            hint={words.notificationsHint}
            options={NOTIFICATION_FREQUENCIES.map((value) => ({ value, label: words.frequency[value] }))}
            defaultValue={values.notificationFrequency}
            error={profileErrors.notificationFrequency}
          />
        </section>

        <div>
          <button type="submit" className="button" disabled={busy}>
            {words.saveProfile}
          </button>
        </div>
      </Form>

      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{words.organisations}</h2>
        {memberships.length === 0 ? (
          <p className="empty">{words.noOrganisations}</p>
        ) : (
          <table>
            <caption>{words.organisationsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.organisation}</th>
                <th scope="col">{words.role}</th>
              </tr>
            </thead>
            <tbody>
              {memberships.map((membership) => (
                <tr key={membership.orgId}>
                  <th scope="row">{membership.orgName}</th>
                  <td>{t.pages.common.membershipRole[membership.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{words.platformRoles}</h2>
        {roles.length === 0 ? (
          <p>{words.noPlatformRoles}</p>
        ) : (
          <ul>
            {roles.map((role) => (
              <li key={role}>{t.pages.common.platformRole[role]}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{words.password.title}</h2>
        <p>{words.password.intro}</p>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="password" />
          {/* Lets password managers store the new password with the right account. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <AccountTextField
            name="currentPassword"
            type="password"
            label={words.password.current}
            autoComplete="current-password"
            error={passwordErrors.currentPassword}
            autoFocus={firstPasswordError === "currentPassword"}
          />
          <AccountTextField
            name="password"
            type="password"
            label={words.password.new}
            hint={format(words.password.newHint, { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            error={passwordErrors.password}
            autoFocus={firstPasswordError === "password"}
          />
          <AccountTextField
            name="confirm"
            type="password"
            label={words.password.confirm}
            autoComplete="new-password"
            error={passwordErrors.confirm}
            autoFocus={firstPasswordError === "confirm"}
          />
          <div>
            <button type="submit" className="button" disabled={busy}>
              {words.password.submit}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{words.data.title}</h2>
        <p>{words.data.intro}</p>
        <p>
          {/* A plain link: the browser downloads the file (Content-Disposition: attachment). */}
          <a href="/account/data.json" download="mina-uppgifter.json">
            {words.data.link}
          </a>
        </p>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{words.delete.title}</h2>
        <p>{words.delete.intro}</p>
        <p>
          <Link to="/account/delete">{words.delete.link}</Link>
        </p>
      </section>
    </>
  );
}
