-- "Täckning" at scale (issue 10): the default reach view (no period) read from a maintained summary
-- instead of aggregating every ongoing initiative per request, so its cost no longer grows with the
-- number of initiatives.
--
-- Why a summary is exact for the page's callers: the reach view opens for partners and coordinators
-- (requirePartner). RLS on initiatives (20261127200100) shows partners and board members EVERY
-- non-draft initiative of an active organisation, plus their own organisations' initiatives; the
-- coordinator sees all. Without a period the view counts status 'ongoing' only (never drafts), so
-- for these callers the counted set is the same (every ongoing initiative of an active organisation)
-- except for the ongoing initiatives of organisations that are NOT active: all of them for the
-- coordinator (kept in the summary as the org_active = false half), only their own organisations'
-- for partners and board members (counted live: a handful of organisations at most, found through
-- the (org_id, status) index). Initiatives belong to exactly one organisation, so the two halves are disjoint and their counts,
-- including the distinct per-district and overall totals, simply add up.
-- Everyone else (anonymous visitors, signed-in accounts without an active partner organisation) and
-- every request with a period keeps the live aggregate: their RLS set differs, and the period view is
-- a live aggregate by design (the period is free, no summary can cover it).
-- Cost of writing: one initiative write upserts at most (1 + focus areas) x (1 + districts x (1 +
-- target groups)) small rows; two transactions touching the same cells wait for each other (a
-- multi-row transaction may, rarely, deadlock and be retried like any other).

create table public.initiative_reach_cells (
  -- A surrogate key: the natural key below has nulls ("all", "the district's row"), which a primary
  -- key cannot hold.
  id bigint generated always as identity primary key,
  -- The organisation's status was 'active' (false: pending, archived or deleted).
  org_active boolean not null,
  -- One focus area, or null for all focus areas together.
  focus_area text,
  -- null only on the overall row (district and target_group both null).
  district text,
  -- null: the district's row of DISTINCT initiatives (cells cannot be summed).
  target_group text,
  initiative_count bigint not null default 0 check (initiative_count >= 0),
  participants bigint not null default 0 check (participants >= 0),
  constraint initiative_reach_cells_key unique nulls not distinct (org_active, focus_area, district, target_group),
  constraint initiative_reach_cells_shape check (district is not null or target_group is null)
);
comment on table public.initiative_reach_cells is
  'Summary for the reach view without a period: per organisation status, focus area (null = all), district and target group (null = the district''s distinct initiatives; both null = overall) the number of ongoing initiatives and their participants. Maintained by triggers on initiatives and organisations; rebuilt by refresh_initiative_reach_cells(). Never written by API roles.';

alter table public.initiative_reach_cells enable row level security;

-- Read-only for API roles; only the security definer maintenance functions below write it.
revoke all on public.initiative_reach_cells from anon, authenticated, service_role;
grant select on public.initiative_reach_cells to authenticated, service_role;
revoke all on sequence public.initiative_reach_cells_id_seq from anon, authenticated, service_role;

-- Same audience as the non-public initiatives of active organisations (initiatives read policy):
-- partners, board members and coordinators. The org_active = false half counts initiatives of
-- pending/archived organisations, which only the coordinator reads in full.
create policy "initiative_reach_cells: partners, board and coordinators read the active half"
  on public.initiative_reach_cells for select to authenticated
  using (
    (org_active and ((select public.is_partner()) or (select public.is_board())))
    or (select public.is_coordinator())
  );
comment on policy "initiative_reach_cells: partners, board and coordinators read the active half" on public.initiative_reach_cells is
  'Partners and board members read the counts of active organisations'' initiatives (they read every such non-draft initiative); coordinators read both halves.';

-- The helpers below live in schema private (not exposed by PostgREST, not granted to API roles);
-- only the security definer trigger functions and the refresh, running as their owner, call them.

