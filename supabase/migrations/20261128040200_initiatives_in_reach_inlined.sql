-- "Täckning" with a period (issue 10): the period view stays a live aggregate (20261128040100), so
-- make that aggregate cheaper. initiatives_in_reach had `set search_path = ''`, and a function with
-- a SET clause is never inlined: every call materialised whole initiative rows (search vectors too)
-- into a tuplestore that spilled to temporary files at scale. Without it the planner inlines the
-- function into the rpcs' queries and reads only the columns they use (about 1.6x faster at the
-- scale seed). Safe: every name in the body is schema-qualified, it runs with the caller's rights
-- (not security definer, so RLS applies as before), and the body is unchanged.
alter function public.initiatives_in_reach(text, date, date) reset search_path;
