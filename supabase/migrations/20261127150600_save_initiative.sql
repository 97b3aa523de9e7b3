-- Saving an initiative from the register form is one transaction (issue 6: nothing half-saved):
-- the initiative's fields and its partner list together. Invoker rights: the policies on
-- initiatives and initiative_partners decide exactly as for separate writes; a row the caller may
-- not edit raises 42501 instead of silently changing nothing.

create or replace function public.save_initiative(initiative uuid, fields jsonb, partners jsonb default '[]'::jsonb)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  given public.initiatives := jsonb_populate_record(null::public.initiatives, fields);
  saved uuid;
begin
  if jsonb_typeof(coalesce(partners, '[]'::jsonb)) <> 'array' or jsonb_array_length(coalesce(partners, '[]'::jsonb)) > 50 then
    raise exception 'partners must be a list of at most 50' using errcode = '22023';
  end if;

  if initiative is null then
    insert into public.initiatives (
      org_id, title, summary, description, status, starts_on, ends_on, districts, target_groups, focus_areas,
      participants_expected, budget_sek, funding_source, is_public, contact_name, contact_email, contact_phone)
    values (
      given.org_id, given.title, given.summary, given.description, coalesce(given.status, 'draft'), given.starts_on,
      given.ends_on, coalesce(given.districts, '{}'), coalesce(given.target_groups, '{}'), coalesce(given.focus_areas, '{}'),
      given.participants_expected, given.budget_sek, given.funding_source, coalesce(given.is_public, false),
      given.contact_name, given.contact_email, given.contact_phone)
    returning id into saved;
  else
    update public.initiatives i
       set title = given.title, summary = given.summary, description = given.description,
           status = coalesce(given.status, i.status), starts_on = given.starts_on, ends_on = given.ends_on,
           districts = coalesce(given.districts, '{}'), target_groups = coalesce(given.target_groups, '{}'),
           focus_areas = coalesce(given.focus_areas, '{}'), participants_expected = given.participants_expected,
           budget_sek = given.budget_sek, funding_source = given.funding_source,
           is_public = coalesce(given.is_public, false), contact_name = given.contact_name,
           contact_email = given.contact_email, contact_phone = given.contact_phone
     where i.id = initiative
    returning i.id into saved;
    if saved is null then
      raise exception 'initiative not found or not editable' using errcode = '42501';
    end if;
  end if;

  delete from public.initiative_partners p
   where p.initiative_id = saved
     and not exists (select 1 from jsonb_array_elements(partners) e where (e ->> 'org_id')::uuid = p.org_id);
  insert into public.initiative_partners (initiative_id, org_id, role)
  select saved, (e ->> 'org_id')::uuid, nullif(btrim(e ->> 'role'), '')
    from jsonb_array_elements(coalesce(partners, '[]'::jsonb)) e
  on conflict (initiative_id, org_id) do update set role = excluded.role;

  return saved;
end;
$$;
comment on function public.save_initiative(uuid, jsonb, jsonb) is
  'Registers (initiative null) or updates an initiative and replaces its partners ([{org_id, role}]) in one transaction, as the caller (RLS applies).';
revoke execute on function public.save_initiative(uuid, jsonb, jsonb) from public, anon;
grant execute on function public.save_initiative(uuid, jsonb, jsonb) to authenticated;
