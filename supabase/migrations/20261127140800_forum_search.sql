-- Full-text search over forum threads and posts with the Swedish configuration. The search runs
-- with the caller's rights (security invoker), so the policies on forums, threads and posts decide
-- what can be found: a private forum's posts never match for a non-member, hidden posts never
-- match for anyone (not even their author: hidden content is not searchable).

alter table public.posts
  add column search_vector tsvector generated always as (to_tsvector('swedish', body)) stored;
alter table public.threads
  add column search_vector tsvector generated always as (to_tsvector('swedish', title)) stored;
comment on column public.posts.search_vector is 'Swedish full-text vector of the body (generated).';
comment on column public.threads.search_vector is 'Swedish full-text vector of the title (generated).';

create index posts_search_idx on public.posts using gin (search_vector);
create index threads_search_idx on public.threads using gin (search_vector);

-- Highlights are delimited with the control characters U+0001/U+0002 rather than HTML, so the
-- portal can escape the text and add <mark> itself: a post containing "<mark>" or "<script>"
-- stays text.
create or replace function public.search_forums(query text, max_results integer default 20, skip integer default 0)
returns table (
  post_id uuid,
  post_position integer,
  thread_id uuid,
  thread_title text,
  forum_slug text,
  forum_name text,
  author_id uuid,
  created_at timestamptz,
  headline text,
  rank real,
  total_count bigint
)
language sql stable
set search_path = ''
as $$
  with q as (select websearch_to_tsquery('swedish', left(query, 200)) as tsq),
  -- Two index-backed branches (posts by body, first posts of threads by title), merged per post.
  hits as (
    select p.id, ts_rank(p.search_vector, q.tsq) as rank
      from q, public.posts p
     where p.search_vector @@ q.tsq and p.hidden_at is null
    union all
    select p.id, 0.5
      from q, public.threads t
      join public.posts p on p.thread_id = t.id and p.position = 1
     where t.search_vector @@ q.tsq and p.hidden_at is null
  ),
  matches as (
    select p.id, p.position, p.thread_id, p.author_id, p.created_at, p.body, sum(h.rank) as rank
      from hits h
      join public.posts p on p.id = h.id
     group by p.id
  ),
  page as (
    select m.*, count(*) over () as total_count
      from matches m
     order by m.rank desc, m.created_at desc
     limit least(greatest(max_results, 1), 50) offset greatest(skip, 0)
  )
  select page.id, page.position, page.thread_id, t.title, f.slug, f.name, page.author_id, page.created_at,
         ts_headline('swedish', page.body, q.tsq,
                     'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=35, MinWords=12, MaxFragments=2'),
         page.rank, page.total_count
    from page
    join public.threads t on t.id = page.thread_id
    join public.forums f on f.id = t.forum_id
    cross join q
   order by page.rank desc, page.created_at desc;
$$;
comment on function public.search_forums(text, integer, integer) is
  'Swedish full-text search over visible posts (and thread titles) the caller may read; highlights delimited by chr(1)/chr(2); at most 50 rows per call.';
revoke execute on function public.search_forums(text, integer, integer) from public, anon;
grant execute on function public.search_forums(text, integer, integer) to authenticated, service_role;
