import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listPublicInitiatives } from "~/lib/initiatives.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = () => [{ title: "Samverkansportalen – Trollhättans Stad" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const initiatives = await listPublicInitiatives(getSupabase(request, context), 12);
  return { initiatives };
}

export default function Index() {
  const { initiatives } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t.home.title}</h1>
      <p>{t.home.intro}</p>
      <section aria-labelledby="initiatives-heading">
        <h2 id="initiatives-heading">{t.home.publicInitiatives}</h2>
        {initiatives === null ? (
          <p className="notice" role="status">
            {t.home.initiativesUnavailable}
          </p>
        ) : initiatives.length === 0 ? (
          <p>{t.home.noInitiatives}</p>
        ) : (
          <ul className="card-list">
            {initiatives.map((initiative) => (
              <li key={initiative.id} className="card">
                <h3>{initiative.title}</h3>
                {initiative.summary ? <p>{initiative.summary}</p> : null}
                <dl>
                  <dt>{t.home.organiser}</dt>
                  <dd>{initiative.organiser ?? "–"}</dd>
                  <dt>{t.home.districts}</dt>
                  <dd>{initiative.districts.join(", ") || "–"}</dd>
                  <dt>{t.home.status}</dt>
                  <dd>{t.home.initiativeStatus[initiative.status]}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
