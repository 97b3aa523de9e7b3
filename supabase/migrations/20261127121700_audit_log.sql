-- Append-only audit log. Rows are written only by the security definer trigger function below
-- (actor_id = auth.uid(), null for the seed/system); coordinators read; nobody updates or deletes:
-- there are no insert/update/delete policies, the privileges are revoked (service_role included),
-- and a trigger rejects UPDATE, DELETE and TRUNCATE even for the table owner.

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,          -- auth.uid() of the acting user; null for system/seed/service-role actions
  actor_role text,        -- database role the statement ran as (authenticated, service_role, postgres...)
  action text not null check (char_length(action) between 1 and 100),
  entity text not null check (char_length(entity) between 1 and 100),
  entity_id uuid,
  data jsonb not null default '{}'::jsonb
);
comment on table public.audit_log is
  'Append-only log of state changes (reports, memberships, organisations, platform roles, moderation). Written by triggers only.';
comment on column public.audit_log.actor_id is 'auth.uid() of the acting user; null when the change was made by the system (seed, service role).';
comment on column public.audit_log.entity is 'Kind of entity (singular): report, membership, organisation, platform_role, post, thread.';
comment on column public.audit_log.action is 'What happened, e.g. report.submitted, membership.invited, organisation.approved, post.hidden, thread.locked.';
comment on column public.audit_log.data is 'insert/delete: the row; update: {"old": {changed columns}, "new": {changed columns}}.';

create index audit_log_entity_idx on public.audit_log (entity, entity_id, at desc);
create index audit_log_actor_idx on public.audit_log (actor_id, at desc);
create index audit_log_at_idx on public.audit_log (at desc);
create index audit_log_action_idx on public.audit_log (action, at desc);

alter table public.audit_log enable row level security;

create policy "audit_log: coordinators read"
  on public.audit_log for select to authenticated
  using ((select public.is_coordinator()));
comment on policy "audit_log: coordinators read" on public.audit_log is
  'Coordinators read the audit log. No insert/update/delete policies: rows come only from security definer triggers and are never changed.';

-- Select stays granted (anon gets no rows: there is no policy for anon); every write privilege goes.
revoke insert, update, delete, truncate, references, trigger on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to anon, authenticated, service_role;
revoke all on sequence public.audit_log_id_seq from anon, authenticated, service_role;

create or replace function public.audit_log_immutable()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only (% rejected)', tg_op using errcode = '42501';
end;
$$;

create trigger audit_log_no_update_delete
  before update or delete on public.audit_log
  for each row execute function public.audit_log_immutable();
create trigger audit_log_no_truncate
  before truncate on public.audit_log
  for each statement execute function public.audit_log_immutable();

revoke execute on function public.audit_log_immutable() from public, anon, authenticated;


-- The one writer. Decides per table which changes are worth logging and names the action.
create or replace function public.audit_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
  entity_key uuid;
  changed_old jsonb := '{}'::jsonb;
  changed_new jsonb := '{}'::jsonb;
  payload jsonb;
  actions text[] := '{}';
  act text;
  ent text;
