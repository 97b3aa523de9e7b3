-- People: one profile per auth user, and the platform-wide roles (coordinator, board).
-- Policies live in 20261127120900_policies_profiles.sql (they need the access helpers).

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text check (email is null or char_length(email) <= 320),
  full_name text not null default '' check (char_length(full_name) <= 200),
  title text check (title is null or char_length(title) <= 200),
  phone text check (phone is null or char_length(phone) <= 40),
  locale text not null default 'sv' check (locale in ('sv', 'en')),
  -- notification settings
  notify_forum_replies boolean not null default true,
  notify_report_reminders boolean not null default true,
  notify_report_reviews boolean not null default true,
  notify_digest boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One row per auth.users row (created by trigger). Display data and settings of a person.';
comment on column public.profiles.email is 'Copy of auth.users.email, kept in sync by trigger; read-only for users.';

create index profiles_email_idx on public.profiles (lower(email));

create trigger profiles_set_updated_at
  before update on public.profiles
  for each row execute function public.set_updated_at();

-- Users may edit their own profile, but never their id or the e-mail copy (auth owns that).
create or replace function public.profiles_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if public.is_end_user_request() then
    if new.id is distinct from old.id or new.email is distinct from old.email then
      raise exception 'id and email of a profile cannot be changed here' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;

create trigger profiles_guard
  before update on public.profiles
  for each row execute function public.profiles_guard();

alter table public.profiles enable row level security;


create table public.platform_roles (
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.platform_role not null,
  granted_at timestamptz not null default now(),
  granted_by uuid references public.profiles (id) on delete set null default auth.uid(),
  primary key (user_id, role)
);
comment on table public.platform_roles is 'Platform-wide roles: coordinator (samordnare) and board (KS ledamot).';

create index platform_roles_role_idx on public.platform_roles (role);
create index platform_roles_granted_by_idx on public.platform_roles (granted_by);

alter table public.platform_roles enable row level security;
