-- The report workflow after templates, history and ranges (replaces the bodies of
-- 20261127121500_report_workflow.sql's functions; create or replace needs the whole body):
--   * only an organisation's admin submits its report, and only a complete one;
--   * a draft in a closed period is frozen (a returned report can still be fixed and resubmitted);
--   * a coordinator returns a report only with a comment saying what to fix;
--   * users move `revision` one step at a time (save_report does it);
--   * answers, values and initiative links share one guard: frozen with their report.

-- Members of the organisation edit its report while it is a draft in an open period, or returned.
create or replace function public.can_edit_report(report uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
      from public.reports r
      join public.reporting_periods p on p.id = r.period_id
     where r.id = report
       and public.is_org_member(r.org_id)
       and (r.status = 'returned' or (r.status = 'draft' and p.status = 'open'))
  );
$$;
comment on function public.can_edit_report(uuid) is
  'Members of the organisation edit its report while it is a draft in an open period, or returned; never once submitted or accepted.';

-- What a report still lacks before it can be submitted. Runs as the caller: a report the caller
-- cannot read has no rows (callers check that the report exists first).
create or replace function public.report_missing_items(p_report_id uuid)
returns table (item text, ref_id uuid, label text)
language sql
stable
set search_path = ''
as $$
  select m.item, m.ref_id, m.label
    from (
      select 'summary'::text as item, null::uuid as ref_id, 'Sammanfattning'::text as label, 0 as grp, 0 as ord
        from public.reports r
       where r.id = p_report_id and nullif(btrim(r.summary, E' \t\r\n'), '') is null
      union all
      select 'question', q.id, q.question, 1, q.position
        from public.reports r
        join public.period_questions q on q.period_id = r.period_id
       where r.id = p_report_id and q.required
         and not exists (select 1 from public.report_answers a where a.report_id = r.id and a.question_id = q.id)
      union all
      select 'indicator', i.id, i.code || ' ' || i.name, 2, pi.sort_order
        from public.reports r
        join public.period_indicators pi on pi.period_id = r.period_id
        join public.indicators i on i.id = pi.indicator_id
       where r.id = p_report_id and i.active
         and not exists (select 1 from public.report_indicator_values v where v.report_id = r.id and v.indicator_id = i.id)
    ) m
   order by m.grp, m.ord, m.label;
$$;
comment on function public.report_missing_items(uuid) is
  'Items a report lacks before submission: the summary, each required question without an answer, each active indicator of the period without a value or comment. Empty: complete.';
revoke execute on function public.report_missing_items(uuid) from public, anon;
grant execute on function public.report_missing_items(uuid) to authenticated, service_role;

create or replace function public.reports_workflow()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  end_user boolean := public.is_end_user_request();
  missing jsonb;
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
      new.revision := 0;
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
    if old.status = 'draft'
       and not exists (select 1 from public.reporting_periods p where p.id = old.period_id and p.status = 'open') then
      raise exception 'the reporting period is closed' using errcode = '42501';
    end if;
    if new.reviewed_at is distinct from old.reviewed_at
       or new.reviewed_by is distinct from old.reviewed_by
       or new.review_comment is distinct from old.review_comment
       or new.submitted_at is distinct from old.submitted_at
       or new.submitted_by is distinct from old.submitted_by
       or new.version is distinct from old.version then
      raise exception 'review, submission and version fields are set by the workflow, not by hand' using errcode = '42501';
    end if;
    if new.revision is distinct from old.revision and new.revision <> old.revision + 1 then
      raise exception 'the revision moves one save at a time' using errcode = '42501';
    end if;
    -- A summary changed outside save_report (e.g. a REST PATCH) still counts as a save, so the
    -- edit-conflict check sees it.
    if new.summary is distinct from old.summary and new.revision = old.revision then
      new.revision := old.revision + 1;
    end if;
    if new.status = 'submitted' then
      if not public.is_org_admin(old.org_id) then
        raise exception 'only an administrator of the organisation submits its report' using errcode = '42501';
      end if;
      -- The summary is checked on the new row (it may change in this very update); the rest
      -- lives in other tables, already written.
      select coalesce(jsonb_agg(jsonb_build_object('item', m.item, 'ref_id', m.ref_id, 'label', m.label)), '[]'::jsonb)
        into missing
        from (
          select 'summary'::text as item, null::uuid as ref_id, 'Sammanfattning'::text as label
           where nullif(btrim(new.summary, E' \t\r\n'), '') is null
          union all
          select x.item, x.ref_id, x.label from public.report_missing_items(old.id) x where x.item <> 'summary'
        ) m;
      if jsonb_array_length(missing) > 0 then
        raise exception 'the report is incomplete' using errcode = 'SR422', detail = missing::text;
      end if;
      new.submitted_at := now();
      new.submitted_by := uid;
      new.version := old.version + 1;
      -- A previous return's comment is history now (report_events), not the new submission's.
      new.review_comment := null;
      new.reviewed_at := null;
      new.reviewed_by := null;
    end if;

  elsif old.status = 'submitted' then
    -- Only a coordinator acts on a submitted report, and only by reviewing it.
    if not public.is_coordinator() then
      raise exception 'a submitted report is read-only until a coordinator returns it' using errcode = '42501';
    end if;
    if new.summary is distinct from old.summary
       or new.revision is distinct from old.revision
       or new.submitted_at is distinct from old.submitted_at
       or new.submitted_by is distinct from old.submitted_by
       or new.version is distinct from old.version
       or new.reviewed_at is distinct from old.reviewed_at
       or new.reviewed_by is distinct from old.reviewed_by then
      raise exception 'a coordinator reviews a report (status, review comment) but does not edit it' using errcode = '42501';
    end if;
    if new.status = 'returned' and nullif(btrim(new.review_comment, E' \t\r\n'), '') is null then
      raise exception 'a returned report needs a comment saying what to complete' using errcode = '23514';
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
  'Enforces the report status workflow (admins submit complete reports, coordinators review, returns need a comment), closed periods and frozen accepted reports (BEFORE INSERT/UPDATE/DELETE on reports).';

-- One guard for everything a report contains (indicator values, answers, initiative links): it is
-- frozen with its report. Table-specific checks: values only for the period's active indicators
-- (users) and within the indicator's range (everyone); answers only to the period's questions.
create or replace function public.report_content_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  target_report uuid := case when tg_op = 'DELETE' then old.report_id else new.report_id end;
  report_row record;
  indicator_row record;
begin
  if tg_op = 'UPDATE' and new.report_id is distinct from old.report_id then
    raise exception 'content cannot be moved to another report' using errcode = '42501';
  end if;

  select r.status, r.period_id into report_row from public.reports r where r.id = target_report;
  -- A missing report on DELETE means the report itself is being deleted (cascade).
  if not found then
    return case when tg_op = 'DELETE' then old else new end;
  end if;

  if report_row.status = 'accepted' then
    raise exception 'the content of an accepted report cannot be changed' using errcode = '42501';
  end if;
  if public.is_end_user_request() and report_row.status not in ('draft', 'returned') then
    raise exception 'a report''s content can only change while it is a draft or returned' using errcode = '42501';
  end if;

  if tg_op = 'DELETE' then
    return old;
  end if;

  if tg_table_name = 'report_indicator_values' then
    select i.code, i.active, i.min_value, i.max_value into indicator_row
      from public.indicators i where i.id = new.indicator_id;
    if public.is_end_user_request()
       and (tg_op = 'INSERT' or new.indicator_id is distinct from old.indicator_id)
       and not (indicator_row.active and exists (
         select 1 from public.period_indicators pi
          where pi.period_id = report_row.period_id and pi.indicator_id = new.indicator_id)) then
      raise exception 'indicator % is not reported in this period', coalesce(indicator_row.code, '?') using errcode = '23514';
    end if;
    if new.value is not null and (new.value < indicator_row.min_value or new.value > indicator_row.max_value) then
      raise exception 'the value of % must lie between % and %', indicator_row.code,
        coalesce(indicator_row.min_value::text, '-'), coalesce(indicator_row.max_value::text, '-')
        using errcode = '23514';
    end if;
  elsif tg_table_name = 'report_answers' then
    if not exists (select 1 from public.period_questions q where q.id = new.question_id and q.period_id = report_row.period_id) then
      raise exception 'the question belongs to another reporting period' using errcode = '23514';
    end if;
  end if;
  return new;
end;
$$;
comment on function public.report_content_guard() is
  'BEFORE trigger on report_indicator_values, report_answers and report_initiatives: content is frozen with its report (accepted: everyone; submitted: users); values within range and of the period''s indicators; answers to the period''s questions.';

drop trigger report_indicator_values_guard on public.report_indicator_values;
drop function public.report_indicator_values_guard();

create trigger report_indicator_values_guard
  before insert or update or delete on public.report_indicator_values
  for each row execute function public.report_content_guard();
create trigger report_answers_guard
  before insert or update or delete on public.report_answers
  for each row execute function public.report_content_guard();
create trigger report_initiatives_guard
  before insert or update or delete on public.report_initiatives
  for each row execute function public.report_content_guard();

comment on policy "reports: members edit drafts, coordinators review" on public.reports is
  'Members edit their organisation''s draft or returned report; the trigger lets only admins submit it, freezes drafts of closed periods and makes a submitted report read-only for the organisation. Coordinators return (with a comment) or accept submitted reports. Accepted reports match no USING clause: nobody edits them.';
