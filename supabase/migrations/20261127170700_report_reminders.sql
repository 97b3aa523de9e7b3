-- Reminders to organisations that have not submitted their report: 14 days before the due date,
-- 3 days before and the day after it (npm run reminders, run daily by a scheduler). Each reminder
-- is claimed in report_reminders before it is sent, so a second run the same day (or a retry)
-- sends nothing twice; a run that missed a day catches up with the reminder that applies now.

create type public.report_reminder_kind as enum ('due_in_14', 'due_in_3', 'overdue');

create table public.report_reminders (
  period_id uuid not null references public.reporting_periods (id) on delete cascade,
  org_id uuid not null references public.organisations (id) on delete cascade,
  kind public.report_reminder_kind not null,
  sent_at timestamptz not null default now(),
  recipients integer check (recipients is null or recipients >= 0),
  primary key (period_id, org_id, kind)
);
comment on table public.report_reminders is 'Reminders sent about unsubmitted reports (one per period, organisation and kind). Written by the reminder job (service role).';
create index report_reminders_org_idx on public.report_reminders (org_id);

alter table public.report_reminders enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.report_reminders from anon, authenticated;

create policy "report_reminders: coordinators read"
  on public.report_reminders for select to authenticated
  using ((select public.is_coordinator()));
comment on policy "report_reminders: coordinators read" on public.report_reminders is
  'Coordinators see which reminders went out. Nobody writes through the API: only the reminder job (service role).';

-- Claims the reminders due on p_today and returns them; rows returned are the ones to send now.
create or replace function public.claim_report_reminders(p_today date)
returns table (period_id uuid, period_name text, due_on date, org_id uuid, org_name text, kind public.report_reminder_kind)
language sql
volatile
security definer
set search_path = ''
as $$
  with due as (
    select p.id as period_id, p.name as period_name, p.due_on, o.id as org_id, o.name as org_name,
           (case when p_today > p.due_on then 'overdue'
                 when p_today >= p.due_on - 3 then 'due_in_3'
                 else 'due_in_14' end)::public.report_reminder_kind as kind
      from public.reporting_periods p
      join public.period_organisations po on po.period_id = p.id
      join public.organisations o on o.id = po.org_id and o.status = 'active'
      left join public.reports r on r.period_id = p.id and r.org_id = o.id
     where p.status = 'open'
       and p_today >= p.due_on - 14
       and (r.id is null or r.status in ('draft', 'returned'))
  ),
  claimed as (
    insert into public.report_reminders (period_id, org_id, kind)
    select d.period_id, d.org_id, d.kind from due d
    on conflict do nothing
    returning report_reminders.period_id, report_reminders.org_id, report_reminders.kind
  )
  select d.period_id, d.period_name, d.due_on, d.org_id, d.org_name, d.kind
    from claimed c
    join due d on d.period_id = c.period_id and d.org_id = c.org_id and d.kind = c.kind
   order by d.due_on, d.period_name, d.org_name;
$$;
comment on function public.claim_report_reminders(date) is
  'Reminder job: claims (once ever per period, organisation and kind) the reminders due on p_today for organisations required to report whose report is missing, draft or returned, and returns them.';
revoke execute on function public.claim_report_reminders(date) from public, anon, authenticated;
grant execute on function public.claim_report_reminders(date) to service_role;
