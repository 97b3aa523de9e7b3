/**
 * Reading initiatives for lists: the catalogue (/initiatives), the home page's teaser, and the open
 * data (/initiatives.csv, /initiatives.json). RLS decides what each caller sees; the open data is
 * always read with an anonymous client, so it is the public set whoever asks.
 */
import type { Database } from "./database.types";
import { isUnreachable, serviceUnavailable } from "./http.server";
import { rowsOf } from "./query.server";
import {
  CATALOGUE_COUNT_CAP,
  CATALOGUE_PAGE_SIZE,
  type InitiativeFilters,
} from "./schemas/initiative-filters";
import type { TypedSupabaseClient } from "./supabase.server";

type InitiativeStatus = Database["public"]["Enums"]["initiative_status"];

export interface PublicInitiative {
  id: string;
  title: string;
  summary: string | null;
  status: InitiativeStatus;
  districts: string[];
  organiser: string | null;
}

/**
 * The public catalogue: what RLS lets the caller see of published initiatives, newest first.
 * An unreachable database gives the 503 page.
 */
export async function listPublicInitiatives(
  supabase: TypedSupabaseClient,
  limit: number
): Promise<PublicInitiative[]> {
  const result = await supabase
    .from("initiatives")
    .select(
      "id, title, summary, status, districts, organisations!initiatives_org_id_fkey(name)"
    )
    .eq("is_public", true)
    .neq("status", "draft")
    .order("starts_on", { ascending: false, nullsFirst: false })
    .order("id")
    .limit(limit);
  return rowsOf(result, "the public initiatives").map((row) => ({
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    districts: row.districts ?? [],
    organiser: row.organisations?.name ?? null,
  }));
}

/** The filter methods of a PostgREST query that the catalogue's filters use (each returns the query). */
interface Filterable<Q> {
  eq(column: string, value: string | boolean): Q;
  neq(column: string, value: string): Q;
  contains(column: string, value: string[]): Q;
  lte(column: string, value: string): Q;
  or(filters: string): Q;
  textSearch(
    column: string,
    query: string,
    options: { type: "websearch"; config: string }
  ): Q;
}

/**
 * The catalogue's filters on a query of initiatives (never drafts). The period keeps initiatives
 * that overlap it: started on or before its end, and not ended before its start (open-ended ones
 * are still running). The text is Swedish full-text search (websearch syntax: "quoted phrases",
 * -excluded, or).
 */
export function applyFilters<Q extends Filterable<Q>>(
  query: Q,
  filters: InitiativeFilters
): Q {
  let q = query.neq("status", "draft");
  if (filters.district) q = q.contains("districts", [filters.district]);
  if (filters.group) q = q.contains("target_groups", [filters.group]);
  if (filters.area) q = q.contains("focus_areas", [filters.area]);
  if (filters.status) q = q.eq("status", filters.status);
  if (filters.org) q = q.eq("org_id", filters.org);
  if (filters.to) q = q.lte("starts_on", filters.to);
  if (filters.from) q = q.or(`ends_on.is.null,ends_on.gte.${filters.from}`);
  if (filters.q)
    q = q.textSearch("search_vector", filters.q, {
      type: "websearch",
      config: "swedish",
    });
  return q;
}

/** The catalogue filters as arguments of `catalogue_match_count` (absent filters are left out). */
export function catalogueCountArguments(filters: InitiativeFilters) {
  return {
    district: filters.district || undefined,
    target_group: filters.group || undefined,
    focus_area: filters.area || undefined,
    status: (filters.status || undefined) as InitiativeStatus | undefined,
    org: filters.org || undefined,
    starts_by: filters.to || undefined,
    ends_from: filters.from || undefined,
    search: filters.q || undefined,
  };
}

