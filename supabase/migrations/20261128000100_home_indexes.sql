-- Indexes for the signed-in home page at scale (issue 10; 5,000 threads, 20,000 initiatives).

-- "Senaste trådarna": the five threads with the latest posts among the forums the person reads.
-- Without an index on last_post_at every readable thread was read and sorted (~4,000 rows at
-- scale); with it the newest threads are read in order and the scan stops after five readable ones.
create index threads_last_post_idx on public.threads (last_post_at desc);

-- "Er organisation har N insatser": a count of one organisation's initiatives under RLS. The read
-- policies look at org_id, status and is_public; with is_public in the index the count is an
-- index-only scan instead of one heap page per initiative (~320 pages for a large organisation).
drop index public.initiatives_org_id_idx;
create index initiatives_org_id_idx on public.initiatives (org_id, status) include (is_public);
