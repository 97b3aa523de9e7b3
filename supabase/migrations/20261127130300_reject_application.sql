-- Rejecting an application. The pending organisation is deleted (with its application, by cascade),
-- not archived: a rejected applicant never became a partner, the applicant's personal data should
-- not be kept without a purpose, and the organisation number becomes free again so that the
-- organisation can apply anew with corrected details. What remains is the audit trail: this function
-- first logs `organisation.rejected` with the reason (the deletion is then logged by the trigger as
-- `organisation.deleted` with the organisation's row).

create or replace function public.reject_organisation_application(p_org_id uuid, p_reason text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  org public.organisations;
begin
  -- Only coordinators decide on applications (auth.uid() is the caller's, even in security definer).
  if not public.is_coordinator() then
    raise exception 'only coordinators reject applications' using errcode = '42501';
  end if;
  if char_length(btrim(coalesce(p_reason, ''))) not between 5 and 2000 then
    raise exception 'a reason is required' using errcode = '22023', hint = 'reason';
  end if;
  select * into org from public.organisations o where o.id = p_org_id for update;
  if not found then
    raise exception 'no such organisation' using errcode = 'P0002';
  end if;
  if org.status <> 'pending' then
    raise exception 'only pending applications can be rejected' using errcode = '22023', hint = 'status';
  end if;

  insert into public.audit_log (actor_id, actor_role, action, entity, entity_id, data)
  values ((select auth.uid()), coalesce((select auth.role()), session_user::text), 'organisation.rejected',
          'organisation', org.id,
          jsonb_build_object('name', org.name, 'org_number', org.org_number, 'reason', btrim(p_reason)));

  delete from public.organisations o where o.id = org.id;
end;
$$;
comment on function public.reject_organisation_application(uuid, text) is
  'Coordinators reject a pending application: logs organisation.rejected with the reason, then deletes the organisation and its application.';

revoke execute on function public.reject_organisation_application(uuid, text) from public, anon;
grant execute on function public.reject_organisation_application(uuid, text) to authenticated, service_role;
