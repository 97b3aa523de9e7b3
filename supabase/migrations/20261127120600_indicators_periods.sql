-- Key performance indicators (nyckeltal) and the reporting periods they are reported for.

create table public.indicators (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9._-]{1,31}$'),
  name text not null check (char_length(btrim(name)) between 2 and 200),
  description text check (description is null or char_length(description) <= 4000),
  unit text not null check (char_length(btrim(unit)) between 1 and 40),
  direction public.indicator_direction not null default 'increase',
  kolada_kpi text check (kolada_kpi is null or kolada_kpi ~ '^[NU][0-9]{5}$'),
  target numeric,
  baseline numeric,
  baseline_year integer check (baseline_year is null or baseline_year between 2000 and 2100),
  sort_order integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.indicators is 'KPIs of the integration roadmap (färdplan); defined by coordinators.';
comment on column public.indicators.kolada_kpi is 'Optional Kolada KPI id (e.g. N00945) for comparison with national statistics.';

create index indicators_active_sort_idx on public.indicators (active, sort_order, code);

create trigger indicators_set_updated_at
  before update on public.indicators
  for each row execute function public.set_updated_at();

alter table public.indicators enable row level security;


create table public.reporting_periods (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (char_length(btrim(name)) between 2 and 100),
  starts_on date not null,
  ends_on date not null,
  due_on date not null,
  status public.period_status not null default 'open',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reporting_periods_dates_ordered check (ends_on >= starts_on and due_on >= starts_on)
);
comment on table public.reporting_periods is 'Follow-up periods (e.g. "Helår 2025"). Reports can be started only in open periods.';

create index reporting_periods_status_idx on public.reporting_periods (status, starts_on desc);

create trigger reporting_periods_set_updated_at
  before update on public.reporting_periods
  for each row execute function public.set_updated_at();

alter table public.reporting_periods enable row level security;
