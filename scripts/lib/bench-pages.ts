/**
 * The pages `npm run bench` measures and each page's FLOOR: the smallest set of PostgREST requests
 * that returns the rows the page shows (same filters, page size and count mode), sent straight to
 * PostgREST, the independent ones at once. Ids a page would first have to look up (the person's
 * organisation, a report's period) are resolved once before timing, so the floor is the best a
 * client could do, never worse than it. Every signed-in floor includes the page frame's row (the
 * person's profile with roles and memberships); the auth round trip is not a row and is left out.
 * Each request below is one line with a comment saying which part of the page it stands for.
 */
import { POSTS_PER_PAGE } from "../../app/lib/schemas/forum-posts.ts";
import { CATALOGUE_COUNT_CAP, CATALOGUE_PAGE_SIZE } from "../../app/lib/schemas/initiative-filters.ts";

export interface FloorRequest {
  method: "GET" | "HEAD" | "POST";
  /** Path and query below PostgREST's root, e.g. `/reports?select=id`. */
  path: string;
  /** JSON body of an rpc (POST). */
  body?: Record<string, unknown>;
  /** `Prefer: count=exact` (what supabase-js sends for `{ count: "exact" }`). */
  countExact?: boolean;
}

export interface Persona {
  email: string;
  id: string;
  roles: string[];
  /** Active memberships of active organisations, by name as the portal sorts them (sv). */
  memberships: { orgId: string; orgName: string }[];
  /** Forums where the person is an active moderator (the /forums page then counts open reports). */
  moderatedForumIds: string[];
}

export interface BenchContext {
  personas: Record<string, Persona>;
  /** The thread page measured: the big thread of the scale seed, or a 10-post one with the normal seed. */
  thread: { slug: string; id: string; page: number; lastPosition: number };
  /** An accepted report of an organisation that reports to the board (AB Eidar), with what it links to. */
  boardReport: {
    id: string;
    orgId: string;
    periodId: string;
    startsOn: string;
    initiativeIds: string[];
  };
  /** The periods the Eidar /reports page lists (required ones and those with a report). */
  reportPeriodIds: string[];
}

export interface BenchPage {
  key: string;
  path: string;
  /** The path as the table shows it (ids replaced by what they are). */
  label: string;
  /** Demo e-mail, or null for signed out. */
  persona: string | null;
  /** The route module in the build manifest (for the first-load JavaScript). */
  routeId: string;
  floor: FloorRequest[];
  /** Text the HTML must contain, so a page that rendered something else fails loudly. */
  expect?: string;
}

const REPORT_MAX_ROWS = 200;
const HOME_CARD_ROWS = 5;
const DRAFTS_SHOWN = 10;

/** A GET of `table` with PostgREST query parameters (values as supabase-js writes them). */
function get(table: string, query: Record<string, string>, countExact = false): FloorRequest {
  return {
    method: "GET",
    path: `/${table}?${new URLSearchParams(query).toString()}`,
    countExact,
  };
}

/** A count only (`{ count: "exact", head: true }`). */
function headCount(table: string, query: Record<string, string>): FloorRequest {
  return {
    method: "HEAD",
    path: `/${table}?${new URLSearchParams(query).toString()}`,
    countExact: true,
  };
}

/** supabase-js `rpc()`: a POST with the arguments as JSON. */
function rpc(name: string, args: Record<string, unknown> = {}): FloorRequest {
  return { method: "POST", path: `/rpc/${name}`, body: args };
}

const inList = (ids: string[]) => `in.(${ids.join(",")})`;

/** The page frame (root loader): the person's profile, roles and active memberships. */
function shell(persona: Persona): FloorRequest {
  return get("profiles", {
    select: "full_name,locale,platform_roles!platform_roles_user_id_fkey(role),memberships!memberships_user_id_fkey(org_id,role,organisations!inner(name))",
    id: `eq.${persona.id}`,
    "memberships.status": "eq.active",
    "memberships.organisations.status": "eq.active",
  });
}

const reportColumns =
  "id,status,submitted_at,reviewed_at,organisations!reports_org_id_fkey!inner(name,reports_to_board),reporting_periods!reports_period_id_fkey(name)";

