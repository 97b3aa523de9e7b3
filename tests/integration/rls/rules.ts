/**
 * The access rules of DESIGN.md ("Who may do what") and of the issues that added tables since, as
 * data, for the generated matrix (generated-matrix.test.ts): every table in `public` × every actor ×
 * select / insert / update / delete.
 *
 * A rule is "none", "all" or a SQL predicate over the table's row (alias `r`) and the acting user's
 * id (`$uid`; null for anonymous visitors). Predicates are written against the base tables
 * (memberships, platform_roles, forum_members, ...) and deliberately never call the policies' helper
 * functions (is_coordinator(), can_read_forum(), ...): a rule that called them would agree with the
 * policies by construction. The same predicate holds for every signed-in actor: who the actor is
 * (coordinator, board member, organisation admin, member, someone with no organisation at all)
 * enters through `$uid` and the data, exactly as in the database.
 *
 * How the matrix reads a rule:
 * - select: the actor sees exactly the rows the predicate picks;
 * - update / delete: the rows the actor may change are those the predicate picks *among the rows it
 *   can see* (PostgREST always filters with WHERE, so Postgres applies the SELECT policy too); the
 *   update is a no-op (`set <touch> = <touch>`), so it asks "may this row be changed at all?",
 *   including by a trigger that refuses any change (an accepted report);
 * - insert: each existing row is cloned (fresh generated key, `clone` overrides applied) and the
 *   predicate is evaluated on the clone.
 */

export const MATRIX_ACTORS = ["anon", "coordinator", "board", "eidar", "association", "region", "outsider"] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];
export const OPS = ["select", "insert", "update", "delete"] as const;
export type Op = (typeof OPS)[number];

/** "none", "all", or a SQL boolean over `r` (the row) and `$uid` (the actor; null when anonymous). */
export type Pred = "none" | "all" | string;

/** Who may do one operation: anonymous visitors (default: nobody) and signed-in users. */
export interface OpRule {
  anon?: Pred;
  user: Pred;
}

export interface TableRules {
  /** Where the rule comes from (DESIGN.md or the issue that added the table). */
  why: string;
  /** Column for the no-op update (default: the first column the database does not fill itself). */
  touch?: string;
  /**
   * Overrides for the insert clones: column → SQL expression over the original row `r`, `$uid`
   * (the actor) and `$outsider` (a person in no organisation). Generated uuid keys are renewed and
   * identity columns left to their default without being named here.
   */
  clone?: Record<string, string>;
  /**
   * SQL run as the superuser at the start of each (rolled-back) transaction, so a table that is
   * empty in the seed still has rows to judge. May use `$uid` and `$outsider`.
   */
  fixtures?: string[];
  /**
   * Error codes that mean "refused" besides 42501 and "no row affected", per operation: a BEFORE
   * trigger that refuses with its own SQLSTATE. Each one is explained where it is used.
   */
  refusedCodes?: Partial<Record<Exclude<Op, "select">, readonly string[]>>;
  select: OpRule;
  insert: OpRule;
  update: OpRule;
  delete: OpRule;
}

// --- the vocabulary of DESIGN.md, over the base tables --------------------------------------------

const NOBODY: OpRule = { user: "none" };
const SIGNED_IN: OpRule = { user: "all" };

/** The actor holds platform role `role`. */
const hasRole = (role: "coordinator" | "board") => `exists (select 1 from public.platform_roles pr where pr.user_id = $uid and pr.role = '${role}')`;
const COORDINATOR = hasRole("coordinator");
const BOARD = hasRole("board");
const ONLY_COORDINATORS: OpRule = { user: COORDINATOR };

