-- A progress update may be dated today in Sweden. The guard compared with current_date, which is
-- the database's (UTC) date: between midnight and 01:00/02:00 Swedish time an update dated "today"
-- (the form's default, app/lib/format todayInSweden) was refused as dated in the future. The guard
-- and the column default now use the date in Europe/Stockholm, as board_report_overview does.

alter table public.initiative_updates
  alter column reported_on set default ((now() at time zone 'Europe/Stockholm')::date);

create or replace function public.initiative_updates_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not public.is_end_user_request() then
    return new;
  end if;
  if new.reported_on > (now() at time zone 'Europe/Stockholm')::date then
    raise exception 'a progress update cannot be dated in the future' using errcode = '22023';
  end if;
  if tg_op = 'INSERT' then
    new.created_at := now();
    return new;
  end if;
  if new.initiative_id is distinct from old.initiative_id or new.author_id is distinct from old.author_id
     or new.created_at is distinct from old.created_at then
    raise exception 'the initiative, author and creation time of an update cannot be changed' using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function public.initiative_updates_guard() is 'BEFORE guard on initiative_updates: no dates after today in Sweden, initiative/author/created_at immutable.';
