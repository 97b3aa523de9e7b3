-- Access rules for forums, forum_members, threads and posts, plus guard triggers for moderation
-- fields. Anonymous visitors see no forum content: no policy is written "to anon" here.

revoke insert, update, delete, truncate, references, trigger
  on public.forums, public.forum_members, public.threads, public.posts from anon;
revoke truncate, references, trigger
  on public.forums, public.forum_members, public.threads, public.posts from authenticated;

-- forums -------------------------------------------------------------------------------------------
create policy "forums: visible forums"
  on public.forums for select to authenticated
  using (
    visibility in ('open', 'closed')
    or public.is_forum_member(id)
    or (select public.is_coordinator())
  );
comment on policy "forums: visible forums" on public.forums is
  'Open and closed forums are visible to every signed-in user; private forums only to their members; coordinators see all.';

create policy "forums: coordinators create"
  on public.forums for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "forums: coordinators create" on public.forums is 'Coordinators run the forums: only they create one.';

create policy "forums: coordinators update"
  on public.forums for update to authenticated
  using ((select public.is_coordinator()))
  with check ((select public.is_coordinator()));
comment on policy "forums: coordinators update" on public.forums is 'Only coordinators rename, change visibility or archive a forum.';

create policy "forums: coordinators delete"
  on public.forums for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "forums: coordinators delete" on public.forums is 'Only coordinators delete a forum (archiving is preferred).';

-- forum_members ------------------------------------------------------------------------------------
create policy "forum_members: self and readers of the forum"
  on public.forum_members for select to authenticated
  using (user_id = (select auth.uid()) or public.can_read_forum(forum_id));
comment on policy "forum_members: self and readers of the forum" on public.forum_members is
  'Users see their own memberships/requests and the member list of forums they can read (private: members only).';

create policy "forum_members: request or moderators add"
  on public.forum_members for insert to authenticated
  with check (
    public.is_forum_moderator(forum_id)
    or (
      user_id = (select auth.uid()) and status = 'requested' and role = 'member'
      and (select public.is_partner()) and public.can_read_forum(forum_id)
    )
  );
comment on policy "forum_members: request or moderators add" on public.forum_members is
  'A partner (acting for an active organisation) may request membership of a forum they can see; moderators and coordinators add members directly. Board members are read-only and cannot request.';

create policy "forum_members: moderators update"
  on public.forum_members for update to authenticated
  using (public.is_forum_moderator(forum_id))
  with check (public.is_forum_moderator(forum_id));
comment on policy "forum_members: moderators update" on public.forum_members is
  'Moderators and coordinators accept requests and change roles.';

create policy "forum_members: self or moderators delete"
  on public.forum_members for delete to authenticated
  using (user_id = (select auth.uid()) or public.is_forum_moderator(forum_id));
comment on policy "forum_members: self or moderators delete" on public.forum_members is
  'Users leave a forum (or withdraw a request); moderators and coordinators remove members.';

-- threads ------------------------------------------------------------------------------------------
create policy "threads: readers of the forum"
  on public.threads for select to authenticated
  using (public.can_read_forum(forum_id));
comment on policy "threads: readers of the forum" on public.threads is
  'Threads are visible to whoever may read their forum.';

create policy "threads: posters start threads"
  on public.threads for insert to authenticated
  with check (author_id = (select auth.uid()) and public.can_post_in_forum(forum_id));
comment on policy "threads: posters start threads" on public.threads is
  'Users who may post in the forum start threads in their own name (pin/lock only moderators, guard trigger).';

create policy "threads: author or moderators update"
  on public.threads for update to authenticated
  using (author_id = (select auth.uid()) or public.is_forum_moderator(forum_id))
  with check (author_id = (select auth.uid()) or public.is_forum_moderator(forum_id));
comment on policy "threads: author or moderators update" on public.threads is
  'The author edits the title of an unlocked thread; moderators/coordinators pin, lock and edit (logged).';

create policy "threads: moderators delete"
  on public.threads for delete to authenticated
  using (public.is_forum_moderator(forum_id));
