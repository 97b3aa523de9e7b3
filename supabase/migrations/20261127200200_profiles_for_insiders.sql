-- People's names, titles and phone numbers are for the people the portal is for (issue 9, found by
-- the generated RLS matrix): the policy's own comment says "every signed-in user (partner,
-- coordinator, board)", but `using (true)` also gave every profile to any account with no
-- organisation at all (removed from its organisation, only invited, or in an archived one). Such an
-- account now reads its own profile only.

alter policy "profiles: signed-in users read" on public.profiles
  using (
    id = (select auth.uid())
    or (select public.is_partner())
    or (select public.is_coordinator())
    or (select public.is_board())
  );
comment on policy "profiles: signed-in users read" on public.profiles is
  'Partners, coordinators and board members read profiles (names of collaborators, forum authors and reviewers); any other signed-in account only its own. Anonymous: nothing.';
