-- Starting a thread is one step for the person: the thread and its first post are written in one
-- transaction, so a refused or failed first post leaves no empty thread behind. Invoker rights:
-- the insert policies on threads and posts decide, exactly as for two separate inserts.

create or replace function public.start_thread(forum uuid, title text, body text)
returns table (thread_id uuid, post_id uuid)
language plpgsql
set search_path = ''
as $$
declare
  new_thread uuid;
  new_post uuid;
begin
  insert into public.threads (forum_id, title, author_id)
  values (forum, title, (select auth.uid()))
  returning id into new_thread;
  insert into public.posts (thread_id, author_id, body)
  values (new_thread, (select auth.uid()), body)
  returning id into new_post;
  return query select new_thread, new_post;
end;
$$;
comment on function public.start_thread(uuid, text, text) is
  'Creates a thread and its first post in the caller''s name in one transaction (RLS applies to both inserts).';
revoke execute on function public.start_thread(uuid, text, text) from public, anon;
grant execute on function public.start_thread(uuid, text, text) to authenticated;
