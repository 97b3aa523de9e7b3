-- Per-forum counters for /forums (issue 10, second pass): forum_overview() scanned every thread and
-- every active membership on each call, so its cost followed the data (5,000 threads at scale).
-- Now each forum has one row of counters kept exact by triggers on threads and forum_members, and
-- the overview reads one row per forum plus the caller's own read marks. Unread posts stay exact:
-- sum over threads of greatest(last_position - read, 0) = position_sum - sum over the caller's
-- read threads of least(read, last_position).

create schema if not exists private;

create table private.forum_counters (
  forum_id uuid primary key references public.forums (id) on delete cascade,
  member_count integer not null default 0 check (member_count >= 0),
  thread_count integer not null default 0 check (thread_count >= 0),
  position_sum bigint not null default 0 check (position_sum >= 0),
  last_post_at timestamptz
);
comment on table private.forum_counters is
  'One row per forum: active members, threads, the sum of threads.last_position and the latest threads.last_post_at; maintained by triggers, read by forum_overview().';
comment on column private.forum_counters.position_sum is 'Sum of last_position over the forum''s threads (every post ever written, hidden ones included): the unread count of someone who has read nothing.';

-- Nobody reads or writes the counters directly: schema private is not exposed by PostgREST nor
-- granted to API roles; forum_overview() (security definer) applies the forum read rule itself.
revoke all on private.forum_counters from public, anon, authenticated, service_role;
-- And row level security with no policy, as on every table: were a grant ever added by mistake, no
-- API role would read or write a row. The triggers and forum_overview() run as the owner.
alter table private.forum_counters enable row level security;

-- Recounts every forum's counters from scratch: the backfill below, and bulk loaders that write
-- with triggers off (scripts/lib/scale-seed.ts). Not for clients.
create or replace function private.recount_forum_counters()
returns void
language sql
security definer
set search_path = ''
as $$
  insert into private.forum_counters (forum_id, member_count, thread_count, position_sum, last_post_at)
  select f.id,
         coalesce((select count(*) from public.forum_members fm where fm.forum_id = f.id and fm.status = 'active'), 0),
         coalesce(t.thread_count, 0), coalesce(t.position_sum, 0), t.last_post_at
    from public.forums f
    left join (select forum_id, count(*) as thread_count, sum(last_position) as position_sum, max(last_post_at) as last_post_at
                 from public.threads group by forum_id) t on t.forum_id = f.id
  on conflict (forum_id) do update
    set member_count = excluded.member_count, thread_count = excluded.thread_count,
        position_sum = excluded.position_sum, last_post_at = excluded.last_post_at;
$$;
comment on function private.recount_forum_counters() is
  'Recomputes forum_counters for every forum from threads and forum_members (backfill, bulk loads with triggers off).';
revoke execute on function private.recount_forum_counters() from public, anon, authenticated, service_role;

-- A new forum starts with a zero row, so the thread and member triggers only ever update.
create or replace function public.forums_create_counters()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.forum_counters (forum_id) values (new.id) on conflict do nothing;
  return new;
end;
$$;
comment on function public.forums_create_counters() is 'AFTER INSERT trigger on forums: gives the forum its zero counters row.';
revoke execute on function public.forums_create_counters() from public, anon, authenticated;

create trigger forums_create_counters
  after insert on public.forums
  for each row execute function public.forums_create_counters();

