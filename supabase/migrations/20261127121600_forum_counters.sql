-- Maintains threads.post_count (visible posts) and threads.last_post_at from posts.
-- Security definer so it can update the thread whatever the poster may do on threads; increments
-- (rather than recounting) so that concurrent replies serialise on the thread row.

create or replace function public.posts_maintain_thread_counters()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if new.hidden_at is null then
      update public.threads t
         set post_count = t.post_count + 1,
             last_post_at = greatest(t.last_post_at, new.created_at)
       where t.id = new.thread_id;
    end if;
    return new;
  end if;

  if tg_op = 'DELETE' then
    if old.hidden_at is null then
      update public.threads t
         set post_count = greatest(t.post_count - 1, 0),
             last_post_at = coalesce(
               (select max(p.created_at) from public.posts p where p.thread_id = t.id and p.hidden_at is null),
               t.created_at)
       where t.id = old.thread_id;
    end if;
    return old;
  end if;

  -- UPDATE: hiding or unhiding changes what is visible
  if (old.hidden_at is null) <> (new.hidden_at is null) then
    update public.threads t
       set post_count = greatest(t.post_count + case when new.hidden_at is null then 1 else -1 end, 0),
           last_post_at = coalesce(
             (select max(p.created_at) from public.posts p where p.thread_id = t.id and p.hidden_at is null),
             t.created_at)
     where t.id = new.thread_id;
  end if;
  return new;
end;
$$;
comment on function public.posts_maintain_thread_counters() is
  'AFTER trigger on posts: keeps threads.post_count and threads.last_post_at in step with visible posts.';

revoke execute on function public.posts_maintain_thread_counters() from public, anon, authenticated;

create trigger posts_maintain_thread_counters
  after insert or update of hidden_at or delete on public.posts
  for each row execute function public.posts_maintain_thread_counters();
