-- A limit on how fast one person posts (issue 9), kept in the database so that it holds for the
-- REST API and for every portal process alike. Generous for people (a lively discussion is a few
-- posts an hour), tight enough to stop a script or a stuck client from flooding a forum. The
-- refusal has its own SQLSTATE, SR429, which the portal answers with 429 and a Swedish message,
-- keeping what the person wrote. What counts is what the person themself posted through the API
-- (auth.uid() is set), recorded in a private table: rows written by server code in someone's name
-- (seeds, imports, the service role) neither count nor are limited.

create schema if not exists private;
revoke all on schema private from public, anon, authenticated;
comment on schema private is 'Internal bookkeeping, not exposed by PostgREST and not granted to API roles.';

create table private.posting_events (
  user_id uuid not null,
  kind text not null check (kind in ('posts', 'threads')),
  at timestamptz not null default now()
);
create index posting_events_user_kind_at_idx on private.posting_events (user_id, kind, at);
-- Not reachable through the API at all (schema not granted); RLS on without policies as a second lock.
alter table private.posting_events enable row level security;
comment on table private.posting_events is
  'When each person posted or started a thread in the last 10 minutes (the posting rate limit). Older rows are removed as the person posts.';

create or replace function public.enforce_posting_rate()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  recent integer;
  allowed integer := case tg_table_name when 'threads' then 5 else 20 end;
begin
  if me is null then
    return new;
  end if;
  delete from private.posting_events e where e.user_id = me and e.at < now() - interval '10 minutes';
  select count(*) into recent from private.posting_events e where e.user_id = me and e.kind = tg_table_name;
  if recent >= allowed then
    raise exception 'too many % in 10 minutes (at most %)', tg_table_name, allowed
      using errcode = 'SR429', hint = 'Wait a few minutes before posting again.';
  end if;
  -- Rolled back with the insert if that fails later: only what was really posted counts.
  insert into private.posting_events (user_id, kind) values (me, tg_table_name);
  return new;
end;
$$;
comment on function public.enforce_posting_rate() is
  'Refuses (SR429) a 21st post or a 6th thread that the same person makes through the API within 10 minutes. Not applied without a user (service role, seeds).';
revoke execute on function public.enforce_posting_rate() from public, anon, authenticated;

create trigger posts_rate_limit
  before insert on public.posts
  for each row execute function public.enforce_posting_rate();
create trigger threads_rate_limit
  before insert on public.threads
  for each row execute function public.enforce_posting_rate();
