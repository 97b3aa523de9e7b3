/**
 * Reading the audit log for /admin/audit and its CSV export. Through the coordinator's own client:
 * RLS lets coordinators (only) read it; nobody can write it except the triggers.
 */
import { csvCell } from "./csv";
import { isUnreachable, serviceUnavailable } from "./http.server";
import { peopleMatching, visibleEmails } from "./people.server";
import { countOf, rowsOf } from "./query.server";
import type { TypedSupabaseClient } from "./supabase.server";

export const AUDIT_PAGE_SIZE = 50;
/** A bound on one CSV export (PostgREST hands out at most 1,000 rows a request; we page). */
export const AUDIT_EXPORT_LIMIT = 20_000;
const CHUNK = 1000;

export interface AuditFilters {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  /** The database role of the change: `anon` for an anonymous visitor (an application). */
  actorRole: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data: unknown;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[a-z_]+(\.[a-z_]+)?$/;

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const get = (key: string) => (params.get(key) ?? "").trim().slice(0, 320);
  const from = get("from");
  const to = get("to");
  const action = get("action");
  const entity = get("entity");
  const entityId = get("entityId");
  return {
    actor: get("actor"),
    action: CODE.test(action) ? action : "",
    entity: CODE.test(entity) ? entity : "",
    entityId: UUID.test(entityId) ? entityId : "",
    from: DATE.test(from) ? from : "",
    to: DATE.test(to) ? to : "",
  };
}

export function filterQuery(filters: AuditFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page && page > 1) params.set("page", String(page));
  return params.toString();
}

/** Midnight at the start of `date` in Swedish time, as an instant (the log is read in Swedish time). */
export function stockholmMidnight(date: string): string {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" })
    .formatToParts(noonUtc)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-]\d+)?/.exec(offset ?? "");
  const hours = Number(match?.[1] ?? 0);
  const sign = hours < 0 ? "-" : "+";
  return `${date}T00:00:00${sign}${String(Math.abs(hours)).padStart(2, "0")}:00`;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The ids of people whose e-mail or name matches the actor filter (null: no filter). */
async function actorIds(supabase: TypedSupabaseClient, actor: string): Promise<string[] | null> {
  if (!actor) return null;
  return peopleMatching(supabase, actor);
}

// A supabase-js filter builder for audit_log (kept loose: only the filter methods used here).
interface Filterable<Self> {
  eq(column: string, value: string): Self;
  in(column: string, values: string[]): Self;
  gte(column: string, value: string): Self;
  lt(column: string, value: string): Self;
}

function applyFilters<Q extends Filterable<Q>>(query: Q, filters: AuditFilters, ids: string[] | null): Q {
  let filtered = query;
  if (ids) filtered = filtered.in("actor_id", ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]);
  if (filters.action) filtered = filtered.eq("action", filters.action);
  if (filters.entity) filtered = filtered.eq("entity", filters.entity);
  if (filters.entityId) filtered = filtered.eq("entity_id", filters.entityId);
  if (filters.from) filtered = filtered.gte("at", stockholmMidnight(filters.from));
  if (filters.to) filtered = filtered.lt("at", stockholmMidnight(nextDay(filters.to)));
  return filtered;
}

async function withActors(
  supabase: TypedSupabaseClient,
  rows: { id: number; at: string; actor_id: string | null; actor_role: string | null; action: string; entity: string; entity_id: string | null; data: unknown }[],
): Promise<AuditEntry[]> {
  const ids = [...new Set(rows.map((row) => row.actor_id).filter((id): id is string => Boolean(id)))];
  const people = new Map<string, { full_name: string | null; email: string | null }>();
  for (let index = 0; index < ids.length; index += 200) {
    const result = await supabase.from("profiles").select("id, full_name").in("id", ids.slice(index, index + 200));
    for (const person of rowsOf(result, "the actors")) people.set(person.id, { full_name: person.full_name, email: null });
  }
  for (const [id, email] of await visibleEmails(supabase, ids)) {
    const person = people.get(id);
    if (person) person.email = email;
  }
  return rows.map((row) => {
    const person = row.actor_id ? people.get(row.actor_id) : undefined;
    return {
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      actorName: person?.full_name || null,
      actorEmail: person?.email ?? null,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      data: row.data,
    };
  });
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pages: number;
  /** The actor filter matched nobody. */
  unknownActor: boolean;
  actions: string[];
  entities: string[];
}

export async function readAuditPage(supabase: TypedSupabaseClient, filters: AuditFilters, requestedPage: number): Promise<AuditPage> {
  const ids = await actorIds(supabase, filters.actor);
  const page = Math.max(1, Math.min(10_000, Number.isFinite(requestedPage) ? Math.floor(requestedPage) : 1));
  const start = (page - 1) * AUDIT_PAGE_SIZE;
  const result = await applyFilters(
    supabase.from("audit_log").select("id, at, actor_id, actor_role, action, entity, entity_id, data", { count: "exact" }),
    filters,
    ids,
  )
    .order("at", { ascending: false })
    .order("id", { ascending: false })
    .range(start, start + AUDIT_PAGE_SIZE - 1);
  // Asking past the last page answers 416 (PGRST103): show an empty page rather than an error.
  if (result.error?.code === "PGRST103") {
    return { entries: [], total: 0, page, pages: 1, unknownActor: ids?.length === 0, ...(await distinctCodes(supabase)) };
  }
  const rows = rowsOf(result, "the audit log");
  const total = countOf(result, "the audit log");
  return {
    entries: await withActors(supabase, rows),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    unknownActor: ids !== null && ids.length === 0,
    ...(await distinctCodes(supabase)),
  };
}

/** The actions and entities that occur in the log, for the filter's choices. */
async function distinctCodes(supabase: TypedSupabaseClient): Promise<{ actions: string[]; entities: string[] }> {
  // Few distinct values; a bounded read of the action index is enough for the menus.
  const result = await supabase.from("audit_log").select("action, entity").order("action").limit(1000);
  if (isUnreachable(result.error)) serviceUnavailable();
  const rows = result.data ?? [];
  return {
    actions: [...new Set(rows.map((row) => row.action))].sort(),
    entities: [...new Set(rows.map((row) => row.entity))].sort(),
  };
}

/** Every row matching the filters (newest first), up to AUDIT_EXPORT_LIMIT, for the CSV file. */
export async function readAuditForExport(supabase: TypedSupabaseClient, filters: AuditFilters): Promise<AuditEntry[]> {
  const ids = await actorIds(supabase, filters.actor);
  const rows: Parameters<typeof withActors>[1] = [];
  for (let start = 0; start < AUDIT_EXPORT_LIMIT; start += CHUNK) {
    const result = await applyFilters(supabase.from("audit_log").select("id, at, actor_id, actor_role, action, entity, entity_id, data"), filters, ids)
      .order("at", { ascending: false })
      .order("id", { ascending: false })
      .range(start, start + CHUNK - 1);
    const chunk = rowsOf(result, "the audit log");
    rows.push(...chunk);
    if (chunk.length < CHUNK) break;
  }
  return withActors(supabase, rows);
}

// --- CSV --------------------------------------------------------------------------------------------

/** One CSV cell (shared with the open data, `~/lib/csv`). */
export { csvCell };

/** A CSV file for Excel: UTF-8 with a byte-order mark, comma-separated, CRLF line ends. */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
