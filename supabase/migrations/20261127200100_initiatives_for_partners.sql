-- Non-public initiatives are for partners (issue 9, found by the generated RLS matrix): DESIGN.md
-- gives "all non-draft initiatives" to signed-in partners and only the public catalogue to everyone
-- else, yet RLS gave every non-draft initiative to any signed-in account. An account with no active
-- membership of an active organisation now reads what an anonymous visitor reads (public, non-draft
-- initiatives of active organisations) plus its own organisations' initiatives; board members keep
-- every non-draft initiative (they read the reports that link them). Partners, progress updates and
-- report links follow through their `exists (select … from initiatives)` policies.

alter policy "initiatives: signed-in read non-drafts and own drafts" on public.initiatives
  using (
    (status <> 'draft' and org_id = any ((select public.active_org_ids())::uuid[])
      and (is_public or (select public.is_partner()) or (select public.is_board())))
    or org_id = any ((select public.my_org_ids())::uuid[])
    or (select public.is_coordinator())
  );
comment on policy "initiatives: signed-in read non-drafts and own drafts" on public.initiatives is
  'Partners and board members read every non-draft initiative of an active organisation; other signed-in accounts only the public ones; members read their own organisations'' drafts; coordinators read all.';
