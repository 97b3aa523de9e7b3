-- "Täckning" (issue 6): districts x target groups with the number of initiatives and the
-- participants they have reached, every cell present so that empty cells show as gaps.
-- Invoker rights: RLS on initiatives decides what is counted (anonymous: public ones; partners: all
-- non-drafts; drafts never count, whoever asks).
--
-- Counting rules (shown next to the view):
-- - Without a period: initiatives with status 'ongoing'.
-- - With a period: initiatives that ran during it (ongoing, completed or paused, start on or before
--   the period's end, end on or after its start or no end).
-- - An initiative counts in every cell of its districts x target groups; its participants (the
--   latest reported figure) are added to each of those cells, so cells must not be summed.

-- The counting rule, in one place: the initiatives the reach view counts for the filters.
create or replace function public.initiatives_in_reach(focus text default null, period_start date default null, period_end date default null)
returns setof public.initiatives
language sql stable
set search_path = ''
as $$
  select i.*
    from public.initiatives i
   where i.status <> 'draft'
     and (focus is null or i.focus_areas @> array[focus])
     and case
           when period_start is null and period_end is null then i.status = 'ongoing'
           else i.status in ('ongoing', 'completed', 'paused')
                and (period_end is null or i.starts_on <= period_end)
                and (period_start is null or i.ends_on is null or i.ends_on >= period_start)
         end;
$$;
comment on function public.initiatives_in_reach(text, date, date) is
  'The initiatives the reach view counts: ongoing ones, or with a period those that ran during it; optionally one focus area. RLS on initiatives applies.';
grant execute on function public.initiatives_in_reach(text, date, date) to anon, authenticated, service_role;

create or replace function public.initiative_reach(focus text default null, period_start date default null, period_end date default null)
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
comment on function public.initiative_reach(text, date, date) is
  'Districts x target groups: initiatives counted (ongoing, or active in the period) and participants reached; all cells, zeros are gaps. RLS on initiatives applies.';
grant execute on function public.initiative_reach(text, date, date) to anon, authenticated, service_role;

-- Per district the DISTINCT initiatives reaching it (cells cannot be summed), and a last row with
-- district null: the distinct initiatives counted anywhere.
create or replace function public.initiative_reach_totals(focus text default null, period_start date default null, period_end date default null)
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
comment on function public.initiative_reach_totals(text, date, date) is
  'Per district the distinct initiatives (and their participants) the reach view counts, then one row with district null for all districts together. RLS applies.';
grant execute on function public.initiative_reach_totals(text, date, date) to anon, authenticated, service_role;