/** The actor is an active member (any role) of organisation `org`. */
const memberOf = (org: string) => `exists (select 1 from public.memberships m where m.org_id = ${org} and m.user_id = $uid and m.status = 'active')`;
/** The actor is an active admin of organisation `org`. */
const adminOf = (org: string) => `exists (select 1 from public.memberships m where m.org_id = ${org} and m.user_id = $uid and m.status = 'active' and m.role = 'admin')`;
/** A partner: an active member of an active organisation. */
const PARTNER = `exists (select 1 from public.memberships m join public.organisations o on o.id = m.org_id where m.user_id = $uid and m.status = 'active' and o.status = 'active')`;
const orgActive = (org: string) => `exists (select 1 from public.organisations o where o.id = ${org} and o.status = 'active')`;

const or = (...parts: string[]) => `(${parts.map((part) => `(${part})`).join(" or ")})`;
const and = (...parts: string[]) => `(${parts.map((part) => `(${part})`).join(" and ")})`;

/**
 * The people the portal is for (DESIGN.md "Who uses it"): coordinators, board members and partners.
 * A signed-in account that is none of these (an outsider: removed from its organisation, only
 * invited, or in an archived one) gets what anonymous visitors get, plus its own rows.
 */
const INSIDER = or(COORDINATOR, BOARD, PARTNER);

// Forums (DESIGN.md "forums": open — every signed-in partner reads and posts; closed — all read,
// members post; private — members only; coordinators run forums). Issue 8 recorded that board members
// read open and closed forums; an outsider reads no forum, unless it is a member of that forum.
const forumMember = (forum: string) => `exists (select 1 from public.forum_members fm where fm.forum_id = ${forum} and fm.user_id = $uid and fm.status = 'active')`;
const forumModerator = (forum: string) =>
  or(COORDINATOR, `exists (select 1 from public.forum_members fm where fm.forum_id = ${forum} and fm.user_id = $uid and fm.status = 'active' and fm.role = 'moderator')`);
const readsForum = (forum: string) =>
  and("$uid is not null", or(COORDINATOR, forumMember(forum), and(`exists (select 1 from public.forums f where f.id = ${forum} and f.visibility in ('open', 'closed'))`, or(BOARD, PARTNER))));
/** Posting (threads and replies): not in an archived forum; moderators anywhere, partners in open forums, members in closed/private ones. */
const postsInForum = (forum: string) =>
  and(
    `exists (select 1 from public.forums f where f.id = ${forum} and f.archived_at is null)`,
    or(
      forumModerator(forum),
      and(`exists (select 1 from public.forums f where f.id = ${forum} and f.visibility = 'open')`, PARTNER),
      and(`exists (select 1 from public.forums f where f.id = ${forum} and f.visibility in ('closed', 'private'))`, forumMember(forum)),
    ),
  );
const forumOfThread = (thread: string) => `(select t.forum_id from public.threads t where t.id = ${thread})`;
const forumOfPost = (post: string) => `(select t.forum_id from public.posts p join public.threads t on t.id = p.thread_id where p.id = ${post})`;
/** A post the actor can read: in a forum it reads, and not hidden unless it wrote it or moderates. */
const readsPost = (post: string) =>
  `exists (select 1 from public.posts p where p.id = ${post} and ${readsForum(forumOfThread("p.thread_id"))}
     and (p.hidden_at is null or p.author_id = $uid or ${forumModerator(forumOfThread("p.thread_id"))}))`;

// Initiatives (DESIGN.md: anonymous reads public non-draft ones; signed-in partners (and, as readers
// of the reports that link them, the board) read all non-draft ones, an outsider the public ones;
// issue 6: a draft only its organisation and coordinators; members write their organisation's,
// coordinators any — a decision recorded in issue 2's notes).
const initiativeReadableByAnon = (initiative: string) =>
  `exists (select 1 from public.initiatives i join public.organisations o on o.id = i.org_id where i.id = ${initiative} and i.is_public and i.status <> 'draft' and o.status = 'active')`;
