-- /apply: an organisation asks to join without an account. Rather than letting the server write
-- with the service role, the anonymous visitor calls this one function, which can only ever create
-- a *pending* organisation (never active, never reporting to the board) together with its
-- application, atomically, after checking every field. The tables stay closed to anon.
-- Rate limiting and the honeypot live in the portal (app/routes/apply.tsx): they need the client's
-- address, which the database does not see.

create or replace function public.apply_for_membership(
  p_name text,
  p_org_number text,
  p_kind public.organisation_kind,
  p_districts text[],
  p_description text,
  p_website text,
  p_contact_name text,
  p_contact_email text,
  p_message text default null
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  number text := public.org_number_normalize(btrim(coalesce(p_org_number, '')));
  org uuid;
begin
  -- Field rules (the table checks hold too; these give clear errors with errcode 22023/23505).
  if char_length(btrim(coalesce(p_name, ''))) not between 2 and 200 then
    raise exception 'invalid name' using errcode = '22023', hint = 'name';
  end if;
  if number is null or not public.org_number_is_valid(number) then
    raise exception 'invalid organisation number' using errcode = '22023', hint = 'orgNumber';
  end if;
  if p_kind is null then
    raise exception 'invalid kind' using errcode = '22023', hint = 'kind';
  end if;
  if coalesce(cardinality(p_districts), 0) = 0 then
    raise exception 'at least one district' using errcode = '22023', hint = 'districts';
  end if;
  if char_length(btrim(coalesce(p_description, ''))) not between 10 and 5000 then
    raise exception 'invalid description' using errcode = '22023', hint = 'description';
  end if;
  if nullif(btrim(p_website), '') is not null and btrim(p_website) !~* '^https?://[^\s]+$' then
    raise exception 'invalid website' using errcode = '22023', hint = 'website';
  end if;
  if char_length(btrim(coalesce(p_contact_name, ''))) not between 2 and 200 then
    raise exception 'invalid contact name' using errcode = '22023', hint = 'contactName';
  end if;
  if btrim(coalesce(p_contact_email, '')) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'invalid contact e-mail' using errcode = '22023', hint = 'contactEmail';
  end if;

  -- One organisation per organisation number, whatever its status (also enforced by the unique
  -- index organisations_org_number_key; the explicit check gives the same, clear error).
  if exists (select 1 from public.organisations o where replace(o.org_number, '-', '') = replace(number, '-', '')) then
    raise exception 'organisation number already registered' using errcode = '23505', hint = 'orgNumber';
  end if;

  begin
    -- status and reports_to_board are fixed here: an applicant can never set them.
    insert into public.organisations (name, org_number, kind, districts, description, website, status, reports_to_board)
    values (btrim(p_name), number, p_kind, p_districts, btrim(p_description), nullif(btrim(p_website), ''), 'pending', false)
    returning id into org;
  exception when unique_violation then
    raise exception 'organisation number already registered' using errcode = '23505', hint = 'orgNumber';
  end;

  insert into public.organisation_applications (org_id, applicant_name, applicant_email, message, user_id)
  values (org, btrim(p_contact_name), lower(btrim(p_contact_email)), nullif(btrim(coalesce(p_message, '')), ''), (select auth.uid()));

  return org;
end;
$$;
comment on function public.apply_for_membership(text, text, public.organisation_kind, text[], text, text, text, text, text) is
  'The /apply form: creates a pending organisation and its application atomically, with checks. Anyone may call it; it never sets status or reports_to_board. Returns the new organisation''s id.';

revoke execute on function public.apply_for_membership(text, text, public.organisation_kind, text[], text, text, text, text, text) from public;
grant execute on function public.apply_for_membership(text, text, public.organisation_kind, text[], text, text, text, text, text)
  to anon, authenticated, service_role;
