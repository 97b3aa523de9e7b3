-- Saving a report is one transaction through one function: the summary, the answers, the indicator
-- values and the initiative links together, checked against the revision the editor started from
-- (so a second editor is told, not silently overwritten), optionally followed by submission (which
-- the workflow trigger refuses for an incomplete report, rolling the whole save back).
-- Security invoker: RLS and the triggers decide as for any other request of the user.

create or replace function public.save_report(
  p_report_id uuid,
  p_revision integer,
  p_summary text,
  p_answers jsonb,
  p_values jsonb,
  p_initiative_ids uuid[],
  p_submit boolean default false
)
returns table (revision integer, status public.report_status)
language plpgsql
set search_path = ''
as $$
#variable_conflict use_column
declare
  current_report public.reports;
  period_status public.period_status;
  changes text[] := '{}';
  new_summary text := nullif(btrim(coalesce(p_summary, ''), E' \t\r\n'), '');
  answers jsonb := coalesce(p_answers, '{}'::jsonb);
  value_map jsonb := coalesce(p_values, '{}'::jsonb);
  links uuid[] := coalesce(p_initiative_ids, '{}');
  question record;
  entry record;
  new_body text;
  new_value numeric;
  new_comment text;
  old_value record;
begin
  select r.* into current_report from public.reports r where r.id = p_report_id;
  if not found then
    raise exception 'report not found' using errcode = 'P0002';
  end if;
  if not public.can_edit_report(p_report_id) then
    select p.status into period_status from public.reporting_periods p where p.id = current_report.period_id;
    raise exception '%', case
        when current_report.status in ('submitted', 'accepted') then 'the report is ' || current_report.status::text || ' and read-only'
        when period_status = 'closed' then 'the reporting period is closed'
        else 'only members of the organisation edit its report' end
      using errcode = '42501';
  end if;
  -- Lock the report so two saves are strictly one after the other.
  select r.* into current_report from public.reports r where r.id = p_report_id for update;
  if current_report.revision <> p_revision then
    raise exception 'the report was saved by someone else' using errcode = 'SR409', detail = current_report.revision::text;
  end if;

  if new_summary is distinct from current_report.summary then
    changes := changes || 'summary'::text;
  end if;

  -- Answers: only to this period's questions; blank clears the answer.
  if exists (
    select 1 from jsonb_object_keys(answers) k
     where not exists (select 1 from public.period_questions q
                        where q.id::text = k and q.period_id = current_report.period_id)) then
    raise exception 'unknown question' using errcode = '23503';
  end if;
  for question in
    select q.id, a.body
      from public.period_questions q
      left join public.report_answers a on a.report_id = p_report_id and a.question_id = q.id
     where q.period_id = current_report.period_id and answers ? q.id::text
     order by q.position
  loop
    new_body := nullif(btrim(answers ->> question.id::text, E' \t\r\n'), '');
    continue when new_body is not distinct from question.body;
    changes := changes || ('question:' || question.id::text);
    if new_body is null then
      delete from public.report_answers a where a.report_id = p_report_id and a.question_id = question.id;
    else
      insert into public.report_answers (report_id, question_id, body)
      values (p_report_id, question.id, new_body)
      on conflict (report_id, question_id) do update set body = excluded.body;
    end if;
  end loop;

  -- Indicator values: only the indicators named; value and comment both empty removes the row.
  for entry in select k as indicator_key, value_map -> k as item from jsonb_object_keys(value_map) k loop
    if not exists (select 1 from public.indicators i where i.id::text = entry.indicator_key) then
      raise exception 'unknown indicator' using errcode = '23503';
    end if;
    new_value := case when jsonb_typeof(entry.item -> 'value') = 'number' then (entry.item ->> 'value')::numeric end;
    if jsonb_typeof(entry.item -> 'value') not in ('number', 'null') then
      raise exception 'the value of an indicator must be a number' using errcode = '22P02';
    end if;
    new_comment := nullif(btrim(entry.item ->> 'comment', E' \t\r\n'), '');
    select v.value, v.comment into old_value
      from public.report_indicator_values v
     where v.report_id = p_report_id and v.indicator_id::text = entry.indicator_key;
    continue when found and new_value is not distinct from old_value.value and new_comment is not distinct from old_value.comment;
    continue when not found and new_value is null and new_comment is null;
    changes := changes || ('indicator:' || entry.indicator_key);
    if new_value is null and new_comment is null then
      delete from public.report_indicator_values v where v.report_id = p_report_id and v.indicator_id::text = entry.indicator_key;
    else
      insert into public.report_indicator_values (report_id, indicator_id, value, comment)
      values (p_report_id, entry.indicator_key::uuid, new_value, new_comment)
      on conflict (report_id, indicator_id) do update set value = excluded.value, comment = excluded.comment;
    end if;
  end loop;

  -- Initiative links: the given set replaces the old one.
  if exists (select 1 from public.report_initiatives l where l.report_id = p_report_id and l.initiative_id <> all (links))
     or exists (select 1 from unnest(links) x(id)
                 where not exists (select 1 from public.report_initiatives l where l.report_id = p_report_id and l.initiative_id = x.id)) then
    changes := changes || 'initiatives'::text;
    delete from public.report_initiatives l where l.report_id = p_report_id and l.initiative_id <> all (links);
    insert into public.report_initiatives (report_id, initiative_id)
    select p_report_id, x.id from unnest(links) x(id)
    on conflict (report_id, initiative_id) do nothing;
  end if;

  if cardinality(changes) > 0 then
    -- reports_record_event reads this to record what the save changed.
    perform set_config('samverkan.report_changes', changes::text, true);
    update public.reports r
       set summary = new_summary, revision = r.revision + 1
     where r.id = p_report_id;
  end if;

  if p_submit then
    -- The workflow trigger checks that the caller is an admin and that nothing is missing.
    update public.reports r set status = 'submitted' where r.id = p_report_id;
  end if;

  return query select r.revision, r.status from public.reports r where r.id = p_report_id;
