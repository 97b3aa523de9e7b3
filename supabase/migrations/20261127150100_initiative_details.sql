-- The rest of an initiative's register entry (issue 6): funding source, a named contact, when it
-- was first published, and the rule that a published initiative is complete. A draft can always be
-- saved with whatever is filled in; leaving 'draft' requires summary, start date, districts, target
-- groups, focus areas and, for a public one, a contact e-mail (the catalogue shows it to residents).

alter table public.initiatives
  add column funding_source text check (funding_source is null or char_length(funding_source) <= 200),
  add column contact_name text check (contact_name is null or char_length(contact_name) <= 200),
  add column contact_phone text check (contact_phone is null or char_length(contact_phone) <= 40),
  add column published_at timestamptz;
comment on column public.initiatives.funding_source is 'Where the money comes from (e.g. "Egen budget", "Länsstyrelsen §37a").';
comment on column public.initiatives.published_at is 'When the initiative first left draft (set by trigger).';

update public.initiatives set published_at = created_at where status <> 'draft';

alter table public.initiatives add constraint initiatives_publishable check (
  status = 'draft'
  or (
    summary is not null and char_length(btrim(summary)) > 0
    and starts_on is not null
    and cardinality(districts) > 0
    and cardinality(target_groups) > 0
    and cardinality(focus_areas) > 0
    and (not is_public or contact_email is not null)
  )
);

create or replace function public.initiatives_stamp_published()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if public.is_end_user_request() then
    new.published_at := case when tg_op = 'INSERT' then null else old.published_at end;
  end if;
  if new.status <> 'draft' and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end;
$$;
comment on function public.initiatives_stamp_published() is 'Sets published_at when an initiative first leaves draft; users cannot change it.';

create trigger initiatives_stamp_published
  before insert or update on public.initiatives
  for each row execute function public.initiatives_stamp_published();

-- Full-text search of the catalogue (Swedish): title weighs most, then summary, then description.
alter table public.initiatives add column search_vector tsvector generated always as (
  setweight(to_tsvector('swedish', coalesce(title, '')), 'A')
  || setweight(to_tsvector('swedish', coalesce(summary, '')), 'B')
  || setweight(to_tsvector('swedish', coalesce(description, '')), 'C')
) stored;
comment on column public.initiatives.search_vector is 'Swedish full-text vector (title A, summary B, description C), generated.';

create index initiatives_search_idx on public.initiatives using gin (search_vector);
create index initiatives_target_groups_idx on public.initiatives using gin (target_groups);
-- The catalogue lists the latest started first among non-drafts.
create index initiatives_listing_idx on public.initiatives (starts_on desc nulls last, id) where status <> 'draft';
create index initiatives_public_listing_idx on public.initiatives (starts_on desc nulls last, id) where status <> 'draft' and is_public;
