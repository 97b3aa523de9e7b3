-- Access rules for organisations and memberships, plus the guard triggers for what RLS cannot
-- express (which columns a role may change).

revoke insert, update, delete, truncate, references, trigger
  on public.organisations, public.organisation_applications, public.memberships from anon;
revoke truncate, references, trigger
  on public.organisations, public.organisation_applications, public.memberships from authenticated;

-- organisations ------------------------------------------------------------------------------------
create policy "organisations: anyone reads active"
  on public.organisations for select to anon
  using (status = 'active');
comment on policy "organisations: anyone reads active" on public.organisations is
  'Anonymous visitors read the public profile of active organisations only (not pending or archived).';

create policy "organisations: signed-in read active, own, coordinators all"
  on public.organisations for select to authenticated
  using (
    status = 'active'
    or public.is_org_member(id)
    or (select public.is_coordinator())
  );
comment on policy "organisations: signed-in read active, own, coordinators all" on public.organisations is
  'Signed-in users read active organisations; members also their own whatever its status; coordinators every organisation (to approve or archive).';

-- /apply is handled by the server with the service role (the applicant has no account yet);
-- approval and the first admin's invitation are a coordinator's.
create policy "organisations: coordinators create"
  on public.organisations for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "organisations: coordinators create" on public.organisations is
  'Only coordinators create organisations (applications arrive through the server with the service role, as pending).';

create policy "organisations: org admins and coordinators update"
  on public.organisations for update to authenticated
  using (public.is_org_admin(id) or (select public.is_coordinator()))
  with check (public.is_org_admin(id) or (select public.is_coordinator()));
comment on policy "organisations: org admins and coordinators update" on public.organisations is
  'Org admins edit their organisation''s profile; status, reports_to_board and approval only coordinators (guard trigger).';

create policy "organisations: coordinators delete"
  on public.organisations for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "organisations: coordinators delete" on public.organisations is
  'Only coordinators delete organisations (normally they archive; reports block deletion).';

create or replace function public.organisations_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and public.is_end_user_request() and not public.is_coordinator() then
    if new.status is distinct from old.status
       or new.reports_to_board is distinct from old.reports_to_board
       or new.approved_at is distinct from old.approved_at
       or new.approved_by is distinct from old.approved_by
       or new.created_by is distinct from old.created_by then
      raise exception 'only a coordinator may change the status, board reporting or approval of an organisation'
        using errcode = '42501';
    end if;
  end if;
  -- Approval is stamped whoever approves (coordinator, service role, seed).
  if new.status = 'active' and (tg_op = 'INSERT' or old.status = 'pending') and new.approved_at is null then
    new.approved_at := now();
    new.approved_by := coalesce(new.approved_by, (select auth.uid()));
  end if;
  return new;
end;
$$;

create trigger organisations_guard
  before insert or update on public.organisations
  for each row execute function public.organisations_guard();

-- organisation_applications -------------------------------------------------------------------------
-- No policy to anon: the /apply form is stored by the server with the service role.
create policy "organisation_applications: applicant and coordinators read"
  on public.organisation_applications for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_coordinator()));
comment on policy "organisation_applications: applicant and coordinators read" on public.organisation_applications is
  'The applicant reads their own application; coordinators read all to decide on approval. Personal data: nobody else.';

create policy "organisation_applications: coordinators create"
  on public.organisation_applications for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "organisation_applications: coordinators create" on public.organisation_applications is
  'Coordinators may record an application; normally the /apply form stores it through the server with the service role.';

create policy "organisation_applications: coordinators update"
  on public.organisation_applications for update to authenticated
  using ((select public.is_coordinator()))
  with check ((select public.is_coordinator()));
comment on policy "organisation_applications: coordinators update" on public.organisation_applications is
  'Only coordinators correct an application.';

create policy "organisation_applications: coordinators delete"
  on public.organisation_applications for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "organisation_applications: coordinators delete" on public.organisation_applications is
  'Only coordinators delete an application (e.g. after approval, to minimise personal data).';

-- memberships --------------------------------------------------------------------------------------
create policy "memberships: own, colleagues, coordinators"
  on public.memberships for select to authenticated
  using (
    user_id = (select auth.uid())
    or public.is_org_member(org_id)
    or (select public.is_coordinator())
  );
comment on policy "memberships: own, colleagues, coordinators" on public.memberships is
  'A user sees their own memberships (incl. invitations), the members of organisations they belong to; coordinators all.';

create policy "memberships: org admins and coordinators add"
  on public.memberships for insert to authenticated
  with check (public.is_org_admin(org_id) or (select public.is_coordinator()));
comment on policy "memberships: org admins and coordinators add" on public.memberships is
  'Org admins invite people to their own organisation; coordinators to any (e.g. the first admin).';

create policy "memberships: org admins, coordinators, invitee update"
  on public.memberships for update to authenticated
  using (public.is_org_admin(org_id) or (select public.is_coordinator()) or user_id = (select auth.uid()))
  with check (public.is_org_admin(org_id) or (select public.is_coordinator()) or user_id = (select auth.uid()));
comment on policy "memberships: org admins, coordinators, invitee update" on public.memberships is
  'Org admins and coordinators change role/status; the invited person may only accept (invited -> active, guard trigger).';

create policy "memberships: org admins, coordinators, self delete"
  on public.memberships for delete to authenticated
  using (public.is_org_admin(org_id) or (select public.is_coordinator()) or user_id = (select auth.uid()));
comment on policy "memberships: org admins, coordinators, self delete" on public.memberships is
  'Org admins remove members of their organisation; coordinators any; anyone may leave or decline.';

create or replace function public.memberships_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  privileged boolean;
  target public.memberships;
begin
  target := case when tg_op = 'DELETE' then old else new end;

  if public.is_end_user_request() then
    privileged := public.is_coordinator() or public.is_org_admin(target.org_id);

    if tg_op = 'UPDATE' then
      if new.org_id is distinct from old.org_id or new.user_id is distinct from old.user_id then
        raise exception 'a membership cannot be moved to another organisation or person' using errcode = '42501';
      end if;
      if not privileged then
        -- the invited person may only accept the invitation
        if new.role is distinct from old.role
           or new.invited_by is distinct from old.invited_by
           or new.invited_at is distinct from old.invited_at
           or not (new.status = old.status or (old.status = 'invited' and new.status = 'active')) then
          raise exception 'you may only accept your own invitation' using errcode = '42501';
        end if;
      end if;
    end if;

    -- An organisation keeps at least one active admin (coordinators may override).
    if tg_op in ('UPDATE', 'DELETE') and not public.is_coordinator()
       and old.role = 'admin' and old.status = 'active'
       and (tg_op = 'DELETE' or new.role <> 'admin' or new.status <> 'active')
       and not exists (
         select 1 from public.memberships m
         where m.org_id = old.org_id and m.id <> old.id and m.role = 'admin' and m.status = 'active'
       ) then
      raise exception 'the organisation must keep at least one active admin' using errcode = '23514';
    end if;
  end if;

  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'INSERT' and public.is_end_user_request() then
    new.invited_by := (select auth.uid());
    new.invited_at := now();
  end if;
  if new.status = 'active' and new.joined_at is null then
    new.joined_at := now();
  end if;
  if new.status = 'invited' then
    new.joined_at := null;
  end if;
  return new;
end;
$$;

create trigger memberships_guard
  before insert or update or delete on public.memberships
  for each row execute function public.memberships_guard();
