-- Organisations (first-class identities) and who belongs to them.

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 2 and 200),
  org_number text check (org_number is null or org_number ~ '^[0-9]{6}-?[0-9]{4}$'),
  kind public.organisation_kind not null default 'association',
  description text check (description is null or char_length(description) <= 5000),
  website text check (website is null or (website ~* '^https?://' and char_length(website) <= 500)),
  contact_email text check (contact_email is null or (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(contact_email) <= 320)),
  contact_phone text check (contact_phone is null or char_length(contact_phone) <= 40),
  status public.organisation_status not null default 'pending',
  reports_to_board boolean not null default false,
  approved_at timestamptz,
  approved_by uuid references public.profiles (id) on delete set null,
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organisations is 'Partner organisations. Anonymous visitors see active ones (the public profile).';
comment on column public.organisations.contact_email is 'Public contact address of the organisation (part of the public profile).';
comment on column public.organisations.reports_to_board is 'The organisation reports to the municipal executive board (KS), e.g. AB Eidar.';

create unique index organisations_org_number_key on public.organisations (replace(org_number, '-', ''))
  where org_number is not null;
create index organisations_status_name_idx on public.organisations (status, name);
create index organisations_reports_to_board_idx on public.organisations (reports_to_board) where reports_to_board;
create index organisations_approved_by_idx on public.organisations (approved_by);
create index organisations_created_by_idx on public.organisations (created_by);

create trigger organisations_set_updated_at
  before update on public.organisations
  for each row execute function public.set_updated_at();

alter table public.organisations enable row level security;


create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organisations (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.membership_role not null default 'member',
  status public.membership_status not null default 'invited',
  invited_by uuid references public.profiles (id) on delete set null default auth.uid(),
  invited_at timestamptz not null default now(),
  joined_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint memberships_org_user_key unique (org_id, user_id),
  constraint memberships_joined_when_active check (status <> 'active' or joined_at is not null)
);
comment on table public.memberships is 'A person acting on behalf of an organisation, as admin or member; invited until accepted.';

create index memberships_user_id_idx on public.memberships (user_id, status);
create index memberships_invited_by_idx on public.memberships (invited_by);

create trigger memberships_set_updated_at
  before update on public.memberships
  for each row execute function public.set_updated_at();

alter table public.memberships enable row level security;


-- Who asked for an organisation to join (/apply) and why. Kept apart from organisations because
-- an active organisation's row is public, while the applicant's contact details are personal data.
create table public.organisation_applications (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null unique references public.organisations (id) on delete cascade,
  applicant_name text not null check (char_length(btrim(applicant_name)) between 2 and 200),
  applicant_email text not null
    check (applicant_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(applicant_email) <= 320),
  applicant_phone text check (applicant_phone is null or char_length(applicant_phone) <= 40),
  message text check (message is null or char_length(message) <= 5000),
  user_id uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
comment on table public.organisation_applications is
  'Application details of an organisation asking to join; read by coordinators and the applicant only.';

create index organisation_applications_user_id_idx on public.organisation_applications (user_id);

alter table public.organisation_applications enable row level security;
