/**
 * The coordinators' reporting periods (/admin/periods): the list, the form's options (organisations
 * and indicators), a period with its template for editing, saving a period with its organisations,
 * indicators and questions in one transaction (rpc `save_reporting_period`), and the indicator
 * values of a period for the CSV export. All through the coordinator's own client: the policies
 * decide (coordinators write periods and templates; they read every non-draft report).
 */
import type { Database } from "./database.types";
import { forbidden, isUnreachable, notFound, serviceUnavailable } from "./http.server";
import { rowsOf } from "./query.server";
import { isUuid, todayInSweden } from "./schemas/initiative";
import {
  BLANK_QUESTION_ROWS,
  rowField,
  type PeriodFieldErrors,
  type PeriodFormState,
  type PeriodInput,
  type PeriodStatus,
  type QuestionRow,
} from "./schemas/reporting-period";
import type { TypedSupabaseClient } from "./supabase.server";

type Enums = Database["public"]["Enums"];

interface DbError {
  message: string;
  code?: string;
  details?: string | null;
  hint?: string | null;
  status?: number;
  name?: string;
}

const MAX_PERIODS = 200;
const MAX_OPTIONS = 500;

function failed(what: string, error: DbError): never {
  if (isUnreachable(error)) serviceUnavailable();
  throw new Error(`Could not ${what}: ${error.code ?? ""} ${error.message}`);
}

// The list ---------------------------------------------------------------------------------------

export interface PeriodListRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  status: PeriodStatus;
  /** Organisations that must report. */
  required: number;
  /** Reports submitted or accepted (what a coordinator sees as handed in). */
  received: number;
}

/** Every period, latest first, with how many must report and how many have. */
export async function listPeriods(supabase: TypedSupabaseClient): Promise<PeriodListRow[]> {
  const result = await supabase
    .from("reporting_periods")
    .select("id, name, starts_on, ends_on, due_on, status, period_organisations(count), reports(status)")
    .order("starts_on", { ascending: false })
    .order("name")
    .limit(MAX_PERIODS);
  return rowsOf(result, "the reporting periods").map((row) => ({
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    dueOn: row.due_on,
    status: row.status,
    required: row.period_organisations[0]?.count ?? 0,
    received: row.reports.filter((report) => report.status === "submitted" || report.status === "accepted").length,
  }));
}

// The form ---------------------------------------------------------------------------------------

export interface OrganisationOption {
  id: string;
  name: string;
  reportsToBoard: boolean;
  archived: boolean;
}

export interface IndicatorOption {
  id: string;
  code: string;
  name: string;
  unit: string;
  active: boolean;
}

export interface PeriodOptions {
  organisations: OrganisationOption[];
  indicators: IndicatorOption[];
}

/**
 * What the form offers: the active organisations and indicators, plus those the period already has
 * (an organisation archived or an indicator deactivated since stays visible, so it is not dropped
 * without anybody noticing).
 */
export async function loadPeriodOptions(supabase: TypedSupabaseClient, current?: { orgIds: string[]; indicatorIds: string[] }): Promise<PeriodOptions> {
  const orgIds = (current?.orgIds ?? []).filter(isUuid);
  const indicatorIds = (current?.indicatorIds ?? []).filter(isUuid);
  const organisations = supabase.from("organisations").select("id, name, reports_to_board, status").order("name").limit(MAX_OPTIONS);
  const indicators = supabase.from("indicators").select("id, code, name, unit, active").order("sort_order").order("code").limit(MAX_OPTIONS);
  const [orgResult, indicatorResult] = await Promise.all([
    orgIds.length > 0 ? organisations.or(`status.eq.active,id.in.(${orgIds.join(",")})`) : organisations.eq("status", "active"),
    indicatorIds.length > 0 ? indicators.or(`active.is.true,id.in.(${indicatorIds.join(",")})`) : indicators.eq("active", true),
  ]);
  return {
    organisations: rowsOf(orgResult, "the organisations").map((row) => ({
      id: row.id,
      name: row.name,
      reportsToBoard: row.reports_to_board,
      archived: row.status !== "active",
    })),
    indicators: rowsOf(indicatorResult, "the indicators").map((row) => ({ id: row.id, code: row.code, name: row.name, unit: row.unit, active: row.active })),
  };
}

export interface StoredPeriod {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  status: PeriodStatus;
  updatedAt: string;
  orgIds: string[];
  indicatorIds: string[];
  questions: { id: string; position: number; question: string; help: string | null; required: boolean }[];
}

/** A period with its template, or a 404. */
export async function getPeriod(supabase: TypedSupabaseClient, id: string): Promise<StoredPeriod> {
  if (!isUuid(id)) notFound();
  const result = await supabase
    .from("reporting_periods")
    .select(
      "id, name, starts_on, ends_on, due_on, status, updated_at, period_organisations(org_id), period_indicators(indicator_id, sort_order), period_questions(id, position, question, help, required)",
    )
    .eq("id", id)
    .maybeSingle();
  if (result.error) failed("load the reporting period", result.error);
  const row = result.data;
  if (!row) notFound();
  return {
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    dueOn: row.due_on,
    status: row.status,
    updatedAt: row.updated_at,
    orgIds: row.period_organisations.map((entry) => entry.org_id),
    indicatorIds: [...row.period_indicators].sort((a, b) => a.sort_order - b.sort_order).map((entry) => entry.indicator_id),
    questions: [...row.period_questions].sort((a, b) => a.position - b.position),
  };
}