-- The summary keys one ongoing initiative contributes to (counting rule of initiatives_in_reach
-- without a period): each distinct focus area plus "all" (null), times each distinct district's
-- cells with each distinct target group, the district's row, and the overall row. Null elements of
-- the free-text arrays are skipped (the live query never shows them: the grid joins on equality).
create or replace function private.initiative_reach_keys(districts text[], target_groups text[], focus_areas text[])
returns table (focus_area text, district text, target_group text)
language sql immutable
set search_path = ''
as $$
  select f.focus_area, k.district, k.target_group
    from (select null::text as focus_area
          union
          select distinct fa from unnest(focus_areas) fa where fa is not null) f
   cross join (
          select null::text as district, null::text as target_group
          union all
          select d, null from (select distinct d from unnest(districts) d where d is not null) ds
          union all
          select d, g from (select distinct d from unnest(districts) d where d is not null) ds
           cross join (select distinct g from unnest(target_groups) g where g is not null) gs
        ) k;
$$;
comment on function private.initiative_reach_keys(text[], text[], text[]) is
  'The initiative_reach_cells keys one ongoing initiative counts in (helper of the summary triggers and refresh).';
revoke execute on function private.initiative_reach_keys(text[], text[], text[]) from public, anon, authenticated, service_role;

-- Adds (sign 1) or removes (sign -1) one initiative's contribution. Adding upserts the keys in a
-- fixed order, so concurrent writers lock the summary rows in the same order; removing only updates
-- (the rows exist: the contribution was added before), which keeps the counts' checks meaningful (an
-- upsert would check the proposed negative row before finding the conflict).
create or replace function private.initiative_reach_apply(active boolean, districts text[], target_groups text[], focus_areas text[], participants integer, sign integer)
returns void
language sql volatile
set search_path = ''
as $$
  update public.initiative_reach_cells c
     set initiative_count = c.initiative_count - 1,
         participants = c.participants - coalesce(initiative_reach_apply.participants, 0)
    from private.initiative_reach_keys(districts, target_groups, focus_areas) k
   where sign < 0 and c.org_active = active
     and c.focus_area is not distinct from k.focus_area and c.district is not distinct from k.district
     and c.target_group is not distinct from k.target_group;
  insert into public.initiative_reach_cells as c (org_active, focus_area, district, target_group, initiative_count, participants)
  select active, k.focus_area, k.district, k.target_group, 1, coalesce(initiative_reach_apply.participants, 0)
    from private.initiative_reach_keys(districts, target_groups, focus_areas) k
   where sign > 0
   order by k.focus_area nulls first, k.district nulls first, k.target_group nulls first
  on conflict on constraint initiative_reach_cells_key do update
    set initiative_count = c.initiative_count + 1,
        participants = c.participants + excluded.participants;
$$;
comment on function private.initiative_reach_apply(boolean, text[], text[], text[], integer, integer) is
  'Adds or removes one initiative''s counts in initiative_reach_cells (summary triggers only).';
revoke execute on function private.initiative_reach_apply(boolean, text[], text[], text[], integer, integer) from public, anon, authenticated, service_role;

-- Whether an organisation counts in the active half. FOR SHARE waits for a concurrent status change
-- of the organisation to commit (and then reads the new status), so the initiative's delta and the
-- organisation trigger's move never miss each other. A missing organisation (deleted in this
-- transaction: the cascade deletes its initiatives) is in the inactive half, see the delete trigger.
create or replace function private.initiative_reach_org_active(org uuid)
returns boolean
language sql volatile
set search_path = ''
as $$
  select coalesce((select o.status = 'active' from public.organisations o where o.id = org for share), false);
$$;
comment on function private.initiative_reach_org_active(uuid) is
  'True if the organisation is active, locking its row against a concurrent status change (summary triggers only).';
revoke execute on function private.initiative_reach_org_active(uuid) from public, anon, authenticated, service_role;