-- Threads: count, sum of positions, latest activity. Increments, so concurrent posts in one forum
-- serialise briefly on its counters row; the latest activity is recounted from the index only when
-- it may have gone down (a post deleted or hidden, a thread deleted or moved away).
create or replace function public.threads_maintain_forum_counters()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    -- Lock the counters rows before any recount below: that statement then runs with a snapshot
    -- taken after the lock, so it sees every concurrent change already committed to the forum.
    -- A move locks both forums' rows in id order, so opposite moves cannot deadlock.
    perform 1 from private.forum_counters c
     where c.forum_id in (old.forum_id, case when tg_op = 'UPDATE' then new.forum_id end)
     order by c.forum_id
       for update;
    if tg_op = 'DELETE' or new.forum_id is distinct from old.forum_id then
      -- The thread leaves old.forum_id (a plain update: during a forum's deletion its row may be gone).
      update private.forum_counters c
         set thread_count = greatest(c.thread_count - 1, 0),
             position_sum = greatest(c.position_sum - old.last_position, 0),
             last_post_at = (select max(t.last_post_at) from public.threads t where t.forum_id = old.forum_id)
       where c.forum_id = old.forum_id;
    else
      -- Same forum: new posts (position, activity), or activity going down after a delete or hide.
      update private.forum_counters c
         set position_sum = greatest(c.position_sum + new.last_position - old.last_position, 0),
             last_post_at = case when new.last_post_at >= old.last_post_at
                                 then greatest(c.last_post_at, new.last_post_at)
                                 else (select max(t.last_post_at) from public.threads t where t.forum_id = new.forum_id) end
       where c.forum_id = new.forum_id;
      return new;
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  -- The thread arrives in new.forum_id (insert or move).
  insert into private.forum_counters as c (forum_id, thread_count, position_sum, last_post_at)
  values (new.forum_id, 1, new.last_position, new.last_post_at)
  on conflict (forum_id) do update
    set thread_count = c.thread_count + 1,
        position_sum = c.position_sum + new.last_position,
        last_post_at = greatest(c.last_post_at, new.last_post_at);
  return new;
end;
$$;
comment on function public.threads_maintain_forum_counters() is
  'AFTER trigger on threads: keeps forum_counters.thread_count, position_sum and last_post_at exact on insert, delete, move and new or removed posts.';
revoke execute on function public.threads_maintain_forum_counters() from public, anon, authenticated;

create trigger threads_maintain_forum_counters
  after insert or delete or update of forum_id, last_position, last_post_at on public.threads
  for each row execute function public.threads_maintain_forum_counters();

-- Active members: joining, leaving, a request accepted, a member moved between forums.
create or replace function public.forum_members_maintain_forum_counters()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'active' then
    update private.forum_counters c set member_count = greatest(c.member_count - 1, 0) where c.forum_id = old.forum_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'active' then
    insert into private.forum_counters as c (forum_id, member_count) values (new.forum_id, 1)
    on conflict (forum_id) do update set member_count = c.member_count + 1;
  end if;
  return null;
end;
$$;
comment on function public.forum_members_maintain_forum_counters() is
  'AFTER trigger on forum_members: keeps forum_counters.member_count equal to the forum''s active members.';
revoke execute on function public.forum_members_maintain_forum_counters() from public, anon, authenticated;

create trigger forum_members_maintain_forum_counters
  after insert or delete or update of status, forum_id on public.forum_members
  for each row execute function public.forum_members_maintain_forum_counters();

select private.recount_forum_counters();

-- The overview from the counters: one row per forum, plus the caller's own read marks (their
-- count, not the forum's threads, bounds that part). Same columns, order and visibility rule as
-- before: security definer, nothing for anonymous callers, and the rule of can_read_forum (the
-- forums select policy's function) applied once for all forums through readable_forum_ids()
-- instead of one call per forum (~1,100 buffers for 40 forums at scale).
create or replace function public.forum_overview()
returns table (
  id uuid,
  slug text,
  name text,
  description text,
  visibility public.forum_visibility,
  archived_at timestamptz,
  member_count bigint,
  thread_count bigint,
  last_post_at timestamptz,
  unread_count bigint,
  my_status public.forum_member_status,
  my_role public.forum_member_role
)
language sql stable security definer
set search_path = ''
as $$
  with read_upto as (
    -- What the caller has read, per forum, capped at each thread's newest post.
    select t.forum_id, sum(least(r.last_read_position, t.last_position)) as read_sum
      from public.thread_reads r
      join public.threads t on t.id = r.thread_id
     where r.user_id = (select auth.uid())
     group by t.forum_id
  )
  select f.id, f.slug, f.name, f.description, f.visibility, f.archived_at,
         coalesce(c.member_count, 0)::bigint,
         coalesce(c.thread_count, 0)::bigint,
         c.last_post_at,
         greatest(coalesce(c.position_sum, 0) - coalesce(read_upto.read_sum, 0), 0)::bigint,
         mine.status,
         mine.role
    from public.forums f
    left join private.forum_counters c on c.forum_id = f.id
    left join public.forum_members mine on mine.forum_id = f.id and mine.user_id = (select auth.uid())
    left join read_upto on read_upto.forum_id = f.id
   where (select auth.uid()) is not null
     and f.id in (select public.readable_forum_ids())
   order by f.archived_at nulls first, f.name;
$$;
comment on function public.forum_overview() is
  'Forums the caller may see (can_read_forum''s rule, evaluated once as readable_forum_ids()) with member/thread counts, latest activity and the caller''s unread posts, from forum_counters and the caller''s read marks.';
revoke execute on function public.forum_overview() from public, anon;
grant execute on function public.forum_overview() to authenticated, service_role;
