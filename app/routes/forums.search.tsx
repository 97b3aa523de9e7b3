/**
 * /forums/search?q=&page= (partners and coordinators): full-text search in the forums the reader
 * may see, 20 hits a page, best first. A GET form: works without JavaScript and the URL can be
 * shared. Each hit links to the post inside its thread (the page holding it, scrolled to it) and
 * shows the words around the matches with the matches marked.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { describedBy, FieldMessages } from "~/components/field";
import { HighlightedText } from "~/components/highlighted-text";
import { Pagination } from "~/components/pagination";
import { requirePartner } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/format";
import { cleanSearchQuery, SEARCH_MAX_PAGE, SEARCH_QUERY_MAX, searchForums } from "~/lib/forum-search.server";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { pageNumber } from "~/lib/pagination";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.forumSearch.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePartner(request, context);
  const url = new URL(request.url);
  const { q, error } = cleanSearchQuery(url.searchParams.get("q"));
  if (error) return data({ q, error, results: null }, { status: 400 });
  if (!q) return { q, error: null, results: null };
  const page = pageNumber(url.searchParams.get("page"), SEARCH_MAX_PAGE);
  return { q, error: null, results: await searchForums(getSupabase(request, context), q, page) };
}

export default function ForumSearch() {
  const { q, error, results } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.forumSearch;
  const fieldId = "forum-search-q";
  const errorText = error === "tooLong" ? format(words.tooLong, { max: SEARCH_QUERY_MAX }) : undefined;

  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>

      <Form method="get" action="/forums/search" role="search" className="org-search forum-search">
        <div className="field">
          <label htmlFor={fieldId}>{words.label}</label>
          <FieldMessages id={fieldId} hint={words.hint} error={errorText} />
          <input
            id={fieldId}
            name="q"
            type="search"
            defaultValue={q}
            aria-invalid={errorText ? true : undefined}
            aria-describedby={describedBy(fieldId, words.hint, errorText)}
            autoFocus={errorText ? true : undefined}
          />
        </div>
        <div>
          <button type="submit" className="button">
            {words.submit}
          </button>
        </div>
      </Form>

      {results ? (
        <section aria-labelledby="forum-search-results">
          <h2 id="forum-search-results">{format(words.resultsFor, { q })}</h2>
          <p role="status" className="muted">
            {results.total === 1 ? words.resultCountOne : format(words.resultCount, { count: results.total })}
          </p>
          {results.total === 0 ? (
            <p className="empty">{format(words.noResults, { q })}</p>
          ) : results.hits.length === 0 ? (
            <p className="empty">
              {words.pageEmpty} <Link to={`/forums/search?${new URLSearchParams({ q }).toString()}`}>{words.firstPage}</Link>
            </p>
          ) : (
            <ol className="search-results" aria-label={format(words.caption, { page: results.page, pages: results.pages })}>
              {results.hits.map((hit) => (
                <li key={hit.postId} className="search-result">
                  <h3 className="search-result__title">
                    <Link to={hit.href}>{hit.threadTitle}</Link>
                  </h3>
                  <p className="muted search-result__meta">
                    {format(words.inForum, { forum: hit.forumName })}
                    {" · "}
                    {format(words.by, { author: hit.authorId ? (hit.authorName ?? words.unnamed) : t.account.deletedUser })}
                    {" · "}
                    <time dateTime={hit.createdAt}>{formatDateTime(hit.createdAt, locale)}</time>
                  </p>
                  <p className="search-result__headline">
                    <HighlightedText text={hit.headline} />
                  </p>
                </li>
              ))}
            </ol>
          )}
          <Pagination
            page={results.page}
            pages={results.pages}
            pathname="/forums/search"
            search={new URLSearchParams({ q }).toString()}
            label={words.paginationLabel}
          />
        </section>
      ) : null}

      <p>
        <Link to="/forums">{words.backToForums}</Link>
      </p>
    </>
  );
}
