/**
 * Reading follow-up reports for /reports, /reports/:id and its print page, all through the user's
 * client so RLS decides what is returned: an organisation's periods and reports, one report with
 * its period's template (questions, indicators), what it says, last period's values beside it, the
 * initiatives it can link, and its history with the names of who did what. Also starting a report
 * (a draft inserted as the user).
 */
import type { AppLoadContext } from "@remix-run/node";
import type { CurrentUser } from "./auth.server";
import { hasRole, requireUser } from "./auth.server";
import type { Database } from "./database.types";
import { forbidden, isUnreachable, serviceUnavailable } from "./http.server";
import { rowsOf } from "./query.server";
import { figureText, isUuid, readMissingItems, type MissingItem, type ReportFormState, type ReportTemplate } from "./schemas/report";
import type { TypedSupabaseClient } from "./supabase.server";

type Enums = Database["public"]["Enums"];
export type ReportStatus = Enums["report_status"];
export type PeriodStatus = Enums["period_status"];
export type ReportEventKind = Enums["report_event_kind"];

const MAX_ROWS = 200;

interface DbError {
  message: string;
  code?: string;
  details?: string | null;
  status?: number;
  name?: string;
}

function failed(what: string, error: DbError): never {
  if (isUnreachable(error)) serviceUnavailable();
  throw new Error(`Could not ${what}: ${error.code ?? ""} ${error.message}`);
}

// /reports: the organisation's periods -----------------------------------------------------------------

export interface OrganisationPeriod {
  periodId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  periodStatus: PeriodStatus;
  /** The organisation is among those that must report in the period. */
  required: boolean;
  report: { id: string; status: ReportStatus; submittedAt: string | null; reviewedAt: string | null } | null;
}

/**
 * The periods the organisation must report in, and those it has a report in; latest first. One
 * request: every period (a handful a year) with the organisation's requirement and report embedded.
 */
export async function listOrganisationPeriods(supabase: TypedSupabaseClient, orgId: string): Promise<OrganisationPeriod[]> {
  const periods = rowsOf(
    await supabase
      .from("reporting_periods")
      .select(
        "id, name, starts_on, ends_on, due_on, status, period_organisations(org_id), reports!reports_period_id_fkey(id, status, submitted_at, reviewed_at)",
      )
      .eq("period_organisations.org_id", orgId)
      .eq("reports.org_id", orgId)
      .order("starts_on", { ascending: false })
      .limit(MAX_ROWS),
    "the organisation's reporting periods",
  );
  return periods.flatMap((period) => {
    const required = period.period_organisations.length > 0;
    const report = period.reports[0];
    if (!required && !report) return [];
    return [
      {
        periodId: period.id,
        name: period.name,
        startsOn: period.starts_on,
        endsOn: period.ends_on,
        dueOn: period.due_on,
        periodStatus: period.status,
        required,
        report: report ? { id: report.id, status: report.status, submittedAt: report.submitted_at, reviewedAt: report.reviewed_at } : null,
      },
    ];
  });
}

export type StartResult =
  | { ok: true; id: string; created: boolean }
  | { ok: false; reason: "closed"; period: string }
  | { ok: false; reason: "unknownPeriod" | "refused" };

/**
 * Starts the organisation's report of a period as a draft (as the user: RLS lets members insert
 * drafts; the workflow trigger refuses closed periods). A report that already exists (a second
 * click, a colleague who was quicker) is returned instead: one report per organisation and period.
 */