function blankRows(first: number): QuestionRow[] {
  return Array.from({ length: BLANK_QUESTION_ROWS }, (_, index) => ({
    id: "",
    position: String(first + index),
    question: "",
    help: "",
    required: true,
    remove: false,
  }));
}

/** The form's values for a stored period: its questions, then blank rows for new ones. */
export function periodFormState(period: StoredPeriod): PeriodFormState {
  const rows: QuestionRow[] = period.questions.map((question, index) => ({
    id: question.id,
    position: String(index + 1),
    question: question.question,
    help: question.help ?? "",
    required: question.required,
    remove: false,
  }));
  return {
    name: period.name,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    dueOn: period.dueOn,
    status: period.status,
    orgIds: period.orgIds,
    indicatorIds: period.indicatorIds,
    questions: [...rows, ...blankRows(rows.length + 1)],
  };
}

/** Blank rows added after what was typed (a form that came back with errors keeps room for more). */
export function withBlankRows(state: PeriodFormState): PeriodFormState {
  const blanks = state.questions.filter((row) => !row.id && !row.question.trim() && !row.help.trim() && !row.remove).length;
  if (blanks >= BLANK_QUESTION_ROWS) return state;
  const extra = blankRows(state.questions.length + 1).slice(0, BLANK_QUESTION_ROWS - blanks);
  return { ...state, questions: [...state.questions, ...extra] };
}

/**
 * A new period's form: every active indicator ticked; the organisations and the questions of the
 * latest period (as new questions), so a coordinator starts from last time's template.
 */
export async function newPeriodState(supabase: TypedSupabaseClient, options: PeriodOptions): Promise<{ state: PeriodFormState; copiedFrom: string | null }> {
  const latest = await supabase
    .from("reporting_periods")
    .select("id, name, period_organisations(org_id), period_questions(position, question, help, required)")
    .order("starts_on", { ascending: false })
    .limit(1)
    .maybeSingle();
  if (latest.error) failed("load the latest period", latest.error);
  const active = new Set(options.organisations.filter((org) => !org.archived).map((org) => org.id));
  const questions: QuestionRow[] = [...(latest.data?.period_questions ?? [])]
    .sort((a, b) => a.position - b.position)
    .map((question, index) => ({ id: "", position: String(index + 1), question: question.question, help: question.help ?? "", required: question.required, remove: false }));
  return {
    state: {
      name: "",
      startsOn: "",
      endsOn: "",
      dueOn: "",
      status: "open",
      orgIds: (latest.data?.period_organisations ?? []).map((entry) => entry.org_id).filter((id) => active.has(id)),
      indicatorIds: options.indicators.filter((indicator) => indicator.active).map((indicator) => indicator.id),
      questions: [...questions, ...blankRows(questions.length + 1)],
    },
    copiedFrom: latest.data && (questions.length > 0 || latest.data.period_organisations.length > 0) ? latest.data.name : null,
  };
}

// Saving -----------------------------------------------------------------------------------------

export type SavePeriodResult = { ok: true; id: string } | { ok: false; errors: PeriodFieldErrors };

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The choices must come from the form's options; a saved question must belong to the period. */
function choiceProblems(data: PeriodInput, options: PeriodOptions, existing: StoredPeriod | null, rowIds: string[]): PeriodFieldErrors {
  const errors: PeriodFieldErrors = {};
  const orgs = new Set(options.organisations.map((org) => org.id));
  const indicators = new Set(options.indicators.map((indicator) => indicator.id));
  if (data.orgIds.some((id) => !orgs.has(id))) errors.orgIds = "organisationUnknown";
  if (data.indicatorIds.some((id) => !indicators.has(id))) errors.indicatorIds = "indicatorUnknown";
  const known = new Set(existing?.questions.map((question) => question.id) ?? []);
  rowIds.forEach((id, index) => {
    if (id && !known.has(id.toLowerCase())) errors[rowField("question", index)] = "questionUnknown";
  });
  return errors;
}

