-- Every auth user gets a profile: created when the auth.users row is inserted (sign-up, invitation,
-- admin API, seed), with name/title/locale from user metadata; the e-mail copy follows changes.

create or replace function public.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
begin
  insert into public.profiles (id, email, full_name, title, phone, locale)
  values (
    new.id,
    new.email,
    left(coalesce(nullif(btrim(meta ->> 'full_name'), ''), nullif(btrim(meta ->> 'name'), ''), ''), 200),
    left(nullif(btrim(meta ->> 'title'), ''), 200),
    left(nullif(btrim(meta ->> 'phone'), ''), 40),
    case when meta ->> 'locale' in ('sv', 'en') then meta ->> 'locale' else 'sv' end
  )
  on conflict (id) do nothing;
  return new;
end;
$$;
comment on function public.handle_new_user() is 'AFTER INSERT trigger on auth.users: creates the public.profiles row.';

create or replace function public.handle_user_email_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.profiles p set email = new.email where p.id = new.id;
  return new;
end;
$$;
comment on function public.handle_user_email_change() is 'AFTER UPDATE OF email trigger on auth.users: keeps profiles.email in sync.';

revoke execute on function public.handle_new_user(), public.handle_user_email_change() from public, anon, authenticated;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function public.handle_new_user();

create trigger on_auth_user_email_changed
  after update of email on auth.users
  for each row when (old.email is distinct from new.email)
  execute function public.handle_user_email_change();
