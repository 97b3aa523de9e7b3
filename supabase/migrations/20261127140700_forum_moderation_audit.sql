-- Moderation of forums in the audit log (issue 5): forums created/archived, members requesting,
-- joining, approved, declined, removed and made moderators, threads moved, and post reports
-- created and resolved. Same single writer as before (audit_changes), with branches for the new
-- entities; title edits of threads are not logged (not moderation).

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
    when 'forums' then 'forum'
    when 'forum_members' then 'forum_member'
    when 'post_reports' then 'post_report'
    else tg_table_name
  end;
  entity_key := case when tg_table_name in ('platform_roles', 'forum_members')
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
      if changed_new ? 'forum_id' then
        actions := actions || 'thread.moved'::text;
      end if;
      if cardinality(actions) = 0 then
        return null;  -- a title edit by the author is not moderation
      end if;
      payload := payload || jsonb_build_object('forum_id', new_row -> 'forum_id');
    end if;

  elsif tg_table_name = 'forums' then
    if tg_op = 'INSERT' then actions := array['forum.created'];
    elsif tg_op = 'DELETE' then actions := array['forum.deleted'];
    elsif changed_new ? 'archived_at' then
      actions := array[case when new_row ->> 'archived_at' is null then 'forum.reopened' else 'forum.archived' end];
    else actions := array['forum.updated'];
    end if;

  elsif tg_table_name = 'forum_members' then
    payload := payload || jsonb_build_object('forum_id', row_data -> 'forum_id');
    if tg_op = 'INSERT' then
      actions := array[case
        when new_row ->> 'status' = 'requested' then 'forum_member.requested'
        when (new_row ->> 'user_id')::uuid is distinct from (select auth.uid()) then 'forum_member.added'
        else 'forum_member.joined' end];
    elsif tg_op = 'DELETE' then
      actions := array[case
        when (old_row ->> 'user_id')::uuid = (select auth.uid())
          then case when old_row ->> 'status' = 'requested' then 'forum_member.request_withdrawn' else 'forum_member.left' end
        when old_row ->> 'status' = 'requested' then 'forum_member.declined'
        else 'forum_member.removed' end];
    else
      if changed_new ? 'status' then
        actions := actions || case when new_row ->> 'status' = 'active'
                                   then 'forum_member.approved' else 'forum_member.status_changed' end;
      end if;
      if changed_new ? 'role' then
        actions := actions || case when new_row ->> 'role' = 'moderator'
                                   then 'forum_member.made_moderator' else 'forum_member.moderator_removed' end;
      end if;
      if cardinality(actions) = 0 then
        return null;
      end if;
    end if;

  elsif tg_table_name = 'post_reports' then
    if tg_op = 'INSERT' then actions := array['post_report.created'];
    elsif tg_op = 'DELETE' then actions := array['post_report.deleted'];
    elsif changed_new ? 'status' then actions := array['post_report.' || (new_row ->> 'status')];
    else actions := array['post_report.updated'];
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
  'AFTER trigger writing audit_log rows for state changes of reports, memberships, organisations, platform roles, forums, forum members, post reports and moderation of posts/threads.';

create trigger audit_forums
  after insert or update or delete on public.forums
  for each row execute function public.audit_changes();
create trigger audit_forum_members
  after insert or update or delete on public.forum_members
  for each row execute function public.audit_changes();
create trigger audit_post_reports
  after insert or update or delete on public.post_reports
  for each row execute function public.audit_changes();

drop trigger audit_threads_moderation on public.threads;
create trigger audit_threads_moderation
  after update of pinned, locked, forum_id or delete on public.threads
  for each row execute function public.audit_changes();
