-- "Täckning" at scale (issue 10): initiative_reach and initiative_reach_totals read the summary
-- initiative_reach_cells (20261128040000, which explains why it is exact) when no period is given and
-- the caller is a partner, board member or coordinator; otherwise they return the live aggregate,
-- unchanged and kept as initiative_reach_live / initiative_reach_totals_live (also what tests compare
-- against). Signatures and result shapes stay as they were (the page and its tests depend on them).

-- The live aggregates, exactly the former bodies (20261127150400). Invoker rights: RLS decides.
create or replace function public.initiative_reach_live(focus text default null, period_start date default null, period_end date default null)
returns table (district text, target_group text, initiative_count bigint, participants bigint)
language sql stable
set search_path = ''
as $$
  with cells as (
    -- distinct: a list naming a district or group twice still counts the initiative once
    select d.district, g.target_group, count(*) as initiative_count, sum(coalesce(c.participants_reached, 0)) as participants
      from public.initiatives_in_reach(focus, period_start, period_end) c
      cross join lateral (select distinct unnest(c.districts)) as d(district)
      cross join lateral (select distinct unnest(c.target_groups)) as g(target_group)
     group by d.district, g.target_group
  )
  select grid_d.district, grid_g.target_group,
         coalesce(cells.initiative_count, 0), coalesce(cells.participants, 0)::bigint
    from unnest(public.trollhattan_districts()) with ordinality as grid_d(district, d_order)
   cross join unnest(public.initiative_target_groups()) with ordinality as grid_g(target_group, g_order)
    left join cells on cells.district = grid_d.district and cells.target_group = grid_g.target_group
   order by grid_d.d_order, grid_g.g_order;
$$;
comment on function public.initiative_reach_live(text, date, date) is
  'initiative_reach computed from the initiatives on every call (the period view, and callers the summary does not cover). RLS on initiatives applies.';
grant execute on function public.initiative_reach_live(text, date, date) to anon, authenticated, service_role;

create or replace function public.initiative_reach_totals_live(focus text default null, period_start date default null, period_end date default null)
returns table (district text, initiative_count bigint, participants bigint)
language sql stable
set search_path = ''
as $$
  with counted as (select * from public.initiatives_in_reach(focus, period_start, period_end)),
  per_district as (
    select d.district, count(*) as initiative_count, sum(coalesce(c.participants_reached, 0)) as participants
      from counted c
      cross join lateral (select distinct unnest(c.districts)) as d(district)
     group by d.district
  )
  select * from (
    select grid.district, coalesce(p.initiative_count, 0), coalesce(p.participants, 0)::bigint
      from unnest(public.trollhattan_districts()) with ordinality as grid(district, d_order)
      left join per_district p on p.district = grid.district
     order by grid.d_order
  ) districts
  union all
  select null, count(*), coalesce(sum(coalesce(participants_reached, 0)), 0)::bigint from counted;
$$;
comment on function public.initiative_reach_totals_live(text, date, date) is
  'initiative_reach_totals computed from the initiatives on every call. RLS on initiatives applies.';
grant execute on function public.initiative_reach_totals_live(text, date, date) to anon, authenticated, service_role;

-- Organisations whose ongoing initiatives the caller reads although the summary's active half does
-- not hold them: the caller's own organisations that are not active (none for the coordinator, who
-- reads the inactive half). Null when the summary does not cover the caller at all.
create or replace function public.initiative_reach_extra_orgs()
returns uuid[]
language plpgsql stable
set search_path = ''
as $$
begin
  -- Anonymous callers first: they may not call the role checks at all (and the summary is not theirs).
  if (select auth.uid()) is null then
    return null;
  elsif public.is_coordinator() then
    return '{}'::uuid[];
  elsif public.is_partner() or public.is_board() then
    return array(select m from unnest(public.my_org_ids()) m where not public.org_is_active(m));
  end if;
  return null;
end;
$$;
comment on function public.initiative_reach_extra_orgs() is
  'For the reach rpcs: null if the summary does not cover the caller (live aggregate), else the caller''s own non-active organisations to count live on top of it.';
grant execute on function public.initiative_reach_extra_orgs() to anon, authenticated, service_role;

create or replace function public.initiative_reach(focus text default null, period_start date default null, period_end date default null)
returns table (district text, target_group text, initiative_count bigint, participants bigint)
language plpgsql stable
set search_path = ''
as $$
#variable_conflict use_column
declare
  extra uuid[];
