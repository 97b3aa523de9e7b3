-- An org admin may add people to their organisation only as an invitation: the person becomes a
-- member when they accept (invited -> active, the invitee's own update). Without this an org admin
-- could make any account an active member of their organisation without its consent.
-- Coordinators (e.g. fixing an organisation's first admin) and trusted server code are exempt.

create or replace function public.memberships_insert_invited()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if public.is_end_user_request() and not public.is_coordinator() and new.status <> 'invited' then
    raise exception 'a new membership starts as an invitation' using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function public.memberships_insert_invited() is
  'BEFORE INSERT on memberships: users other than coordinators may only create invitations (status invited).';

create trigger memberships_insert_invited
  before insert on public.memberships
  for each row execute function public.memberships_insert_invited();
