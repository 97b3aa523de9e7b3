-- Reports can name the initiatives they report on (issue 6 prepares it, issue 7 fills it in); an
-- initiative's page lists the reports that mention it, as far as the reader may see those reports.

create table public.report_initiatives (
  report_id uuid not null references public.reports (id) on delete cascade,
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (report_id, initiative_id)
);
comment on table public.report_initiatives is 'Initiatives a follow-up report links to.';
create index report_initiatives_initiative_idx on public.report_initiatives (initiative_id);

alter table public.report_initiatives enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.report_initiatives from anon;
revoke update, truncate, references, trigger on public.report_initiatives from authenticated;

create policy "report_initiatives: readers of both"
  on public.report_initiatives for select to authenticated
  using (
    exists (select 1 from public.reports r where r.id = report_id)
    and exists (select 1 from public.initiatives i where i.id = initiative_id)
  );
comment on policy "report_initiatives: readers of both" on public.report_initiatives is
  'A link is visible to whoever may read both the report and the initiative (through their own RLS): a draft report''s links stay inside its organisation.';

create policy "report_initiatives: report editors link"
  on public.report_initiatives for insert to authenticated
  with check (
    public.can_edit_report(report_id)
    and exists (select 1 from public.initiatives i where i.id = initiative_id)
  );
comment on policy "report_initiatives: report editors link" on public.report_initiatives is
  'Members editing a draft or returned report link initiatives they can see.';

create policy "report_initiatives: report editors unlink"
  on public.report_initiatives for delete to authenticated
  using (public.can_edit_report(report_id));
comment on policy "report_initiatives: report editors unlink" on public.report_initiatives is
  'Members editing a draft or returned report remove links; a submitted or accepted report''s links are fixed.';
