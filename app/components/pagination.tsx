import { Link } from "@remix-run/react";
import { format } from "~/lib/i18n";
import { useTranslation } from "~/lib/use-translation";

/**
 * Page links for any paginated list: first, previous, a window of numbered pages, next, last. Every
 * link keeps the list's other query parameters (filters) and only changes `page`, so it works
 * without JavaScript and can be bookmarked. Renders nothing for a single page.
 */
export function Pagination({
  page,
  pages,
  pathname,
  search = "",
  label,
  window: spread = 2,
}: {
  page: number;
  pages: number;
  pathname: string;
  /** The current query string (with or without "?"); its `page` is replaced per link. */
  search?: string;
  /** An accessible name when a page has more than one pagination. */
  label?: string;
  window?: number;
}) {
  const { t } = useTranslation();
  const words = t.shell.pagination;
  if (pages <= 1) return null;

  const hrefFor = (target: number) => {
    const params = new URLSearchParams(search);
    if (target <= 1) params.delete("page");
    else params.set("page", String(target));
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };

  const first = Math.max(1, page - spread);
  const last = Math.min(pages, page + spread);
  const numbers: number[] = [];
  for (let n = first; n <= last; n += 1) numbers.push(n);

  return (
    <nav aria-label={label ?? words.label} className="pagination-nav">
      <ul className="pagination">
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev">
              {words.previous}
            </Link>
          </li>
        ) : null}
        {first > 1 ? (
          <li>
            <Link to={hrefFor(1)} aria-label={words.first}>
              1
            </Link>
            {first > 2 ? <span aria-hidden="true"> …</span> : null}
          </li>
        ) : null}
        {numbers.map((n) =>
          n === page ? (
            <li key={n} aria-current="page">
              <span className="visually-hidden">{format(words.pageOf, { page: n, pages })}</span>
              <span aria-hidden="true">{n}</span>
            </li>
          ) : (
            <li key={n}>
              <Link to={hrefFor(n)} aria-label={format(words.page, { page: n })}>
                {n}
              </Link>
            </li>
          ),
        )}
        {last < pages ? (
          <li>
            {last < pages - 1 ? <span aria-hidden="true">… </span> : null}
            <Link to={hrefFor(pages)} aria-label={words.last}>
              {pages}
            </Link>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              {words.next}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

