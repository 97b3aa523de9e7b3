-- The board's overview (/board): per reporting period, each organisation that reports to the board
-- with where its report stands. Board members may not read drafts or returned reports, but they may
-- know that one exists: the status is shown, never the content, and the report's id only where the
-- caller may open it. Security definer for that reason; only board members and coordinators call it.

create or replace function public.board_report_overview()
returns table (
  period_id uuid,
  period_name text,
  starts_on date,
  ends_on date,
  due_on date,
  period_status public.period_status,
  org_id uuid,
  org_name text,
  -- 'not_started' | 'draft' | 'submitted' | 'returned' | 'accepted'
  status text,
  overdue boolean,
  -- null unless the caller may open the report (board: submitted/accepted; coordinators: not drafts)
  report_id uuid,
  submitted_at timestamptz,
  reviewed_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  board boolean := public.is_board();
  coordinator boolean := public.is_coordinator();
  today date := (now() at time zone 'Europe/Stockholm')::date;
begin
  if not (board or coordinator) then
    raise exception 'only board members and coordinators see the board overview' using errcode = '42501';
  end if;

  return query
    with expected as (
      -- organisations reporting to the board that are asked to report in a period, or did anyway
      select po.period_id, po.org_id from public.period_organisations po
      union
      select r.period_id, r.org_id from public.reports r
    )
    select p.id, p.name, p.starts_on, p.ends_on, p.due_on, p.status,
           o.id, o.name,
           coalesce(r.status::text, 'not_started'),
           coalesce(r.status not in ('submitted', 'accepted'), true) and today > p.due_on,
           case when r.status in ('submitted', 'accepted') or (coordinator and r.status = 'returned') then r.id end,
           case when r.status <> 'draft' then r.submitted_at end,
           case when r.status in ('returned', 'accepted') then r.reviewed_at end
      from expected e
      join public.reporting_periods p on p.id = e.period_id
      join public.organisations o on o.id = e.org_id and o.reports_to_board and o.status = 'active'
      left join public.reports r on r.period_id = e.period_id and r.org_id = e.org_id
     order by p.starts_on desc, p.name, (o.kind = 'housing_company') desc, o.name;
end;
$$;
comment on function public.board_report_overview() is
  'Board/coordinators: per period, each board-reporting organisation with its report status (not_started, draft, submitted, returned, accepted), overdue flag, and the report id where the caller may open it. Never content.';
revoke execute on function public.board_report_overview() from public, anon;
grant execute on function public.board_report_overview() to authenticated, service_role;
