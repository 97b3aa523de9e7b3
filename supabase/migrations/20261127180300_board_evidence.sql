-- The evidence behind the audit's four recommendations, in figures, for the board and coordinators
-- (/board/recommendations and the board summary). Aggregates only; security definer so that the
-- board sees counts of what it may not read row by row (forums' members, draft counts are excluded).

create or replace function public.board_evidence()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  result jsonb;
begin
  if not (public.is_board() or public.is_coordinator()) then
    raise exception 'only board members and coordinators see the evidence' using errcode = '42501';
  end if;

  select jsonb_build_object(
    -- 1. measurable indicators
    'indicators_active', (select count(*) from public.indicators i where i.active),
    'indicators_with_target', (select count(*) from public.indicators i where i.active and i.target is not null),
    'indicators_with_kolada', (select count(*) from public.indicators i where i.active and i.kolada_kpi is not null),
    'periods', (select count(*) from public.reporting_periods),
    'reports_expected', (select count(*) from public.period_organisations),
    'reports_in', (select count(*) from public.reports r where r.status in ('submitted', 'accepted')),
    'reports_accepted', (select count(*) from public.reports r where r.status = 'accepted'),
    'indicator_values', (select count(*) from public.report_indicator_values v join public.reports r on r.id = v.report_id
                          where r.status in ('submitted', 'accepted') and v.value is not null),
    -- 2. forums with associations, the region, authorities and the housing company
    'partners_active', (select count(*) from public.organisations o where o.status = 'active'),
    'partners_by_kind', (select coalesce(jsonb_object_agg(k.kind, k.n), '{}'::jsonb)
                           from (select o.kind::text as kind, count(*) as n from public.organisations o
                                  where o.status = 'active' group by o.kind) k),
    'forums_active', (select count(*) from public.forums f where f.archived_at is null),
    'threads_last_year', (select count(*) from public.threads t where t.created_at > now() - interval '1 year'),
    'posts_last_year', (select count(*) from public.posts p where p.created_at > now() - interval '1 year'),
    -- 3. preventive initiatives that reach many residents
    'initiatives_active', (select count(*) from public.initiatives i where i.status in ('planned', 'ongoing')),
    'initiatives_published', (select count(*) from public.initiatives i where i.status <> 'draft'),
    'participants_reached', (select coalesce(sum(i.participants_reached), 0) from public.initiatives i where i.status <> 'draft'),
    'districts_covered', (select count(distinct d) from public.initiatives i, unnest(i.districts) d
                           where i.status in ('planned', 'ongoing')),
    -- 4. the board receives AB Eidar's follow-up
    'board_reports', (select coalesce(jsonb_agg(jsonb_build_object(
                          'period', p.name, 'organisation', o.name, 'status', r.status, 'submitted_at', r.submitted_at,
                          'reviewed_at', r.reviewed_at) order by p.starts_on desc, o.name), '[]'::jsonb)
                        from public.reports r
                        join public.organisations o on o.id = r.org_id and o.reports_to_board
                        join public.reporting_periods p on p.id = r.period_id
                       where r.status in ('submitted', 'accepted'))
  ) into result;
  return result;
end;
$$;
comment on function public.board_evidence() is
  'Board/coordinators: figures per audit recommendation (indicators and reports; partners and forums; initiatives and reach; board-reporting organisations'' submitted and accepted reports). Aggregates only.';
revoke execute on function public.board_evidence() from public, anon;
grant execute on function public.board_evidence() to authenticated, service_role;
