-- A reporting period and its template (organisations, indicators, questions) are saved together in
-- one transaction by coordinators. Security invoker: the coordinator policies decide.

create or replace function public.save_reporting_period(
  p_period_id uuid,
  p_name text,
  p_starts_on date,
  p_ends_on date,
  p_due_on date,
  p_status public.period_status,
  p_org_ids uuid[],
  p_indicator_ids uuid[],
  p_questions jsonb
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  period uuid := p_period_id;
  orgs uuid[] := coalesce(p_org_ids, '{}');
  indicator_ids uuid[] := coalesce(p_indicator_ids, '{}');
  questions jsonb := coalesce(p_questions, '[]'::jsonb);
  kept uuid[];
  item record;
begin
  if not public.is_coordinator() then
    raise exception 'only coordinators define reporting periods' using errcode = '42501';
  end if;
  if jsonb_typeof(questions) <> 'array' then
    raise exception 'questions must be a list' using errcode = '22023';
  end if;

  if period is null then
    insert into public.reporting_periods (name, starts_on, ends_on, due_on, status)
    values (btrim(p_name), p_starts_on, p_ends_on, p_due_on, p_status)
    returning id into period;
  else
    update public.reporting_periods p
       set name = btrim(p_name), starts_on = p_starts_on, ends_on = p_ends_on, due_on = p_due_on, status = p_status
     where p.id = period;
    if not found then
      raise exception 'reporting period not found' using errcode = 'P0002';
    end if;
  end if;

  delete from public.period_organisations po where po.period_id = period and po.org_id <> all (orgs);
  insert into public.period_organisations (period_id, org_id)
  select period, x.id from unnest(orgs) x(id)
  on conflict do nothing;

  delete from public.period_indicators pi where pi.period_id = period and pi.indicator_id <> all (indicator_ids);
  insert into public.period_indicators (period_id, indicator_id, sort_order)
  select period, x.id, x.ord::integer * 10 from unnest(indicator_ids) with ordinality x(id, ord)
  on conflict (period_id, indicator_id) do update set sort_order = excluded.sort_order;

  -- Questions not in the list are removed (refused by the foreign key if already answered); the
  -- list's order becomes the positions (the unique position check waits for the commit).
  select coalesce(array_agg((e ->> 'id')::uuid), '{}') into kept
    from jsonb_array_elements(questions) e
   where nullif(e ->> 'id', '') is not null;
  delete from public.period_questions q where q.period_id = period and q.id <> all (kept);

  for item in select e, ord::integer as ord from jsonb_array_elements(questions) with ordinality t(e, ord) loop
    if nullif(item.e ->> 'id', '') is null then
      insert into public.period_questions (period_id, position, question, help, required)
      values (period, item.ord, btrim(item.e ->> 'question'), nullif(btrim(item.e ->> 'help'), ''),
              coalesce((item.e ->> 'required')::boolean, true));
    else
      update public.period_questions q
         set position = item.ord, question = btrim(item.e ->> 'question'),
             help = nullif(btrim(item.e ->> 'help'), ''), required = coalesce((item.e ->> 'required')::boolean, true)
       where q.id = (item.e ->> 'id')::uuid and q.period_id = period;
      if not found then
        raise exception 'question not found in this period' using errcode = 'P0002';
      end if;
    end if;
  end loop;

  return period;
end;
$$;
comment on function public.save_reporting_period(uuid, text, date, date, date, public.period_status, uuid[], uuid[], jsonb) is
  'Creates (p_period_id null) or updates a reporting period with its organisations, indicators and ordered questions in one transaction. Coordinators only.';
revoke execute on function public.save_reporting_period(uuid, text, date, date, date, public.period_status, uuid[], uuid[], jsonb) from public, anon;
grant execute on function public.save_reporting_period(uuid, text, date, date, date, public.period_status, uuid[], uuid[], jsonb) to authenticated, service_role;
