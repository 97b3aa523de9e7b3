import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { firstInvalid, TextField, useMemberFormCheck } from "~/components/org-form";
import { requireUser } from "~/lib/auth.server";
import { isUnreachable, serviceUnavailable } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { acceptInvitations, pendingInvitationsOf } from "~/lib/invitations.server";
import { pageTitle } from "~/lib/page-meta";
import { PASSWORD_MIN_LENGTH } from "~/lib/schemas/auth";
import { keptValues, parseMemberForm, welcomeSchema, type MemberFieldErrors } from "~/lib/schemas/members";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /welcome: where an invitation link leads (after /auth/confirm has started the session). The
 * person sets their name and a password; their pending invitations become active memberships and
 * they land on the start page. `?join=1` (a person who already has an account) only accepts.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.organisations.welcome.title);

const FIELDS = ["name", "password", "confirm"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const invitations = await pendingInvitationsOf(getSupabase(request, context), user.id);
  const join = new URL(request.url).searchParams.get("join") === "1";
  // A name the inviter typed is a starting point only if the person has none of their own yet.
  return { email: user.email, name: user.fullName === user.email ? "" : user.fullName, invitations, join };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const form = await request.formData();

  if (form.get("intent") === "join") {
    await acceptInvitations(supabase, user.id);
    return redirect("/");
  }

  const values = keptValues(form, ["name"]);
  const parsed = parseMemberForm(welcomeSchema, form);
  if (!parsed.success) return data({ errors: parsed.errors, values, failure: null }, 400);

  const { error } = await supabase.auth.updateUser({ password: parsed.data.password, data: { full_name: parsed.data.name } });
  if (error) {
    if (isUnreachable(error)) serviceUnavailable();
    console.error(`Welcome: password refused: ${error.code ?? error.status}: ${error.message}`);
    // "same_password" cannot happen for a new account; anything else is a failure to retry.
    return data({ errors: {} as MemberFieldErrors, values, failure: "failed" as const }, error.status === 422 ? 400 : 500);
  }
  const profile = await supabase.from("profiles").update({ full_name: parsed.data.name }).eq("id", user.id);
  if (isUnreachable(profile.error)) serviceUnavailable();
  if (profile.error) throw new Error(`Could not save the name: ${profile.error.message}`);
  await acceptInvitations(supabase, user.id);
  return redirect("/");
}

export default function Welcome() {
  const { email, name, invitations, join } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const words = t.organisations.welcome;
  const { errors, onSubmit } = useMemberFormCheck(welcomeSchema, "welcome", FIELDS, answer?.errors);
  const first = firstInvalid(FIELDS, errors);
  const busy = navigation.state === "submitting";

  const invitationList =
    invitations.length > 0 ? (
      <>
        <p>{words.invitedTo}</p>
        <ul>
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.organisation} {format(words.asRole, { role: t.pages.common.membershipRole[invitation.role].toLowerCase() })}
            </li>
          ))}
        </ul>
      </>
    ) : null;

  if (join) {
    return (
      <div className="auth-page">
        <h1>{words.joinTitle}</h1>
        {invitations.length === 0 ? (
          <>
            <p>{words.nothingPending}</p>
            <p>
              <Link to="/">{words.toStart}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{words.joinIntro}</p>
            {invitationList}
            <Form method="post">
              <input type="hidden" name="intent" value="join" />
              <button type="submit" className="button" disabled={busy}>
                {words.joinSubmit}
              </button>
            </Form>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="auth-page">
      <h1>{words.title}</h1>
      <p>{words.intro}</p>
      {invitationList}
      {answer?.failure ? (
        <p className="form-error" role="alert">
          {words.failed}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate onSubmit={onSubmit}>
        {/* Lets password managers store the new password with the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          idPrefix="welcome"
          name="name"
          label={words.name}
          hint={words.nameHint}
          autoComplete="name"
          defaultValue={answer?.values.name ?? name}
          error={errors.name}
          autoFocus={first === "name"}
        />
        <TextField
          idPrefix="welcome"
          name="password"
          type="password"
          label={words.password}
          hint={format(words.passwordHint, { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          error={errors.password}
          autoFocus={first === "password"}
        />
        <TextField
          idPrefix="welcome"
          name="confirm"
          type="password"
          label={words.confirm}
          autoComplete="new-password"
          error={errors.confirm}
          autoFocus={first === "confirm"}
        />
        <div>
          <button type="submit" className="button" disabled={busy}>
            {words.submit}
          </button>
        </div>
      </Form>
    </div>
  );
}
