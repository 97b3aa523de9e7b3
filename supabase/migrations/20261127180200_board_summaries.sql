-- "Sammanställning till kommunstyrelsen": per reporting period, a coordinator writes a covering text
-- and releases the summary to the board. Board members read released summaries only; coordinators
-- write them. Releasing is stamped (who, when) by the trigger.

create table public.board_summaries (
  period_id uuid primary key references public.reporting_periods (id) on delete cascade,
  covering_text text check (covering_text is null or char_length(covering_text) <= 20000),
  released_at timestamptz,
  released_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null default auth.uid()
);
comment on table public.board_summaries is 'The covering text of a period''s summary to the board, and whether it is released to board members.';
create index board_summaries_released_by_idx on public.board_summaries (released_by);
create index board_summaries_updated_by_idx on public.board_summaries (updated_by);

-- Who released it and who last changed it come from the session, not from the request.
create or replace function public.board_summaries_stamp()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if public.is_end_user_request() then
    new.updated_by := (select auth.uid());
    if new.released_at is not null and (tg_op = 'INSERT' or old.released_at is null) then
      new.released_at := now();
      new.released_by := (select auth.uid());
    elsif new.released_at is null then
      new.released_by := null;
    elsif tg_op = 'UPDATE' then
      new.released_at := old.released_at;
      new.released_by := old.released_by;
    end if;
  end if;
  return new;
end;
$$;
comment on function public.board_summaries_stamp() is 'Stamps updated_by, released_at and released_by from the session for users (BEFORE INSERT/UPDATE on board_summaries).';
revoke execute on function public.board_summaries_stamp() from public, anon, authenticated;

create trigger board_summaries_stamp
  before insert or update on public.board_summaries
  for each row execute function public.board_summaries_stamp();
create trigger board_summaries_set_updated_at
  before update on public.board_summaries
  for each row execute function public.set_updated_at();

alter table public.board_summaries enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.board_summaries from anon;
revoke truncate, references, trigger on public.board_summaries from authenticated;

create policy "board_summaries: coordinators all, board released"
  on public.board_summaries for select to authenticated
  using ((select public.is_coordinator()) or (released_at is not null and (select public.is_board())));
comment on policy "board_summaries: coordinators all, board released" on public.board_summaries is
  'Coordinators read every summary while they prepare it; board members only released ones.';

create policy "board_summaries: coordinators write"
  on public.board_summaries for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "board_summaries: coordinators write" on public.board_summaries is 'Only coordinators write the covering text.';

create policy "board_summaries: coordinators update"
  on public.board_summaries for update to authenticated
  using ((select public.is_coordinator()))
  with check ((select public.is_coordinator()));
comment on policy "board_summaries: coordinators update" on public.board_summaries is 'Only coordinators change the covering text, release or withdraw a summary.';

create policy "board_summaries: coordinators delete"
  on public.board_summaries for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "board_summaries: coordinators delete" on public.board_summaries is 'Only coordinators remove a summary''s covering text.';