const initiativeReadable = (initiative: string) =>
  `exists (select 1 from public.initiatives i where i.id = ${initiative} and (
     (i.status <> 'draft' and ${orgActive("i.org_id")} and (i.is_public or ${BOARD} or ${PARTNER})) or ${memberOf("i.org_id")} or ${COORDINATOR}))`;
const editsInitiative = (initiative: string) => `exists (select 1 from public.initiatives i where i.id = ${initiative} and (${memberOf("i.org_id")} or ${COORDINATOR}))`;

// Reports (DESIGN.md "Reports"): the organisation's members read its reports (drafts only they);
// coordinators read every non-draft report; board members read submitted and accepted reports of
// organisations that report to the board. The organisation edits a draft (while its period is
// open) or a returned report; a submitted report is read-only for it; nobody edits an accepted one.
const reportReadable = (report: string) =>
  `exists (select 1 from public.reports rep join public.organisations o on o.id = rep.org_id where rep.id = ${report} and (
     ${memberOf("rep.org_id")}
     or (rep.status <> 'draft' and ${COORDINATOR})
     or (rep.status in ('submitted', 'accepted') and o.reports_to_board and ${BOARD})))`;
const reportEditable = (report: string) =>
  `exists (select 1 from public.reports rep join public.reporting_periods p on p.id = rep.period_id where rep.id = ${report}
     and ${memberOf("rep.org_id")} and (rep.status = 'returned' or (rep.status = 'draft' and p.status = 'open')))`;

/**
 * The posting rate limit (issue 9) is not access control, but its BEFORE trigger runs before RLS is
 * asked, so when other test files have just posted as a persona it would hide the answer. Inside the
 * matrix's rolled-back transaction the actor's recent postings are forgotten (if the limit keeps
 * them in private.posting_events); the generated test also leaves any remaining SR429 out.
 */
const FORGET_RECENT_POSTINGS = `do $$ begin
  if to_regclass('private.posting_events') is not null then
    execute 'delete from private.posting_events where user_id = $1' using $uid;
  end if;
end $$`;

/** Rows of the actor's own (notifications, read marks, watches): the person and nobody else. */
const OWN = (column: string): OpRule => ({ user: `r.${column} = $uid` });

// --- the rules, table by table --------------------------------------------------------------------

