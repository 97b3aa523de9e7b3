/**
 * Full-text search over the forums for /forums/search. The rpc `search_forums` runs with the
 * caller's rights, so RLS decides what can be found: a private forum's posts only for its members,
 * hidden posts for nobody. Headlines come back with the matches between chr(1) and chr(2) (not
 * HTML); `HighlightedText` turns them into <mark> elements, so the post text always stays text.
 */
import { pageCount } from "./pagination";
import { rowsOf } from "./query.server";
import type { TypedSupabaseClient } from "./supabase.server";

export const SEARCH_PAGE_SIZE = 20;
/** The longest query we search for (the rpc cuts there too). */
export const SEARCH_QUERY_MAX = 200;
/** The highest page we ask for: deeper than this nobody reads, and the offset stays bounded. */
export const SEARCH_MAX_PAGE = 500;

// Tabs and line breaks become spaces; every other control character (among them the highlight
// delimiters chr(1)/chr(2)) is dropped.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export type CleanQuery = { q: string; error: null } | { q: string; error: "tooLong" };

/**
 * The query as we search for it: control characters removed, whitespace collapsed, trimmed. Longer
 * than SEARCH_QUERY_MAX characters is an error (the caller answers 400); `q` is then cut to a
 * length that can be shown back in the field.
 */
export function cleanSearchQuery(raw: string | null | undefined): CleanQuery {
  const q = (raw ?? "").replace(CONTROL, "").replace(/\s+/g, " ").trim();
  if ([...q].length > SEARCH_QUERY_MAX) return { q: [...q].slice(0, 1000).join(""), error: "tooLong" };
  return { q, error: null };
}

export interface SearchHit {
  postId: string;
  position: number;
  threadId: string;
  threadTitle: string;
  forumSlug: string;
  forumName: string;
  /** null: the author deleted their account. */
  authorId: string | null;
  /** The author's name; null when the author is gone or has no name. */
  authorName: string | null;
  createdAt: string;
  /** Text with the matches between "\u0001" and "\u0002". */
  headline: string;
  /** The post inside its thread: the page holding it, scrolled to it. */
  href: string;
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
}

/**
 * The headline as reading text: posts are Markdown, and a fragment of one shows its syntax
 * ("**fet**", "[länk](https://…)"). The common marks are dropped; the delimiters stay. Whatever
 * else is in the text stays as it is (it is rendered as text, never as HTML).
 */
export function readableHeadline(headline: string): string {
  return headline
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)/g, "$1")
    .replace(/\*\*|__|~~|`+/g, "")
    .replace(/(^|\n)\s*(?:#{1,6}|>|[-*+]|\d+[.)])\s+/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function postHref(forumSlug: string, threadId: string, position: number): string {
  return `/forums/${encodeURIComponent(forumSlug)}/threads/${encodeURIComponent(threadId)}?post=${position}#post-${position}`;
}

/** One page of hits for `q` (already cleaned and non-empty) as the signed-in caller may see them. */
export async function searchForums(supabase: TypedSupabaseClient, q: string, page: number): Promise<SearchPage> {
  const current = Math.min(Math.max(1, page), SEARCH_MAX_PAGE);
  const rows = rowsOf(
    await supabase.rpc("search_forums", { query: q, max_results: SEARCH_PAGE_SIZE, skip: (current - 1) * SEARCH_PAGE_SIZE }),
    "the search results",
  );
  let total = Number(rows[0]?.total_count ?? 0);
  if (rows.length === 0 && current > 1) {
    // Past the last page: count the hits anyway, so the page can link back to the ones that exist.
    const first = rowsOf(await supabase.rpc("search_forums", { query: q, max_results: 1, skip: 0 }), "the number of search results");
    total = Number(first[0]?.total_count ?? 0);
  }

  // The authors of this page, in one query. The generated type says string, but a deleted
  // account leaves a null author.
  const authorIds = [...new Set(rows.map((row) => row.author_id as string | null).filter((id): id is string => Boolean(id)))];
  const names = new Map<string, string>();
  if (authorIds.length > 0) {
    const people = rowsOf(await supabase.from("profiles").select("id, full_name").in("id", authorIds), "the authors of the search results");
    for (const person of people) if (person.full_name) names.set(person.id, person.full_name);
  }

  const hits = rows.map((row): SearchHit => {
    const authorId = (row.author_id as string | null) ?? null;
    return {
      postId: row.post_id,
      position: row.post_position,
      threadId: row.thread_id,
      threadTitle: row.thread_title,
      forumSlug: row.forum_slug,
      forumName: row.forum_name,
      authorId,
      authorName: authorId ? (names.get(authorId) ?? null) : null,
      createdAt: row.created_at,
      headline: readableHeadline(row.headline),
      href: postHref(row.forum_slug, row.thread_id, row.post_position),
    };
  });
  return { hits, total, page: current, pages: pageCount(total, SEARCH_PAGE_SIZE) };
}
