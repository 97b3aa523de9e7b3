-- /board/reports/:id in one request (issue 10): the report as the board reads it, its period's
-- template, what it says, last period's values, the organisation's indicator series up to the
-- report's period and the initiatives it links, as one JSON document. Security invoker: RLS decides
-- every row exactly as the page's separate reads did. Null when the report is unknown or unreadable, not submitted or
-- accepted, or of an organisation that does not report to the board (the page's 404).
-- Orderings that depend on the reader's language (localeCompare) stay in the portal.
-- The series are those of indicator_series(org) for the page's indicators up to the report's period,
-- computed here from the organisation's own reports (about ten rows through RLS, which gives board
-- members and coordinators exactly its submitted and accepted ones) rather than from every report.
-- Each table is read once: every read of a report's rows checks the policies on reports again.
-- plpgsql so that the statement's plan is cached per connection (a SQL function is planned anew on
-- every call, which with this many policies costs more than running it).

create or replace function public.board_report_page(p_report_id uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
  with report as (
    select r.id, r.org_id, r.period_id, r.status, r.summary, r.revision, r.version, r.submitted_at, r.submitted_by,
           r.reviewed_at, r.review_comment, o.name as org_name, p.name as period_name, p.starts_on, p.ends_on,
           p.due_on, p.status as period_status, s.full_name as submitter_name, rv.full_name as reviewer_name
      from public.reports r
      join public.organisations o on o.id = r.org_id and o.reports_to_board
      join public.reporting_periods p on p.id = r.period_id
      left join public.profiles s on s.id = r.submitted_by
      left join public.profiles rv on rv.id = r.reviewed_by
     where r.id = p_report_id and r.status in ('submitted', 'accepted')
  ),
  in_period as (
    -- inactive indicators take no values; a value stored for one shows among the others below
    select i.*, pi.sort_order as period_sort_order
      from report
      join public.period_indicators pi on pi.period_id = report.period_id
      join public.indicators i on i.id = pi.indicator_id and i.active
  ),
  org_reports as (
    -- the organisation's reports the reader may see, up to this one's period: last period, series
    select e.id, e.status, p.id as period_id, p.name as period_name, p.starts_on
      from report
      join public.reports e on e.org_id = report.org_id
      join public.reporting_periods p on p.id = e.period_id and p.starts_on <= report.starts_on
  ),
  org_values as (
    -- their values in one read (every table read is another round of policy checks on reports)
    select v.report_id, v.indicator_id, v.value, v.comment
      from org_reports e join public.report_indicator_values v on v.report_id = e.id
  ),
  vals as (
    select v.indicator_id, v.value, v.comment from report join org_values v on v.report_id = report.id
  ),
  other_indicators as (
    select i.* from public.indicators i
     where i.id in (select indicator_id from vals) and i.id not in (select id from in_period)
  ),
  links as (
    select ri.initiative_id from report join public.report_initiatives ri on ri.report_id = report.id
  ),
  linked as (
    select i.id, i.title, i.status, i.participants_reached, i.districts, i.target_groups
      from public.initiatives i
     where i.id in (select initiative_id from links)
     order by i.title
     limit 200
  ),
  earlier as (
    select e.id, e.period_name as name
      from report join org_reports e on e.starts_on < report.starts_on
     order by e.starts_on desc
     limit 1
  ),
  series as (
    -- as indicator_series: average for %, sum otherwise (one report per organisation and period)
    select i.id as indicator_id, i.code, i.name, i.unit, i.direction, i.target, i.baseline, i.baseline_year,
           p.id as period_id, p.name as period_name, p.starts_on, p.ends_on,
           case when count(v.value) = 0 then null
                when i.unit = '%' then round(avg(v.value), 1)
                else sum(v.value) end as value,
           count(v.value) as report_count
      from report
      join public.indicators i on i.id in (select id from in_period union all select id from other_indicators)
      join public.reporting_periods p on p.starts_on <= report.starts_on
      left join (org_reports r join org_values v on v.report_id = r.id and r.status in ('submitted', 'accepted'))
        on r.period_id = p.id and v.indicator_id = i.id
     group by i.id, p.id
  )
  select jsonb_build_object(
    'report', jsonb_build_object(
      'id', report.id, 'orgId', report.org_id, 'orgName', report.org_name, 'periodId', report.period_id,
      'periodName', report.period_name, 'startsOn', report.starts_on, 'endsOn', report.ends_on, 'dueOn', report.due_on,
      'periodStatus', report.period_status, 'status', report.status, 'summary', report.summary,
      'revision', report.revision, 'version', report.version, 'submittedAt', report.submitted_at,
      'submittedBy', report.submitter_name, 'submittedById', report.submitted_by, 'reviewedAt', report.reviewed_at,
      'reviewedBy', report.reviewer_name, 'reviewComment', report.review_comment),
    'questions', (select coalesce(jsonb_agg(jsonb_build_object('id', q.id, 'position', q.position, 'question', q.question,
                                                                'help', q.help, 'required', q.required) order by q.position), '[]')
                    from public.period_questions q where q.period_id = report.period_id),
    'indicators', (select coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'code', i.code, 'name', i.name, 'description', i.description,
                                                                 'unit', i.unit, 'direction', i.direction, 'target', i.target,
                                                                 'baseline', i.baseline, 'baselineYear', i.baseline_year,
                                                                 'minValue', i.min_value, 'maxValue', i.max_value,
                                                                 'inPeriod', i.in_period, 'sortOrder', i.period_sort_order)), '[]')
                     from (select *, true as in_period from in_period
                           union all
                           select *, null::integer, false from other_indicators) i),
    'answers', (select coalesce(jsonb_object_agg(a.question_id, a.body), '{}')
                  from public.report_answers a where a.report_id = report.id),
    'values', (select coalesce(jsonb_object_agg(v.indicator_id, jsonb_build_object('value', v.value, 'comment', v.comment)), '{}') from vals v),
    'initiativeIds', (select coalesce(jsonb_agg(l.initiative_id), '[]') from links l),
    'initiatives', (select coalesce(jsonb_agg(jsonb_build_object('id', l.id, 'title', l.title, 'status', l.status,
                                                                  'participantsReached', l.participants_reached,
                                                                  'districts', l.districts, 'targetGroups', l.target_groups)
                                              order by l.title), '[]') from linked l),
    'lastPeriod', (select jsonb_build_object('name', e.name,
                                             'values', (select coalesce(jsonb_object_agg(v.indicator_id, v.value), '{}')
                                                          from org_values v where v.report_id = e.id))
                     from earlier e),
    'series', (select coalesce(jsonb_agg(to_jsonb(s)), '[]') from series s)
  )
  from report
  );
end;
$$;
comment on function public.board_report_page(uuid) is
  '/board/reports/:id as one JSON document (security invoker: RLS decides): report, questions, indicators, answers, values, initiativeIds, initiatives (linked, by title), lastPeriod, series (as indicator_series rows, for its indicators up to its period). Null for a report the board page does not show.';
revoke execute on function public.board_report_page(uuid) from public, anon;
grant execute on function public.board_report_page(uuid) to authenticated, service_role;
