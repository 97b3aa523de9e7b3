-- How many active members each active organisation has, for the organisation directory.
-- Partners may not read other organisations' memberships (personal data), but the number of people
-- acting for an active organisation is part of its public profile, so a security definer function
-- answers with counts only (no names, no ids of people).

create or replace function public.organisation_member_counts()
returns table (org_id uuid, members bigint)
language sql stable security definer
set search_path = ''
as $$
  select m.org_id, count(*)::bigint
  from public.memberships m
  join public.organisations o on o.id = m.org_id
  where m.status = 'active' and o.status = 'active'
  group by m.org_id;
$$;
comment on function public.organisation_member_counts() is
  'Active member count of every active organisation (numbers only). For the directory at /organisations; signed-in users only.';

revoke execute on function public.organisation_member_counts() from public, anon;
grant execute on function public.organisation_member_counts() to authenticated, service_role;
