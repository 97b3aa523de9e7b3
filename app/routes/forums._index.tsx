import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePartner } from "~/lib/auth.server";
import { pageTitle } from "~/lib/page-meta";
import { listForums } from "~/lib/sections.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.pages.forums.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePartner(request, context);
  return { forums: await listForums(getSupabase(request, context)) };
}

export default function Forums() {
  const { forums } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t.pages.forums.title}</h1>
      <p className="lead">{t.pages.forums.intro}</p>
      {forums.length === 0 ? (
        <p className="empty">{t.pages.forums.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t.pages.forums.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.pages.forums.name}</th>
                <th scope="col">{t.pages.forums.visibility}</th>
                <th scope="col" className="numeric">
                  {t.pages.forums.threads}
                </th>
              </tr>
            </thead>
            <tbody>
              {forums.map((forum) => (
                <tr key={forum.id}>
                  <th scope="row">
                    <span className="cell-title">{forum.name}</span>
                    {forum.description ? <span className="cell-detail">{forum.description}</span> : null}
                  </th>
                  <td>{t.pages.common.visibility[forum.visibility]}</td>
                  <td className="numeric">{forum.threadCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
