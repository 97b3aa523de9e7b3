/**
 * The coordinators' indicators (/admin/indicators): list, create, edit, deactivate, and delete one
 * that was never used. Every read and write goes through the coordinator's own client, so the
 * policies decide (only coordinators write indicators). Values reported for an indicator and the
 * periods it belongs to keep it from being deleted (foreign keys); it is deactivated instead.
 */
import type { Database } from "./database.types";
import { isUnreachable, notFound, serviceUnavailable } from "./http.server";
import { countOf, rowsOf } from "./query.server";
import { decimalText, type IndicatorFieldErrors, type IndicatorFormState, type IndicatorInput } from "./schemas/indicator";
import { isUuid } from "./schemas/initiative";
import type { TypedSupabaseClient } from "./supabase.server";

type IndicatorRow = Database["public"]["Tables"]["indicators"]["Row"];
export type Indicator = Omit<IndicatorRow, "created_at">;

interface DbError {
  message: string;
  code?: string;
  details?: string | null;
  status?: number;
  name?: string;
}

const COLUMNS =
  "id, code, name, description, unit, direction, target, baseline, baseline_year, kolada_kpi, min_value, max_value, sort_order, active, updated_at" as const;
const MAX_INDICATORS = 500;

function failed(what: string, error: DbError): never {
  if (isUnreachable(error)) serviceUnavailable();
  throw new Error(`Could not ${what}: ${error.code ?? ""} ${error.message}`);
}

/** Every indicator: active ones first, then by order and code. */
export async function listIndicators(supabase: TypedSupabaseClient): Promise<Indicator[]> {
  const result = await supabase
    .from("indicators")
    .select(COLUMNS)
    .order("active", { ascending: false })
    .order("sort_order")
    .order("code")
    .limit(MAX_INDICATORS);
  return rowsOf(result, "the indicators");
}

/** One indicator, or a 404 (unknown id, not a uuid). */
export async function getIndicator(supabase: TypedSupabaseClient, id: string): Promise<Indicator> {
  if (!isUuid(id)) notFound();
  const result = await supabase.from("indicators").select(COLUMNS).eq("id", id).maybeSingle();
  if (result.error) failed("load the indicator", result.error);
  if (!result.data) notFound();
  return result.data;
}

export interface IndicatorUsage {
  /** Periods the indicator is part of. */
  periods: number;
  /** Reported values the coordinator can see (drafts are hidden by RLS). */
  values: number;
}

export async function indicatorUsage(supabase: TypedSupabaseClient, id: string): Promise<IndicatorUsage> {
  const [periods, values] = await Promise.all([
    supabase.from("period_indicators").select("period_id", { count: "exact", head: true }).eq("indicator_id", id),
    supabase.from("report_indicator_values").select("report_id", { count: "exact", head: true }).eq("indicator_id", id),
  ]);
  return { periods: countOf(periods, "the indicator's periods"), values: countOf(values, "the indicator's values") };
}

/** The next free order number for a new indicator: 10 after the highest. */
export async function nextSortOrder(supabase: TypedSupabaseClient): Promise<number> {
  const result = await supabase.from("indicators").select("sort_order").order("sort_order", { ascending: false }).limit(1);
  const highest = rowsOf(result, "the indicators' order")[0]?.sort_order ?? 0;
  return Math.floor(highest / 10) * 10 + 10;
}

/** The form's values for a stored indicator. */
export function indicatorFormState(indicator: Indicator): IndicatorFormState {
  return {
    code: indicator.code,
    name: indicator.name,
    description: indicator.description ?? "",
    unit: indicator.unit,
    direction: indicator.direction,
    target: decimalText(indicator.target),
    baseline: decimalText(indicator.baseline),
    baselineYear: indicator.baseline_year === null ? "" : String(indicator.baseline_year),
    koladaKpi: indicator.kolada_kpi ?? "",
    minValue: decimalText(indicator.min_value),
    maxValue: decimalText(indicator.max_value),
    sortOrder: String(indicator.sort_order),
    active: indicator.active,
  };
}

function rowOf(data: IndicatorInput) {
  return {
    code: data.code,
    name: data.name,
    description: data.description,
    unit: data.unit,
    direction: data.direction,
    target: data.target,
    baseline: data.baseline,
    baseline_year: data.baselineYear,
    kolada_kpi: data.koladaKpi,
    min_value: data.minValue,
    max_value: data.maxValue,
    sort_order: data.sortOrder,
    active: data.active,
  };
}

/** A refusal from Postgres in the form's words, or null when it is not about a field. */
function fieldErrorsOf(error: DbError): IndicatorFieldErrors | null {
  const text = `${error.message} ${error.details ?? ""}`;
  if (error.code === "23505") return text.includes("name") && !text.includes("code") ? { name: "nameTaken" } : { code: "codeTaken" };
  if (error.code !== "23514") return null;
  if (text.includes("indicators_range_ordered")) return { maxValue: "maxBelowMin" };
  if (text.includes("kolada")) return { koladaKpi: "koladaFormat" };
  if (text.includes("baseline_year")) return { baselineYear: "baselineYearInvalid" };
  if (text.includes("code")) return { code: "codeFormat" };
  if (text.includes("unit")) return { unit: "unitTooLong" };
  if (text.includes("description")) return { description: "descriptionTooLong" };
  if (text.includes("name")) return { name: "nameTooLong" };
  return null;
}

export type SaveIndicatorResult = { ok: true; id: string; code: string } | { ok: false; errors: IndicatorFieldErrors };

/** Creates (`id` null) or updates an indicator as the coordinator. */
export async function saveIndicator(supabase: TypedSupabaseClient, id: string | null, data: IndicatorInput): Promise<SaveIndicatorResult> {
  const result =
    id === null
      ? await supabase.from("indicators").insert(rowOf(data)).select("id, code").single()
      : await supabase.from("indicators").update(rowOf(data)).eq("id", id).select("id, code").maybeSingle();
  if (result.error) {
    const errors = fieldErrorsOf(result.error);
    if (errors) return { ok: false, errors };
    failed("save the indicator", result.error);
  }
  if (!result.data) notFound();
  return { ok: true, id: result.data.id, code: result.data.code };
}

/** Deactivates or reactivates an indicator. */
export async function setIndicatorActive(supabase: TypedSupabaseClient, id: string, active: boolean): Promise<void> {
  const result = await supabase.from("indicators").update({ active }).eq("id", id).select("id");
  if (rowsOf(result, "the indicator's status").length === 0) notFound();
}

/** Deletes an indicator that was never used; "inUse" when values or periods refer to it. */
export async function deleteIndicator(supabase: TypedSupabaseClient, id: string): Promise<"deleted" | "inUse"> {
  const { data, error } = await supabase.from("indicators").delete().eq("id", id).select("id");
  if (error) {
    if (error.code === "23503") return "inUse";
    failed("delete the indicator", error);
  }
  if (!data || data.length === 0) notFound();
  return "deleted";
}
