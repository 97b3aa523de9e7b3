-- Forums are for partners (issue 9, found by the generated RLS matrix): DESIGN.md says open forums
-- are read by "every signed-in partner" and the portal's forum pages admit only partners and
-- coordinators (requirePartner), yet RLS let *any* signed-in account read open and closed forums,
-- their threads, posts and member lists. An account with no active membership of an active
-- organisation (removed from its organisation, only invited, or in an archived one) could read the
-- partners' discussions through the REST API. Now open and closed forums are read by coordinators,
-- board members (a decision recorded in issue 8) and partners; private forums, as before, only by
-- their members; a member of a forum always reads it (moderators may add people directly).
-- Threads, posts, member lists, read marks, watches and post reports follow through
-- can_read_forum; notifications through user_can_read_forum.

-- One query without nested helper calls: it runs once per row of every thread and post listing
-- (security definer functions are never inlined). Counting 2,000 posts as a partner took 115–200 ms
-- against 220–630 ms for the version it replaces (a noisy shared machine); the same rule written
-- with nested is_partner()/is_forum_member() calls took ~4× the old time.
create or replace function public.can_read_forum(forum uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.forums f
     where f.id = forum and (select auth.uid()) is not null and (
       (f.visibility in ('open', 'closed') and (
          exists (select 1 from public.platform_roles pr
                   where pr.user_id = (select auth.uid()) and pr.role in ('coordinator', 'board'))
          or exists (select 1 from public.memberships m join public.organisations o on o.id = m.org_id
                      where m.user_id = (select auth.uid()) and m.status = 'active' and o.status = 'active')))
       or exists (select 1 from public.forum_members fm
                   where fm.forum_id = f.id and fm.user_id = (select auth.uid()) and fm.status = 'active')
       or exists (select 1 from public.platform_roles pr
                   where pr.user_id = (select auth.uid()) and pr.role = 'coordinator')));
$$;
comment on function public.can_read_forum(uuid) is
  'Partners and board members read open and closed forums; members of a forum read it (private ones only they); coordinators all. Signed-in accounts that are none of these read no forum.';

create or replace function public.user_can_read_forum(forum uuid, person uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.platform_roles r where r.user_id = person and r.role = 'coordinator')
    or exists (select 1 from public.forum_members fm
               where fm.forum_id = forum and fm.user_id = person and fm.status = 'active')
    or (exists (select 1 from public.forums f where f.id = forum and f.visibility in ('open', 'closed'))
        and (exists (select 1 from public.platform_roles r where r.user_id = person and r.role = 'board')
             or exists (select 1 from public.memberships m join public.organisations o on o.id = m.org_id
                         where m.user_id = person and m.status = 'active' and o.status = 'active')));
$$;
comment on function public.user_can_read_forum(uuid, uuid) is
  'True if the given person may read the forum (same rule as can_read_forum, for someone other than the caller).';

alter policy "forums: visible forums" on public.forums
  using (
    (visibility in ('open', 'closed') and ((select public.is_partner()) or (select public.is_board())))
    or public.is_forum_member(id)
    or (select public.is_coordinator())
  );
comment on policy "forums: visible forums" on public.forums is
  'Open and closed forums are visible to partners and board members; private forums only to their members (a member always sees its forum); coordinators see all.';
