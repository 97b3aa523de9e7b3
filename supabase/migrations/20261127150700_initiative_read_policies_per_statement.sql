-- The catalogue stays fast as it grows (issue 6): the initiatives read policies called
-- org_is_active(org_id) and is_org_member(org_id) once per row (security definer functions are never
-- inlined), so counts and filters cost a function call per row. Same rules, with the organisation
-- ids computed once per statement (an InitPlan) and a cheap `= any(array)` per row. The policy
-- comments of 20261127121200_policies_initiatives.sql still describe them.
create or replace function public.active_org_ids()
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(o.id), '{}'::uuid[]) from public.organisations o where o.status = 'active';
$$;
comment on function public.active_org_ids() is 'Ids of the active organisations (for policies: evaluate once with (select public.active_org_ids())).';

create or replace function public.my_org_ids()
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(m.org_id), '{}'::uuid[]) from public.memberships m
   where m.user_id = (select auth.uid()) and m.status = 'active';
$$;
comment on function public.my_org_ids() is 'Ids of the organisations the calling user is an active member of (for policies: evaluate once with (select public.my_org_ids())).';

revoke execute on function public.active_org_ids(), public.my_org_ids() from public;
grant execute on function public.active_org_ids(), public.my_org_ids() to anon, authenticated, service_role;

alter policy "initiatives: anyone reads the public catalogue" on public.initiatives
  using (is_public and status <> 'draft' and org_id = any ((select public.active_org_ids())::uuid[]));

alter policy "initiatives: signed-in read non-drafts and own drafts" on public.initiatives
  using (
    (status <> 'draft' and org_id = any ((select public.active_org_ids())::uuid[]))
    or org_id = any ((select public.my_org_ids())::uuid[])
    or (select public.is_coordinator())
  );
