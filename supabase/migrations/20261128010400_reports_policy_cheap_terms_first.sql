-- The reports read policy with its cheap terms first (issue 10). An `or` is evaluated left to
-- right, and is_org_member(org_id) — a security definer function, never inlined — came first, so
-- a coordinator's /admin/reports queue called it for every report before the status filter could
-- apply (RLS quals run first; a filter on an enum is not leakproof, so it cannot become an index
-- condition). With the once-per-statement role checks first, non-draft reports are decided without
-- a function call; at 2,800 reports the queue's scan went from ~6,000 to ~1,500 buffers. The rule
-- is unchanged: the same three terms, reordered.
alter policy "reports: own orgs, coordinators non-drafts, board" on public.reports
  using (
    (status <> 'draft' and (select public.is_coordinator()))
    or (status in ('submitted', 'accepted') and (select public.is_board()) and public.org_reports_to_board(org_id))
    or public.is_org_member(org_id)
  );
