-- Notifications of forum activity: one row per (recipient, post) for replies in watched threads
-- and forums and for @mentions, written by a trigger when a post is inserted, whoever inserts it
-- (the portal or the REST API). E-mail delivery is done by the server with the service role:
-- immediately after the post for people who want that, or as one digest per day/week
-- (`npm run digests`). notification_digests makes a digest run idempotent: a person gets at most
-- one digest per period key (the day or ISO week), however often the command runs.

create type public.notification_kind as enum ('reply', 'mention');
comment on type public.notification_kind is 'Why someone is notified of a post: a reply where they watch, or a mention of their name.';

create table public.notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind public.notification_kind not null,
  post_id uuid not null references public.posts (id) on delete cascade,
  thread_id uuid not null references public.threads (id) on delete cascade,
  actor_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  emailed_at timestamptz,
  read_at timestamptz,
  unique (user_id, post_id)
);
comment on table public.notifications is
  'Forum notifications (reply in a watched thread/forum, or a mention). Written by trigger; e-mailed by the server (emailed_at).';
comment on column public.notifications.emailed_at is
  'When the notification went out by e-mail (immediately or in a digest); null = not yet.';
create index notifications_pending_idx on public.notifications (user_id, created_at) where emailed_at is null;
create index notifications_post_idx on public.notifications (post_id);
create index notifications_user_recent_idx on public.notifications (user_id, created_at desc);

alter table public.notifications enable row level security;
revoke insert, delete, truncate, references, trigger on public.notifications from anon, authenticated;
revoke update on public.notifications from anon;
revoke update on public.notifications from authenticated;
grant update (read_at) on public.notifications to authenticated;

create policy "notifications: own"
  on public.notifications for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy "notifications: own" on public.notifications is
  'A person sees only their own notifications. Rows are written by the posts trigger, never by users.';

create policy "notifications: mark own as read"
  on public.notifications for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
comment on policy "notifications: mark own as read" on public.notifications is
  'A person marks their own notifications as read (the column privilege allows read_at only).';


create table public.notification_digests (
  user_id uuid not null references public.profiles (id) on delete cascade,
  period_key text not null check (period_key ~ '^(day:\d{4}-\d{2}-\d{2}|week:\d{4}-W\d{2})$'),
  sent_at timestamptz not null default now(),
  notification_count integer not null check (notification_count > 0),
  primary key (user_id, period_key)
);
comment on table public.notification_digests is
  'One row per digest e-mail sent (person, day or ISO week): the claim that makes npm run digests idempotent.';

alter table public.notification_digests enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.notification_digests from anon, authenticated;

create policy "notification_digests: own"
  on public.notification_digests for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy "notification_digests: own" on public.notification_digests is
  'A person sees when their own digests were sent; only the server (service role) writes them.';


-- The people mentioned in a text: "@" followed by a person's full name, case-insensitively,
-- not followed by another letter or digit (so "@Ann" does not match "@Anna Berg").
create or replace function public.mentioned_people(body text)
returns table (person_id uuid)
language sql stable security definer
set search_path = ''
as $$
  select p.id
    from public.profiles p
   where position('@' in body) > 0
     and p.full_name is not null and char_length(btrim(p.full_name)) >= 2
     and lower(body) ~ ('@' || regexp_replace(lower(btrim(p.full_name)), '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g') || '($|[^[:alnum:]])');
$$;
comment on function public.mentioned_people(text) is 'Ids of people whose full name is @-mentioned in the text.';
revoke execute on function public.mentioned_people(text) from public, anon, authenticated;


create or replace function public.posts_notify()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  forum uuid;
begin
  select t.forum_id into forum from public.threads t where t.id = new.thread_id;

  -- The author has read their own post and now watches the thread.
  if new.author_id is not null then
    insert into public.thread_reads (user_id, thread_id, last_read_position, read_at)
    values (new.author_id, new.thread_id, new.position, now())
    on conflict (user_id, thread_id) do update
      set last_read_position = greatest(public.thread_reads.last_read_position, excluded.last_read_position),
          read_at = now();
    insert into public.forum_watches (user_id, thread_id)
    values (new.author_id, new.thread_id)
    on conflict do nothing;
  end if;

  -- Mentions first (a mention wins over a reply for the same person), then watchers. Only people
  -- who may read the forum, never the author, never people who want no e-mail at all.
  insert into public.notifications (user_id, kind, post_id, thread_id, actor_id, created_at)
  select recipient.user_id, recipient.kind, new.id, new.thread_id, new.author_id, new.created_at
    from (
      select distinct on (candidate.user_id) candidate.user_id, candidate.kind
        from (
          select m.person_id as user_id, 'mention'::public.notification_kind as kind, 0 as rank
            from public.mentioned_people(new.body) m
          union all
          select w.user_id, 'reply'::public.notification_kind, 1
            from public.forum_watches w
           where w.thread_id = new.thread_id or w.forum_id = forum
        ) candidate
       order by candidate.user_id, candidate.rank
    ) recipient
    join public.profiles p on p.id = recipient.user_id
   where recipient.user_id is distinct from new.author_id
     and p.notification_frequency <> 'never'
     and (recipient.kind = 'mention' or p.notify_forum_replies)
     and public.user_can_read_forum(forum, recipient.user_id)
  on conflict (user_id, post_id) do nothing;
  return null;
end;
$$;
comment on function public.posts_notify() is
  'AFTER INSERT trigger on posts: marks the post read for its author, makes the author watch the thread, and queues notifications for watchers and mentioned people who may read the forum.';
revoke execute on function public.posts_notify() from public, anon, authenticated;

create trigger posts_notify
  after insert on public.posts
  for each row execute function public.posts_notify();
