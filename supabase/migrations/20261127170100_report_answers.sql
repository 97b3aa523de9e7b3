-- A report's narrative answers the questions of its period's template, instead of five fixed
-- columns. Existing narrative text moves into answers of five questions with the old sections'
-- meaning, so nothing written is lost; then the fixed columns go. (The summary stays a column:
-- every report has one and lists show it.)

create table public.report_answers (
  report_id uuid not null references public.reports (id) on delete cascade,
  question_id uuid not null references public.period_questions (id) on delete restrict,
  body text not null check (char_length(btrim(body)) between 1 and 20000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (report_id, question_id)
);
comment on table public.report_answers is 'A report''s answer to one question of its period''s template.';
create index report_answers_question_idx on public.report_answers (question_id);

create trigger report_answers_set_updated_at
  before update on public.report_answers
  for each row execute function public.set_updated_at();

-- Move the old narrative (if any) into questions and answers.
create temporary table narrative_sections (position integer, section text, question text) on commit drop;
insert into narrative_sections values
  (1, 'activities', 'Vilka aktiviteter har ni genomfört under perioden?'),
  (2, 'results', 'Vilka resultat har ni sett?'),
  (3, 'collaboration', 'Hur har ni samverkat med andra aktörer?'),
  (4, 'challenges', 'Vilka utmaningar har ni mött?'),
  (5, 'next_steps', 'Vad är nästa steg?');

insert into public.period_questions (period_id, position, question)
select p.id, s.position, s.question
  from public.reporting_periods p
 cross join narrative_sections s
 where exists (select 1 from public.reports r where r.period_id = p.id);

insert into public.report_answers (report_id, question_id, body)
select r.id, q.id, a.body
  from public.reports r
  join public.period_questions q on q.period_id = r.period_id
  join narrative_sections s on s.position = q.position
 cross join lateral (select to_jsonb(r) ->> s.section as body) a
 where nullif(btrim(a.body), '') is not null;

alter table public.reports
  drop column activities,
  drop column results,
  drop column collaboration,
  drop column challenges,
  drop column next_steps;

-- Access ---------------------------------------------------------------------------------------------
alter table public.report_answers enable row level security;
revoke insert, update, delete, truncate, references, trigger on public.report_answers from anon;
revoke truncate, references, trigger on public.report_answers from authenticated;

create policy "report_answers: readers of the report"
  on public.report_answers for select to authenticated
  using (exists (select 1 from public.reports r where r.id = report_id));
comment on policy "report_answers: readers of the report" on public.report_answers is
  'Answers are visible exactly to those who can read the report (the subquery runs under reports RLS).';

create policy "report_answers: editors add"
  on public.report_answers for insert to authenticated
  with check (public.can_edit_report(report_id));
comment on policy "report_answers: editors add" on public.report_answers is
  'Members write answers while their organisation''s report is editable (draft or returned, see can_edit_report).';

create policy "report_answers: editors update"
  on public.report_answers for update to authenticated
  using (public.can_edit_report(report_id))
  with check (public.can_edit_report(report_id));
comment on policy "report_answers: editors update" on public.report_answers is
  'Members change answers while the report is editable; frozen once submitted or accepted.';

create policy "report_answers: editors delete"
  on public.report_answers for delete to authenticated
  using (public.can_edit_report(report_id));
comment on policy "report_answers: editors delete" on public.report_answers is
  'Members clear answers while the report is editable.';
