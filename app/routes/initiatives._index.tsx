import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/lib/auth.server";
import { formatDate, formatDateRange } from "~/lib/format";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { listCatalogue } from "~/lib/sections.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.pages.initiatives.title);

/** The public catalogue; signed in, it shows whatever else RLS lets the person read. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context);
  const initiatives = await listCatalogue(getSupabase(request, context), user !== null);
  return { signedIn: user !== null, initiatives };
}

export default function Initiatives() {
  const { signedIn, initiatives } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.pages.initiatives;
  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.introPublic}</p>
      {signedIn ? <p>{words.introSignedIn}</p> : null}
      {initiatives.length === 0 ? (
        <p className="empty">{words.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{words.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.name}</th>
                <th scope="col">{words.organiser}</th>
                <th scope="col">{words.districts}</th>
                <th scope="col">{words.period}</th>
                <th scope="col">{words.status}</th>
                {signedIn ? <th scope="col">{words.public}</th> : null}
              </tr>
            </thead>
            <tbody>
              {initiatives.map((initiative) => (
                <tr key={initiative.id}>
                  <th scope="row">
                    <span className="cell-title">{initiative.title}</span>
                    {initiative.summary ? <span className="cell-detail">{initiative.summary}</span> : null}
                  </th>
                  <td>{initiative.organiser ?? t.pages.common.none}</td>
                  <td>{initiative.districts.join(", ") || t.pages.common.none}</td>
                  <td>
                    {initiative.endsOn
                      ? formatDateRange(initiative.startsOn, initiative.endsOn, locale)
                      : initiative.startsOn
                        ? format(words.from, { date: formatDate(initiative.startsOn, locale) })
                        : t.pages.common.none}
                  </td>
                  <td>{t.home.initiativeStatus[initiative.status]}</td>
                  {signedIn ? <td>{initiative.isPublic ? t.pages.common.yes : t.pages.common.no}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
