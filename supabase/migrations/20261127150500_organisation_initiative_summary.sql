-- Where each organisation works according to its initiatives, for the organisation directory
-- (/organisations): the distinct districts and focus areas of its non-draft initiatives. Bounded by
-- the organisations the page shows (`orgs`), instead of the directory reading every initiative.
-- Invoker rights: RLS on initiatives decides which initiatives count (signed-in: all non-drafts of
-- active organisations); drafts never count, whoever asks. One row per distinct organisation asked
-- about, with empty arrays when it has no such initiative.

create or replace function public.organisation_initiative_summary(orgs uuid[])
returns table (org_id uuid, districts text[], focus_areas text[])
language sql stable
set search_path = ''
as $$
  select o.org_id,
         array(
           select distinct d.district
             from public.initiatives i
            cross join lateral unnest(i.districts) as d(district)
            where i.org_id = o.org_id and i.status <> 'draft'
            order by d.district
         ),
         array(
           select distinct f.focus_area
             from public.initiatives i
            cross join lateral unnest(i.focus_areas) as f(focus_area)
            where i.org_id = o.org_id and i.status <> 'draft'
            order by f.focus_area
         )
    from (select distinct unnest(orgs) as org_id) as o
   where o.org_id is not null;
$$;
comment on function public.organisation_initiative_summary(uuid[]) is
  'Per organisation in orgs: the distinct districts and focus areas (keys) of its non-draft initiatives the caller may read. For the directory at /organisations.';

revoke execute on function public.organisation_initiative_summary(uuid[]) from public, anon;
grant execute on function public.organisation_initiative_summary(uuid[]) to authenticated, service_role;