begin
  ent := case tg_table_name
    when 'reports' then 'report'
    when 'memberships' then 'membership'
    when 'organisations' then 'organisation'
    when 'platform_roles' then 'platform_role'
    when 'posts' then 'post'
    when 'threads' then 'thread'
    else tg_table_name
  end;
  entity_key := case when tg_table_name = 'platform_roles'
                     then (row_data ->> 'user_id')::uuid
                     else (row_data ->> 'id')::uuid end;

  if tg_op = 'UPDATE' then
    select coalesce(jsonb_object_agg(o.key, o.value), '{}'::jsonb),
           coalesce(jsonb_object_agg(o.key, new_row -> o.key), '{}'::jsonb)
      into changed_old, changed_new
      from jsonb_each(old_row) o
     where o.value is distinct from new_row -> o.key
       and o.key not in ('updated_at', 'updated_by');
    if changed_new = '{}'::jsonb then
      return null;  -- nothing but bookkeeping changed
    end if;
    payload := jsonb_build_object('old', changed_old, 'new', changed_new);
  else
    payload := row_data;
  end if;

  if tg_table_name = 'reports' then
    if tg_op = 'INSERT' then actions := array['report.created'];
    elsif tg_op = 'DELETE' then actions := array['report.deleted'];
    elsif changed_new ? 'status' then actions := array['report.' || (new_row ->> 'status')];
    else actions := array['report.updated'];
    end if;

  elsif tg_table_name = 'memberships' then
    if tg_op = 'INSERT' then
      actions := array[case when new_row ->> 'status' = 'invited' then 'membership.invited' else 'membership.added' end];
    elsif tg_op = 'DELETE' then actions := array['membership.removed'];
    else
      if changed_new ? 'status' then
        actions := actions || case when new_row ->> 'status' = 'active'
                                   then 'membership.activated' else 'membership.status_changed' end;
      end if;
      if changed_new ? 'role' then
        actions := actions || 'membership.role_changed'::text;
      end if;
      if cardinality(actions) = 0 then
        actions := array['membership.updated'];
      end if;
    end if;

  elsif tg_table_name = 'organisations' then
    if tg_op = 'INSERT' then actions := array['organisation.created'];
    elsif tg_op = 'DELETE' then actions := array['organisation.deleted'];
    else
      if changed_new ? 'status' then
        actions := actions || case
          when old_row ->> 'status' = 'pending' and new_row ->> 'status' = 'active' then 'organisation.approved'
          when new_row ->> 'status' = 'archived' then 'organisation.archived'
          when new_row ->> 'status' = 'active' then 'organisation.reactivated'
          else 'organisation.status_changed' end;
      end if;
      if changed_new ? 'reports_to_board' then
        actions := actions || 'organisation.board_reporting_changed'::text;
      end if;
      if cardinality(actions) = 0 then
        actions := array['organisation.updated'];
      end if;
    end if;

  elsif tg_table_name = 'platform_roles' then
    if tg_op = 'INSERT' then actions := array['platform_role.granted'];
    elsif tg_op = 'DELETE' then actions := array['platform_role.revoked'];
    else actions := array['platform_role.updated'];
    end if;

  elsif tg_table_name = 'posts' then
    -- moderation only; ordinary writing and editing is not logged
    if tg_op = 'DELETE' then actions := array['post.deleted'];
    elsif tg_op = 'UPDATE' and changed_new ? 'hidden_at' then
      actions := array[case when new_row ->> 'hidden_at' is null then 'post.unhidden' else 'post.hidden' end];
      payload := payload || jsonb_build_object('thread_id', new_row -> 'thread_id', 'author_id', new_row -> 'author_id');
    end if;

  elsif tg_table_name = 'threads' then
    -- moderation only
    if tg_op = 'DELETE' then actions := array['thread.deleted'];
    elsif tg_op = 'UPDATE' then
      if changed_new ? 'pinned' then
        actions := actions || case when (new_row ->> 'pinned')::boolean then 'thread.pinned' else 'thread.unpinned' end;
      end if;
      if changed_new ? 'locked' then
        actions := actions || case when (new_row ->> 'locked')::boolean then 'thread.locked' else 'thread.unlocked' end;
      end if;
      payload := payload || jsonb_build_object('forum_id', new_row -> 'forum_id');
    end if;

  else
    actions := array[lower(tg_op)];
  end if;

  foreach act in array actions loop
    insert into public.audit_log (actor_id, actor_role, action, entity, entity_id, data)
    values ((select auth.uid()), coalesce((select auth.role()), session_user::text), act, ent, entity_key, payload);
  end loop;
  return null;
end;
$$;
comment on function public.audit_changes() is
  'AFTER trigger writing audit_log rows for state changes of reports, memberships, organisations, platform roles and moderation of posts/threads.';

revoke execute on function public.audit_changes() from public, anon, authenticated;

create trigger audit_reports
  after insert or update or delete on public.reports
  for each row execute function public.audit_changes();
create trigger audit_memberships
  after insert or update or delete on public.memberships
  for each row execute function public.audit_changes();
create trigger audit_organisations
  after insert or update or delete on public.organisations
  for each row execute function public.audit_changes();
create trigger audit_platform_roles
  after insert or update or delete on public.platform_roles
  for each row execute function public.audit_changes();
create trigger audit_posts_moderation
  after update of hidden_at or delete on public.posts
  for each row execute function public.audit_changes();
create trigger audit_threads_moderation
  after update of pinned, locked or delete on public.threads
  for each row execute function public.audit_changes();
