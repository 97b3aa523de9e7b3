-- Target groups and focus areas of initiatives become fixed vocabularies (issue 6), so the reach
-- view can count districts x target groups and filters match exactly. Stored as stable keys (also in
-- the open data); the interface shows them in words (app/lib/initiative-vocabulary.ts, translations).

create or replace function public.initiative_target_groups()
returns text[]
language sql immutable
set search_path = ''
as $$
  select array['barn', 'unga', 'unga_vuxna', 'kvinnor', 'nyanlanda', 'foraldrar', 'aldre',
               'arbetssokande', 'funktionsnedsattning', 'alla']::text[];
$$;
comment on function public.initiative_target_groups() is
  'Keys of the target groups an initiative can name: children, young people, young adults, women, newly arrived, parents, older people, job seekers, people with disabilities, all residents.';

create or replace function public.initiative_focus_areas()
returns text[]
language sql immutable
set search_path = ''
as $$
  select array['arbete', 'sprak', 'utbildning', 'halsa', 'trygghet', 'boende', 'fritid_kultur',
               'delaktighet', 'samhallsorientering', 'foraldraskap']::text[];
$$;
comment on function public.initiative_focus_areas() is
  'Keys of the focus areas: work and employment, language, education, health, safety, housing, leisure and culture, participation and democracy, civic orientation, parenting.';

create or replace function public.trollhattan_districts()
returns text[]
language sql immutable
set search_path = ''
as $$
  select array['Centrum', 'Kronogården', 'Lextorp', 'Sylte', 'Hjulkvarn', 'Skoftebyn', 'Stavre',
               'Strandmon', 'Sjuntorp', 'Upphärad', 'Velanda', 'Öresjö', 'Nordstaden', 'Halvorstorp']::text[];
$$;
comment on function public.trollhattan_districts() is 'The districts of Trollhättan (DESIGN.md), in the order the interface lists them.';

grant execute on function public.initiative_target_groups(), public.initiative_focus_areas(), public.trollhattan_districts()
  to anon, authenticated, service_role;

alter table public.initiatives
  add constraint initiatives_target_groups_known check (target_groups <@ public.initiative_target_groups()),
  add constraint initiatives_focus_areas_known check (focus_areas <@ public.initiative_focus_areas());
