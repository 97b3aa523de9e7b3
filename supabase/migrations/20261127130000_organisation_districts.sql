-- Where an organisation works: the districts of Trollhättan (DESIGN.md), asked for by /apply and
-- edited by coordinators. Same list and check as initiatives.districts.
-- `if not exists`: another part of issue 4 may want the same column; whichever migration comes
-- first adds it.

alter table public.organisations
  add column if not exists districts text[] not null default '{}'
    check (districts <@ array['Centrum', 'Kronogården', 'Lextorp', 'Sylte', 'Hjulkvarn', 'Skoftebyn',
      'Stavre', 'Strandmon', 'Sjuntorp', 'Upphärad', 'Velanda', 'Öresjö', 'Nordstaden', 'Halvorstorp']::text[]);
comment on column public.organisations.districts is 'Districts of Trollhättan (stadsdelar/områden) the organisation works in.';

create index if not exists organisations_districts_idx on public.organisations using gin (districts);
