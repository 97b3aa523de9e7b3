-- Indicator values over time, for the board's charts and trends. Per indicator and reporting period:
-- for one organisation (its submitted or accepted report), or for all organisations together
-- (the average of percentages, the sum of counts: a share cannot be added up, a count can).
-- Security definer because the board reads aggregates of reports it may not read one by one
-- (DESIGN.md: "aggregated indicator values of all organisations"); a single organisation's values
-- only where the caller may read its reports anyway (board: organisations reporting to the board).

create or replace function public.indicator_series(p_org_id uuid default null)
returns table (
  indicator_id uuid,
  code text,
  name text,
  unit text,
  direction public.indicator_direction,
  target numeric,
  baseline numeric,
  baseline_year integer,
  period_id uuid,
  period_name text,
  starts_on date,
  ends_on date,
  value numeric,
  report_count bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not (public.is_board() or public.is_coordinator()) then
    raise exception 'only board members and coordinators see indicator series' using errcode = '42501';
  end if;
  if p_org_id is not null and not public.is_coordinator() and not public.org_reports_to_board(p_org_id) then
    raise exception 'board members see single organisations'' values only for organisations that report to the board' using errcode = '42501';
  end if;

  return query
    select i.id, i.code, i.name, i.unit, i.direction, i.target, i.baseline, i.baseline_year,
           p.id, p.name, p.starts_on, p.ends_on,
           case when count(v.value) = 0 then null
                when i.unit = '%' then round(avg(v.value), 1)
                else sum(v.value) end,
           count(v.value)
      from public.indicators i
     cross join public.reporting_periods p
      left join (
        public.report_indicator_values v
        join public.reports r on r.id = v.report_id and r.status in ('submitted', 'accepted')
                             and (p_org_id is null or r.org_id = p_org_id)
      ) on v.indicator_id = i.id and r.period_id = p.id
     where i.active or exists (select 1 from public.report_indicator_values x where x.indicator_id = i.id)
     group by i.id, p.id
     order by i.sort_order, i.code, p.starts_on;
end;
$$;
comment on function public.indicator_series(uuid) is
  'Board/coordinators: per indicator and period the value of submitted/accepted reports — one organisation''s (board: only organisations reporting to the board) or all together (average for %, sum otherwise) — with the report count.';
revoke execute on function public.indicator_series(uuid) from public, anon;
grant execute on function public.indicator_series(uuid) to authenticated, service_role;
