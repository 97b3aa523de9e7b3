-- /board in one request whose cost does not grow with the number of periods' rows (issue 10):
-- board_report_overview() returns every board-reporting organisation of every period, and the page
-- showed four periods in full. The page now shows one period in full (the chosen one, or the most
-- recent that has started) and every other period as one line with its counts, so the database
-- answers only that: the shown period's organisations (looked up per board-reporting organisation
-- by primary key / unique key, not by scanning the period) and per period four counts.
-- Security definer for the same reason as board_report_overview(): board members may know that a
-- draft or returned report exists (its status), never its content, and get a report's id only where
-- they may open it; the role check and these rules are the same as there (the integration test
-- checks the rows equal board_report_overview()'s for the period). board_report_overview() stays:
-- the board summary still reads it.

create or replace function public.board_overview(p_period_id uuid default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  board boolean := public.is_board();
  coordinator boolean := public.is_coordinator();
  today date := (now() at time zone 'Europe/Stockholm')::date;
  v_shown uuid;
  v_due date;
  v_lines jsonb;
  v_rows jsonb;
begin
  if not (board or coordinator) then
    raise exception 'only board members and coordinators see the board overview' using errcode = '42501';
  end if;

  -- Every period in which a board-reporting organisation is asked to report (or did anyway), with
  -- its counts; each table read once, only the board-reporting organisations' rows (by org_id).
  with board_orgs as (
    select o.id from public.organisations o where o.reports_to_board and o.status = 'active'
  ),
  expected as (
    select coalesce(po.period_id, r.period_id) as period_id, r.status
      from (select x.period_id, x.org_id from public.period_organisations x where x.org_id in (select id from board_orgs)) po
      full join (select x.period_id, x.org_id, x.status from public.reports x where x.org_id in (select id from board_orgs)) r
        on r.period_id = po.period_id and r.org_id = po.org_id
  ),
  periods as (
    select p.id, p.name, p.starts_on, p.ends_on, p.due_on, p.status,
           count(*) as total,
           count(*) filter (where e.status in ('submitted', 'accepted')) as in_count,
           count(*) filter (where e.status = 'accepted') as accepted,
           count(*) filter (where coalesce(e.status not in ('submitted', 'accepted'), true) and today > p.due_on) as overdue
      from expected e
      join public.reporting_periods p on p.id = e.period_id
     group by p.id
  )
  select
    -- the chosen period if it is listed, else the most recent that has started, else the latest
    coalesce((select c.id from periods c where c.id = p_period_id),
             (select c.id from periods c where c.starts_on <= today order by c.starts_on desc, c.name limit 1),
             (select c.id from periods c order by c.starts_on desc, c.name limit 1)),
    coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name, 'startsOn', c.starts_on, 'endsOn', c.ends_on,
                                          'dueOn', c.due_on, 'status', c.status, 'total', c.total, 'in', c.in_count,
                                          'accepted', c.accepted, 'overdue', c.overdue)
                       order by c.starts_on desc, c.name), '[]')
    into v_shown, v_lines
    from periods c;

  select p.due_on into v_due from public.reporting_periods p where p.id = v_shown;

  -- The shown period: each board-reporting organisation asked to report in it or that has a report
  -- in it (two key lookups per organisation), AB Eidar (the housing company) first.
  select coalesce(jsonb_agg(jsonb_build_object(
           'orgId', o.id,
           'orgName', o.name,
           'status', coalesce(r.status::text, 'not_started'),
           'overdue', coalesce(r.status not in ('submitted', 'accepted'), true) and today > v_due,
           -- board: submitted/accepted only; coordinators also returned; never drafts
           'reportId', case when r.status in ('submitted', 'accepted') or (coordinator and r.status = 'returned') then r.id end,
           'submittedAt', case when r.status <> 'draft' then r.submitted_at end,
           'reviewedAt', case when r.status in ('returned', 'accepted') then r.reviewed_at end)
         order by (o.kind = 'housing_company') desc, o.name), '[]')
    into v_rows
    from public.organisations o
    left join public.reports r on r.org_id = o.id and r.period_id = v_shown
   where v_shown is not null
     and o.reports_to_board and o.status = 'active'
     and (r.id is not null
          or exists (select 1 from public.period_organisations po where po.period_id = v_shown and po.org_id = o.id));

  return jsonb_build_object('periodId', v_shown, 'chosen', p_period_id is not null and v_shown = p_period_id, 'periods', v_lines, 'rows', v_rows);
end;
$$;
comment on function public.board_overview(uuid) is
  '/board as one JSON document for board members and coordinators: periodId (the chosen period if listed, else the most recent that has started, else the latest), chosen, periods (every period with board-reporting organisations, latest first, with total/in/accepted/overdue counts) and rows (the shown period''s organisations with status, overdue, and the report id only where the caller may open it). Never content.';
revoke execute on function public.board_overview(uuid) from public, anon;
grant execute on function public.board_overview(uuid) to authenticated, service_role;
