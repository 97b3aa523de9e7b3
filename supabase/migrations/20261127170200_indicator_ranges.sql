-- Indicators get an allowed range (a percentage lies between 0 and 100, a count is never negative),
-- and a report may give a comment instead of a figure ("no figure this period, because ...").

alter table public.indicators
  add column min_value numeric,
  add column max_value numeric,
  add constraint indicators_range_ordered check (min_value is null or max_value is null or min_value <= max_value);
comment on column public.indicators.min_value is 'Lowest value a report may give (null: no lower bound).';
comment on column public.indicators.max_value is 'Highest value a report may give (null: no upper bound).';

alter table public.report_indicator_values
  alter column value drop not null,
  add constraint report_indicator_values_value_or_comment
    check (value is not null or nullif(btrim(comment), '') is not null);
comment on column public.report_indicator_values.value is
  'The reported figure; null only with a comment explaining why there is no figure.';

-- The range is checked when a value is written (report_children_guard), not by a constraint, so a
-- later change of an indicator's range never invalidates values reported before it.
