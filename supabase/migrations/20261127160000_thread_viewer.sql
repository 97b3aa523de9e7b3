-- What the reader of a thread page may do, in one round trip instead of four (issue 5 follow-up):
-- moderator or not, may reply, watching, and how far they have read. Invoker rights: the helper
-- functions and the policies on forum_watches and thread_reads answer for the caller.

create or replace function public.thread_viewer(thread uuid)
returns table (moderator boolean, can_post boolean, watching boolean, last_read_position integer)
language sql stable
set search_path = ''
as $$
  select public.is_forum_moderator(t.forum_id),
         public.can_post_in_thread(t.id),
         exists (select 1 from public.forum_watches w where w.thread_id = t.id and w.user_id = (select auth.uid())),
         coalesce((select r.last_read_position from public.thread_reads r
                    where r.thread_id = t.id and r.user_id = (select auth.uid())), 0)
    from public.threads t
   where t.id = thread;
$$;
comment on function public.thread_viewer(uuid) is
  'For the thread page: whether the caller moderates the forum, may reply, watches the thread, and their read mark (no row when the thread is invisible to them).';
revoke execute on function public.thread_viewer(uuid) from public, anon;
grant execute on function public.thread_viewer(uuid) to authenticated;
