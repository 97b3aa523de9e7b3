-- Access helpers used by the RLS policies.
-- All are security definer (they read membership tables without recursing into their RLS), stable,
-- with an empty search_path and fully qualified names. They only ever answer about the calling
-- user ((select auth.uid())), so exposing them to signed-in users leaks nothing.

create or replace function public.is_coordinator()
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.platform_roles pr
    where pr.user_id = (select auth.uid()) and pr.role = 'coordinator'
  );
$$;
comment on function public.is_coordinator() is 'True if the calling user has the platform role coordinator.';

create or replace function public.is_board()
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.platform_roles pr
    where pr.user_id = (select auth.uid()) and pr.role = 'board'
  );
$$;
comment on function public.is_board() is 'True if the calling user has the platform role board (KS ledamot).';

create or replace function public.is_org_member(org uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.org_id = org and m.user_id = (select auth.uid()) and m.status = 'active'
  );
$$;
comment on function public.is_org_member(uuid) is 'True if the calling user is an active member (any role) of the organisation.';

create or replace function public.is_org_admin(org uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.org_id = org and m.user_id = (select auth.uid()) and m.status = 'active' and m.role = 'admin'
  );
$$;
comment on function public.is_org_admin(uuid) is 'True if the calling user is an active admin of the organisation.';

create or replace function public.is_partner()
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    join public.organisations o on o.id = m.org_id
    where m.user_id = (select auth.uid()) and m.status = 'active' and o.status = 'active'
  );
$$;
comment on function public.is_partner() is 'True if the calling user acts for at least one active organisation.';

create or replace function public.org_is_active(org uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.organisations o where o.id = org and o.status = 'active');
$$;
comment on function public.org_is_active(uuid) is 'True if the organisation is active (approved, not archived). Used by anon policies too.';

create or replace function public.org_reports_to_board(org uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.organisations o where o.id = org and o.reports_to_board);
$$;
comment on function public.org_reports_to_board(uuid) is 'True if the organisation reports to the board (KS).';

create or replace function public.is_forum_member(forum uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.forum_members fm
    where fm.forum_id = forum and fm.user_id = (select auth.uid()) and fm.status = 'active'
  );
$$;
comment on function public.is_forum_member(uuid) is 'True if the calling user is an active member or moderator of the forum.';

create or replace function public.is_forum_moderator(forum uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select public.is_coordinator() or exists (
    select 1 from public.forum_members fm
    where fm.forum_id = forum and fm.user_id = (select auth.uid())
      and fm.status = 'active' and fm.role = 'moderator'
  );
$$;
comment on function public.is_forum_moderator(uuid) is 'True if the calling user moderates the forum (coordinators moderate every forum).';

create or replace function public.can_read_forum(forum uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select (select auth.uid()) is not null and (
    public.is_coordinator()
    or exists (select 1 from public.forums f where f.id = forum and f.visibility in ('open', 'closed'))
    or public.is_forum_member(forum)
  );
$$;
comment on function public.can_read_forum(uuid) is
  'Signed-in users read open and closed forums; private forums only their members; coordinators all.';

create or replace function public.can_post_in_forum(forum uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.forums f
    where f.id = forum and f.archived_at is null and (
      public.is_forum_moderator(f.id)
      or (f.visibility = 'open' and public.is_partner())
      or (f.visibility in ('closed', 'private') and public.is_forum_member(f.id))
    )
  );
$$;
comment on function public.can_post_in_forum(uuid) is
  'Open: every partner posts; closed/private: members post; moderators/coordinators always; nobody in archived forums.';

create or replace function public.forum_of_thread(thread uuid)
returns uuid
language sql stable security definer
set search_path = ''
as $$
  select t.forum_id from public.threads t where t.id = thread;
$$;
comment on function public.forum_of_thread(uuid) is 'The forum a thread belongs to (for post policies).';

create or replace function public.can_post_in_thread(thread uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.threads t
    where t.id = thread
      and public.can_post_in_forum(t.forum_id)
      and (not t.locked or public.is_forum_moderator(t.forum_id))
  );
$$;
comment on function public.can_post_in_thread(uuid) is 'May the calling user reply in the thread (forum rules; locked threads only moderators).';

create or replace function public.can_edit_initiative(initiative uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.initiatives i
    where i.id = initiative and (public.is_org_member(i.org_id) or public.is_coordinator())
  );
$$;
comment on function public.can_edit_initiative(uuid) is 'Members of the owning organisation and coordinators edit an initiative.';

create or replace function public.can_edit_report(report uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.reports r
    where r.id = report and r.status in ('draft', 'returned') and public.is_org_member(r.org_id)
  );
$$;
comment on function public.can_edit_report(uuid) is
  'Members of the organisation edit its report while it is a draft or returned; never once submitted or accepted.';

-- Only signed-in users (and trusted server code) may call the helpers; anonymous callers have no
-- use for them, except org_is_active which the anonymous initiative policy uses.
revoke execute on function
  public.is_coordinator(), public.is_board(), public.is_org_member(uuid), public.is_org_admin(uuid),
  public.is_partner(), public.org_is_active(uuid), public.org_reports_to_board(uuid),
  public.is_forum_member(uuid), public.is_forum_moderator(uuid), public.can_read_forum(uuid),
  public.can_post_in_forum(uuid), public.forum_of_thread(uuid), public.can_post_in_thread(uuid),
  public.can_edit_initiative(uuid), public.can_edit_report(uuid)
  from public, anon;
grant execute on function
  public.is_coordinator(), public.is_board(), public.is_org_member(uuid), public.is_org_admin(uuid),
  public.is_partner(), public.org_is_active(uuid), public.org_reports_to_board(uuid),
  public.is_forum_member(uuid), public.is_forum_moderator(uuid), public.can_read_forum(uuid),
  public.can_post_in_forum(uuid), public.forum_of_thread(uuid), public.can_post_in_thread(uuid),
  public.can_edit_initiative(uuid), public.can_edit_report(uuid)
  to authenticated, service_role;
grant execute on function public.org_is_active(uuid) to anon;
