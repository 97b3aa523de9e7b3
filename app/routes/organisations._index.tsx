import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { requirePartner } from "~/lib/auth.server";
import { format } from "~/lib/i18n";
import { listDirectory } from "~/lib/members.server";
import { pageTitle } from "~/lib/page-meta";
import { pageNumber } from "~/lib/pagination";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/** /organisations: the directory of active organisations, for signed-in partners and coordinators. */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.organisations.directory.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePartner(request, context);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const requested = pageNumber(url.searchParams.get("page"));
  const { organisations, total, page, pages } = await listDirectory(getSupabase(request, context), q, requested);
  if (requested > pages) {
    // Past the last page (a stale link, or fewer matches now): the last page that exists.
    const params = new URLSearchParams(url.search);
    if (pages > 1) params.set("page", String(pages));
    else params.delete("page");
    const search = params.toString();
    throw redirect(search ? `/organisations?${search}` : "/organisations");
  }
  return { q, organisations, total, page, pages };
}

export default function Organisations() {
  const { q, organisations, total, page, pages } = useLoaderData<typeof loader>();
  const location = useLocation();
  const { t } = useTranslation();
  const words = t.organisations.directory;
  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>
      <Form method="get" role="search" className="org-search">
        <div className="field">
          <label htmlFor="org-search-q">{words.searchLabel}</label>
          <p id="org-search-q-hint" className="field-hint">
            {words.searchHint}
          </p>
          <input id="org-search-q" name="q" type="search" defaultValue={q} aria-describedby="org-search-q-hint" />
        </div>
        <div>
          <button type="submit" className="button">
            {words.searchButton}
          </button>{" "}
          {q ? <Link to="/organisations">{words.clear}</Link> : null}
        </div>
      </Form>
      <p role="status" className="muted">
        {total === 1 ? words.resultCountOne : format(words.resultCount, { count: total })}
      </p>
      {organisations.length === 0 ? (
        <p className="empty">{words.empty}</p>
      ) : (
        <ul className="card-list">
          {organisations.map((organisation) => (
            <li key={organisation.id} className="card">
              <h2 className="org-card-title">
                <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
              </h2>
              {organisation.description ? <p className="org-card-description">{organisation.description}</p> : null}
              <dl>
                <dt>{words.kind}</dt>
                <dd>{t.pages.common.organisationKind[organisation.kind]}</dd>
                <dt>{words.members}</dt>
                <dd>{organisation.members}</dd>
                {organisation.districts.length > 0 ? (
                  <>
                    <dt>{words.districts}</dt>
                    <dd>{organisation.districts.join(", ")}</dd>
                  </>
                ) : null}
                {organisation.focusAreas.length > 0 ? (
                  <>
                    <dt>{words.focusAreas}</dt>
                    <dd>{organisation.focusAreas.map((area) => t.initiatives.focusAreas[area]).join(", ")}</dd>
                  </>
                ) : null}
                {organisation.website ? (
                  <>
                    <dt>{words.website}</dt>
                    <dd>
                      <a href={organisation.website} rel="noopener noreferrer">
                        {organisation.website.replace(/^https?:\/\//, "")}
                      </a>
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} pathname={location.pathname} search={location.search} />
    </>
  );
}
