-- "Era utkast" on /initiatives at scale (issue 10): a member's page lists the ten latest edited
-- drafts of their organisations. The only index on org_id was initiatives_org_id_idx, and through
-- RLS `status = 'draft'` stays a filter, so every initiative of the organisation was read from the
-- heap and sorted (275 rows and 261 pages for VGR at 20,000 initiatives, 1.7–4 ms). This partial
-- index holds only drafts, in the list's order per organisation: ten index entries (0.2–0.35 ms).
create index initiatives_drafts_idx on public.initiatives (org_id, updated_at desc, id) where status = 'draft';