export async function startReport(supabase: TypedSupabaseClient, orgId: string, periodId: string): Promise<StartResult> {
  if (!isUuid(periodId)) return { ok: false, reason: "unknownPeriod" };
  const existing = async () => {
    const { data, error } = await supabase.from("reports").select("id").eq("org_id", orgId).eq("period_id", periodId).maybeSingle();
    if (error) failed("find the report", error);
    return data?.id ?? null;
  };
  const found = await existing();
  if (found) return { ok: true, id: found, created: false };

  const { data: period, error: periodError } = await supabase.from("reporting_periods").select("name, status").eq("id", periodId).maybeSingle();
  if (periodError) failed("read the reporting period", periodError);
  if (!period) return { ok: false, reason: "unknownPeriod" };
  if (period.status !== "open") return { ok: false, reason: "closed", period: period.name };

  const { data, error } = await supabase.from("reports").insert({ org_id: orgId, period_id: periodId }).select("id").single();
  if (error) {
    if (error.code === "23505") {
      const raced = await existing();
      if (raced) return { ok: true, id: raced, created: false };
    }
    // The period was closed in between (trigger), or the person is not a member (RLS).
    if (error.code === "42501") {
      if (/closed/.test(error.message)) return { ok: false, reason: "closed", period: period.name };
      return { ok: false, reason: "refused" };
    }
    if (error.code === "23503") return { ok: false, reason: "unknownPeriod" };
    failed("start the report", error);
  }
  return { ok: true, id: data.id, created: true };
}

// One report -------------------------------------------------------------------------------------------

export interface ReportHeader {
  id: string;
  orgId: string;
  orgName: string;
  periodId: string;
  periodName: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  periodStatus: PeriodStatus;
  status: ReportStatus;
  summary: string | null;
  revision: number;
  version: number;
  submittedAt: string | null;
  submittedBy: string | null;
  submittedById: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
}

const headerColumns =
  "id, org_id, period_id, status, summary, revision, version, submitted_at, submitted_by, reviewed_at, review_comment, organisations!reports_org_id_fkey(name), reporting_periods!reports_period_id_fkey(name, starts_on, ends_on, due_on, status), submitter:profiles!reports_submitted_by_fkey(full_name), reviewer:profiles!reports_reviewed_by_fkey(full_name)" as const;

/** The report as the user may read it, or null (unknown, not readable, not a uuid). */
export async function getReportHeader(supabase: TypedSupabaseClient, id: string): Promise<ReportHeader | null> {
  if (!isUuid(id)) return null;
  const { data, error } = await supabase.from("reports").select(headerColumns).eq("id", id).maybeSingle();
  if (error) {
    if (error.code === "22P02") return null;
    failed("load the report", error);
  }
  if (!data) return null;
  return {
    id: data.id,
    orgId: data.org_id,
    orgName: data.organisations.name,
    periodId: data.period_id,
    periodName: data.reporting_periods.name,
    startsOn: data.reporting_periods.starts_on,
    endsOn: data.reporting_periods.ends_on,
    dueOn: data.reporting_periods.due_on,
    periodStatus: data.reporting_periods.status,
    status: data.status,
    summary: data.summary,
    revision: data.revision,
    version: data.version,
    submittedAt: data.submitted_at,
    submittedBy: data.submitter?.full_name?.trim() || null,
    submittedById: data.submitted_by,
    reviewedAt: data.reviewed_at,
    reviewedBy: data.reviewer?.full_name?.trim() || null,
    reviewComment: data.review_comment,
  };
}

/**
 * Who may open a report's page: partners and coordinators (as /reports), and board members, who
 * read the submitted and accepted reports of organisations that report to the board (RLS decides
 * which; any other report is a 404 for them).
 */
export async function requireReportReader(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (user.memberships.length === 0 && !hasRole(user, "coordinator") && !hasRole(user, "board")) forbidden();
  return user;
}

/** What the person may do with the report; the database enforces the same rules. */
export interface ReportViewer {
  isMember: boolean;
  isAdmin: boolean;
  isCoordinator: boolean;
  /** can_edit_report: a member, and draft in an open period or returned. */
  canEdit: boolean;
  /** Editing, and an admin of the organisation. */
  canSubmit: boolean;
  /** A coordinator, and the report waits for review. */
  canReview: boolean;
  /** Why the organisation cannot edit, for the notice on the page (null when it can, or is not the organisation). */
  readOnly: "submitted" | "accepted" | "closed" | null;
  /** Reads it as a board member only (their way back is /board, not /reports). */
  boardReader: boolean;
}

