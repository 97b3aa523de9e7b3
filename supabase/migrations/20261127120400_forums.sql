-- Collaboration forums: forums, their members, threads and posts.

create table public.forums (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique
    check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  name text not null check (char_length(btrim(name)) between 2 and 120),
  description text check (description is null or char_length(description) <= 2000),
  visibility public.forum_visibility not null default 'open',
  archived_at timestamptz,
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.forums is 'Collaboration spaces. Visibility decides who reads and who posts.';

create index forums_visibility_idx on public.forums (visibility) where archived_at is null;
create index forums_created_by_idx on public.forums (created_by);

create trigger forums_set_updated_at
  before update on public.forums
  for each row execute function public.set_updated_at();

alter table public.forums enable row level security;


create table public.forum_members (
  forum_id uuid not null references public.forums (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.forum_member_role not null default 'member',
  status public.forum_member_status not null default 'requested',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (forum_id, user_id)
);
comment on table public.forum_members is 'Members and moderators of a forum; requested until a moderator or coordinator accepts.';

create index forum_members_user_id_idx on public.forum_members (user_id, status);

create trigger forum_members_set_updated_at
  before update on public.forum_members
  for each row execute function public.set_updated_at();

alter table public.forum_members enable row level security;


create table public.threads (
  id uuid primary key default gen_random_uuid(),
  forum_id uuid not null references public.forums (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 3 and 200),
  author_id uuid references public.profiles (id) on delete set null default auth.uid(),
  pinned boolean not null default false,
  locked boolean not null default false,
  last_post_at timestamptz not null default now(),
  post_count integer not null default 0 check (post_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.threads is 'Discussion threads. post_count and last_post_at are maintained by a trigger on posts.';
comment on column public.threads.post_count is 'Number of visible (not hidden) posts; maintained by trigger.';

create index threads_forum_last_post_idx on public.threads (forum_id, pinned desc, last_post_at desc);
create index threads_author_id_idx on public.threads (author_id);

create trigger threads_set_updated_at
  before update on public.threads
  for each row execute function public.set_updated_at();

alter table public.threads enable row level security;


create table public.posts (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null references public.threads (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null default auth.uid(),
  body text not null check (char_length(btrim(body)) between 1 and 20000),
  edited_at timestamptz,
  hidden_at timestamptz,
  hidden_by uuid references public.profiles (id) on delete set null,
  hidden_reason text check (hidden_reason is null or char_length(hidden_reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint posts_hidden_consistent check (hidden_at is not null or (hidden_by is null and hidden_reason is null))
);
comment on table public.posts is 'Forum posts. body is Markdown, rendered sanitised. Hidden posts are seen only by their author and moderators.';

create index posts_thread_created_idx on public.posts (thread_id, created_at);
create index posts_author_id_idx on public.posts (author_id);
create index posts_hidden_by_idx on public.posts (hidden_by);

create trigger posts_set_updated_at
  before update on public.posts
  for each row execute function public.set_updated_at();

alter table public.posts enable row level security;