end;
$$;
comment on function public.save_report(uuid, integer, text, jsonb, jsonb, uuid[], boolean) is
  'Saves a report''s summary, answers, values and initiative links in one transaction if nobody saved since p_revision (else SR409, detail = current revision); with p_submit also submits (SR422 with the missing items if incomplete). Returns the new revision and status.';
revoke execute on function public.save_report(uuid, integer, text, jsonb, jsonb, uuid[], boolean) from public, anon;
grant execute on function public.save_report(uuid, integer, text, jsonb, jsonb, uuid[], boolean) to authenticated, service_role;


-- A coordinator's decision on a submitted report, with clear refusals. (A plain update is held to
-- the same rules by the trigger; this names the problem.)
create or replace function public.review_report(p_report_id uuid, p_decision public.report_status, p_comment text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  current_status public.report_status;
  comment_text text := nullif(btrim(coalesce(p_comment, ''), E' \t\r\n'), '');
begin
  if not public.is_coordinator() then
    raise exception 'only coordinators review reports' using errcode = '42501';
  end if;
  if p_decision not in ('returned', 'accepted') then
    raise exception 'a review returns or accepts a report' using errcode = '22023';
  end if;
  select r.status into current_status from public.reports r where r.id = p_report_id;
  if not found then
    raise exception 'report not found' using errcode = 'P0002';
  end if;
  if current_status <> 'submitted' then
    raise exception 'only a submitted report can be reviewed (this one is %)', current_status using errcode = '42501';
  end if;
  if p_decision = 'returned' and comment_text is null then
    raise exception 'a returned report needs a comment saying what to complete' using errcode = '23514';
  end if;
  update public.reports r set status = p_decision, review_comment = comment_text where r.id = p_report_id;
end;
$$;
comment on function public.review_report(uuid, public.report_status, text) is
  'Coordinator returns (comment required) or accepts a submitted report.';
revoke execute on function public.review_report(uuid, public.report_status, text) from public, anon;
grant execute on function public.review_report(uuid, public.report_status, text) to authenticated, service_role;