export function viewerOf(user: CurrentUser, report: Pick<ReportHeader, "orgId" | "status" | "periodStatus">): ReportViewer {
  const membership = user.memberships.find((m) => m.orgId === report.orgId);
  const isMember = Boolean(membership);
  const isCoordinator = hasRole(user, "coordinator");
  const canEdit = isMember && (report.status === "returned" || (report.status === "draft" && report.periodStatus === "open"));
  const readOnly = !isMember || canEdit ? null : report.status === "submitted" ? "submitted" : report.status === "accepted" ? "accepted" : "closed";
  return {
    isMember,
    isAdmin: membership?.role === "admin",
    isCoordinator,
    canEdit,
    canSubmit: canEdit && membership?.role === "admin",
    canReview: isCoordinator && report.status === "submitted",
    readOnly,
    boardReader: !isMember && !isCoordinator && hasRole(user, "board"),
  };
}

export interface ReportQuestion {
  id: string;
  position: number;
  question: string;
  help: string | null;
  required: boolean;
}

export interface ReportIndicator {
  id: string;
  code: string;
  name: string;
  description: string | null;
  unit: string;
  direction: Enums["indicator_direction"];
  target: number | null;
  baseline: number | null;
  baselineYear: number | null;
  minValue: number | null;
  maxValue: number | null;
  /** False for a value stored for an indicator the period no longer asks for (shown, not edited). */
  inPeriod: boolean;
}

export interface StoredValue {
  value: number | null;
  comment: string | null;
}

export interface ReportContent {
  summary: string | null;
  /** question id → answer */
  answers: Record<string, string>;
  /** indicator id → value and comment */
  values: Record<string, StoredValue>;
  initiativeIds: string[];
}

export interface InitiativeOption {
  id: string;
  title: string;
  /** The organisation is a partner, not the owner. */
  partner: boolean;
}

export interface HistoryEntry {
  id: number;
  kind: ReportEventKind;
  at: string;
  /** null: a deleted account; "" an account without a name. */
  actor: string | null;
  /** Labels of what a save changed ("Sammanfattning", a question, "UNG-01", "Kopplade insatser"); keys are mapped by the page. */
  changed: ChangedItem[];
  comment: string | null;
}

export type ChangedItem = { kind: "summary" } | { kind: "initiatives" } | { kind: "question"; label: string | null } | { kind: "indicator"; label: string | null };

export interface LastPeriod {
  name: string;
  values: Record<string, number | null>;
}

export interface ReportPage {
  report: ReportHeader;
  questions: ReportQuestion[];
  indicators: ReportIndicator[];
  content: ReportContent;
  lastPeriod: LastPeriod | null;
  /** What can be linked (the organisation's own and partnered initiatives, plus any linked already). */
  initiatives: InitiativeOption[];
  history: HistoryEntry[];
}

async function loadTemplate(supabase: TypedSupabaseClient, periodId: string) {
  const [questions, indicators] = await Promise.all([
    supabase.from("period_questions").select("id, position, question, help, required").eq("period_id", periodId).order("position").limit(MAX_ROWS),
    supabase
      .from("period_indicators")
      .select(
        "sort_order, indicators!period_indicators_indicator_id_fkey(id, code, name, description, unit, direction, target, baseline, baseline_year, min_value, max_value, active)",
      )
      .eq("period_id", periodId)
      .limit(MAX_ROWS),
  ]);
  return {
    questions: rowsOf(questions, "the period's questions"),
    indicators: rowsOf(indicators, "the period's indicators")
      // Inactive indicators take no new values (the database refuses them).
      .filter((row) => row.indicators.active)
      .sort((a, b) => a.sort_order - b.sort_order || a.indicators.code.localeCompare(b.indicators.code))
      .map((row) => row.indicators),
  };
}

type IndicatorRow = {
  id: string;
  code: string;
  name: string;
  description: string | null;
  unit: string;
  direction: Enums["indicator_direction"];
  target: number | null;
  baseline: number | null;
  baseline_year: number | null;
  min_value: number | null;
  max_value: number | null;
};

function toIndicator(row: IndicatorRow, inPeriod: boolean): ReportIndicator {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    unit: row.unit,
    direction: row.direction,
    target: row.target,
    baseline: row.baseline,
    baselineYear: row.baseline_year,
    minValue: row.min_value,
    maxValue: row.max_value,
    inPeriod,
  };
}

