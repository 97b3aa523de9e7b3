-- How far each person has read each thread: one row per (person, thread) holding the highest post
-- position they have seen. Unread = threads.last_position - last_read_position, so unread counts
-- cost one row per thread, never one per post.

create table public.thread_reads (
  user_id uuid not null references public.profiles (id) on delete cascade default auth.uid(),
  thread_id uuid not null references public.threads (id) on delete cascade,
  last_read_position integer not null check (last_read_position >= 0),
  read_at timestamptz not null default now(),
  primary key (user_id, thread_id)
);
comment on table public.thread_reads is 'Read marks: the highest post position a person has seen in a thread.';
create index thread_reads_thread_id_idx on public.thread_reads (thread_id);

alter table public.thread_reads enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.thread_reads from anon;
revoke truncate, references, trigger on public.thread_reads from authenticated;

create policy "thread_reads: own marks"
  on public.thread_reads for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy "thread_reads: own marks" on public.thread_reads is
  'A person sees only their own read marks (what someone has read is nobody else''s business, coordinators included).';

create policy "thread_reads: mark threads one may read"
  on public.thread_reads for insert to authenticated
  with check (user_id = (select auth.uid()) and public.can_read_forum(public.forum_of_thread(thread_id)));
comment on policy "thread_reads: mark threads one may read" on public.thread_reads is
  'A person records reading only in their own name and only threads they may read.';

create policy "thread_reads: move own marks"
  on public.thread_reads for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and public.can_read_forum(public.forum_of_thread(thread_id)));
comment on policy "thread_reads: move own marks" on public.thread_reads is
  'A person moves their own read marks (forwards when reading, backwards with "mark as unread").';

create policy "thread_reads: forget own marks"
  on public.thread_reads for delete to authenticated
  using (user_id = (select auth.uid()));
comment on policy "thread_reads: forget own marks" on public.thread_reads is 'A person may clear their own read marks.';

-- Records that the caller has seen the thread up to a position; never moves the mark backwards.
-- Invoker rights: the policies above decide.
create or replace function public.mark_thread_read(thread uuid, upto integer)
returns void
language sql
set search_path = ''
as $$
  -- Capped at the thread's newest post, so a too-large number cannot hide posts yet to come.
  insert into public.thread_reads (user_id, thread_id, last_read_position, read_at)
  select (select auth.uid()), t.id, least(greatest(upto, 0), t.last_position), now()
    from public.threads t
   where t.id = thread
  on conflict (user_id, thread_id) do update
    set last_read_position = greatest(public.thread_reads.last_read_position, excluded.last_read_position),
        read_at = now();
$$;
comment on function public.mark_thread_read(uuid, integer) is
  'Moves the caller''s read mark in a thread forward to the given position (never backwards, never past the newest post).';
revoke execute on function public.mark_thread_read(uuid, integer) from public, anon;
grant execute on function public.mark_thread_read(uuid, integer) to authenticated;

-- "Mark all as read" for a forum: one row per thread, bounded by the forum's threads.
create or replace function public.mark_forum_read(forum uuid)
returns void
language sql
set search_path = ''
as $$
  insert into public.thread_reads (user_id, thread_id, last_read_position, read_at)
  select (select auth.uid()), t.id, t.last_position, now()
    from public.threads t
   where t.forum_id = forum
  on conflict (user_id, thread_id) do update
    set last_read_position = greatest(public.thread_reads.last_read_position, excluded.last_read_position),
        read_at = now();
$$;
comment on function public.mark_forum_read(uuid) is 'Marks every thread of a forum the caller may read as read up to its newest post.';
revoke execute on function public.mark_forum_read(uuid) from public, anon;
grant execute on function public.mark_forum_read(uuid) to authenticated;
