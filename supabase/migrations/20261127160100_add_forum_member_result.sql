-- add_forum_member_by_email says whether it added the person (issue 5 follow-up): the members page
-- sends "Du är nu medlem" only to people who were not active members already, and no longer has to
-- guess from member counts before and after (which another join at the same instant could blur).

drop function public.add_forum_member_by_email(uuid, text);

create function public.add_forum_member_by_email(forum uuid, email text)
returns table (user_id uuid, added boolean)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
-- (the output column user_id would otherwise clash with forum_members.user_id below)
declare
  person uuid;
  before public.forum_member_status;
begin
  if not public.is_forum_moderator(forum) then
    raise exception 'only moderators add members' using errcode = '42501';
  end if;
  select u.id into person from auth.users u
   where lower(u.email) = lower(btrim(add_forum_member_by_email.email));
  if person is null then
    return;  -- no row: no such portal user
  end if;
  select fm.status into before from public.forum_members fm
   where fm.forum_id = forum and fm.user_id = person
   for update;
  insert into public.forum_members (forum_id, user_id, role, status)
  values (forum, person, 'member', 'active')
  on conflict (forum_id, user_id) do update set status = 'active'
    where public.forum_members.status = 'requested';
  return query select person, before is distinct from 'active'::public.forum_member_status;
end;
$$;
comment on function public.add_forum_member_by_email(uuid, text) is
  'Moderators/coordinators add a portal user (by sign-in e-mail) as an active member; accepts a pending request. One row (user_id, added: false when already an active member), or none when no such user exists.';
revoke execute on function public.add_forum_member_by_email(uuid, text) from public, anon;
grant execute on function public.add_forum_member_by_email(uuid, text) to authenticated, service_role;
