-- The Swedish organisationsnummer check (the same rule as app/lib/org-number.ts), so that the
-- database refuses a mistyped number whoever writes it (security and integrity live in SQL).

-- True when `value` is NNNNNN-NNNN or NNNNNNNNNN and its last digit is the Luhn (mod 10) check
-- digit of the first nine. Immutable and harmless: any role may call it.
create or replace function public.org_number_is_valid(value text)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  digits text;
  total integer := 0;
  d integer;
  i integer;
begin
  if value is null or value !~ '^[0-9]{6}-?[0-9]{4}$' then
    return false;
  end if;
  digits := replace(value, '-', '');
  for i in 1..9 loop
    d := substr(digits, i, 1)::integer * (case when i % 2 = 1 then 2 else 1 end);
    total := total + (d / 10) + (d % 10);
  end loop;
  return (10 - total % 10) % 10 = substr(digits, 10, 1)::integer;
end;
$$;
comment on function public.org_number_is_valid(text) is
  'Swedish organisationsnummer: NNNNNN-NNNN (or ten digits) with a valid Luhn check digit.';

-- The canonical form stored by /apply and the admin pages: NNNNNN-NNNN.
create or replace function public.org_number_normalize(value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when value ~ '^[0-9]{6}-?[0-9]{4}$'
              then substr(replace(value, '-', ''), 1, 6) || '-' || substr(replace(value, '-', ''), 7, 4) end;
$$;
comment on function public.org_number_normalize(text) is 'NNNNNNNNNN or NNNNNN-NNNN as NNNNNN-NNNN; null for anything else.';

grant execute on function public.org_number_is_valid(text), public.org_number_normalize(text) to anon, authenticated, service_role;