/** The signed-in home: the cards the person's roles and organisation give them. */
function homeFloor(persona: Persona): FloorRequest[] {
  const org = persona.memberships[0];
  const coordinator = persona.roles.includes("coordinator");
  const requests = [shell(persona)];
  if (org || coordinator) {
    // Latest threads card: five threads of readable, unarchived forums by last post.
    requests.push(
      get("threads", {
        select: "id,title,last_post_at,post_count,forums!threads_forum_id_fkey!inner(name,slug,archived_at)",
        "forums.archived_at": "is.null",
        order: "last_post_at.desc",
        limit: String(HOME_CARD_ROWS),
      })
    );
  }
  if (org) {
    requests.push(headCount("initiatives", { select: "id", org_id: `eq.${org.orgId}` })); // the organisation's number of initiatives
    requests.push(
      get("reporting_periods", {
        select: "id,name,due_on,reports(status,submitted_at)",
        status: "eq.open",
        "reports.org_id": `eq.${org.orgId}`,
        order: "due_on.asc",
        limit: "20",
      })
    ); // open periods with the organisation's report in each
  }
  if (coordinator) {
    requests.push(
      get(
        "organisations",
        {
          select: "id,name,kind,created_at",
          status: "eq.pending",
          order: "created_at.asc",
          limit: String(HOME_CARD_ROWS),
        },
        true
      )
    ); // pending applications + count
    requests.push(
      get(
        "reports",
        {
          select: reportColumns,
          status: "eq.submitted",
          order: "submitted_at.asc",
          limit: String(HOME_CARD_ROWS),
        },
        true
      )
    ); // reports to review + count
  }
  if (persona.roles.includes("board")) {
    requests.push(
      get("reports", {
        select: reportColumns,
        "organisations.reports_to_board": "eq.true",
        status: "in.(submitted,accepted)",
        order: "submitted_at.desc.nullslast",
        limit: "3",
      })
    ); // the board's latest reports
  }
  return requests;
}

const CATALOGUE_COLUMNS =
  "id,title,summary,status,starts_on,ends_on,districts,target_groups,focus_areas,is_public,contact_name,contact_email,contact_phone,organisations!initiatives_org_id_fkey(name)";

export interface CatalogueFilters {
  district?: string;
  group?: string;
  q?: string;
}

/** The catalogue's first page: its rows, the capped count (ids of at most CATALOGUE_COUNT_CAP rows), and for a member the drafts and the organisation filter's list. */
function catalogueFloor(persona: Persona | null, filters: CatalogueFilters): FloorRequest[] {
  const where: Record<string, string> = { status: "neq.draft" };
  if (filters.district) where.districts = `cs.{${filters.district}}`;
  if (filters.group) where.target_groups = `cs.{${filters.group}}`;
  if (filters.q) where.search_vector = `wfts(swedish).${filters.q}`;
  if (!persona) where.is_public = "eq.true";
  const requests = [
    get("initiatives", {
      select: CATALOGUE_COLUMNS,
      ...where,
      order: "starts_on.desc.nullslast,id.asc",
      offset: "0",
      limit: String(CATALOGUE_PAGE_SIZE),
    }), // the page's rows
    rpc("catalogue_match_count", {
      district: filters.district ?? null,
      target_group: filters.group ?? null,
      search: filters.q ?? null,
      skip: 0,
      cap: CATALOGUE_COUNT_CAP,
    }), // the capped count, as the page asks for it
  ];
  if (persona) {
    requests.push(shell(persona));
    requests.push(
      get("organisations", {
        select: "id,name",
        status: "eq.active",
        order: "name.asc",
        limit: "500",
      })
    ); // the organisation filter
    if (persona.memberships.length > 0) {
      requests.push(
        get("initiatives", {
          select: "id,title,updated_at,organisations!initiatives_org_id_fkey(name)",
          status: "eq.draft",
          org_id: inList(persona.memberships.map((m) => m.orgId)),
          order: "updated_at.desc,id.asc",
          limit: String(DRAFTS_SHOWN),
        })
      ); // "Era utkast"
    }
  }
  return requests;
}

function catalogueSearch(filters: CatalogueFilters, encode = true): string {
  const params = Object.entries(filters).filter((pair): pair is [string, string] => Boolean(pair[1]));
  const search = params.map(([name, value]) => `${name}=${encode ? encodeURIComponent(value) : value}`).join("&");
  return search ? `/initiatives?${search}` : "/initiatives";
}

