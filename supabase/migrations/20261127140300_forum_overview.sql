-- The /forums list in one query: every forum the caller may see with its member count, thread
-- count, latest activity and the caller's unread posts. Unread posts come from threads.last_position
-- and the caller's thread_reads (one row per thread): the cost follows the number of threads, never
-- the number of posts. Security definer so the counts are computed once per forum instead of
-- through per-row policy checks; visibility is checked explicitly with can_read_forum, the same
-- function the select policy on forums uses.

create index threads_forum_id_idx on public.threads (forum_id) include (last_position, last_post_at);
create index forum_members_forum_active_idx on public.forum_members (forum_id) where status = 'active';

create or replace function public.forum_overview()
returns table (
  id uuid,
  slug text,
  name text,
  description text,
  visibility public.forum_visibility,
  archived_at timestamptz,
  member_count bigint,
  thread_count bigint,
  last_post_at timestamptz,
  unread_count bigint,
  my_status public.forum_member_status,
  my_role public.forum_member_role
)
language sql stable security definer
set search_path = ''
as $$
  select f.id, f.slug, f.name, f.description, f.visibility, f.archived_at,
         (select count(*) from public.forum_members fm where fm.forum_id = f.id and fm.status = 'active'),
         coalesce(activity.thread_count, 0),
         activity.last_post_at,
         coalesce(activity.unread_count, 0),
         mine.status,
         mine.role
    from public.forums f
    left join public.forum_members mine on mine.forum_id = f.id and mine.user_id = (select auth.uid())
    left join lateral (
      select count(*) as thread_count,
             max(t.last_post_at) as last_post_at,
             sum(greatest(t.last_position - coalesce(r.last_read_position, 0), 0)) as unread_count
        from public.threads t
        left join public.thread_reads r on r.thread_id = t.id and r.user_id = (select auth.uid())
       where t.forum_id = f.id
    ) activity on true
   where (select auth.uid()) is not null
     and public.can_read_forum(f.id)
   order by f.archived_at nulls first, f.name;
$$;
comment on function public.forum_overview() is
  'Forums the caller may see (same rule as the forums select policy) with member/thread counts, latest activity and the caller''s unread posts.';
revoke execute on function public.forum_overview() from public, anon;
grant execute on function public.forum_overview() to authenticated, service_role;
