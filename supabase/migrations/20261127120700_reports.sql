-- Follow-up reports of organisations per reporting period, and their indicator values.
-- The status workflow is enforced by triggers in 20261127121500_report_workflow.sql.

create table public.reports (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete restrict,
  period_id uuid not null references public.reporting_periods (id) on delete restrict,
  status public.report_status not null default 'draft',
  summary text check (summary is null or char_length(summary) <= 5000),
  -- narrative sections
  activities text check (activities is null or char_length(activities) <= 20000),
  results text check (results is null or char_length(results) <= 20000),
  collaboration text check (collaboration is null or char_length(collaboration) <= 20000),
  challenges text check (challenges is null or char_length(challenges) <= 20000),
  next_steps text check (next_steps is null or char_length(next_steps) <= 20000),
  submitted_at timestamptz,
  submitted_by uuid references public.profiles (id) on delete set null,
  reviewed_at timestamptz,
  reviewed_by uuid references public.profiles (id) on delete set null,
  review_comment text check (review_comment is null or char_length(review_comment) <= 5000),
  version integer not null default 0 check (version >= 0),
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  updated_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reports_org_period_key unique (org_id, period_id),
  constraint reports_submitted_consistent check (status = 'draft' or (submitted_at is not null and version >= 1)),
  constraint reports_reviewed_consistent check (status not in ('returned', 'accepted') or reviewed_at is not null)
);
comment on table public.reports is 'Follow-up report of one organisation for one reporting period.';
comment on column public.reports.version is 'Number of times the report has been submitted (0 for a draft never submitted).';

create index reports_period_status_idx on public.reports (period_id, status);
create index reports_status_idx on public.reports (status, submitted_at desc);
create index reports_submitted_by_idx on public.reports (submitted_by);
create index reports_reviewed_by_idx on public.reports (reviewed_by);
create index reports_created_by_idx on public.reports (created_by);
create index reports_updated_by_idx on public.reports (updated_by);
-- reports by org: covered by reports_org_period_key (org_id, period_id)

create trigger reports_set_updated_at
  before update on public.reports
  for each row execute function public.set_updated_at();

alter table public.reports enable row level security;


create table public.report_indicator_values (
  report_id uuid not null references public.reports (id) on delete cascade,
  indicator_id uuid not null references public.indicators (id) on delete restrict,
  value numeric not null,
  comment text check (comment is null or char_length(comment) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (report_id, indicator_id)
);
comment on table public.report_indicator_values is 'The value an organisation reports for an indicator in a report.';

create index report_indicator_values_indicator_id_idx on public.report_indicator_values (indicator_id);

create trigger report_indicator_values_set_updated_at
  before update on public.report_indicator_values
  for each row execute function public.set_updated_at();

alter table public.report_indicator_values enable row level security;
