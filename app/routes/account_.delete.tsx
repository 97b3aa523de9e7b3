import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { AccountTextField } from "~/components/account-field";
import { deleteAuthUser, soleAdminOrganisations, type SoleAdminOrganisation } from "~/lib/account.server";
import { requireUser } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { deleteAccountSchema, type AccountFieldErrors } from "~/lib/schemas/account";
import { parseForm } from "~/lib/schemas/auth";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /account/delete ("Radera mitt konto"): what deleting means, then a confirmation by typing one's
 * own e-mail address. Refused while the person is the only active admin of an organisation.
 * Otherwise the auth user is deleted (service role), the session ends and /account/deleted says so.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.account.delete.pageTitle);

type DeleteAnswer = { errors: AccountFieldErrors<"confirmEmail">; value: string; blockedBy: SoleAdminOrganisation[] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const blockedBy = await soleAdminOrganisations(getSupabase(request, context));
  return { email: user.email, blockedBy };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const form = await request.formData();
  const typed = typeof form.get("confirmEmail") === "string" ? String(form.get("confirmEmail")) : "";

  const blockedBy = await soleAdminOrganisations(supabase);
  if (blockedBy.length > 0) return data<DeleteAnswer>({ errors: {}, value: typed, blockedBy }, 409);

  const parsed = parseForm(deleteAccountSchema(user.email), form);
  if (!parsed.success) {
    return data<DeleteAnswer>({ errors: parsed.errors as AccountFieldErrors<"confirmEmail">, value: typed, blockedBy }, 400);
  }

  await deleteAuthUser(user.id);
  // The auth server ended the sessions with the user; this clears the session cookies too.
  await supabase.auth.signOut({ scope: "local" }).catch(() => undefined);
  return redirect("/account/deleted");
}

export default function AccountDelete() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const words = t.account.delete;
  const blockedBy = answer?.blockedBy ?? loaded.blockedBy;
  const error = answer?.errors.confirmEmail;

  useEffect(() => {
    if (answer) document.getElementById(blockedBy.length > 0 ? "delete-blocked" : "field-confirmEmail")?.focus();
  }, [answer, blockedBy.length]);

  return (
    <div className="account-delete">
      <h1>{words.pageTitle}</h1>
      {blockedBy.length > 0 ? (
        <div id="delete-blocked" className="form-error" role="alert" tabIndex={-1}>
          <p>
            {format(words.blocked, {
              organisations: new Intl.ListFormat(locale, { type: "conjunction" }).format(
                blockedBy.map((organisation) => organisation.name),
              ),
            })}
          </p>
        </div>
      ) : null}
      <p>{words.consequences}</p>
      <ul>
        {words.consequenceList.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>
        <strong>{words.cannotUndo}</strong>
      </p>
      {blockedBy.length === 0 ? (
        <Form method="post" className="form" noValidate>
          <AccountTextField
            name="confirmEmail"
            type="email"
            label={words.confirmEmail}
            hint={format(words.confirmEmailHint, { email: loaded.email })}
            autoComplete="off"
            defaultValue={answer?.value}
            error={error}
            autoFocus={Boolean(error)}
          />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={navigation.state === "submitting"}>
              {words.submit}
            </button>
          </div>
        </Form>
      ) : null}
      <p>
        <Link to="/account">{words.cancel}</Link>
      </p>
    </div>
  );
}
