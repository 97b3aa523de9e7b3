-- The forums an organisation's people take part in, for /organisations/:id.
-- Partners cannot read another organisation's memberships, so a security definer function joins
-- memberships and forum_members, and returns only forums the CALLER may read (can_read_forum), so a
-- private forum never shows to someone outside it. Forum names only; no people.

create or replace function public.organisation_forums(org uuid)
returns table (id uuid, slug text, name text, visibility public.forum_visibility)
language sql stable security definer
set search_path = ''
as $$
  select distinct f.id, f.slug, f.name, f.visibility
  from public.forums f
  join public.forum_members fm on fm.forum_id = f.id and fm.status = 'active'
  join public.memberships m on m.user_id = fm.user_id and m.status = 'active' and m.org_id = org
  where f.archived_at is null
    and public.org_is_active(org)
    and public.can_read_forum(f.id)
  order by f.name;
$$;
comment on function public.organisation_forums(uuid) is
  'Non-archived forums that active members of the (active) organisation take part in, limited to forums the caller may read.';

revoke execute on function public.organisation_forums(uuid) from public, anon;
grant execute on function public.organisation_forums(uuid) to authenticated, service_role;
