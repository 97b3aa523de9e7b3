-- The threads select policy checked can_read_forum(forum_id) once per thread row (issue 10): a
-- security definer SQL function is never inlined, so a forum page of 125 threads, its count and
-- every thread embed paid ~0.2 ms a row (~27 ms for one count at scale). readable_forum_ids()
-- answers the same question once per statement for all forums: the policy's `in (select …)`
-- becomes a hashed subplan, and each row costs a hash lookup.
--
-- The rule is can_read_forum's, written set-wise (the uncorrelated exists run once): signed in
-- and (an open or closed forum for coordinators, board members and partners of an active
-- organisation; any forum for its active members; every forum for coordinators). Security definer
-- like can_read_forum, for the same reason: it reads memberships and platform roles the caller may
-- not read directly; it only ever answers about the caller (auth.uid()). The integration test
-- tests/integration/list-pages.test.ts checks it equals can_read_forum for every persona.

create or replace function public.readable_forum_ids()
returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select f.id
    from public.forums f
   where (select auth.uid()) is not null and (
     (f.visibility in ('open', 'closed') and (
        exists (select 1 from public.platform_roles pr
                 where pr.user_id = (select auth.uid()) and pr.role in ('coordinator', 'board'))
        or exists (select 1 from public.memberships m join public.organisations o on o.id = m.org_id
                    where m.user_id = (select auth.uid()) and m.status = 'active' and o.status = 'active')))
     or exists (select 1 from public.forum_members fm
                 where fm.forum_id = f.id and fm.user_id = (select auth.uid()) and fm.status = 'active')
     or exists (select 1 from public.platform_roles pr
                 where pr.user_id = (select auth.uid()) and pr.role = 'coordinator'));
$$;
comment on function public.readable_forum_ids() is
  'Ids of the forums the caller may read: the rule of can_read_forum(), for all forums at once (policies that would otherwise call it per row).';
revoke execute on function public.readable_forum_ids() from public, anon;
grant execute on function public.readable_forum_ids() to authenticated, service_role;

-- Same rule as before (can_read_forum), evaluated once per statement.
alter policy "threads: readers of the forum" on public.threads
  using (forum_id in (select public.readable_forum_ids()));