/** The report's summary, answers, values and links as stored now. */
export async function loadContent(supabase: TypedSupabaseClient, reportId: string): Promise<ReportContent> {
  const [report, answers, values, links] = await Promise.all([
    supabase.from("reports").select("summary").eq("id", reportId).maybeSingle(),
    supabase.from("report_answers").select("question_id, body").eq("report_id", reportId).limit(MAX_ROWS),
    supabase.from("report_indicator_values").select("indicator_id, value, comment").eq("report_id", reportId).limit(MAX_ROWS),
    supabase.from("report_initiatives").select("initiative_id").eq("report_id", reportId).limit(MAX_ROWS),
  ]);
  if (report.error) failed("load the report", report.error);
  return {
    summary: report.data?.summary ?? null,
    answers: Object.fromEntries(rowsOf(answers, "the report's answers").map((row) => [row.question_id, row.body])),
    values: Object.fromEntries(rowsOf(values, "the report's values").map((row) => [row.indicator_id, { value: row.value, comment: row.comment }])),
    initiativeIds: rowsOf(links, "the report's initiatives").map((row) => row.initiative_id),
  };
}

/** The organisation's report of the latest earlier period (as far as the reader may see it), with its values. */
async function loadLastPeriod(supabase: TypedSupabaseClient, report: ReportHeader): Promise<LastPeriod | null> {
  const earlier = rowsOf(
    await supabase
      .from("reports")
      .select("id, reporting_periods!reports_period_id_fkey!inner(name, starts_on)")
      .eq("org_id", report.orgId)
      .lt("reporting_periods.starts_on", report.startsOn)
      .limit(MAX_ROWS),
    "the organisation's earlier reports",
  ).sort((a, b) => b.reporting_periods.starts_on.localeCompare(a.reporting_periods.starts_on))[0];
  if (!earlier) return null;
  const values = rowsOf(
    await supabase.from("report_indicator_values").select("indicator_id, value").eq("report_id", earlier.id).limit(MAX_ROWS),
    "last period's values",
  );
  return { name: earlier.reporting_periods.name, values: Object.fromEntries(values.map((row) => [row.indicator_id, row.value])) };
}

/** The organisation's initiatives (own and partnered) and those the report links already. */
async function loadInitiativeOptions(supabase: TypedSupabaseClient, orgId: string, linked: string[]): Promise<InitiativeOption[]> {
  const [own, partnered, linkedRows] = await Promise.all([
    supabase.from("initiatives").select("id, title").eq("org_id", orgId).order("title").limit(MAX_ROWS),
    supabase
      .from("initiative_partners")
      .select("initiatives!initiative_partners_initiative_id_fkey(id, title)")
      .eq("org_id", orgId)
      .limit(MAX_ROWS),
    linked.length > 0 ? supabase.from("initiatives").select("id, title").in("id", linked).limit(MAX_ROWS) : Promise.resolve({ data: [], error: null }),
  ]);
  const options = new Map<string, InitiativeOption>();
  for (const row of rowsOf(own, "the organisation's initiatives")) options.set(row.id, { id: row.id, title: row.title, partner: false });
  for (const row of rowsOf(partnered, "the organisation's partner initiatives")) {
    if (row.initiatives && !options.has(row.initiatives.id)) options.set(row.initiatives.id, { id: row.initiatives.id, title: row.initiatives.title, partner: true });
  }
  for (const row of rowsOf(linkedRows as { data: { id: string; title: string }[] | null; error: DbError | null }, "the linked initiatives")) {
    if (!options.has(row.id)) options.set(row.id, { id: row.id, title: row.title, partner: true });
  }
  return [...options.values()].sort((a, b) => a.title.localeCompare(b.title, "sv"));
}

