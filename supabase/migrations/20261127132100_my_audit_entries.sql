-- "Download my data" (/account): the audit entries about the person. Only coordinators read
-- audit_log (policy "audit_log: coordinators read"), so a person reads their own entries through
-- this function: what they did (actor_id) and what was done to them (their platform roles are
-- logged with entity_id = their id, their memberships with the membership's id).

create or replace function public.my_audit_entries()
returns setof public.audit_log
language sql
stable
security definer
set search_path = ''
as $$
  select a.*
    from public.audit_log a
   where (select auth.uid()) is not null
     and (
       a.actor_id = (select auth.uid())
       or a.entity_id = (select auth.uid())
       or (a.entity = 'membership'
           and a.entity_id in (select m.id from public.memberships m where m.user_id = (select auth.uid())))
     )
   order by a.at, a.id;
$$;
comment on function public.my_audit_entries() is
  'Security definer: the calling user''s own audit entries (actor_id = auth.uid(), entity_id = auth.uid(), or about their current memberships). Empty for anonymous callers.';

revoke execute on function public.my_audit_entries() from public, anon;
grant execute on function public.my_audit_entries() to authenticated;