export interface CatalogueInitiative {
  id: string;
  title: string;
  summary: string | null;
  status: InitiativeStatus;
  startsOn: string | null;
  endsOn: string | null;
  districts: string[];
  targetGroups: string[];
  focusAreas: string[];
  isPublic: boolean;
  organiser: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface CataloguePage {
  initiatives: CatalogueInitiative[];
  /** How many match: exact when `atLeast` is false, otherwise a lower bound. */
  total: number;
  /** More match than were counted (the count stops CATALOGUE_COUNT_CAP rows past the page's start). */
  atLeast: boolean;
  page: number;
  /** Pages known so far (exact when `atLeast` is false). */
  pages: number;
}

const CATALOGUE_COLUMNS =
  "id, title, summary, status, starts_on, ends_on, districts, target_groups, focus_areas, is_public, contact_name, contact_email, contact_phone, organisations!initiatives_org_id_fkey(name)";

/**
 * One page of the catalogue, latest start first (ties by id, so pages never overlap), and how many
 * match. The count stops CATALOGUE_COUNT_CAP matches past the page's start (an exact count of
 * every match grows with the table) and runs in `catalogue_match_count`, where the filters can use
 * their indexes (README, "Speed"). Anonymous callers are limited to public initiatives by RLS;
 * `publicOnly` says so in the query too (index use).
 */
export async function listCatalogue(
  supabase: TypedSupabaseClient,
  filters: InitiativeFilters,
  page: number,
  { publicOnly }: { publicOnly: boolean }
): Promise<CataloguePage> {
  const start = (page - 1) * CATALOGUE_PAGE_SIZE;
  let rowsQuery = applyFilters(
    supabase.from("initiatives").select(CATALOGUE_COLUMNS),
    filters
  );
  if (publicOnly) rowsQuery = rowsQuery.eq("is_public", true);
  const [rowsResult, countResult] = await Promise.all([
    rowsQuery
      .order("starts_on", { ascending: false, nullsFirst: false })
      .order("id")
      .range(start, start + CATALOGUE_PAGE_SIZE - 1),
    // Counted in the database, with the indexes (the function applies the read rule itself: see
    // its migration), up to the cap past the page's start.
    supabase.rpc("catalogue_match_count", { ...catalogueCountArguments(filters), skip: start, cap: CATALOGUE_COUNT_CAP }),
  ]);
  const rows = rowsOf(rowsResult, "the initiatives");
  if (isUnreachable(countResult.error)) serviceUnavailable();
  if (countResult.error) throw new Error(`Could not count the initiatives: ${countResult.error.message}`);
  const counted = countResult.data;
  const atLeast = counted >= CATALOGUE_COUNT_CAP;
  // Past the last page the count query finds nothing: the total is unknown but smaller than start.
  const total = counted === 0 && start > 0 ? 0 : start + counted;
  return {
    initiatives: rows.map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      status: row.status,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      districts: row.districts ?? [],
      targetGroups: row.target_groups ?? [],
      focusAreas: row.focus_areas ?? [],
      isPublic: row.is_public,
      organiser: row.organisations?.name ?? null,
      contactName: row.contact_name,
      contactEmail: row.contact_email,
      contactPhone: row.contact_phone,
    })),
    total,
    atLeast,
    page,
    pages: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
  };
}

export interface DraftInitiative {
  id: string;
  title: string;
  organiser: string | null;
  updatedAt: string;
}

/** At most this many of the organisations' drafts are listed ("Era utkast"). */
export const DRAFTS_SHOWN = 10;

/** The drafts of the caller's organisations, latest edited first (RLS: drafts only of one's own organisations). */
export async function listOwnDrafts(
  supabase: TypedSupabaseClient,
  orgIds: string[]
): Promise<DraftInitiative[]> {
  if (orgIds.length === 0) return [];
  const result = await supabase
    .from("initiatives")
    .select(
      "id, title, updated_at, organisations!initiatives_org_id_fkey(name)"
    )
    .eq("status", "draft")
    .in("org_id", orgIds)
    .order("updated_at", { ascending: false })
    .order("id")
    .limit(DRAFTS_SHOWN);
  return rowsOf(result, "the drafts").map((row) => ({
    id: row.id,
    title: row.title,
    organiser: row.organisations?.name ?? null,
    updatedAt: row.updated_at,
  }));
}

