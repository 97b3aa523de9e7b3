/**
 * The reach view "Täckning" (/initiatives/reach): districts × target groups with the number of
 * initiatives and the participants they reached, from the rpc `initiative_reach` (one call, all 14×10
 * cells, zeros are gaps; counting rules in migration 20261127150400_initiative_reach.sql), and per
 * district the number of DISTINCT initiatives (cells cannot be summed: an initiative counts in each
 * of its cells), from rpc initiative_reach_totals with the same rule. Everything through the caller's
 * client: RLS decides which initiatives count. Without a period both rpcs read the maintained summary
 * initiative_reach_cells for partners, board members and coordinators (constant cost whatever the
 * number of initiatives; migration 20261128040000); with a period they aggregate live.
 */
import { z } from "zod";
import { DISTRICTS, FOCUS_AREAS, TARGET_GROUPS, type District, type FocusArea, type TargetGroup } from "./initiative-vocabulary";
import { rowsOf } from "./query.server";
import type { TypedSupabaseClient } from "./supabase.server";

// Filters ------------------------------------------------------------------------------------------
export type ReachFilterError = "focusUnknown" | "dateInvalid" | "toBeforeFrom";

/** A calendar date "YYYY-MM-DD" that exists (no 2026-02-30), between the years 1900 and 2199. */
function isCalendarDate(value: string): boolean {
  const match = /^(19|20|21)\d{2}-\d{2}-\d{2}$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === "" || isCalendarDate(value), { message: "dateInvalid" satisfies ReachFilterError });

/**
 * The filters of the GET form, named as in the catalogue's URL (app/lib/schemas/initiative-filters.ts):
 * `area` (a focus area key), `from` and `to` (dates). Empty means none.
 */
export const reachFilterSchema = z
  .object({
    area: z
      .string()
      .trim()
      .refine((value) => value === "" || (FOCUS_AREAS as readonly string[]).includes(value), { message: "focusUnknown" satisfies ReachFilterError }),
    from: optionalDate,
    to: optionalDate,
  })
  .refine((values) => !values.from || !values.to || values.from <= values.to, { message: "toBeforeFrom" satisfies ReachFilterError, path: ["to"] });

export interface ReachFilters {
  focus: FocusArea | null;
  /** First day of the period ("YYYY-MM-DD"), or null. */
  from: string | null;
  /** Last day of the period, or null. Without both, initiatives running now are counted. */
  to: string | null;
}

export type ReachFilterField = "area" | "from" | "to";

export type ReachFilterParse =
  | { ok: true; values: Record<ReachFilterField, string>; filters: ReachFilters }
  | { ok: false; values: Record<ReachFilterField, string>; errors: Partial<Record<ReachFilterField, ReachFilterError>> };

/** Reads the filters from the query string; `values` are what the form shows again. */
export function parseReachFilters(params: URLSearchParams): ReachFilterParse {
  const values = {
    area: (params.get("area") ?? "").slice(0, 100),
    from: (params.get("from") ?? "").slice(0, 100),
    to: (params.get("to") ?? "").slice(0, 100),
  };
  const result = reachFilterSchema.safeParse(values);
  if (!result.success) {
    const errors: Partial<Record<ReachFilterField, ReachFilterError>> = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if ((field === "area" || field === "from" || field === "to") && !errors[field]) errors[field] = issue.message as ReachFilterError;
    }
    return { ok: false, values, errors };
  }
  const { area, from, to } = result.data;
  return { ok: true, values: { area, from, to }, filters: { focus: (area || null) as FocusArea | null, from: from || null, to: to || null } };
}

// Data ---------------------------------------------------------------------------------------------
export interface ReachCell {
  district: District;
  targetGroup: TargetGroup;
  /** Initiatives reaching this district and target group. */
  initiatives: number;
  /** Sum of those initiatives' latest reported participants. */
  participants: number;
}

export interface ReachRow {
  district: District;
  /** In the order of TARGET_GROUPS. */
  cells: ReachCell[];
  /** Distinct initiatives reaching the district (each counted once). */
  initiatives: number;
}

export interface Reach {
  rows: ReachRow[];
  /** Distinct initiatives counted in at least one district. */
  total: number;
  /** Districts with no initiative at all. */
  gapDistricts: District[];
  /** Per target group, the districts where no initiative reaches it. */
  gapsByTarget: { targetGroup: TargetGroup; districts: District[] }[];
}

/** The reach grid for the filters as the caller may see it. */
export async function getReach(supabase: TypedSupabaseClient, filters: ReachFilters): Promise<Reach> {
  const args: { focus?: string; period_start?: string; period_end?: string } = {};
  if (filters.focus) args.focus = filters.focus;
  if (filters.from) args.period_start = filters.from;
  if (filters.to) args.period_end = filters.to;
  // Two queries, one counting rule (initiatives_in_reach in the database): the cells, and the
  // distinct initiatives per district and overall.
  const [grid, totals] = await Promise.all([supabase.rpc("initiative_reach", args), supabase.rpc("initiative_reach_totals", args)]);
  const byKey = new Map(rowsOf(grid, "the reach of initiatives").map((row) => [`${row.district}|${row.target_group}`, row]));
  const totalRows = rowsOf(totals, "the reach totals");
  // The overall row has district null (the generated type cannot know that).
  const perDistrict = new Map<string | null, number>(totalRows.map((row) => [row.district as string | null, Number(row.initiative_count ?? 0)]));
  const rows = DISTRICTS.map((district) => ({
    district,
    cells: TARGET_GROUPS.map((targetGroup) => {
      const row = byKey.get(`${district}|${targetGroup}`);
      return { district, targetGroup, initiatives: Number(row?.initiative_count ?? 0), participants: Number(row?.participants ?? 0) };
    }),
    initiatives: perDistrict.get(district) ?? 0,
  }));
  return {
    rows,
    total: perDistrict.get(null) ?? 0,
    gapDistricts: rows.filter((row) => row.initiatives === 0).map((row) => row.district),
    gapsByTarget: TARGET_GROUPS.map((targetGroup, index) => ({
      targetGroup,
      districts: rows.filter((row) => row.cells[index]!.initiatives === 0).map((row) => row.district),
    })),
  };
}