comment on policy "threads: moderators delete" on public.threads is
  'Only moderators and coordinators delete threads (logged as moderation).';

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
    new.last_post_at := now();
    new.created_at := now();
    return new;
  end if;
  if new.forum_id is distinct from old.forum_id
     or new.author_id is distinct from old.author_id
     or new.created_at is distinct from old.created_at
     or new.post_count is distinct from old.post_count
     or new.last_post_at is distinct from old.last_post_at then
    raise exception 'forum, author, created_at and counters of a thread cannot be changed' using errcode = '42501';
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

create trigger threads_guard
  before insert or update on public.threads
  for each row execute function public.threads_guard();

-- posts --------------------------------------------------------------------------------------------
create policy "posts: readers of the forum, hidden only author and moderators"
  on public.posts for select to authenticated
  using (
    public.can_read_forum(public.forum_of_thread(thread_id))
    and (
      hidden_at is null
      or author_id = (select auth.uid())
      or public.is_forum_moderator(public.forum_of_thread(thread_id))
    )
  );
comment on policy "posts: readers of the forum, hidden only author and moderators" on public.posts is
  'Posts are visible to readers of the forum; a hidden post only to its author and the forum''s moderators/coordinators.';

create policy "posts: posters reply"
  on public.posts for insert to authenticated
  with check (
    author_id = (select auth.uid())
    and hidden_at is null
    and public.can_post_in_thread(thread_id)
  );
comment on policy "posts: posters reply" on public.posts is
  'Users who may post in the forum reply in their own name, in unlocked threads (moderators also in locked ones).';

create policy "posts: author edits, moderators moderate"
  on public.posts for update to authenticated
  using (author_id = (select auth.uid()) or public.is_forum_moderator(public.forum_of_thread(thread_id)))
  with check (author_id = (select auth.uid()) or public.is_forum_moderator(public.forum_of_thread(thread_id)));
comment on policy "posts: author edits, moderators moderate" on public.posts is
  'Authors edit the body of their own visible posts; moderators/coordinators hide and unhide (guard trigger; logged).';

create policy "posts: moderators delete"
  on public.posts for delete to authenticated
  using (public.is_forum_moderator(public.forum_of_thread(thread_id)));
comment on policy "posts: moderators delete" on public.posts is
  'Only moderators and coordinators delete posts (hiding is preferred; both are logged).';

create or replace function public.posts_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  forum uuid;
  moderator boolean;
  locked boolean;
begin
  if not public.is_end_user_request() then
    if tg_op = 'UPDATE' and new.hidden_at is distinct from old.hidden_at then
      if new.hidden_at is null then
        new.hidden_by := null;
        new.hidden_reason := null;
      elsif new.hidden_by is null then
        new.hidden_by := (select auth.uid());
      end if;
    end if;
    return new;
  end if;

  select t.forum_id, t.locked into forum, locked from public.threads t where t.id = new.thread_id;
  moderator := public.is_forum_moderator(forum);

  if tg_op = 'INSERT' then
    new.created_at := now();
    new.edited_at := null;
    new.hidden_at := null;
    new.hidden_by := null;
    new.hidden_reason := null;
    return new;
  end if;

  if new.thread_id is distinct from old.thread_id
     or new.author_id is distinct from old.author_id
     or new.created_at is distinct from old.created_at then
    raise exception 'thread, author and created_at of a post cannot be changed' using errcode = '42501';
  end if;

  if new.body is distinct from old.body then
    if old.author_id is distinct from (select auth.uid()) then
      raise exception 'only the author edits a post' using errcode = '42501';
    end if;
    if old.hidden_at is not null and not moderator then
      raise exception 'a hidden post cannot be edited' using errcode = '42501';
    end if;
    if locked and not moderator then
      raise exception 'the thread is locked' using errcode = '42501';
    end if;
    new.edited_at := now();
  elsif new.edited_at is distinct from old.edited_at then
    new.edited_at := old.edited_at;
  end if;

  if new.hidden_at is distinct from old.hidden_at
     or new.hidden_by is distinct from old.hidden_by
     or new.hidden_reason is distinct from old.hidden_reason then
    if not moderator then
      raise exception 'only moderators hide or unhide posts' using errcode = '42501';
    end if;
    if new.hidden_at is null then
      new.hidden_by := null;
      new.hidden_reason := null;
    else
      new.hidden_by := (select auth.uid());
    end if;
  end if;
  return new;
end;
$$;

create trigger posts_guard
  before insert or update on public.posts
  for each row execute function public.posts_guard();
