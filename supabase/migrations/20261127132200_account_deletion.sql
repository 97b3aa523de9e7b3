-- Deleting an account (/account/delete): the person's auth user is deleted by the service role,
-- their profile goes with it (on delete cascade) and with the profile their memberships, forum
-- memberships and platform roles (on delete cascade); what they wrote stays with the person
-- columns set to null (on delete set null). audit_log.actor_id has no foreign key, so the audit
-- trail keeps their id and never blocks the delete.
--
-- (Accepted reports let exactly that set-null through: see report_only_loses_deleted_people in
-- 20261127121500_report_workflow.sql.) What is needed here: the portal refuses to delete the last
-- active admin of an organisation (the memberships guard only holds users to that rule, not the
-- cascade), so it asks which organisations those are.

create or replace function public.my_sole_admin_organisations()
returns table (org_id uuid, name text)
language sql
stable
security definer
set search_path = ''
as $$
  select o.id, o.name
    from public.memberships m
    join public.organisations o on o.id = m.org_id
   where m.user_id = (select auth.uid())
     and m.role = 'admin' and m.status = 'active'
     and o.status <> 'archived'
     and not exists (
       select 1 from public.memberships other
        where other.org_id = m.org_id and other.id <> m.id
          and other.role = 'admin' and other.status = 'active'
     )
   order by o.name;
$$;
comment on function public.my_sole_admin_organisations() is
  'Security definer: the organisations (not archived) of which the calling user is the only active admin. /account/delete refuses while there are any.';

revoke execute on function public.my_sole_admin_organisations() from public, anon;
grant execute on function public.my_sole_admin_organisations() to authenticated;