/** /forums: the forum_overview() rpc (forums, counts, unread), plus the open-report count for a moderator. */
function forumsFloor(persona: Persona): FloorRequest[] {
  const requests = [shell(persona), rpc("forum_overview")];
  if (persona.roles.includes("coordinator")) requests.push(headCount("post_reports", { select: "id", status: "eq.open" }));
  else if (persona.moderatedForumIds.length > 0) {
    requests.push(
      headCount("post_reports", {
        select: "id,posts!post_reports_post_id_fkey!inner(threads!posts_thread_id_fkey!inner(forum_id))",
        status: "eq.open",
        "posts.threads.forum_id": inList(persona.moderatedForumIds),
      })
    ); // open reports in the forums they moderate
  }
  return requests;
}

const POST_COLUMNS =
  "id,position,body,author_id,created_at,edited_at,hidden_at,hidden_reason,author:profiles!posts_author_id_fkey(full_name),hider:profiles!posts_hidden_by_fkey(full_name)";

/** A thread page: the thread with its forum, the reader's rights (thread_viewer rpc), and the page's posts by position range. */
function threadFloor(persona: Persona, thread: BenchContext["thread"]): FloorRequest[] {
  const from = (thread.page - 1) * POSTS_PER_PAGE + 1;
  const to = Math.min(thread.page * POSTS_PER_PAGE, thread.lastPosition);
  return [
    shell(persona),
    get("threads", {
      select: "id,title,pinned,locked,last_position,forums!inner(id,slug,name,visibility,archived_at)",
      id: `eq.${thread.id}`,
      "forums.slug": `eq.${thread.slug}`,
    }), // the thread
    rpc("thread_viewer", { thread: thread.id }), // moderator / may post / watching / last read
    get("posts", {
      select: POST_COLUMNS,
      thread_id: `eq.${thread.id}`,
      and: `(position.gte.${from},position.lte.${to})`,
      order: "position.asc",
      limit: String(POSTS_PER_PAGE),
    }), // the page's posts
  ];
}

/** /reports for an organisation: the periods it must report for, its reports, and those periods. */
function reportsFloor(persona: Persona, periodIds: string[]): FloorRequest[] {
  const org = persona.memberships[0];
  if (!org) throw new Error(`${persona.email} acts for no organisation`);
  return [
    shell(persona),
    get("period_organisations", {
      select: "period_id",
      org_id: `eq.${org.orgId}`,
      limit: String(REPORT_MAX_ROWS),
    }), // periods it must report for
    get("reports", {
      select: "id,period_id,status,submitted_at,reviewed_at",
      org_id: `eq.${org.orgId}`,
      limit: String(REPORT_MAX_ROWS),
    }), // its reports
    get("reporting_periods", {
      select: "id,name,starts_on,ends_on,due_on,status",
      id: inList(periodIds),
      order: "starts_on.desc",
    }), // those periods (ids known up front)
  ];
}

const REPORT_HEADER =
  "id,org_id,period_id,status,summary,revision,version,submitted_at,submitted_by,reviewed_at,review_comment,organisations!reports_org_id_fkey(name,reports_to_board),reporting_periods!reports_period_id_fkey(name,starts_on,ends_on,due_on,status),submitter:profiles!reports_submitted_by_fkey(full_name),reviewer:profiles!reports_reviewed_by_fkey(full_name)";

/** A board report: header, template, answers, values, last period's values, indicator series, linked initiatives. */
function boardReportFloor(persona: Persona, report: BenchContext["boardReport"]): FloorRequest[] {
  const requests = [
    shell(persona),
    get("reports", { select: REPORT_HEADER, id: `eq.${report.id}` }), // header, organisation (reports_to_board) and period
    get("period_questions", {
      select: "id,position,question,help,required",
      period_id: `eq.${report.periodId}`,
      order: "position.asc",
      limit: String(REPORT_MAX_ROWS),
    }), // questions
    get("period_indicators", {
      select:
        "sort_order,indicators!period_indicators_indicator_id_fkey(id,code,name,description,unit,direction,target,baseline,baseline_year,min_value,max_value,active)",
      period_id: `eq.${report.periodId}`,
      limit: String(REPORT_MAX_ROWS),
    }), // the period's indicators
    get("report_answers", {
      select: "question_id,body",
      report_id: `eq.${report.id}`,
      limit: String(REPORT_MAX_ROWS),
    }), // answers
    get("report_indicator_values", {
      select: "indicator_id,value,comment",
      report_id: `eq.${report.id}`,
      limit: String(REPORT_MAX_ROWS),
    }), // values
    get("reports", {
      select: "id,reporting_periods!reports_period_id_fkey!inner(name,starts_on),report_indicator_values(indicator_id,value)",
      org_id: `eq.${report.orgId}`,
      "reporting_periods.starts_on": `lt.${report.startsOn}`,
      limit: String(REPORT_MAX_ROWS),
    }), // earlier reports with their values (the latest is "last period")
    rpc("indicator_series", { p_org_id: report.orgId }), // the organisation's series
  ];
  if (report.initiativeIds.length > 0) {
    requests.push(
      get("initiatives", {
        select: "id,title,status,participants_reached,districts,target_groups",
        id: inList(report.initiativeIds),
        order: "title.asc",
        limit: "200",
      })
    ); // linked initiatives (ids known up front; the page reads report_initiatives first)
  }
  return requests;
}