-- Row deltas: remove what the old row counted, add what the new row counts. Only ongoing initiatives
-- count without a period; an update touching none of the counted columns does nothing.
create or replace function public.initiative_reach_cells_on_initiatives()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and old.status is not distinct from new.status and old.org_id = new.org_id
     and old.districts is not distinct from new.districts and old.target_groups is not distinct from new.target_groups
     and old.focus_areas is not distinct from new.focus_areas and old.participants_reached is not distinct from new.participants_reached then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'ongoing' then
    perform private.initiative_reach_apply(private.initiative_reach_org_active(old.org_id), old.districts, old.target_groups, old.focus_areas, old.participants_reached, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'ongoing' then
    perform private.initiative_reach_apply(private.initiative_reach_org_active(new.org_id), new.districts, new.target_groups, new.focus_areas, new.participants_reached, 1);
  end if;
  return null;
end;
$$;
comment on function public.initiative_reach_cells_on_initiatives() is
  'Keeps initiative_reach_cells exact when initiatives are inserted, updated or deleted.';
revoke execute on function public.initiative_reach_cells_on_initiatives() from public, anon, authenticated, service_role;

create trigger initiative_reach_cells_sync
  after insert or update or delete on public.initiatives
  for each row execute function public.initiative_reach_cells_on_initiatives();

-- An organisation becoming active or leaving 'active' moves its ongoing initiatives between the
-- halves; before an active organisation is deleted its initiatives move to the inactive half, where
-- the cascade's deletes (which no longer find the organisation) remove them.
create or replace function public.initiative_reach_cells_on_organisations()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  was_active boolean := tg_op in ('UPDATE', 'DELETE') and old.status = 'active';
  is_active boolean := tg_op = 'UPDATE' and new.status = 'active';
  i record;
begin
  if was_active <> is_active then
    for i in select districts, target_groups, focus_areas, participants_reached
               from public.initiatives where org_id = old.id and status = 'ongoing' loop
      perform private.initiative_reach_apply(was_active, i.districts, i.target_groups, i.focus_areas, i.participants_reached, -1);
      perform private.initiative_reach_apply(is_active, i.districts, i.target_groups, i.focus_areas, i.participants_reached, 1);
    end loop;
  end if;
  return case when tg_op = 'DELETE' then old else null end;
end;
$$;
comment on function public.initiative_reach_cells_on_organisations() is
  'Moves an organisation''s ongoing initiatives between the active and inactive halves of initiative_reach_cells when its status changes or before it is deleted.';
revoke execute on function public.initiative_reach_cells_on_organisations() from public, anon, authenticated, service_role;

create trigger initiative_reach_cells_org_status
  after update of status on public.organisations
  for each row when (old.status is distinct from new.status)
  execute function public.initiative_reach_cells_on_organisations();

create trigger initiative_reach_cells_org_delete
  before delete on public.organisations
  for each row when (old.status = 'active')
  execute function public.initiative_reach_cells_on_organisations();

-- Rebuilds the summary from scratch: after bulk loads with triggers off (scripts/lib/scale-seed.ts
-- writes with session_replication_role = replica) and at the end of this migration.
create or replace function public.refresh_initiative_reach_cells()
returns void
language sql volatile security definer
set search_path = ''
as $$
  delete from public.initiative_reach_cells;
  insert into public.initiative_reach_cells (org_active, focus_area, district, target_group, initiative_count, participants)
  select coalesce(o.status = 'active', false), k.focus_area, k.district, k.target_group,
         count(*), sum(coalesce(i.participants_reached, 0))
    from public.initiatives i
    left join public.organisations o on o.id = i.org_id
   cross join lateral private.initiative_reach_keys(i.districts, i.target_groups, i.focus_areas) k
   where i.status = 'ongoing'
   group by 1, 2, 3, 4;
$$;
comment on function public.refresh_initiative_reach_cells() is
  'Rebuilds initiative_reach_cells from the initiatives (after loads that bypass triggers). Not for API roles.';
revoke execute on function public.refresh_initiative_reach_cells() from public, anon, authenticated, service_role;

-- TRUNCATE fires no row triggers: rebuild (to empty, or to what remains of the other table).
create or replace function public.initiative_reach_cells_on_truncate()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform public.refresh_initiative_reach_cells();
  return null;
end;
$$;
comment on function public.initiative_reach_cells_on_truncate() is
  'Rebuilds initiative_reach_cells after initiatives or organisations are truncated.';
revoke execute on function public.initiative_reach_cells_on_truncate() from public, anon, authenticated, service_role;

create trigger initiative_reach_cells_truncate
  after truncate on public.initiatives
  for each statement execute function public.initiative_reach_cells_on_truncate();

select public.refresh_initiative_reach_cells();
