-- Preventive initiatives (the public catalogue) and their partner organisations.

create table public.initiatives (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 3 and 200),
  summary text check (summary is null or char_length(summary) <= 500),
  description text check (description is null or char_length(description) <= 20000),
  status public.initiative_status not null default 'draft',
  starts_on date,
  ends_on date,
  districts text[] not null default '{}'
    check (districts <@ array['Centrum', 'Kronogården', 'Lextorp', 'Sylte', 'Hjulkvarn', 'Skoftebyn',
      'Stavre', 'Strandmon', 'Sjuntorp', 'Upphärad', 'Velanda', 'Öresjö', 'Nordstaden', 'Halvorstorp']::text[]),
  target_groups text[] not null default '{}' check (cardinality(target_groups) <= 20),
  focus_areas text[] not null default '{}' check (cardinality(focus_areas) <= 20),
  participants_expected integer check (participants_expected is null or participants_expected >= 0),
  participants_reached integer check (participants_reached is null or participants_reached >= 0),
  budget_sek numeric(14, 2) check (budget_sek is null or budget_sek >= 0),
  is_public boolean not null default false,
  contact_email text check (contact_email is null or (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(contact_email) <= 320)),
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  updated_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint initiatives_dates_ordered check (starts_on is null or ends_on is null or ends_on >= starts_on)
);
comment on table public.initiatives is
  'Preventive initiatives. Public catalogue = is_public and status <> draft (of active organisations).';
comment on column public.initiatives.districts is 'Districts of Trollhättan (stadsdelar/områden) the initiative reaches.';

create index initiatives_org_id_idx on public.initiatives (org_id, status);
create index initiatives_catalogue_idx on public.initiatives (status, is_public, starts_on desc);
create index initiatives_districts_idx on public.initiatives using gin (districts);
create index initiatives_focus_areas_idx on public.initiatives using gin (focus_areas);
create index initiatives_created_by_idx on public.initiatives (created_by);
create index initiatives_updated_by_idx on public.initiatives (updated_by);

create trigger initiatives_set_updated_at
  before update on public.initiatives
  for each row execute function public.set_updated_at();

alter table public.initiatives enable row level security;


create table public.initiative_partners (
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  org_id uuid not null references public.organisations (id) on delete cascade,
  role text check (role is null or char_length(role) <= 200),
  created_at timestamptz not null default now(),
  primary key (initiative_id, org_id)
);
comment on table public.initiative_partners is 'Other organisations taking part in an initiative.';

create index initiative_partners_org_id_idx on public.initiative_partners (org_id);

alter table public.initiative_partners enable row level security;