/** The report's history, oldest first, with who did it and what each save changed. */
async function loadHistory(supabase: TypedSupabaseClient, reportId: string, questions: ReportQuestion[], indicators: ReportIndicator[]): Promise<HistoryEntry[]> {
  const rows = rowsOf(
    await supabase
      .from("report_events")
      .select("id, kind, at, comment, changed, actor_id, actor:profiles!report_events_actor_id_fkey(full_name)")
      .eq("report_id", reportId)
      .order("id", { ascending: true })
      .limit(500),
    "the report's history",
  );
  const labels = await changeLabels(
    supabase,
    rows.flatMap((row) => row.changed),
    questions,
    indicators,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    at: row.at,
    actor: row.actor ? (row.actor.full_name?.trim() ?? "") : null,
    changed: row.changed.map((key) => labels(key)),
    comment: row.comment,
  }));
}

/** Maps the keys of report_events.changed to what the page shows (indicator codes looked up when not in the period). */
async function changeLabels(
  supabase: TypedSupabaseClient,
  keys: string[],
  questions: Pick<ReportQuestion, "id" | "question">[],
  indicators: Pick<ReportIndicator, "id" | "code">[],
): Promise<(key: string) => ChangedItem> {
  const codes = new Map(indicators.map((indicator) => [indicator.id, indicator.code]));
  const unknown = [...new Set(keys.filter((key) => key.startsWith("indicator:")).map((key) => key.slice("indicator:".length)))].filter(
    (id) => isUuid(id) && !codes.has(id),
  );
  if (unknown.length > 0) {
    const { data } = await supabase.from("indicators").select("id, code").in("id", unknown);
    for (const row of data ?? []) codes.set(row.id, row.code);
  }
  const texts = new Map(questions.map((question) => [question.id, question.question]));
  return (key) => {
    if (key === "summary") return { kind: "summary" };
    if (key === "initiatives") return { kind: "initiatives" };
    if (key.startsWith("question:")) return { kind: "question", label: texts.get(key.slice("question:".length)) ?? null };
    return { kind: "indicator", label: codes.get(key.slice("indicator:".length)) ?? null };
  };
}

/**
 * Everything /reports/:id and the print page show, in parallel where it can be. `withOptions`: the
 * initiatives the organisation could link (the editor); `withHistory: false` for pages that do not
 * show the history (print, the board, an action that only needs the template).
 */
export async function loadReportPage(
  supabase: TypedSupabaseClient,
  report: ReportHeader,
  { withOptions, withHistory = true }: { withOptions: boolean; withHistory?: boolean },
): Promise<ReportPage> {
  const [template, content, lastPeriod] = await Promise.all([loadTemplate(supabase, report.periodId), loadContent(supabase, report.id), loadLastPeriod(supabase, report)]);
  const indicators = template.indicators.map((row) => toIndicator(row, true));
  // Values stored for indicators the period no longer asks for stay visible (read-only).
  const extra = Object.keys(content.values).filter((id) => !indicators.some((indicator) => indicator.id === id));
  if (extra.length > 0) {
    const rows = rowsOf(
      await supabase
        .from("indicators")
        .select("id, code, name, description, unit, direction, target, baseline, baseline_year, min_value, max_value")
        .in("id", extra),
      "the report's other indicators",
    );
    for (const row of rows.sort((a, b) => a.code.localeCompare(b.code))) indicators.push(toIndicator(row, false));
  }
  const questions = template.questions;
  const [initiatives, history] = await Promise.all([
    withOptions ? loadInitiativeOptions(supabase, report.orgId, content.initiativeIds) : linkedInitiatives(supabase, content.initiativeIds),
    withHistory ? loadHistory(supabase, report.id, questions, indicators) : Promise.resolve([] as HistoryEntry[]),
  ]);
  return { report, questions, indicators, content: { ...content, summary: report.summary ?? content.summary }, lastPeriod, initiatives, history };
}

async function linkedInitiatives(supabase: TypedSupabaseClient, ids: string[]): Promise<InitiativeOption[]> {
  if (ids.length === 0) return [];
  const rows = rowsOf(await supabase.from("initiatives").select("id, title").in("id", ids).limit(MAX_ROWS), "the linked initiatives");
  return rows.map((row) => ({ id: row.id, title: row.title, partner: false })).sort((a, b) => a.title.localeCompare(b.title, "sv"));
}