/** A refusal from Postgres in the form's words, or null when it is not about the form. */
function errorsOf(error: DbError, data: PeriodInput): PeriodFieldErrors | null {
  const text = `${error.message} ${error.details ?? ""} ${error.hint ?? ""}`;
  switch (error.code) {
    case "23505":
      return text.includes("period_questions") ? { questions: "questionUnknown" } : { name: "nameTaken" };
    case "23514": {
      if (text.includes("dates_ordered") || text.includes("starts_on") || text.includes("due_on")) {
        return data.endsOn < data.startsOn ? { endsOn: "endBeforeStart" } : { dueOn: "dueBeforeStart" };
      }
      if (text.includes("period_questions")) return { questions: "questionTooLong" };
      if (text.includes("name")) return { name: "nameTooLong" };
      return null;
    }
    case "23503": {
      if (text.includes("report_answers") || text.includes("period_questions")) {
        // "Key (id)=(…) is still referenced from table report_answers": the question that has answers.
        const id = UUID_IN_TEXT.exec(`${error.details ?? ""} ${error.message}`)?.[0]?.toLowerCase();
        const removed = data.removed.find((entry) => entry.id === id) ?? data.removed[0];
        return removed ? { [rowField("remove", removed.index)]: "questionAnswered" } : { questions: "questionAnswered" };
      }
      if (text.includes("organisation") || text.includes("org_id")) return { orgIds: "organisationUnknown" };
      if (text.includes("indicator")) return { indicatorIds: "indicatorUnknown" };
      return null;
    }
    case "P0002":
      return text.includes("question") ? { questions: "questionUnknown" } : null;
    default:
      return null;
  }
}

/**
 * Saves a period (`existing` null: a new one) with its organisations, indicators (in the
 * indicators' order) and questions, in one transaction. Nothing is saved when anything is refused.
 * `rowIds` are the saved-question ids of the form's rows, by row (for errors at the right row).
 */
export async function savePeriod(
  supabase: TypedSupabaseClient,
  existing: StoredPeriod | null,
  data: PeriodInput,
  options: PeriodOptions,
  rowIds: string[],
): Promise<SavePeriodResult> {
  const problems = choiceProblems(data, options, existing, rowIds);
  if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
  const order = new Map(options.indicators.map((indicator, index) => [indicator.id, index]));
  const indicatorIds = [...data.indicatorIds].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const { data: id, error } = await supabase.rpc("save_reporting_period", {
    // null creates a new period (the generated type cannot express a nullable argument)
    p_period_id: (existing?.id ?? null) as string,
    p_name: data.name,
    p_starts_on: data.startsOn,
    p_ends_on: data.endsOn,
    p_due_on: data.dueOn,
    p_status: data.status,
    p_org_ids: data.orgIds,
    p_indicator_ids: indicatorIds,
    p_questions: data.questions.map((question) => ({ id: question.id, question: question.question, help: question.help, required: question.required })),
  });
  if (error || !id) {
    if (!error) failed("save the reporting period", { message: "no id returned" });
    if (error.code === "42501") forbidden();
    const errors = errorsOf(error, data);
    if (errors) return { ok: false, errors };
    if (error.code === "P0002") notFound();
    failed("save the reporting period", error);
  }
  return { ok: true, id };
}

// The CSV export ---------------------------------------------------------------------------------

export interface PeriodValueRow {
  organisation: string;
  orgNumber: string | null;
  status: Enums["report_status"];
  code: string;
  indicator: string;
  unit: string;
  value: number | null;
  comment: string | null;
  /** The day the report was (last) submitted, "YYYY-MM-DD" in Swedish time. */
  submittedOn: string | null;
  sortOrder: number;
}

const EXPORT_BATCH = 1000;
const EXPORT_LIMIT = 100_000;

/**
 * Every indicator value of the period's reports that are not drafts (a coordinator cannot read
 * drafts anyway), by organisation and then in the indicators' order. Read in pages of 1,000 (the
 * API's row limit).
 */
export async function periodValues(supabase: TypedSupabaseClient, periodId: string): Promise<PeriodValueRow[]> {
  const rows: PeriodValueRow[] = [];
  for (let from = 0; from < EXPORT_LIMIT; from += EXPORT_BATCH) {
    const result = await supabase
      .from("report_indicator_values")
      .select(
        "report_id, indicator_id, value, comment, indicators!report_indicator_values_indicator_id_fkey(code, name, unit, sort_order), reports!report_indicator_values_report_id_fkey!inner(period_id, status, submitted_at, organisations!reports_org_id_fkey(name, org_number))",
      )
      .eq("reports.period_id", periodId)
      .neq("reports.status", "draft")
      .order("report_id")
      .order("indicator_id")
      .range(from, from + EXPORT_BATCH - 1);
    const batch = rowsOf(result, "the period's indicator values");
    for (const row of batch) {
      const report = row.reports;
      rows.push({
        organisation: report.organisations.name,
        orgNumber: report.organisations.org_number,
        status: report.status,
        code: row.indicators.code,
        indicator: row.indicators.name,
        unit: row.indicators.unit,
        value: row.value,
        comment: row.comment,
        submittedOn: report.submitted_at ? todayInSweden(new Date(report.submitted_at)) : null,
        sortOrder: row.indicators.sort_order,
      });
    }
    if (batch.length < EXPORT_BATCH) break;
  }
  return rows.sort((a, b) => a.organisation.localeCompare(b.organisation, "sv") || a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, "sv"));
}

/** The period's name for the export's file name, or a 404. */
export async function periodName(supabase: TypedSupabaseClient, id: string): Promise<string> {
  if (!isUuid(id)) notFound();
  const result = await supabase.from("reporting_periods").select("name").eq("id", id).maybeSingle();
  if (result.error) failed("load the reporting period", result.error);
  if (!result.data) notFound();
  return result.data.name;
}
