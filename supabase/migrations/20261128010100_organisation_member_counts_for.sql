-- Active member counts for the organisations a page shows (issue 10): the directory is paginated
-- and an organisation's profile needs one count, so neither should count every organisation's
-- members. It replaces organisation_member_counts(), which counted them all and is dropped (one
-- function, one rule). Same reason for security definer as before: partners may not read other
-- organisations' memberships, but the number of people acting for an active organisation is part
-- of its public profile; only counts come back (no names, no ids of people), only for active
-- organisations, only to signed-in users. Served by the memberships (org_id, user_id) unique index.

create or replace function public.organisation_member_counts_for(orgs uuid[])
returns table (org_id uuid, members bigint)
language sql stable security definer
set search_path = ''
as $$
  select m.org_id, count(*)::bigint
  from public.memberships m
  join public.organisations o on o.id = m.org_id
  where m.org_id = any (orgs) and m.status = 'active' and o.status = 'active'
  group by m.org_id;
$$;
comment on function public.organisation_member_counts_for(uuid[]) is
  'Active member count of each active organisation in orgs (numbers only). For the paginated directory and an organisation''s profile; signed-in users only.';

revoke execute on function public.organisation_member_counts_for(uuid[]) from public, anon;
grant execute on function public.organisation_member_counts_for(uuid[]) to authenticated, service_role;

-- The count of every organisation had no caller left.
drop function public.organisation_member_counts();
