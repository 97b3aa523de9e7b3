-- Aggregated indicator values of all organisations for one reporting period, for the board's
-- dashboard. Security definer so it can aggregate reports the caller may not read one by one, but
-- it returns aggregates only (never a single organisation's row) and only to board members and
-- coordinators. Drafts and returned reports never count.

create or replace function public.indicator_totals(
  p_period_id uuid,
  p_accepted_only boolean default false
)
returns table (
  indicator_id uuid,
  code text,
  name text,
  unit text,
  direction public.indicator_direction,
  target numeric,
  baseline numeric,
  kolada_kpi text,
  report_count bigint,
  value_sum numeric,
  value_avg numeric,
  value_min numeric,
  value_max numeric
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not (public.is_board() or public.is_coordinator()) then
    raise exception 'only board members and coordinators see indicator totals' using errcode = '42501';
  end if;

  return query
    select i.id, i.code, i.name, i.unit, i.direction, i.target, i.baseline, i.kolada_kpi,
           count(v.value)::bigint,
           sum(v.value),
           round(avg(v.value), 2),
           min(v.value),
           max(v.value)
      from public.indicators i
      left join (
        public.report_indicator_values v
        join public.reports r
          on r.id = v.report_id
         and r.period_id = p_period_id
         and (r.status = 'accepted' or (not p_accepted_only and r.status = 'submitted'))
      ) on v.indicator_id = i.id
     where i.active or v.report_id is not null
     group by i.id
     order by i.sort_order, i.code;
end;
$$;
comment on function public.indicator_totals(uuid, boolean) is
  'Board/coordinator dashboard: per indicator, the number of reports and sum/avg/min/max of values in submitted and accepted (or only accepted) reports of a period. Aggregates only.';

revoke execute on function public.indicator_totals(uuid, boolean) from public, anon;
grant execute on function public.indicator_totals(uuid, boolean) to authenticated, service_role;
