-- Watching: a person follows a whole forum or one thread and is notified of new posts there
-- (by e-mail as their notification_frequency says). Starting or replying to a thread watches it.

create table public.forum_watches (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade default auth.uid(),
  forum_id uuid references public.forums (id) on delete cascade,
  thread_id uuid references public.threads (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint forum_watches_one_target check ((forum_id is null) <> (thread_id is null))
);
comment on table public.forum_watches is 'Who watches which forum or thread (exactly one of forum_id, thread_id).';
create unique index forum_watches_user_forum_key on public.forum_watches (user_id, forum_id) where forum_id is not null;
create unique index forum_watches_user_thread_key on public.forum_watches (user_id, thread_id) where thread_id is not null;
create index forum_watches_forum_idx on public.forum_watches (forum_id) where forum_id is not null;
create index forum_watches_thread_idx on public.forum_watches (thread_id) where thread_id is not null;

alter table public.forum_watches enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.forum_watches from anon;
revoke update, truncate, references, trigger on public.forum_watches from authenticated;

create policy "forum_watches: own watches"
  on public.forum_watches for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy "forum_watches: own watches" on public.forum_watches is
  'A person sees only what they themselves watch.';

create policy "forum_watches: watch what one may read"
  on public.forum_watches for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and public.can_read_forum(coalesce(forum_id, public.forum_of_thread(thread_id)))
  );
comment on policy "forum_watches: watch what one may read" on public.forum_watches is
  'A person watches, in their own name, only forums and threads they may read.';

create policy "forum_watches: stop watching"
  on public.forum_watches for delete to authenticated
  using (user_id = (select auth.uid()));
comment on policy "forum_watches: stop watching" on public.forum_watches is 'A person stops watching in one click.';
