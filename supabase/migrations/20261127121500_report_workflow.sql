-- The report status workflow, enforced in the database:
--   draft     -> submitted  (org member; stamps submitted_at/by, version + 1)
--   submitted -> returned   (coordinator; stamps reviewed_at/by)
--   submitted -> accepted   (coordinator; stamps reviewed_at/by)
--   returned  -> submitted  (org member; stamps submitted_at/by, version + 1)
-- Users (anon/authenticated, i.e. every PostgREST request with a user's JWT) are held to this
-- graph and to who may make each step. Trusted code (service role, seed) may set any status, e.g.
-- to restore test fixtures. An accepted report cannot be updated by anyone, including
-- service_role and the table owner; neither can its indicator values. Only trusted code may
-- delete it (with its values), and that is audited. The one change an accepted report takes is
-- the set-null of a person column when that person's account is deleted.

create or replace function public.report_only_loses_deleted_people(old_row public.reports, new_row public.reports)
returns boolean
language plpgsql
stable
set search_path = ''
as $$
declare
  people constant text[] := array['created_by', 'updated_by', 'submitted_by', 'reviewed_by'];
  old_json jsonb := to_jsonb(old_row);
  new_json jsonb := to_jsonb(new_row);
  col text;
  changed boolean := false;
begin
  -- Only the foreign keys' own set-null, never a user's request.
  if public.is_end_user_request() then
    return false;
  end if;
  -- Everything but the person columns (and the updated_at stamp) is unchanged ...
  if (old_json - people - 'updated_at'::text) is distinct from (new_json - people - 'updated_at'::text) then
    return false;
  end if;
  -- ... and each person column is unchanged, or null now because that person's profile is gone.
  foreach col in array people loop
    if new_json ->> col is distinct from old_json ->> col then
      if new_json ->> col is not null
         or exists (select 1 from public.profiles p where p.id = (old_json ->> col)::uuid) then
        return false;
      end if;
      changed := true;
    end if;
  end loop;
  return changed;
end;
$$;
comment on function public.report_only_loses_deleted_people(public.reports, public.reports) is
  'True when an update of a report only sets person columns to null whose profiles no longer exist (the on delete set null of a deleted account). Used by reports_workflow.';
-- Execute stays granted: reports_workflow runs as the caller, and for users it answers false.

create or replace function public.reports_workflow()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  end_user boolean := public.is_end_user_request();
begin
  -- Nobody edits an accepted report: not users, not the service role, not the table owner.
  if tg_op = 'UPDATE' and old.status = 'accepted' then
    -- The one exception: a deleted person's references (on delete set null), so an account can be
    -- deleted; the report's content stays as accepted.
    if public.report_only_loses_deleted_people(old, new) then
      return new;
    end if;
    raise exception 'an accepted report cannot be changed' using errcode = '42501';
  end if;

  if tg_op = 'DELETE' then
    -- Users discard only drafts. Trusted code may delete any report (e.g. erasure, test
    -- fixtures); the deletion is audited with the whole row.
    if end_user and old.status <> 'draft' then
      raise exception 'only draft reports can be deleted' using errcode = '42501';
    end if;
    return old;
  end if;

  if tg_op = 'INSERT' then
    if end_user then
      if new.status <> 'draft' then
        raise exception 'a report starts as a draft' using errcode = '42501';
      end if;
      if not exists (select 1 from public.reporting_periods p where p.id = new.period_id and p.status = 'open') then
        raise exception 'the reporting period is closed' using errcode = '42501';
      end if;
      new.submitted_at := null;
      new.submitted_by := null;
      new.reviewed_at := null;
      new.reviewed_by := null;
      new.review_comment := null;
      new.version := 0;
      new.created_by := uid;
      new.updated_by := uid;
      new.created_at := now();
    else
      -- Trusted code (seed, service-role fixtures, imports) may create a report in any status;
      -- only the stamps the constraints need are filled in.
      if new.status <> 'draft' then
        new.submitted_at := coalesce(new.submitted_at, now());
        new.version := greatest(new.version, 1);
      end if;
      if new.status in ('returned', 'accepted') then
        new.reviewed_at := coalesce(new.reviewed_at, now());
      end if;
    end if;
    return new;
  end if;

  if not end_user then
    -- Trusted code (seed, service role, security definer functions) may set any status except
    -- leave accepted (above), e.g. to restore a fixture; only the stamps the constraints need are
    -- filled in, nothing else is changed behind its back.
    if new.status <> 'draft' then
      new.submitted_at := coalesce(new.submitted_at, now());
      new.version := greatest(new.version, 1);
    end if;
    if new.status in ('returned', 'accepted') then
      new.reviewed_at := coalesce(new.reviewed_at, now());
    end if;
    return new;
  end if;

  -- UPDATE by a user: only the workflow's transitions.
  if new.status is distinct from old.status and not (
       (old.status in ('draft', 'returned') and new.status = 'submitted')
    or (old.status = 'submitted' and new.status in ('returned', 'accepted'))
  ) then
    raise exception 'a report cannot go from % to %', old.status, new.status using errcode = '42501';
  end if;

  -- UPDATE by a user
  if new.org_id is distinct from old.org_id
     or new.period_id is distinct from old.period_id
     or new.created_by is distinct from old.created_by
     or new.created_at is distinct from old.created_at then
    raise exception 'organisation, period and creator of a report cannot be changed' using errcode = '42501';
  end if;

  if old.status in ('draft', 'returned') then
    -- The organisation works on its report and (re)submits it.
    if not public.is_org_member(old.org_id) then
      raise exception 'only members of the organisation edit its report' using errcode = '42501';
    end if;
    if new.reviewed_at is distinct from old.reviewed_at
       or new.reviewed_by is distinct from old.reviewed_by
       or new.review_comment is distinct from old.review_comment
       or new.submitted_at is distinct from old.submitted_at
       or new.submitted_by is distinct from old.submitted_by
       or new.version is distinct from old.version then
      raise exception 'review, submission and version fields are set by the workflow, not by hand' using errcode = '42501';
    end if;
    if new.status = 'submitted' then
      new.submitted_at := now();
      new.submitted_by := uid;
      new.version := old.version + 1;
    end if;

  elsif old.status = 'submitted' then
    -- Only a coordinator acts on a submitted report, and only by reviewing it.
    if not public.is_coordinator() then
      raise exception 'a submitted report is read-only until a coordinator returns it' using errcode = '42501';
    end if;
    if new.summary is distinct from old.summary
       or new.activities is distinct from old.activities
       or new.results is distinct from old.results
       or new.collaboration is distinct from old.collaboration
       or new.challenges is distinct from old.challenges
       or new.next_steps is distinct from old.next_steps
       or new.submitted_at is distinct from old.submitted_at
       or new.submitted_by is distinct from old.submitted_by
       or new.version is distinct from old.version
       or new.reviewed_at is distinct from old.reviewed_at
       or new.reviewed_by is distinct from old.reviewed_by then
      raise exception 'a coordinator reviews a report (status, review comment) but does not edit it' using errcode = '42501';
    end if;
    if new.status in ('returned', 'accepted') then
      new.reviewed_at := now();
      new.reviewed_by := uid;
    end if;
  end if;

  new.updated_by := uid;
  return new;
end;
$$;
comment on function public.reports_workflow() is
  'Enforces the report status workflow and freezes accepted reports (BEFORE INSERT/UPDATE/DELETE on reports).';

create trigger reports_workflow
  before insert or update or delete on public.reports
  for each row execute function public.reports_workflow();


-- Indicator values follow their report: frozen once accepted (for everyone) and, for users, once
-- submitted; only active indicators take new values.
create or replace function public.report_indicator_values_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  report_status public.report_status;
  target_report uuid := case when tg_op = 'DELETE' then old.report_id else new.report_id end;
begin
  if tg_op = 'UPDATE' and new.report_id is distinct from old.report_id then
    raise exception 'a value cannot be moved to another report' using errcode = '42501';
  end if;

  select r.status into report_status from public.reports r where r.id = target_report;

  -- A missing report on DELETE means the report itself is being deleted (cascade).
  if report_status = 'accepted' then
    raise exception 'the values of an accepted report cannot be changed' using errcode = '42501';
  end if;

  if public.is_end_user_request() then
    if report_status is not null and report_status not in ('draft', 'returned') then
      raise exception 'values can only be changed while the report is a draft or returned' using errcode = '42501';
    end if;
    if tg_op <> 'DELETE'
       and (tg_op = 'INSERT' or new.indicator_id is distinct from old.indicator_id)
       and not exists (select 1 from public.indicators i where i.id = new.indicator_id and i.active) then
      raise exception 'the indicator is not active' using errcode = '23514';
    end if;
  end if;

  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end;
$$;
comment on function public.report_indicator_values_guard() is
  'Freezes values of accepted reports (everyone) and of submitted reports (users); new values only for active indicators.';

create trigger report_indicator_values_guard
  before insert or update or delete on public.report_indicator_values
  for each row execute function public.report_indicator_values_guard();
