-- Reports of posts ("Anmäl inlägg"): anyone who can read a post may report it with a reason; the
-- forum's moderators and coordinators see the reports in the moderation queue and resolve
-- (action taken) or dismiss them. Audited (audit_changes).

create type public.post_report_status as enum ('open', 'resolved', 'dismissed');
comment on type public.post_report_status is 'open: waiting for a moderator; resolved: action taken; dismissed: no action needed.';

create table public.post_reports (
  id uuid primary key default gen_random_uuid(),
  post_id uuid not null references public.posts (id) on delete cascade,
  reporter_id uuid references public.profiles (id) on delete set null default auth.uid(),
  reason text not null check (char_length(btrim(reason)) between 3 and 1000),
  status public.post_report_status not null default 'open',
  resolved_by uuid references public.profiles (id) on delete set null,
  resolved_at timestamptz,
  resolution_note text check (resolution_note is null or char_length(resolution_note) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint post_reports_resolution_consistent check ((status = 'open') = (resolved_at is null))
);
comment on table public.post_reports is 'Reports of posts by readers, handled by the forum''s moderators in the moderation queue.';
-- One open report per person and post: reporting twice does not flood the queue.
create unique index post_reports_one_open_per_reporter on public.post_reports (post_id, reporter_id) where status = 'open';
create index post_reports_open_idx on public.post_reports (created_at) where status = 'open';
create index post_reports_post_idx on public.post_reports (post_id);
create index post_reports_reporter_idx on public.post_reports (reporter_id);
create index post_reports_resolved_by_idx on public.post_reports (resolved_by);

create trigger post_reports_set_updated_at
  before update on public.post_reports
  for each row execute function public.set_updated_at();

alter table public.post_reports enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.post_reports from anon;
revoke delete, truncate, references, trigger on public.post_reports from authenticated;

-- The forum a post belongs to, for the policies below.
create or replace function public.forum_of_post(post uuid)
returns uuid
language sql stable security definer
set search_path = ''
as $$
  select t.forum_id from public.posts p join public.threads t on t.id = p.thread_id where p.id = post;
$$;
comment on function public.forum_of_post(uuid) is 'The forum a post belongs to (for post_reports policies).';
revoke execute on function public.forum_of_post(uuid) from public, anon;
grant execute on function public.forum_of_post(uuid) to authenticated, service_role;

create policy "post_reports: reporter and moderators read"
  on public.post_reports for select to authenticated
  using (reporter_id = (select auth.uid()) or public.is_forum_moderator(public.forum_of_post(post_id)));
comment on policy "post_reports: reporter and moderators read" on public.post_reports is
  'The reporter sees their own reports; the forum''s moderators and coordinators see all reports of its posts.';

create policy "post_reports: readers report"
  on public.post_reports for insert to authenticated
  with check (
    reporter_id = (select auth.uid())
    and status = 'open' and resolved_by is null and resolved_at is null and resolution_note is null
    and exists (select 1 from public.posts p where p.id = post_id)  -- the posts policy decides: only readable posts
  );
comment on policy "post_reports: readers report" on public.post_reports is
  'Anyone who can read a post reports it in their own name, as an open report.';

create policy "post_reports: moderators resolve"
  on public.post_reports for update to authenticated
  using (public.is_forum_moderator(public.forum_of_post(post_id)))
  with check (public.is_forum_moderator(public.forum_of_post(post_id)));
comment on policy "post_reports: moderators resolve" on public.post_reports is
  'The forum''s moderators and coordinators resolve or dismiss reports (guard trigger: only status and note change).';

create or replace function public.post_reports_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not public.is_end_user_request() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    -- The queue is ordered by when a report was made: the database says when, not the client.
    new.created_at := now();
    new.updated_at := now();
    return new;
  end if;
  if new.post_id is distinct from old.post_id or new.reporter_id is distinct from old.reporter_id
     or new.reason is distinct from old.reason or new.created_at is distinct from old.created_at then
    raise exception 'a report''s post, reporter and reason cannot be changed' using errcode = '42501';
  end if;
  if new.status = 'open' then
    new.resolved_by := null;
    new.resolved_at := null;
  elsif new.status is distinct from old.status then
    new.resolved_by := (select auth.uid());
    new.resolved_at := now();
  else
    -- Who resolved a report, and when, is history: a later edit of the note does not rewrite it.
    new.resolved_by := old.resolved_by;
    new.resolved_at := old.resolved_at;
  end if;
  return new;
end;
$$;
comment on function public.post_reports_guard() is 'BEFORE INSERT/UPDATE guard on post_reports: the database dates a report and records who resolved it and when; the report itself is immutable.';

create trigger post_reports_guard
  before insert or update on public.post_reports
  for each row execute function public.post_reports_guard();

