-- The template of a reporting period: which organisations must report, which indicators apply and
-- which narrative questions the report answers. Coordinators define them; every signed-in user
-- reads them (partners fill in reports, the board follows them up). Anonymous: nothing.

create table public.period_organisations (
  period_id uuid not null references public.reporting_periods (id) on delete cascade,
  org_id uuid not null references public.organisations (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (period_id, org_id)
);
comment on table public.period_organisations is 'Organisations that must report in a reporting period (reminders go to them).';
create index period_organisations_org_idx on public.period_organisations (org_id);

create table public.period_indicators (
  period_id uuid not null references public.reporting_periods (id) on delete cascade,
  indicator_id uuid not null references public.indicators (id) on delete restrict,
  sort_order integer not null default 0,
  primary key (period_id, indicator_id)
);
comment on table public.period_indicators is 'Indicators reported on in a reporting period.';
create index period_indicators_indicator_idx on public.period_indicators (indicator_id);

create table public.period_questions (
  id uuid primary key default gen_random_uuid(),
  period_id uuid not null references public.reporting_periods (id) on delete cascade,
  position integer not null check (position >= 1),
  question text not null check (char_length(btrim(question)) between 3 and 500),
  help text check (help is null or char_length(help) <= 2000),
  required boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- deferrable so a reorder can swap positions within one statement/transaction
  constraint period_questions_position_key unique (period_id, position) deferrable initially deferred
);
comment on table public.period_questions is 'Narrative questions of a reporting period''s report template, in order.';

create trigger period_questions_set_updated_at
  before update on public.period_questions
  for each row execute function public.set_updated_at();

alter table public.period_organisations enable row level security;
alter table public.period_indicators enable row level security;
alter table public.period_questions enable row level security;

revoke insert, update, delete, truncate, references, trigger
  on public.period_organisations, public.period_indicators, public.period_questions from anon;
revoke truncate, references, trigger
  on public.period_organisations, public.period_indicators, public.period_questions from authenticated;

-- period_organisations -----------------------------------------------------------------------------
create policy "period_organisations: signed-in read"
  on public.period_organisations for select to authenticated
  using (true);
comment on policy "period_organisations: signed-in read" on public.period_organisations is
  'Every signed-in user sees which organisations must report (an organisation sees what is asked of it).';

create policy "period_organisations: coordinators add"
  on public.period_organisations for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "period_organisations: coordinators add" on public.period_organisations is
  'Only coordinators decide which organisations must report.';

create policy "period_organisations: coordinators remove"
  on public.period_organisations for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "period_organisations: coordinators remove" on public.period_organisations is
  'Only coordinators release an organisation from reporting in a period. (No update: a row is a pair of keys.)';

-- period_indicators --------------------------------------------------------------------------------
create policy "period_indicators: signed-in read"
  on public.period_indicators for select to authenticated
  using (true);
comment on policy "period_indicators: signed-in read" on public.period_indicators is
  'Every signed-in user sees which indicators apply in a period.';

create policy "period_indicators: coordinators add"
  on public.period_indicators for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "period_indicators: coordinators add" on public.period_indicators is
  'Only coordinators choose the indicators of a period.';

create policy "period_indicators: coordinators reorder"
  on public.period_indicators for update to authenticated
  using ((select public.is_coordinator()))
  with check ((select public.is_coordinator()));
comment on policy "period_indicators: coordinators reorder" on public.period_indicators is
  'Only coordinators change the order of a period''s indicators.';

create policy "period_indicators: coordinators remove"
  on public.period_indicators for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "period_indicators: coordinators remove" on public.period_indicators is
  'Only coordinators remove an indicator from a period (values already reported stay in their reports).';

-- period_questions ---------------------------------------------------------------------------------
create policy "period_questions: signed-in read"
  on public.period_questions for select to authenticated
  using (true);
comment on policy "period_questions: signed-in read" on public.period_questions is
  'Every signed-in user reads the template questions (partners answer them, the board reads the answers).';

create policy "period_questions: coordinators create"
  on public.period_questions for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "period_questions: coordinators create" on public.period_questions is 'Only coordinators write the template.';

create policy "period_questions: coordinators update"
  on public.period_questions for update to authenticated
  using ((select public.is_coordinator()))
  with check ((select public.is_coordinator()));
comment on policy "period_questions: coordinators update" on public.period_questions is 'Only coordinators reword or reorder questions.';

create policy "period_questions: coordinators delete"
  on public.period_questions for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "period_questions: coordinators delete" on public.period_questions is
  'Only coordinators remove questions; a question that has answers cannot be removed (foreign key).';
