-- Joining forums (issue 5): open forums need no joining, but a partner may join one in a click to
-- show up as a member; closed forums take a request that a moderator approves; private forums are by
-- invitation (moderators add members, see add_forum_member_by_email). Also reserves the slugs that
-- are routes under /forums.

alter table public.forums add constraint forums_slug_not_reserved
  check (slug not in ('new', 'search', 'moderation', 'ny', 'sok'));

drop policy "forum_members: request or moderators add" on public.forum_members;
create policy "forum_members: join, request or moderators add"
  on public.forum_members for insert to authenticated
  with check (
    public.is_forum_moderator(forum_id)
    or (
      user_id = (select auth.uid()) and role = 'member'
      and (select public.is_partner()) and public.can_read_forum(forum_id)
      and (
        status = 'requested'
        or (status = 'active' and exists (
              select 1 from public.forums f
              where f.id = forum_id and f.visibility = 'open' and f.archived_at is null))
      )
    )
  );
comment on policy "forum_members: join, request or moderators add" on public.forum_members is
  'A partner joins an open forum directly or requests membership of a closed one they can see; moderators and coordinators add members (private forums: by invitation). Board members are read-only.';

-- Moderators add people they cannot look up themselves (profiles hold no e-mail address): by the
-- e-mail address the person signs in with. Only existing portal users can be added.
create or replace function public.add_forum_member_by_email(forum uuid, email text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  person uuid;
begin
  if not public.is_forum_moderator(forum) then
    raise exception 'only moderators add members' using errcode = '42501';
  end if;
  select u.id into person from auth.users u
   where lower(u.email) = lower(btrim(add_forum_member_by_email.email));
  if person is null then
    return null;
  end if;
  insert into public.forum_members (forum_id, user_id, role, status)
  values (forum, person, 'member', 'active')
  on conflict (forum_id, user_id) do update set status = 'active'
    where public.forum_members.status = 'requested';
  return person;
end;
$$;
comment on function public.add_forum_member_by_email(uuid, text) is
  'Moderators/coordinators add a portal user (by sign-in e-mail) as an active member; accepts a pending request. Returns the person''s id, or null when no such user exists.';
revoke execute on function public.add_forum_member_by_email(uuid, text) from public, anon;
grant execute on function public.add_forum_member_by_email(uuid, text) to authenticated, service_role;

-- Whether a given person (not the caller) may read a forum: for notifications, which go to other
-- people than the one posting. Mirrors can_read_forum.
create or replace function public.user_can_read_forum(forum uuid, person uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.platform_roles r where r.user_id = person and r.role = 'coordinator')
    or exists (select 1 from public.forums f where f.id = forum and f.visibility in ('open', 'closed'))
    or exists (select 1 from public.forum_members fm
               where fm.forum_id = forum and fm.user_id = person and fm.status = 'active');
$$;
comment on function public.user_can_read_forum(uuid, uuid) is
  'True if the given person may read the forum (same rule as can_read_forum, for someone other than the caller).';
revoke execute on function public.user_can_read_forum(uuid, uuid) from public, anon, authenticated;