export function benchPages(context: BenchContext): BenchPage[] {
  const persona = (email: string) => {
    const found = context.personas[email];
    if (!found) throw new Error(`persona ${email} not resolved`);
    return found;
  };
  const partner = persona("forening@kronogarden.example");
  const board = persona("ledamot@trollhattan.example");
  const region = persona("region@vgregion.example");
  const eidar = persona("eidar@eidar.example");
  const filterSets: { key: string; filters: CatalogueFilters }[] = [
    { key: "all", filters: {} },
    { key: "district", filters: { district: "Kronogården" } },
    { key: "q", filters: { q: "läxhjälp" } },
    { key: "group", filters: { group: "unga" } },
  ];
  const thread = context.thread;
  return [
    {
      key: "home-partner",
      path: "/",
      label: "/",
      persona: partner.email,
      routeId: "routes/_index",
      floor: homeFloor(partner),
    },
    {
      key: "home-board",
      path: "/",
      label: "/",
      persona: board.email,
      routeId: "routes/_index",
      floor: homeFloor(board),
    },
    ...filterSets.flatMap(({ key, filters }) => [
      {
        key: `initiatives-${key}-anon`,
        path: catalogueSearch(filters),
        label: catalogueSearch(filters, false),
        persona: null,
        routeId: "routes/initiatives._index",
        floor: catalogueFloor(null, filters),
      },
      {
        key: `initiatives-${key}-region`,
        path: catalogueSearch(filters),
        label: catalogueSearch(filters, false),
        persona: region.email,
        routeId: "routes/initiatives._index",
        floor: catalogueFloor(region, filters),
      },
    ]),
    {
      key: "forums",
      path: "/forums",
      label: "/forums",
      persona: region.email,
      routeId: "routes/forums._index",
      floor: forumsFloor(region),
    },
    {
      key: "thread",
      path: `/forums/${thread.slug}/threads/${thread.id}?page=${thread.page}`,
      label: `/forums/:slug/threads/:id?page=${thread.page} (${thread.lastPosition.toLocaleString("en-GB")} posts)`,
      persona: region.email,
      routeId: "routes/forums.$slug.threads.$id",
      floor: threadFloor(region, thread),
      expect: `id="post-${Math.min(thread.page * POSTS_PER_PAGE, thread.lastPosition)}"`,
    },
    {
      key: "reports",
      path: "/reports",
      label: "/reports",
      persona: eidar.email,
      routeId: "routes/reports._index",
      floor: reportsFloor(eidar, context.reportPeriodIds),
    },
    {
      key: "board",
      path: "/board",
      label: "/board",
      persona: board.email,
      routeId: "routes/board._index",
      floor: [shell(board), rpc("board_overview")],
    },
    {
      key: "board-report",
      path: `/board/reports/${context.boardReport.id}`,
      label: "/board/reports/:id (accepted Eidar report)",
      persona: board.email,
      routeId: "routes/board.reports.$id",
      floor: boardReportFloor(board, context.boardReport),
    },
    // The reach view is for partners and coordinators (requirePartner): region@ acts for VGR.
    {
      key: "reach",
      path: "/initiatives/reach",
      label: "/initiatives/reach",
      persona: region.email,
      routeId: "routes/initiatives.reach",
      floor: [shell(region), rpc("initiative_reach"), rpc("initiative_reach_totals")],
    },
  ];
}
