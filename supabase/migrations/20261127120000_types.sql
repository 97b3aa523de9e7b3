-- Enumerated types of the domain model (DESIGN.md, "Domain model").
-- Enums rather than text + check so that generated TypeScript types carry the allowed values.

create type public.platform_role as enum ('coordinator', 'board');
comment on type public.platform_role is 'Platform-wide role: coordinator (municipal samordnare) or board (KS ledamot).';

create type public.organisation_kind as enum (
  'association', 'region', 'authority', 'housing_company', 'business', 'faith_community', 'other'
);
create type public.organisation_status as enum ('pending', 'active', 'archived');

create type public.membership_role as enum ('admin', 'member');
create type public.membership_status as enum ('invited', 'active');

create type public.forum_visibility as enum ('open', 'closed', 'private');
comment on type public.forum_visibility is
  'open: every signed-in partner reads and posts; closed: all signed-in read, members post; private: members only.';
create type public.forum_member_role as enum ('member', 'moderator');
create type public.forum_member_status as enum ('requested', 'active');

create type public.initiative_status as enum ('draft', 'planned', 'ongoing', 'completed', 'paused', 'cancelled');

create type public.indicator_direction as enum ('increase', 'decrease');

create type public.period_status as enum ('open', 'closed');

create type public.report_status as enum ('draft', 'submitted', 'returned', 'accepted');
comment on type public.report_status is
  'draft -> submitted (org member) -> returned | accepted (coordinator); returned -> submitted. accepted is final.';
