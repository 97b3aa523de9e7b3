-- Submissions are idempotent (issue 9): a double click or a retried POST creates one row. The
-- portal's forms carry a key made when the form was rendered, and that key becomes the new row's
-- id. A second request with the same id finds the row the first one made (by the same person) and
-- answers with it instead of making another; a truly simultaneous second insert loses on the
-- primary key and then finds the first. Replies and progress updates are plain inserts with the
-- id (the portal handles the conflict); the two functions that create rows learn it here.

-- The caller's own thread `thread` in `forum` with its first post, as start_thread answers a retry.
create function public.started_thread(thread uuid, forum uuid)
returns table (thread_id uuid, post_id uuid, replayed boolean)
language sql
stable
set search_path = ''
as $$
  select t.id, p.id, true
    from public.threads t
    join public.posts p on p.thread_id = t.id
   where t.id = thread and t.forum_id = forum and t.author_id = (select auth.uid())
   order by p.position
   limit 1;
$$;
comment on function public.started_thread(uuid, uuid) is
  'The caller''s own thread with its first post (replayed = true): how start_thread answers a repeated submission. RLS applies.';
revoke execute on function public.started_thread(uuid, uuid) from public, anon;
grant execute on function public.started_thread(uuid, uuid) to authenticated;

-- start_thread: the key is the new thread's id; `replayed` says the thread already existed (so the
-- portal does not notify twice).
drop function public.start_thread(uuid, text, text);
create function public.start_thread(forum uuid, title text, body text, thread uuid default null)
returns table (thread_id uuid, post_id uuid, replayed boolean)
language plpgsql
set search_path = ''
as $$
declare
  new_thread uuid := coalesce(thread, gen_random_uuid());
  new_post uuid;
begin
  -- Checked before inserting, so that a retry is answered even past the posting limit.
  return query select * from public.started_thread(new_thread, forum);
  if found then
    return;
  end if;
  begin
    insert into public.threads (id, forum_id, title, author_id)
    values (new_thread, forum, title, (select auth.uid()));
  exception when unique_violation then
    -- A simultaneous twin request inserted it first: answer with that thread if it is the caller's.
    return query select * from public.started_thread(new_thread, forum);
    if not found then
      raise;
    end if;
    return;
  end;
  insert into public.posts (thread_id, author_id, body)
  values (new_thread, (select auth.uid()), body)
  returning id into new_post;
  return query select new_thread, new_post, false;
end;
$$;
comment on function public.start_thread(uuid, text, text, uuid) is
  'Creates a thread (id = thread, when given: the form''s submission key) and its first post in the caller''s name in one transaction (RLS applies to both inserts). Called again with the same thread id by the same person, it returns the existing thread and first post with replayed = true.';
revoke execute on function public.start_thread(uuid, text, text, uuid) from public, anon;
grant execute on function public.start_thread(uuid, text, text, uuid) to authenticated;

-- save_initiative: a new initiative takes fields.id (the submission key) as its id.
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
    -- A retried registration (same id, by the same person) answers the first one's result.
    if given.id is not null and exists (select 1 from public.initiatives i where i.id = given.id and i.created_by = (select auth.uid())) then
      return given.id;
    end if;
    insert into public.initiatives (
      id, org_id, title, summary, description, status, starts_on, ends_on, districts, target_groups, focus_areas,
      participants_expected, budget_sek, funding_source, is_public, contact_name, contact_email, contact_phone)
    values (
      coalesce(given.id, gen_random_uuid()), given.org_id, given.title, given.summary, given.description, coalesce(given.status, 'draft'), given.starts_on,
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
  'Registers (initiative null; fields.id, when given, is the new id and makes a retry answer the first result) or updates an initiative and replaces its partners ([{org_id, role}]) in one transaction, as the caller (RLS applies).';
