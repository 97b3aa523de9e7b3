import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getMessages } from "~/lib/i18n";
import { listPublicInitiatives } from "~/lib/initiatives.server";
import { createSupabaseServerClient } from "~/lib/supabase.server";

export const meta: MetaFunction = () => {
  const t = getMessages();
  return [{ title: `${t.portalName} – ${t.cityName}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { supabase, headers } = createSupabaseServerClient(request);
  const initiatives = await listPublicInitiatives(supabase, 12);
  return data({ initiatives }, { headers });
}

export default function Index() {
  const { initiatives } = useLoaderData<typeof loader>();
  const t = getMessages();
  return (
    <>
      <h1>{t.homeTitle}</h1>
      <p>{t.homeIntro}</p>
      <section aria-labelledby="initiatives-heading">
        <h2 id="initiatives-heading">{t.publicInitiatives}</h2>
        {initiatives === null ? (
          <p className="notice" role="status">
            {t.initiativesUnavailable}
          </p>
        ) : initiatives.length === 0 ? (
          <p>{t.noInitiatives}</p>
        ) : (
          <ul className="card-list">
            {initiatives.map((initiative) => (
              <li key={initiative.id} className="card">
                <h3>{initiative.title}</h3>
                {initiative.summary ? <p>{initiative.summary}</p> : null}
                <dl>
                  <dt>{t.organiser}</dt>
                  <dd>{initiative.organiser ?? "–"}</dd>
                  <dt>{t.districts}</dt>
                  <dd>{initiative.districts.join(", ") || "–"}</dd>
                  <dt>{t.status}</dt>
                  <dd>{t.initiativeStatus[initiative.status]}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