/** The rules of the report's form: its questions, editable indicators and linkable initiatives. */
export function templateOf(page: Pick<ReportPage, "questions" | "indicators" | "initiatives">): ReportTemplate {
  return {
    questionIds: page.questions.map((question) => question.id),
    indicators: page.indicators.filter((indicator) => indicator.inPeriod),
    initiativeIds: page.initiatives.map((initiative) => initiative.id),
  };
}

/** The form's values for the stored report. */
export function formStateOf(page: ReportPage): ReportFormState {
  const indicators = page.indicators.filter((indicator) => indicator.inPeriod);
  return {
    revision: String(page.report.revision),
    summary: page.content.summary ?? "",
    answers: Object.fromEntries(page.questions.map((question) => [question.id, page.content.answers[question.id] ?? ""])),
    values: Object.fromEntries(indicators.map((indicator) => [indicator.id, figureText(page.content.values[indicator.id]?.value)])),
    comments: Object.fromEntries(indicators.map((indicator) => [indicator.id, page.content.values[indicator.id]?.comment ?? ""])),
    initiatives: page.content.initiativeIds,
  };
}

/** What the stored report still lacks before it can be submitted (report_missing_items). */
export async function missingItems(supabase: TypedSupabaseClient, reportId: string): Promise<MissingItem[]> {
  const { data, error } = await supabase.rpc("report_missing_items", { p_report_id: reportId });
  if (error) failed("check the report", error);
  return readMissingItems(data);
}

// A save that came too late ------------------------------------------------------------------------------

export interface ConflictChange {
  /** The form field the change is about (value field for an indicator). */
  field: string;
  item: ChangedItem;
  /** The saved value in words: text, "64 – comment", initiative titles. */
  saved: { text: string | null; value?: number | null; comment?: string | null; titles?: string[] };
}

export interface Conflict {
  /** Who saved since the form was loaded (names, in order), and when the last save was. */
  names: (string | null)[];
  at: string | null;
  changes: ConflictChange[];
  revision: number;
}

/**
 * What others saved after `fromRevision`: their names, the time of the last save, and for each
 * changed field the saved value, so the page can show it beside what the user typed.
 */
export async function loadConflict(supabase: TypedSupabaseClient, page: ReportPage, fromRevision: number, currentRevision: number): Promise<Conflict> {
  const [events, content] = await Promise.all([
    supabase
      .from("report_events")
      .select("at, changed, actor:profiles!report_events_actor_id_fkey(full_name)")
      .eq("report_id", page.report.id)
      .eq("kind", "saved")
      .gt("revision", fromRevision)
      .order("id", { ascending: true })
      .limit(100),
    loadContent(supabase, page.report.id),
  ]);
  const rows = rowsOf(events, "the saves in between");
  const names: (string | null)[] = [];
  for (const row of rows) {
    const name = row.actor ? (row.actor.full_name?.trim() ?? "") : null;
    if (!names.includes(name)) names.push(name);
  }
  const keys = [...new Set(rows.flatMap((row) => row.changed))];
  const labels = await changeLabels(supabase, keys, page.questions, page.indicators);
  const titles = new Map(page.initiatives.map((initiative) => [initiative.id, initiative.title]));
  const changes = keys.map((key): ConflictChange => {
    const item = labels(key);
    if (key === "summary") return { field: "summary", item, saved: { text: content.summary } };
    if (key === "initiatives") {
      return { field: "initiatives", item, saved: { text: null, titles: content.initiativeIds.map((id) => titles.get(id) ?? id) } };
    }
    if (key.startsWith("question:")) {
      const id = key.slice("question:".length);
      return { field: `answer-${id}`, item, saved: { text: content.answers[id] ?? null } };
    }
    const id = key.slice("indicator:".length);
    const stored = content.values[id];
    return { field: `value-${id}`, item, saved: { text: null, value: stored?.value ?? null, comment: stored?.comment ?? null } };
  });
  return { names, at: rows[rows.length - 1]?.at ?? null, changes, revision: currentRevision };
}