/** Active organisations by name, for the organisation filter. */
export async function listActiveOrganisations(
  supabase: TypedSupabaseClient
): Promise<{ id: string; name: string }[]> {
  const result = await supabase
    .from("organisations")
    .select("id, name")
    .eq("status", "active")
    .order("name")
    .limit(500);
  return rowsOf(result, "the organisations");
}

// Open data ----------------------------------------------------------------------------------------


/** The open-data fields, in file order (documented on /initiatives/data). */
export const OPEN_DATA_FIELDS = [
  "id",
  "title",
  "summary",
  "status",
  "starts_on",
  "ends_on",
  "districts",
  "target_groups",
  "focus_areas",
  "participants_expected",
  "participants_reached",
  "organisation_name",
  "organisation_id",
  "contact_name",
  "contact_email",
  "contact_phone",
  "updated_at",
  "url",
] as const;
export type OpenDataField = (typeof OPEN_DATA_FIELDS)[number];

export interface OpenDataRecord {
  id: string;
  title: string;
  summary: string | null;
  status: InitiativeStatus;
  starts_on: string | null;
  ends_on: string | null;
  districts: string[];
  target_groups: string[];
  focus_areas: string[];
  participants_expected: number | null;
  participants_reached: number | null;
  organisation_name: string | null;
  organisation_id: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  updated_at: string;
  url: string;
}

/** Rows are read in batches of this many (PostgREST's max_rows). */
export const OPEN_DATA_BATCH = 1000;

const OPEN_DATA_COLUMNS =
  "id, title, summary, status, starts_on, ends_on, districts, target_groups, focus_areas, participants_expected, participants_reached, org_id, contact_name, contact_email, contact_phone, updated_at, organisations!initiatives_org_id_fkey(name)";

/**
 * The public initiatives matching the filters, in batches of `batchSize`, by id (keyset: each batch
 * starts after the last id of the one before, so no batch is unbounded and none is skipped). Read
 * with the client given, which for the open data is `getAnonClient()`.
 */
export async function* openDataBatches(
  anon: TypedSupabaseClient,
  filters: InitiativeFilters,
  siteUrl: string,
  batchSize = OPEN_DATA_BATCH
): AsyncGenerator<OpenDataRecord[]> {
  const base = siteUrl.replace(/\/+$/, "");
  let after: string | null = null;
  for (;;) {
    let query = applyFilters(
      anon.from("initiatives").select(OPEN_DATA_COLUMNS),
      filters
    ).eq("is_public", true);
    if (after) query = query.gt("id", after);
    const result = await query.order("id").limit(batchSize);
    if (isUnreachable(result.error)) serviceUnavailable();
    if (result.error || !result.data)
      throw new Error(
        `Could not load the open data: ${result.error?.message ?? "no data"}`
      );
    const rows = result.data;
    if (rows.length > 0) {
      yield rows.map((row) => ({
        id: row.id,
        title: row.title,
        summary: row.summary,
        status: row.status,
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        districts: row.districts ?? [],
        target_groups: row.target_groups ?? [],
        focus_areas: row.focus_areas ?? [],
        participants_expected: row.participants_expected,
        participants_reached: row.participants_reached,
        organisation_name: row.organisations?.name ?? null,
        organisation_id: row.org_id,
        contact_name: row.contact_name,
        contact_email: row.contact_email,
        contact_phone: row.contact_phone,
        updated_at: row.updated_at,
        url: `${base}/initiatives/${row.id}`,
      }));
    }
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Every record at once (tests; the routes stream the batches). */
export async function readOpenData(
  anon: TypedSupabaseClient,
  filters: InitiativeFilters,
  siteUrl: string,
  batchSize = OPEN_DATA_BATCH
): Promise<OpenDataRecord[]> {
  const records: OpenDataRecord[] = [];
  for await (const batch of openDataBatches(anon, filters, siteUrl, batchSize))
    records.push(...batch);
  return records;
}

/** A record as CSV cells (arrays joined with "|", empty for missing values). */
export function openDataCells(record: OpenDataRecord): string[] {
  return OPEN_DATA_FIELDS.map((field) => {
    const value = record[field];
    if (value === null || value === undefined) return "";
    return Array.isArray(value) ? value.join("|") : String(value);
  });
}
