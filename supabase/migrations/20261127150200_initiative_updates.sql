-- Progress of an initiative (issue 6): dated updates with a short text, the participants reached so
-- far and optionally a new status, shown as a timeline (Decidim's milestones). The latest update's
-- figures are copied onto the initiative by trigger, so lists read one row per initiative.

create table public.initiative_updates (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  reported_on date not null default current_date,
  body text not null check (char_length(btrim(body)) between 3 and 2000),
  participants_reached integer check (participants_reached is null or participants_reached between 0 and 1000000),
  new_status public.initiative_status check (new_status is null or new_status <> 'draft'),
  author_id uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.initiative_updates is
  'Dated progress updates of an initiative (timeline). The latest one (by reported_on, created_at) sets the initiative''s participants_reached and status.';

create index initiative_updates_timeline_idx on public.initiative_updates (initiative_id, reported_on desc, created_at desc);
create index initiative_updates_author_idx on public.initiative_updates (author_id);

create trigger initiative_updates_set_updated_at
  before update on public.initiative_updates
  for each row execute function public.set_updated_at();

alter table public.initiative_updates enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.initiative_updates from anon;
revoke truncate, references, trigger on public.initiative_updates from authenticated;

-- Visibility follows the initiative (the subquery runs under the caller's RLS on initiatives).
create policy "initiative_updates: anyone reads updates of public ones"
  on public.initiative_updates for select to anon
  using (exists (select 1 from public.initiatives i where i.id = initiative_id));
comment on policy "initiative_updates: anyone reads updates of public ones" on public.initiative_updates is
  'Residents see the progress of initiatives they can see (public, non-draft), through initiatives RLS.';

create policy "initiative_updates: signed-in read updates of visible ones"
  on public.initiative_updates for select to authenticated
  using (exists (select 1 from public.initiatives i where i.id = initiative_id));
comment on policy "initiative_updates: signed-in read updates of visible ones" on public.initiative_updates is
  'Signed-in users see the progress of every initiative visible to them (drafts only their own organisation''s).';

create policy "initiative_updates: editors add"
  on public.initiative_updates for insert to authenticated
  with check (author_id = (select auth.uid()) and public.can_edit_initiative(initiative_id));
comment on policy "initiative_updates: editors add" on public.initiative_updates is
  'Members of the owning organisation and coordinators add progress updates, in their own name. Partner organisations do not.';

create policy "initiative_updates: editors correct"
  on public.initiative_updates for update to authenticated
  using (public.can_edit_initiative(initiative_id))
  with check (public.can_edit_initiative(initiative_id));
comment on policy "initiative_updates: editors correct" on public.initiative_updates is
  'Members of the owning organisation and coordinators correct an update (the initiative and author stay; guard trigger).';

create policy "initiative_updates: editors remove"
  on public.initiative_updates for delete to authenticated
  using (public.can_edit_initiative(initiative_id));
comment on policy "initiative_updates: editors remove" on public.initiative_updates is
  'Members of the owning organisation and coordinators remove a mistaken update.';

create or replace function public.initiative_updates_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not public.is_end_user_request() then
    return new;
  end if;
  if new.reported_on > current_date then
    raise exception 'a progress update cannot be dated in the future' using errcode = '22023';
  end if;
  if tg_op = 'INSERT' then
    new.created_at := now();
    return new;
  end if;
  if new.initiative_id is distinct from old.initiative_id or new.author_id is distinct from old.author_id
     or new.created_at is distinct from old.created_at then
    raise exception 'the initiative, author and creation time of an update cannot be changed' using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function public.initiative_updates_guard() is 'BEFORE guard on initiative_updates: no future dates, initiative/author/created_at immutable.';

create trigger initiative_updates_guard
  before insert or update on public.initiative_updates
  for each row execute function public.initiative_updates_guard();

-- The latest update's figures and status onto the initiative. Security definer: the figures follow
-- from the updates whoever wrote them; only status and participants_reached are touched.
create or replace function public.initiative_updates_apply_latest()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  target uuid := coalesce(new.initiative_id, old.initiative_id);
  latest record;
begin
  select u.participants_reached, u.new_status into latest
    from public.initiative_updates u
   where u.initiative_id = target
   order by u.reported_on desc, u.created_at desc
   limit 1;
  if found then
    update public.initiatives i
       set participants_reached = coalesce(latest.participants_reached, i.participants_reached),
           status = case when i.status = 'draft' then i.status else coalesce(latest.new_status, i.status) end
     where i.id = target;
  end if;
  return null;
end;
$$;
comment on function public.initiative_updates_apply_latest() is
  'AFTER trigger on initiative_updates: the latest update''s participants_reached and new status become the initiative''s (a draft stays a draft).';
revoke execute on function public.initiative_updates_apply_latest() from public, anon, authenticated;

create trigger initiative_updates_apply_latest
  after insert or update or delete on public.initiative_updates
  for each row execute function public.initiative_updates_apply_latest();
