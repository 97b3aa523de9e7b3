import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/lib/auth.server";
import { isLocale } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { accountProfile } from "~/lib/sections.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.pages.account.title);

/** Who the person is in the portal. Editing comes with the accounts issue. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const profile = await accountProfile(getSupabase(request, context), user.id);
  return {
    fullName: user.fullName,
    email: user.email,
    title: profile.title,
    phone: profile.phone,
    savedLocale: isLocale(profile.locale) ? profile.locale : null,
    roles: user.roles,
    memberships: user.memberships,
  };
}

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.pages.account;
  return (
    <>
      <h1>{words.title}</h1>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{words.details}</h2>
        <dl className="details">
          <dt>{words.name}</dt>
          <dd>{data.fullName}</dd>
          <dt>{words.email}</dt>
          <dd>{data.email}</dd>
          <dt>{words.jobTitle}</dt>
          <dd>{data.title || t.pages.common.none}</dd>
          <dt>{words.phone}</dt>
          <dd>{data.phone || t.pages.common.none}</dd>
        </dl>
      </section>

      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{words.organisations}</h2>
        {data.memberships.length === 0 ? (
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
              {data.memberships.map((membership) => (
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
        {data.roles.length === 0 ? (
          <p>{words.noPlatformRoles}</p>
        ) : (
          <ul>
            {data.roles.map((role) => (
              <li key={role}>{t.pages.common.platformRole[role]}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{words.language}</h2>
        <dl className="details">
          <dt>{words.languageCurrent}</dt>
          <dd>{words.languageNames[locale]}</dd>
          <dt>{words.languageSaved}</dt>
          <dd>{data.savedLocale ? words.languageNames[data.savedLocale] : t.pages.common.none}</dd>
        </dl>
        <p>{words.languageHelp}</p>
      </section>
    </>
  );
}
