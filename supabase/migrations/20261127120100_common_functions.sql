-- Generic trigger functions shared by every table.

-- Keeps updated_at current on every UPDATE. Security invoker: it only touches NEW.
create or replace function public.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function public.set_updated_at() is 'BEFORE UPDATE trigger: sets updated_at = now().';

-- True when the current statement runs on behalf of an end user (PostgREST switches to the anon or
-- authenticated role). False for the migration owner, the seed, service_role and for code running
-- inside a security definer function (owned by the migration owner). Guard triggers use it to
-- enforce workflow rules on users while letting trusted server-side code and triggers maintain data.
-- Deliberately security invoker: it must see the caller's current_user.
create or replace function public.is_end_user_request()
returns boolean
language sql
stable
set search_path = ''
as $$
  select current_user in ('anon', 'authenticated');
$$;
comment on function public.is_end_user_request() is
  'True when the statement runs as anon/authenticated (a user via PostgREST); false for trusted roles and security definer code.';

revoke execute on function public.set_updated_at() from public, anon, authenticated;
