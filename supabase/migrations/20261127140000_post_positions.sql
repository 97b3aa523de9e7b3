-- Every post gets its place in the thread (1, 2, 3, ...), assigned when it is written. Pages of a
-- thread are position ranges (an index range scan, as cheap on page 500 as on page 1), and unread
-- counts are "last position in the thread minus the last position the person read": no per-post
-- counting, whatever the size of the thread. Hidden posts keep their place (shown as "Dold av
-- moderator" to those who may not read them), so positions never shift under a reader.

alter table public.threads
  add column last_position integer not null default 0 check (last_position >= 0);
comment on column public.threads.last_position is
  'Position of the newest post in the thread (hidden ones included); maintained by trigger posts_assign_position.';

alter table public.posts add column position integer;
comment on column public.posts.position is
  'Place of the post in its thread, from 1; assigned on insert by trigger, never changed.';

-- Existing rows (none in a fresh database; kept for an upgraded one).
with numbered as (
  select id, row_number() over (partition by thread_id order by created_at, id) as n from public.posts
)
update public.posts p set position = numbered.n from numbered where numbered.id = p.id;
update public.threads t
   set last_position = coalesce((select max(p.position) from public.posts p where p.thread_id = t.id), 0);

alter table public.posts alter column position set not null;
-- The default only keeps `position` optional for clients; the trigger always overwrites it.
alter table public.posts alter column position set default 0;
alter table public.posts add constraint posts_thread_position_key unique (thread_id, position);
-- The unique index (thread_id, position) serves the page reads; the old (thread_id, created_at)
-- index stays for "latest posts" queries.

create or replace function public.posts_assign_position()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    -- The row lock on the thread serialises concurrent replies, so positions are unique and gapless.
    update public.threads t
       set last_position = t.last_position + 1
     where t.id = new.thread_id
    returning t.last_position into new.position;
    return new;
  end if;
  if new.position is distinct from old.position then
    raise exception 'the position of a post cannot be changed' using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function public.posts_assign_position() is
  'BEFORE trigger on posts: gives a new post the next position in its thread; positions never change.';
revoke execute on function public.posts_assign_position() from public, anon, authenticated;

create trigger posts_assign_position
  before insert or update of position on public.posts
  for each row execute function public.posts_assign_position();

-- Users cannot set last_position themselves: extend the thread guard (same rules as before, plus
-- last_position; moving a thread between forums is allowed for moderators of both forums).
create or replace function public.threads_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not public.is_end_user_request() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if (new.pinned or new.locked) and not public.is_forum_moderator(new.forum_id) then
      raise exception 'only moderators pin or lock threads' using errcode = '42501';
    end if;
    new.post_count := 0;
    new.last_position := 0;
    new.last_post_at := now();
    new.created_at := now();
    return new;
  end if;
  if new.forum_id is distinct from old.forum_id
     and not (public.is_forum_moderator(old.forum_id) and public.is_forum_moderator(new.forum_id)) then
    raise exception 'only moderators of both forums move a thread' using errcode = '42501';
  end if;
  if new.author_id is distinct from old.author_id
     or new.created_at is distinct from old.created_at
     or new.post_count is distinct from old.post_count
     or new.last_position is distinct from old.last_position
     or new.last_post_at is distinct from old.last_post_at then
    raise exception 'author, created_at and counters of a thread cannot be changed' using errcode = '42501';
  end if;
  if not public.is_forum_moderator(old.forum_id) then
    if new.pinned is distinct from old.pinned or new.locked is distinct from old.locked then
      raise exception 'only moderators pin or lock threads' using errcode = '42501';
    end if;
    if old.locked then
      raise exception 'the thread is locked' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;