begin
  if period_start is null and period_end is null then
    extra := public.initiative_reach_extra_orgs();
  end if;
  if extra is null then
    return query select * from public.initiative_reach_live(focus, period_start, period_end);
    return;
  end if;
  -- The summary (RLS leaves partners and board members the active half) plus, live, the caller's
  -- own non-active organisations' ongoing initiatives: disjoint sets, so the counts add up.
  return query
    with summary as (
      select c.district, c.target_group, c.initiative_count, c.participants
        from public.initiative_reach_cells c
       where c.focus_area is not distinct from initiative_reach.focus and c.target_group is not null
    ),
    live as (
      -- the counting rule is initiatives_in_reach's (without a period: ongoing, optional focus)
      select d.district, g.target_group, 1::bigint as initiative_count, coalesce(i.participants_reached, 0)::bigint as participants
        from public.initiatives_in_reach(initiative_reach.focus) i
       cross join lateral (select distinct unnest(i.districts)) as d(district)
       cross join lateral (select distinct unnest(i.target_groups)) as g(target_group)
       where i.org_id = any(extra)
    ),
    cells as (
      select s.district, s.target_group, sum(s.initiative_count)::bigint as initiative_count, sum(s.participants)::bigint as participants
        from (select * from summary union all select * from live) s
       group by s.district, s.target_group
    )
    select grid_d.district, grid_g.target_group,
           coalesce(cells.initiative_count, 0)::bigint, coalesce(cells.participants, 0)::bigint
      from unnest(public.trollhattan_districts()) with ordinality as grid_d(district, d_order)
     cross join unnest(public.initiative_target_groups()) with ordinality as grid_g(target_group, g_order)
      left join cells on cells.district = grid_d.district and cells.target_group = grid_g.target_group
     order by grid_d.d_order, grid_g.g_order;
end;
$$;
comment on function public.initiative_reach(text, date, date) is
  'Districts x target groups: initiatives counted (ongoing, or active in the period) and participants reached; all cells, zeros are gaps. Without a period, for partners, board and coordinators, from initiative_reach_cells; otherwise live. RLS applies.';
grant execute on function public.initiative_reach(text, date, date) to anon, authenticated, service_role;

create or replace function public.initiative_reach_totals(focus text default null, period_start date default null, period_end date default null)
returns table (district text, initiative_count bigint, participants bigint)
language plpgsql stable
set search_path = ''
as $$
#variable_conflict use_column
declare
  extra uuid[];
begin
  if period_start is null and period_end is null then
    extra := public.initiative_reach_extra_orgs();
  end if;
  if extra is null then
    return query select * from public.initiative_reach_totals_live(focus, period_start, period_end);
    return;
  end if;
  -- Rows with target_group null are the distinct initiatives per district (district null: overall).
  return query
    with summary as (
      select c.district, c.initiative_count, c.participants
        from public.initiative_reach_cells c
       where c.focus_area is not distinct from initiative_reach_totals.focus and c.target_group is null
    ),
    counted as (
      select i.districts, coalesce(i.participants_reached, 0)::bigint as participants
        from public.initiatives_in_reach(initiative_reach_totals.focus) i
       where i.org_id = any(extra)
    ),
    live as (
      select d.district, 1::bigint as initiative_count, c.participants
        from counted c cross join lateral (select distinct unnest(c.districts)) as d(district)
      union all
      select null, 1::bigint, c.participants from counted c
    ),
    per_district as (
      select s.district, sum(s.initiative_count)::bigint as initiative_count, sum(s.participants)::bigint as participants
        from (select * from summary union all select * from live) s
       group by s.district
    )
    select * from (
      select grid.district, coalesce(p.initiative_count, 0)::bigint, coalesce(p.participants, 0)::bigint
        from unnest(public.trollhattan_districts()) with ordinality as grid(district, d_order)
        left join per_district p on p.district = grid.district
       order by grid.d_order
    ) districts
    union all
    select null, coalesce((select p.initiative_count from per_district p where p.district is null), 0)::bigint,
           coalesce((select p.participants from per_district p where p.district is null), 0)::bigint;
end;
$$;
comment on function public.initiative_reach_totals(text, date, date) is
  'Per district the distinct initiatives (and their participants) the reach view counts, then one row with district null for all districts together. Without a period, for partners, board and coordinators, from initiative_reach_cells; otherwise live. RLS applies.';
grant execute on function public.initiative_reach_totals(text, date, date) to anon, authenticated, service_role;
