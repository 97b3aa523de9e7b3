-- How often a person wants e-mail notifications (issue 4, /account): immediately, a daily digest,
-- a weekly digest, or never. Replaces the meaning of profiles.notify_digest, which stays (the seed
-- and the people RLS matrix use it) but is no longer shown; the per-topic booleans
-- (notify_forum_replies, notify_report_reminders, notify_report_reviews) keep saying *what* to
-- notify about, this column says *how often*.

create type public.notification_frequency as enum ('immediately', 'daily', 'weekly', 'never');
comment on type public.notification_frequency is
  'How often e-mail notifications are sent: immediately, daily digest, weekly digest, never.';

alter table public.profiles
  add column notification_frequency public.notification_frequency not null default 'immediately';
comment on column public.profiles.notification_frequency is
  'How often the person gets e-mail notifications. Edited by the person on /account (policy "profiles: users update their own").';
comment on column public.profiles.notify_digest is
  'Superseded by notification_frequency (kept for compatibility; daily when true at migration time).';

-- Existing digest readers keep their digest.
update public.profiles set notification_frequency = 'daily' where notify_digest;
