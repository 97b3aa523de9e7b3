-- A report's history, visible to everyone who reads the report (the audit log is for coordinators
-- only): who started, saved, submitted, returned and accepted it, when, and with which comment.
-- `revision` counts content saves; the portal saves with the revision it loaded and is refused if
-- someone saved in between (save_report), so two people never overwrite each other unknowingly.

alter table public.reports
  add column revision integer not null default 0 check (revision >= 0);
comment on column public.reports.revision is
  'Number of content saves. A save names the revision it started from; a mismatch means someone else saved in between.';

create type public.report_event_kind as enum ('started', 'saved', 'submitted', 'returned', 'accepted');

create table public.report_events (
  id bigint generated always as identity primary key,
  report_id uuid not null references public.reports (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid references public.profiles (id) on delete set null,
  kind public.report_event_kind not null,
  revision integer not null,
  comment text,
  changed text[] not null default '{}'
);
comment on table public.report_events is
  'History of a report (written only by the trigger reports_record_event). changed: what a save changed: summary, question:<id>, indicator:<id>, initiatives.';
create index report_events_report_idx on public.report_events (report_id, id);
create index report_events_actor_idx on public.report_events (actor_id);

-- Written by the trigger as the table owner; `samverkan.report_changes` is set (transaction-local)
-- by save_report to say what a save changed. Clients cannot set it: PostgREST only exposes our rpcs.
create or replace function public.reports_record_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  changes text[];
begin
  if tg_op = 'INSERT' then
    insert into public.report_events (report_id, at, actor_id, kind, revision)
    values (new.id, new.created_at, coalesce(uid, new.created_by), 'started', new.revision);
    if new.status = 'draft' then
      return null;
    end if;
  elsif new.revision <> old.revision then
    changes := coalesce(nullif(current_setting('samverkan.report_changes', true), '')::text[],
                        case when new.summary is distinct from old.summary then array['summary'] else '{}'::text[] end);
    perform set_config('samverkan.report_changes', '', true);
    insert into public.report_events (report_id, actor_id, kind, revision, changed)
    values (new.id, coalesce(uid, new.updated_by), 'saved', new.revision, changes);
  end if;

  if new.status <> 'draft' and (tg_op = 'INSERT' or new.status is distinct from old.status) then
    insert into public.report_events (report_id, at, actor_id, kind, revision, comment)
    values (
      new.id,
      case when new.status = 'submitted' then new.submitted_at else new.reviewed_at end,
      coalesce(uid, case when new.status = 'submitted' then new.submitted_by else new.reviewed_by end),
      new.status::text::public.report_event_kind,
      new.revision,
      case when new.status in ('returned', 'accepted') then new.review_comment end
    );
  end if;
  return null;
end;
$$;
comment on function public.reports_record_event() is
  'AFTER INSERT/UPDATE on reports: records started, saved (with what changed), submitted, returned and accepted in report_events.';
revoke execute on function public.reports_record_event() from public, anon, authenticated;

create trigger reports_record_event
  after insert or update on public.reports
  for each row execute function public.reports_record_event();

alter table public.report_events enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.report_events from anon, authenticated;
-- Nobody edits history, not even trusted server code (the trigger writes as the table owner).
revoke insert, update, delete, truncate on public.report_events from service_role;

create policy "report_events: readers of the report"
  on public.report_events for select to authenticated
  using (exists (select 1 from public.reports r where r.id = report_id));
comment on policy "report_events: readers of the report" on public.report_events is
  'The history is visible exactly to those who can read the report. No write policy: only the trigger writes, nobody edits history.';
