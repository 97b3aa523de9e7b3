-- Access rules for indicators and reporting periods: every signed-in user reads (partners fill
-- in reports, the board reads dashboards), only coordinators define them. Anonymous: nothing.

revoke insert, update, delete, truncate, references, trigger
  on public.indicators, public.reporting_periods from anon;
revoke truncate, references, trigger
  on public.indicators, public.reporting_periods from authenticated;

-- indicators ---------------------------------------------------------------------------------------
create policy "indicators: signed-in read"
  on public.indicators for select to authenticated
  using (true);
comment on policy "indicators: signed-in read" on public.indicators is
  'Every signed-in user reads the KPIs (partners report on them, the board follows them up).';

create policy "indicators: coordinators create"
  on public.indicators for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "indicators: coordinators create" on public.indicators is 'Only coordinators define indicators.';

create policy "indicators: coordinators update"
  on public.indicators for update to authenticated
  using ((select public.is_coordinator()))
  with check ((select public.is_coordinator()));
comment on policy "indicators: coordinators update" on public.indicators is 'Only coordinators change or deactivate indicators.';

create policy "indicators: coordinators delete"
  on public.indicators for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "indicators: coordinators delete" on public.indicators is
  'Only coordinators delete indicators (reported values block deletion; deactivate instead).';

-- reporting_periods --------------------------------------------------------------------------------
create policy "reporting_periods: signed-in read"
  on public.reporting_periods for select to authenticated
  using (true);
comment on policy "reporting_periods: signed-in read" on public.reporting_periods is
  'Every signed-in user reads the reporting periods.';

create policy "reporting_periods: coordinators create"
  on public.reporting_periods for insert to authenticated
  with check ((select public.is_coordinator()));
comment on policy "reporting_periods: coordinators create" on public.reporting_periods is 'Only coordinators open reporting periods.';

create policy "reporting_periods: coordinators update"
  on public.reporting_periods for update to authenticated
  using ((select public.is_coordinator()))
  with check ((select public.is_coordinator()));
comment on policy "reporting_periods: coordinators update" on public.reporting_periods is 'Only coordinators change, open or close reporting periods.';

create policy "reporting_periods: coordinators delete"
  on public.reporting_periods for delete to authenticated
  using ((select public.is_coordinator()));
comment on policy "reporting_periods: coordinators delete" on public.reporting_periods is
  'Only coordinators delete reporting periods (reports block deletion).';
