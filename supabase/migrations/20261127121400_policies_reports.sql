-- Access rules for reports and report_indicator_values. Anonymous: nothing.
-- Workflow rules (who may change status, what is frozen) are enforced by triggers in
-- 20261127121500_report_workflow.sql; these policies decide which rows a role touches at all.

revoke insert, update, delete, truncate, references, trigger
  on public.reports, public.report_indicator_values from anon;
revoke truncate, references, trigger
  on public.reports, public.report_indicator_values from authenticated;

-- reports ------------------------------------------------------------------------------------------
create policy "reports: own orgs, coordinators non-drafts, board"
  on public.reports for select to authenticated
  using (
    public.is_org_member(org_id)
    or (status <> 'draft' and (select public.is_coordinator()))
    or (status in ('submitted', 'accepted') and (select public.is_board()) and public.org_reports_to_board(org_id))
  );
comment on policy "reports: own orgs, coordinators non-drafts, board" on public.reports is
  'Members read their own organisations'' reports (drafts only they see); coordinators read every non-draft report; board members read submitted and accepted reports of organisations that report to the board.';

create policy "reports: members start drafts"
  on public.reports for insert to authenticated
  with check (public.is_org_member(org_id) and status = 'draft');
comment on policy "reports: members start drafts" on public.reports is
  'Members of an organisation start a draft report for it (open periods only, trigger). Nobody else creates reports.';

create policy "reports: members edit drafts, coordinators review"
  on public.reports for update to authenticated
  using (
    (public.is_org_member(org_id) and status in ('draft', 'returned'))
    or ((select public.is_coordinator()) and status = 'submitted')
  )
  with check (
    (public.is_org_member(org_id) and status in ('draft', 'returned', 'submitted'))
    or ((select public.is_coordinator()) and status in ('submitted', 'returned', 'accepted'))
  );
comment on policy "reports: members edit drafts, coordinators review" on public.reports is
  'Members edit and submit their organisation''s draft or returned report; a submitted report is read-only for them. Coordinators return or accept submitted reports. Accepted reports match no USING clause: nobody edits them.';

create policy "reports: members delete drafts"
  on public.reports for delete to authenticated
  using (public.is_org_member(org_id) and status = 'draft');
comment on policy "reports: members delete drafts" on public.reports is
  'Members may discard their organisation''s never-submitted draft; submitted, returned and accepted reports stay.';

-- report_indicator_values --------------------------------------------------------------------------
create policy "report_indicator_values: readers of the report"
  on public.report_indicator_values for select to authenticated
  using (exists (select 1 from public.reports r where r.id = report_id));
comment on policy "report_indicator_values: readers of the report" on public.report_indicator_values is
  'Values are visible exactly to those who can read the report (the subquery runs under reports RLS): members, coordinators (non-drafts), board (submitted/accepted of board-reporting orgs).';

create policy "report_indicator_values: members add to editable report"
  on public.report_indicator_values for insert to authenticated
  with check (public.can_edit_report(report_id));
comment on policy "report_indicator_values: members add to editable report" on public.report_indicator_values is
  'Members enter values while their organisation''s report is draft or returned.';

create policy "report_indicator_values: members update editable report"
  on public.report_indicator_values for update to authenticated
  using (public.can_edit_report(report_id))
  with check (public.can_edit_report(report_id));
comment on policy "report_indicator_values: members update editable report" on public.report_indicator_values is
  'Members change values while the report is draft or returned; frozen once submitted or accepted.';

create policy "report_indicator_values: members delete from editable report"
  on public.report_indicator_values for delete to authenticated
  using (public.can_edit_report(report_id));
comment on policy "report_indicator_values: members delete from editable report" on public.report_indicator_values is
  'Members remove values while the report is draft or returned.';
