-- The board's latest reports on the home page (home.server.ts boardReports: submitted or accepted,
-- latest submitted first, nulls last, three rows). reports_status_idx (status, submitted_at desc)
-- cannot give that order for two statuses with nulls last, so every board organisation's report was
-- read and checked by the reports policy (two function calls a row) before sorting: ~400 rows at
-- scale. With this index the scan runs in the wanted order and stops after the first three rows the
-- policy and the board filter let through.
create index reports_in_latest_idx on public.reports (submitted_at desc nulls last)
  where status in ('submitted', 'accepted');
comment on index public.reports_in_latest_idx is
  'Submitted and accepted reports, latest submitted first (nulls last): the board''s latest reports on the home page.';
