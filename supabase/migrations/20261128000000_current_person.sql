-- The signed-in person as the portal needs them on every request, in one call.
--
-- Before, every page asked the auth server who the session belongs to (a hop through the gateway to
-- the auth server and two queries there) and then PostgREST for the profile: two round trips before
-- any of the page's own data. PostgREST already verifies the access token's signature and expiry;
-- what it does not check is that the session behind the token still exists (signed out, password
-- changed, account deleted). This function does that check in the same request as the profile, so
-- the portal keeps noticing a revoked session at once (as auth's /user did) at the cost of one index
-- lookup.
--
-- security definer: it reads auth.sessions and auth.users, which no API role may read. It returns only
-- the caller's own row (auth.uid() from the verified token) and nothing when the session is gone.
-- The token's session id, or null when the claim is missing or not a uuid (no cast error).
create function public.jwt_session_id()
returns uuid
language sql
stable
set search_path = ''
as $$
  select case when claim ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then claim::uuid end
    from (select auth.jwt() ->> 'session_id' as claim) as token
$$;

create function public.current_person()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', u.id,
    'email', u.email,
    'full_name', p.full_name,
    'locale', p.locale,
    'roles', coalesce((select jsonb_agg(r.role) from public.platform_roles r where r.user_id = u.id), '[]'::jsonb),
    'memberships', coalesce((
      select jsonb_agg(jsonb_build_object('org_id', m.org_id, 'org_name', o.name, 'role', m.role))
        from public.memberships m
        join public.organisations o on o.id = m.org_id
       where m.user_id = u.id and m.status = 'active' and o.status = 'active'
    ), '[]'::jsonb)
  )
  from auth.users u
  join public.profiles p on p.id = u.id
  where u.id = auth.uid()
    and u.deleted_at is null
    -- Tokens carry the id of their session (auth.sessions); a token without one (service scripts)
    -- is not a person's browser session and gets nothing here.
    and exists (
      select 1
        from auth.sessions s
       where s.id = public.jwt_session_id()
         and s.user_id = u.id
         and (s.not_after is null or s.not_after > now())
    )
$$;

comment on function public.current_person() is
  'The caller''s profile, platform roles and active memberships of active organisations, or null when the token''s session no longer exists (signed out, password changed, account deleted).';

revoke all on function public.current_person() from public, anon;
grant execute on function public.current_person() to authenticated;
