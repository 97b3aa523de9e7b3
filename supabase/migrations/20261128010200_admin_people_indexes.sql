-- Indexes for /admin/people at scale (issue 10), where every row also passes the RLS policies, so
-- an index that narrows the rows saves the policy checks as well as the scan.

-- Pending invitations, newest first: a few dozen rows among thousands of memberships (before:
-- a sequential scan checking RLS on every membership, ~45 ms at 3,300 memberships).
create index memberships_invited_at_idx on public.memberships (invited_at desc) where status = 'invited';

-- The people list, by name with id as tie-breaker, one page at a time.
create index profiles_full_name_idx on public.profiles (full_name, id);
