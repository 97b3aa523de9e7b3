-- Access rules for initiatives (the public catalogue) and initiative_partners.

revoke insert, update, delete, truncate, references, trigger
  on public.initiatives, public.initiative_partners from anon;
revoke truncate, references, trigger
  on public.initiatives, public.initiative_partners from authenticated;

-- initiatives --------------------------------------------------------------------------------------
create policy "initiatives: anyone reads the public catalogue"
  on public.initiatives for select to anon
  using (is_public and status <> 'draft' and public.org_is_active(org_id));
comment on policy "initiatives: anyone reads the public catalogue" on public.initiatives is
  'Residents without an account read initiatives marked is_public that are not drafts (of active organisations). Nothing else.';

create policy "initiatives: signed-in read non-drafts and own drafts"
  on public.initiatives for select to authenticated
  using (
    (status <> 'draft' and public.org_is_active(org_id))
    or public.is_org_member(org_id)
    or (select public.is_coordinator())
  );
comment on policy "initiatives: signed-in read non-drafts and own drafts" on public.initiatives is
  'Signed-in users read every non-draft initiative (public or not) of active organisations; drafts only of their own organisations; coordinators all.';

create policy "initiatives: members create for own organisation"
  on public.initiatives for insert to authenticated
  with check (public.is_org_member(org_id) or (select public.is_coordinator()));
comment on policy "initiatives: members create for own organisation" on public.initiatives is
  'Members register initiatives only for organisations they act for; coordinators for any.';

create policy "initiatives: members update own organisation's"
  on public.initiatives for update to authenticated
  using (public.is_org_member(org_id) or (select public.is_coordinator()))
  with check (public.is_org_member(org_id) or (select public.is_coordinator()));
comment on policy "initiatives: members update own organisation's" on public.initiatives is
  'Members edit their own organisation''s initiatives (cannot move them to another org); coordinators moderate any.';

create policy "initiatives: members delete own organisation's"
  on public.initiatives for delete to authenticated
  using (public.is_org_member(org_id) or (select public.is_coordinator()));
comment on policy "initiatives: members delete own organisation's" on public.initiatives is
  'Members delete their own organisation''s initiatives; coordinators any.';

create or replace function public.initiatives_stamp()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if public.is_end_user_request() then
    if tg_op = 'INSERT' then
      new.created_by := (select auth.uid());
      new.created_at := now();
    elsif new.created_by is distinct from old.created_by or new.created_at is distinct from old.created_at then
      raise exception 'created_by and created_at cannot be changed' using errcode = '42501';
    end if;
    new.updated_by := (select auth.uid());
  end if;
  return new;
end;
$$;

create trigger initiatives_stamp
  before insert or update on public.initiatives
  for each row execute function public.initiatives_stamp();

-- initiative_partners ------------------------------------------------------------------------------
-- Visibility follows the initiative: the subquery runs under the caller's own RLS on initiatives.
create policy "initiative_partners: anyone reads partners of public ones"
  on public.initiative_partners for select to anon
  using (exists (select 1 from public.initiatives i where i.id = initiative_id));
comment on policy "initiative_partners: anyone reads partners of public ones" on public.initiative_partners is
  'Anonymous visitors see the partners of initiatives they can see (public, non-draft) - evaluated through initiatives RLS.';

create policy "initiative_partners: signed-in read partners of visible ones"
  on public.initiative_partners for select to authenticated
  using (exists (select 1 from public.initiatives i where i.id = initiative_id));
comment on policy "initiative_partners: signed-in read partners of visible ones" on public.initiative_partners is
  'Signed-in users see the partners of every initiative visible to them (through initiatives RLS).';

create policy "initiative_partners: owners add partners"
  on public.initiative_partners for insert to authenticated
  with check (public.can_edit_initiative(initiative_id) and public.org_is_active(org_id));
comment on policy "initiative_partners: owners add partners" on public.initiative_partners is
  'Members of the owning organisation (and coordinators) add active organisations as partners.';

create policy "initiative_partners: owners update partners"
  on public.initiative_partners for update to authenticated
  using (public.can_edit_initiative(initiative_id))
  with check (public.can_edit_initiative(initiative_id));
comment on policy "initiative_partners: owners update partners" on public.initiative_partners is
  'Members of the owning organisation (and coordinators) describe a partner''s role.';

create policy "initiative_partners: owners and the partner remove"
  on public.initiative_partners for delete to authenticated
  using (public.can_edit_initiative(initiative_id) or public.is_org_admin(org_id));
comment on policy "initiative_partners: owners and the partner remove" on public.initiative_partners is
  'The owning organisation (and coordinators) remove partners; a partner organisation''s admin may withdraw it.';
