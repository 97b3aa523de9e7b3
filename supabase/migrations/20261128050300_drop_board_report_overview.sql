-- board_report_overview() stated the board's "status, never content" rule a second time beside
-- board_overview() (20261128050000), which /board and the period summary now read. One statement of
-- the rule: the old function goes.
drop function public.board_report_overview();