export const RULES: Record<string, TableRules> = {
  audit_log: {
    why: "DESIGN.md: rows written only by triggers; coordinators read; nobody updates or deletes.",
    select: ONLY_COORDINATORS,
    insert: NOBODY,
    update: NOBODY,
    delete: NOBODY,
  },

  board_summaries: {
    why: "Issue 8: the coordinator writes and releases a board summary per period; the board reads released ones.",
    // Empty in the seed: one released and one unreleased summary on periods made for the transaction.
    fixtures: [
      `with p as (insert into public.reporting_periods (name, starts_on, ends_on, due_on, status)
                  values ('matrix-' || gen_random_uuid(), '2031-01-01', '2031-06-30', '2031-08-31', 'closed'),
                         ('matrix-' || gen_random_uuid(), '2031-07-01', '2031-12-31', '2032-02-28', 'open') returning id, status)
       insert into public.board_summaries (period_id, covering_text, released_at)
       select id, 'Matrisens följebrev', case when status = 'closed' then now() end from p`,
    ],
    select: { user: or(COORDINATOR, and("r.released_at is not null", BOARD)) },
    insert: ONLY_COORDINATORS,
    update: ONLY_COORDINATORS,
    delete: ONLY_COORDINATORS,
  },

  forum_members: {
    why: "Issue 5: readers of a forum see who is in it; a partner joins an open forum or asks to join a closed one; moderators add, change and remove members; anyone leaves.",
    clone: { user_id: "$uid" },
    select: { user: or("r.user_id = $uid", readsForum("r.forum_id")) },
    insert: {
      user: or(
        forumModerator("r.forum_id"),
        and(
          "r.user_id = $uid",
          "r.role = 'member'",
          PARTNER,
          readsForum("r.forum_id"),
          or("r.status = 'requested'", `r.status = 'active' and exists (select 1 from public.forums f where f.id = r.forum_id and f.visibility = 'open' and f.archived_at is null)`),
        ),
      ),
    },
    update: { user: forumModerator("r.forum_id") },
    delete: { user: or("r.user_id = $uid", forumModerator("r.forum_id")) },
  },

  forum_watches: {
    why: "Issue 5: a person watches forums and threads they can read; the watches are theirs alone.",
    clone: { user_id: "$uid" },
    select: OWN("user_id"),
    insert: { user: and("r.user_id = $uid", readsForum(`coalesce(r.forum_id, ${forumOfThread("r.thread_id")})`)) },
    update: NOBODY,
    delete: OWN("user_id"),
  },

  forums: {
    why: "DESIGN.md: coordinators run forums; open and closed forums are seen by partners (and the board, issue 8), private ones by members.",
    select: { user: or(and("r.visibility in ('open', 'closed')", or(BOARD, PARTNER)), forumMember("r.id"), COORDINATOR) },
    insert: ONLY_COORDINATORS,
    update: ONLY_COORDINATORS,
    delete: ONLY_COORDINATORS,
  },

  indicators: {
    why: "DESIGN.md: coordinators define indicators; partners report on them and the board follows them up.",
    select: SIGNED_IN,
    insert: ONLY_COORDINATORS,
    update: ONLY_COORDINATORS,
    delete: ONLY_COORDINATORS,
  },

  initiative_partners: {
    why: "Issue 6: partners of the initiatives one can read; the initiative's editors name partners (active organisations); a partner organisation's admin may withdraw it.",
    select: { anon: initiativeReadableByAnon("r.initiative_id"), user: initiativeReadable("r.initiative_id") },
    insert: { user: and(editsInitiative("r.initiative_id"), orgActive("r.org_id")) },
    update: { user: editsInitiative("r.initiative_id") },
    delete: { user: or(editsInitiative("r.initiative_id"), adminOf("r.org_id")) },
  },

  initiative_updates: {
    why: "Issue 6: progress of the initiatives one can read; the initiative's editors add (as themselves), correct and remove it.",
    clone: { author_id: "$uid" },
    select: { anon: initiativeReadableByAnon("r.initiative_id"), user: initiativeReadable("r.initiative_id") },
    insert: { user: and("r.author_id = $uid", editsInitiative("r.initiative_id")) },
    update: { user: editsInitiative("r.initiative_id") },
    delete: { user: editsInitiative("r.initiative_id") },
  },

  initiative_reach_cells: {
    why: "Issue 10: the reach view's summary; written only by triggers; its active half is read by those who read every non-draft initiative of an active organisation (partners, board), the inactive half only by coordinators.",
    // Empty half in the seed otherwise: an ongoing initiative of an archived organisation.
    fixtures: [
      `insert into public.initiatives (org_id, title, status, summary, starts_on, districts, target_groups, focus_areas)
       select o.id, 'Matrisens insats', 'ongoing', 'Matrisens insats.', '2026-01-01', '{Centrum}', '{barn}', '{trygghet}'
         from public.organisations o where o.status <> 'active' limit 1`,
    ],
    select: { user: or(and("r.org_active", or(PARTNER, BOARD)), COORDINATOR) },
    insert: NOBODY,
    update: NOBODY,
    delete: NOBODY,
  },

  initiatives: {
    why: "DESIGN.md + issue 6: the public catalogue for anonymous visitors; non-drafts for signed-in users; drafts for the organisation and coordinators; the organisation's members and coordinators write.",
    select: {
      anon: and("r.is_public", "r.status <> 'draft'", orgActive("r.org_id")),
      user: or(and("r.status <> 'draft'", orgActive("r.org_id"), or("r.is_public", BOARD, PARTNER)), memberOf("r.org_id"), COORDINATOR),
    },
    insert: { user: or(memberOf("r.org_id"), COORDINATOR) },
    update: { user: or(memberOf("r.org_id"), COORDINATOR) },
    // Nobody edits an accepted report, and its linked initiatives are part of it: an initiative an
    // accepted report links to stays (the cascade into report_initiatives is refused).
    delete: {
      user: and(
        or(memberOf("r.org_id"), COORDINATOR),
        "not exists (select 1 from public.report_initiatives ri join public.reports rep on rep.id = ri.report_id where ri.initiative_id = r.id and rep.status = 'accepted')",
      ),
    },
  },

  memberships: {
    why: "DESIGN.md: an org admin manages the organisation's members, coordinators invite; issue 4: a new membership starts as an invitation (coordinators may add active ones), the invitee accepts or leaves, an organisation keeps an active admin.",
    // The clone is a membership for someone in no organisation, i.e. an invitation.
    clone: { user_id: "$outsider" },
    // memberships_guard refuses removing an organisation's last active admin with 23514.
    refusedCodes: { delete: ["23514"] },
    select: { user: or("r.user_id = $uid", memberOf("r.org_id"), COORDINATOR) },
    insert: { user: or(COORDINATOR, and(adminOf("r.org_id"), "r.status = 'invited'")) },
    update: { user: or(adminOf("r.org_id"), COORDINATOR, "r.user_id = $uid") },
    delete: {
      user: or(
        COORDINATOR,
        and(
          or(adminOf("r.org_id"), "r.user_id = $uid"),
          `not (r.role = 'admin' and r.status = 'active' and not exists (
             select 1 from public.memberships other where other.org_id = r.org_id and other.id <> r.id and other.role = 'admin' and other.status = 'active'))`,
        ),
      ),
    },
  },

  notification_digests: {
    why: "Issue 4: which digest a person was sent is theirs to see; written by the server only.",
    fixtures: [
      `insert into public.notification_digests (user_id, period_key, notification_count)
       select id, 'day:2031-01-01', 2 from public.profiles where id in (select user_id from public.memberships union select user_id from public.platform_roles union select $outsider)
       on conflict do nothing`,
    ],
    select: OWN("user_id"),
    insert: NOBODY,
    update: NOBODY,
    delete: NOBODY,
  },

  notifications: {
    why: "Issue 5: a person's notifications are theirs; they mark them read; made by triggers.",
    touch: "read_at",
    select: OWN("user_id"),
    insert: NOBODY,
    update: OWN("user_id"),
    delete: NOBODY,
  },

  organisation_applications: {
    why: "Issue 4: an application (made through apply_for_membership) is read by its applicant and coordinators, who handle it.",
    select: { user: or("r.user_id = $uid", COORDINATOR) },
    insert: ONLY_COORDINATORS,
    update: ONLY_COORDINATORS,
    delete: ONLY_COORDINATORS,
  },

  organisations: {
    why: "DESIGN.md: anyone reads active organisations; members see their own in any status; coordinators approve (create, delete); the org admin manages the profile.",
    select: { anon: "r.status = 'active'", user: or("r.status = 'active'", memberOf("r.id"), COORDINATOR) },
    insert: ONLY_COORDINATORS,
    update: { user: or(adminOf("r.id"), COORDINATOR) },
    delete: ONLY_COORDINATORS,
  },

  period_indicators: {
    why: "Issue 7: the report template (indicators per period) is coordinators' to define, every signed-in user's to read.",
    select: SIGNED_IN,
    insert: ONLY_COORDINATORS,
    update: ONLY_COORDINATORS,
    delete: ONLY_COORDINATORS,
  },

  period_organisations: {
    why: "Issue 7: which organisations must report in a period: coordinators add and remove (a pair has nothing to update); every signed-in user reads.",
    select: SIGNED_IN,
    insert: ONLY_COORDINATORS,
    update: NOBODY,
    delete: ONLY_COORDINATORS,
  },

  period_questions: {
    why: "Issue 7: the report template's questions: coordinators define them, every signed-in user reads them.",
    select: SIGNED_IN,
    insert: ONLY_COORDINATORS,
    update: ONLY_COORDINATORS,
    delete: ONLY_COORDINATORS,
  },

  platform_roles: {
    why: "DESIGN.md: platform roles are granted by coordinators (nobody promotes themselves); a person sees their own roles.",
    clone: { user_id: "$outsider" },
    select: { user: or("r.user_id = $uid", COORDINATOR) },
    insert: ONLY_COORDINATORS,
    // A role is granted or revoked, never edited.
    update: NOBODY,
    delete: ONLY_COORDINATORS,
  },

  post_reports: {
    why: "Issue 5: a reader reports a post (as themselves, open); the reporter and the forum's moderators see it; moderators resolve it; nobody deletes the record.",
    clone: { reporter_id: "$uid", status: "'open'", resolved_by: "null", resolved_at: "null", resolution_note: "null" },
    select: { user: or("r.reporter_id = $uid", forumModerator(forumOfPost("r.post_id"))) },
    insert: { user: and("r.reporter_id = $uid", "r.status = 'open'", readsPost("r.post_id")) },
    update: { user: forumModerator(forumOfPost("r.post_id")) },
    delete: NOBODY,
  },

  posts: {
    why: "DESIGN.md/issue 5: readers of the forum read posts, hidden ones only their author and moderators; posters reply as themselves where they may post (not in locked threads unless moderating); the author edits, moderators moderate and delete.",
    clone: { author_id: "$uid", hidden_at: "null", hidden_by: "null", hidden_reason: "null" },
    fixtures: [FORGET_RECENT_POSTINGS],
    select: {
      user: and(readsForum(forumOfThread("r.thread_id")), or("r.hidden_at is null", "r.author_id = $uid", forumModerator(forumOfThread("r.thread_id")))),
    },
    insert: {
      user: and(
        "r.author_id = $uid",
        "r.hidden_at is null",
        `exists (select 1 from public.threads t where t.id = r.thread_id and ${postsInForum("t.forum_id")} and (not t.locked or ${forumModerator("t.forum_id")}))`,
      ),
    },
    update: { user: or("r.author_id = $uid", forumModerator(forumOfThread("r.thread_id"))) },
    delete: { user: forumModerator(forumOfThread("r.thread_id")) },
  },

  profiles: {
    why: "DESIGN.md: names of collaborators for the people the portal is for (partners, coordinators, board), one's own profile for everyone signed in, nothing for anonymous visitors; a person creates and edits only their own profile (deleting goes through account deletion).",
    select: { user: or("r.id = $uid", INSIDER) },
    insert: { user: "r.id = $uid" },
    update: { user: "r.id = $uid" },
    delete: NOBODY,
  },

  report_answers: {
    why: "Issue 7: answers are read with their report and written by the organisation while the report is editable.",
    select: { user: reportReadable("r.report_id") },
    insert: { user: reportEditable("r.report_id") },
    update: { user: reportEditable("r.report_id") },
    delete: { user: reportEditable("r.report_id") },
  },

  report_events: {
    why: "Issue 7: a report's history is read with the report and written by triggers only.",
    select: { user: reportReadable("r.report_id") },
    insert: NOBODY,
    update: NOBODY,
    delete: NOBODY,
  },

  report_indicator_values: {
    why: "DESIGN.md: indicator values are read with their report and written by the organisation while the report is editable (the board's aggregates come through indicator_totals).",
    select: { user: reportReadable("r.report_id") },
    insert: { user: reportEditable("r.report_id") },
    update: { user: reportEditable("r.report_id") },
    delete: { user: reportEditable("r.report_id") },
  },

  report_initiatives: {
    why: "Issue 6/7: a report's linked initiatives are seen by those who read both; the report's editors link initiatives they can read and unlink them.",
    select: { user: and(reportReadable("r.report_id"), initiativeReadable("r.initiative_id")) },
    insert: { user: and(reportEditable("r.report_id"), initiativeReadable("r.initiative_id")) },
    update: NOBODY,
    delete: { user: reportEditable("r.report_id") },
  },

  report_reminders: {
    why: "Issue 7: which reminders were sent is for coordinators; written by the server only.",
    fixtures: [
      `insert into public.report_reminders (period_id, org_id, kind, sent_at, recipients)
       select po.period_id, po.org_id, (select min(e) from unnest(enum_range(null::public.report_reminder_kind)) e), now(), 1
         from public.period_organisations po
        where not exists (select 1 from public.report_reminders rr where rr.period_id = po.period_id and rr.org_id = po.org_id)
       on conflict do nothing`,
    ],
    select: ONLY_COORDINATORS,
    insert: NOBODY,
    update: NOBODY,
    delete: NOBODY,
  },

  reporting_periods: {
    why: "DESIGN.md: coordinators define reporting periods; every signed-in user reads them.",
    select: SIGNED_IN,
    insert: ONLY_COORDINATORS,
    update: ONLY_COORDINATORS,
    delete: ONLY_COORDINATORS,
  },

  reports: {
    why: "DESIGN.md 'Reports': see reportReadable/reportEditable; members start drafts in open periods and discard drafts; coordinators act only on submitted reports; nobody edits an accepted one.",
    select: { user: reportReadable("r.id") },
    insert: {
      user: and(memberOf("r.org_id"), "r.status = 'draft'", "exists (select 1 from public.reporting_periods p where p.id = r.period_id and p.status = 'open')"),
    },
    update: { user: or(reportEditable("r.id"), and("r.status = 'submitted'", COORDINATOR)) },
    delete: { user: and(memberOf("r.org_id"), "r.status = 'draft'") },
  },

  thread_reads: {
    why: "Issue 5: read marks are a person's own, for threads they can read.",
    clone: { user_id: "$uid" },
    select: OWN("user_id"),
    insert: { user: and("r.user_id = $uid", readsForum(forumOfThread("r.thread_id"))) },
    update: { user: and("r.user_id = $uid", readsForum(forumOfThread("r.thread_id"))) },
    delete: OWN("user_id"),
  },

  threads: {
    why: "DESIGN.md/issue 5: readers of the forum read threads; posters start threads as themselves (moderators pin and lock); the author edits an unlocked thread, moderators any; moderators delete.",
    clone: { author_id: "$uid", pinned: "false", locked: "false" },
    fixtures: [FORGET_RECENT_POSTINGS],
    select: { user: readsForum("r.forum_id") },
    insert: { user: and("r.author_id = $uid", postsInForum("r.forum_id")) },
    update: { user: or(forumModerator("r.forum_id"), and("r.author_id = $uid", "not r.locked")) },
    delete: { user: forumModerator("r.forum_id") },
  },
};

/** The rule for one actor: anonymous visitors have their own (default: nothing). */
export function ruleFor(rules: TableRules, op: Op, actor: MatrixActor): Pred {
  const rule = rules[op];
  return actor === "anon" ? (rule.anon ?? "none") : rule.user;
}

/** A rule as SQL, with the actor's id and the outsider's id filled in as literals. */
export function predicateSql(pred: Pred, uid: string | null, outsider: string): string {
  if (pred === "none") return "false";
  if (pred === "all") return "true";
  return fillIds(pred, uid, outsider);
}

export function fillIds(text: string, uid: string | null, outsider: string): string {
  const literal = (id: string | null) => (id === null ? "null::uuid" : `'${id.replace(/'/g, "")}'::uuid`);
  return text.replaceAll("$uid", literal(uid)).replaceAll("$outsider", literal(outsider));
}
