-- A person's e-mail address is not for every signed-in user to list (issue 9: before this, any
-- signed-in user could read every address through the REST API, since profiles are readable by
-- all signed-in users for names). Column privileges take `email` away from anon and authenticated;
-- `profile_emails`, `member_email` and `people_matching` give it back to those with a reason to
-- see it (a computed field over profiles cannot: it reads the whole row, which needs every column), and
-- `profile_id_by_email` answers the one question inviters need ("does this address have an
-- account?") without listing anyone. The service role (server-side mail) keeps full access.

revoke select on public.profiles from anon, authenticated;
grant select (id, full_name, title, phone, locale, notify_forum_replies, notify_report_reminders,
              notify_report_reviews, notify_digest, notification_frequency, created_at, updated_at)
  on public.profiles to authenticated;

-- Whose address the caller may see: their own; a coordinator everyone's; an active organisation
-- admin that of anyone who belongs to (or is invited to) that organisation, since they manage the
-- membership and resend invitations.
create or replace function public.may_see_email(person uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select person = (select auth.uid())
      or public.is_coordinator()
      or exists (
           select 1
             from public.memberships theirs
             join public.memberships mine on mine.org_id = theirs.org_id
            where theirs.user_id = person
              and theirs.status in ('active', 'invited')
              and mine.user_id = (select auth.uid())
              and mine.role = 'admin'
              and mine.status = 'active'
         );
$$;
comment on function public.may_see_email(uuid) is
  'True if the caller may see the person''s e-mail address: the person, coordinators, active admins of an organisation the person belongs to or is invited to.';
revoke execute on function public.may_see_email(uuid) from public, anon;
grant execute on function public.may_see_email(uuid) to authenticated;

-- The addresses of the given people that the caller may see (others are left out).
create or replace function public.profile_emails(p_ids uuid[])
returns table (id uuid, email text)
language sql
stable
security definer
set search_path = ''
as $$
  select p.id, p.email
    from public.profiles p
   where p.id = any (p_ids)
     and p.email is not null
     and public.may_see_email(p.id);
$$;
comment on function public.profile_emails(uuid[]) is
  'E-mail addresses of the given profiles, only those the caller may see (may_see_email).';
revoke execute on function public.profile_emails(uuid[]) from public, anon;
grant execute on function public.profile_emails(uuid[]) to authenticated;

-- A membership row is readable by its organisation's members and coordinators; this computed
-- field (select=email:member_email) adds the person's address where the caller may see it, so
-- member lists and invitations need no second request.
create or replace function public.member_email(membership public.memberships)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select p.email from public.profiles p
   where p.id = membership.user_id and public.may_see_email(p.id);
$$;
comment on function public.member_email(public.memberships) is
  'The member''s e-mail address if the caller may see it (may_see_email), else null. A PostgREST computed field of memberships.';
revoke execute on function public.member_email(public.memberships) from public, anon;
grant execute on function public.member_email(public.memberships) to authenticated;

-- Finding people by part of their name or address, for coordinators (the people and audit pages).
create or replace function public.people_matching(p_term text)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.id
    from public.profiles p
   where public.is_coordinator()
     and (p.full_name ilike '%' || p_term || '%' or p.email ilike '%' || p_term || '%')
   order by p.full_name, p.id
   limit 200;
$$;
comment on function public.people_matching(text) is
  'Ids of people whose name or e-mail address contains the term (a LIKE pattern), for coordinators only; nothing for anyone else.';
revoke execute on function public.people_matching(text) from public, anon;
grant execute on function public.people_matching(text) to authenticated;

-- Inviting someone by address needs to know whether the address already has an account. Only
-- those who may invite (coordinators, organisation admins) may ask, and only for one exact address.
create or replace function public.profile_id_by_email(p_email text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.id
    from public.profiles p
   where lower(p.email) = lower(trim(p_email))
     and (public.is_coordinator()
          or exists (select 1 from public.memberships m
                      where m.user_id = (select auth.uid()) and m.role = 'admin' and m.status = 'active'))
   limit 1;
$$;
comment on function public.profile_id_by_email(text) is
  'The profile id for an exact e-mail address, for coordinators and organisation admins (who invite people); null for everyone else and for unknown addresses.';
revoke execute on function public.profile_id_by_email(text) from public, anon;
grant execute on function public.profile_id_by_email(text) to authenticated;
