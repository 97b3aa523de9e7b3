-- The catalogue's page of 20 stays a short index walk at scale (issue 10).
--
-- The initiatives read policies kept "of an active organisation" as
-- `org_id = any ((select public.active_org_ids()))`. The planner cannot see into that array (an
-- InitPlan) and guesses ten elements, so it took the condition to keep ~3% of the initiatives when
-- it keeps ~99%. For a filtered page signed out (`?district=…`, `?q=…`, `?group=…`) it then
-- preferred a bitmap of the organisation index and sorted every visible initiative (2,500 heap
-- pages, 16–26 ms at 20,000 initiatives) over walking `initiatives_public_listing_idx` in the page's
-- order and stopping after 20 (~250 rows, ~1 ms).
--
-- Same rule, stated the other way round: not of an organisation that is not active. org_id is a
-- not-null foreign key, so an initiative's organisation exists and is either active or in this
-- list. The planner's guess for `<> all (…)` is ~97% kept, near the truth, and the list is short
-- (the few pending and archived organisations), so the per-row test is cheaper as well.

-- The list is not public knowledge (anonymous visitors may not read pending or archived
-- organisations), so the function lives in a schema of its own: the API roles may use it (a policy
-- runs as the caller) but PostgREST exposes only `public` (supabase/local/postgrest.ts), so it
-- cannot be called over the API — as with auth.uid() in the auth schema.
create schema if not exists rls;
comment on schema rls is
  'Helpers for row level security policies: usable by the API roles inside policies, not exposed by PostgREST.';
grant usage on schema rls to anon, authenticated, service_role;

-- Ids of the organisations that are not active (pending, archived), for the read policies: evaluate
-- once per statement with (select rls.inactive_org_ids()). Security definer as
-- public.active_org_ids(): the caller may not read those organisations' rows.
create function rls.inactive_org_ids()
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(o.id), '{}'::uuid[]) from public.organisations o where o.status <> 'active';
$$;
comment on function rls.inactive_org_ids() is
  'Ids of the organisations that are not active (for policies: evaluate once with (select rls.inactive_org_ids())); an initiative whose org_id is not among them belongs to an active organisation.';

revoke execute on function rls.inactive_org_ids() from public;
grant execute on function rls.inactive_org_ids() to anon, authenticated, service_role;

-- The anonymous catalogue: unchanged rule (public, not a draft, of an active organisation).
alter policy "initiatives: anyone reads the public catalogue" on public.initiatives
  using (is_public and status <> 'draft' and org_id <> all ((select rls.inactive_org_ids())::uuid[]));

-- Signed-in readers: unchanged rule (20261127200100_initiatives_for_partners.sql), the
-- active-organisation part stated as above.
alter policy "initiatives: signed-in read non-drafts and own drafts" on public.initiatives
  using (
    (status <> 'draft' and org_id <> all ((select rls.inactive_org_ids())::uuid[])
      and (is_public or (select public.is_partner()) or (select public.is_board())))
    or org_id = any ((select public.my_org_ids())::uuid[])
    or (select public.is_coordinator())
  );
