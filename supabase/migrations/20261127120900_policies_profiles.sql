-- Access rules for profiles and platform_roles.
-- Anonymous visitors see no people at all: no policy is written "to anon" for these tables, and
-- anon may not write them.

revoke insert, update, delete, truncate, references, trigger on public.profiles, public.platform_roles from anon;
revoke truncate, references, trigger on public.profiles, public.platform_roles from authenticated;

-- profiles -----------------------------------------------------------------------------------------
-- Signed-in users need names and titles of the people they collaborate with (forum authors,
-- organisation members, report submitters/reviewers), so every signed-in user reads profiles.
create policy "profiles: signed-in users read"
  on public.profiles for select to authenticated
  using (true);
comment on policy "profiles: signed-in users read" on public.profiles is
  'Every signed-in user (partner, coordinator, board) reads profiles: names of collaborators, forum authors and reviewers. Anonymous: nothing.';

-- Normally created by the auth.users trigger; a user may create their own missing row.
create policy "profiles: users create their own"
  on public.profiles for insert to authenticated
  with check (id = (select auth.uid()));
comment on policy "profiles: users create their own" on public.profiles is
  'A signed-in user may create only their own profile (normally done by the new-user trigger).';

create policy "profiles: users update their own"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));
comment on policy "profiles: users update their own" on public.profiles is
  'A user edits only their own profile (name, title, phone, language, notifications); the e-mail copy is guarded by trigger.';
-- No delete policy: profiles go away with their auth user (on delete cascade).

-- platform_roles -----------------------------------------------------------------------------------
create policy "platform_roles: own roles, coordinators all"
  on public.platform_roles for select to authenticated
  using (user_id = (select auth.uid()) or (select public.is_coordinator()));
comment on policy "platform_roles: own roles, coordinators all" on public.platform_roles is
  'Users see their own platform roles (the UI needs them); coordinators see who holds which role.';

create policy "platform_roles: coordinators grant"
  on public.platform_roles for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "platform_roles: coordinators grant" on public.platform_roles is
  'Only coordinators grant the coordinator or board role. Logged in audit_log.';

create policy "platform_roles: coordinators revoke"
  on public.platform_roles for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "platform_roles: coordinators revoke" on public.platform_roles is
  'Only coordinators revoke platform roles. Logged in audit_log.';
-- No update policy: a role is granted or revoked, never edited.
