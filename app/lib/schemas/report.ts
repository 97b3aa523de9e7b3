/**
 * The report form of /reports/:id (summary, one answer per question of the period, a value and a
 * comment per indicator, the linked initiatives, the revision it was loaded at) and the
 * coordinator's review form. One schema per report: the questions, indicators (with their allowed
 * range) and initiatives it offers come from the report's period, so the same rules run in the
 * action and in tests. Saving a draft checks each field on its own; what submitting requires
 * (summary, required answers, a value or comment per indicator) is checked by the database
 * (`save_report`, SR422) and listed beforehand by `report_missing_items`.
 *
 * Numbers are typed the Swedish way: "12,5", "1 200", "64 %" (also "12.5").
 */
import { z } from "zod";
import { parseValues, type FormParseResult } from "./form";
import { cleanText, isUuid } from "./initiative";

export { isUuid };

export const SUMMARY_MAX = 5000;
export const ANSWER_MAX = 20_000;
export const COMMENT_MAX = 2000;
export const REVIEW_COMMENT_MAX = 5000;
export const MAX_LINKED_INITIATIVES = 200;
/** Larger than any figure a report has; keeps numbers exact in JSON and numeric. */
export const VALUE_ABS_MAX = 1_000_000_000_000;
const MAX_DECIMALS = 6;

export type ReportErrorKey =
  | "revisionInvalid"
  | "summaryTooLong"
  | "answerTooLong"
  | "valueInvalid"
  | "valueOutOfRange"
  | "commentTooLong"
  | "initiativeUnknown"
  // what submitting requires (SR422 and the check list), next to the field
  | "summaryMissing"
  | "answerMissing"
  | "indicatorMissing";

export type ReviewErrorKey = "decisionUnknown" | "reviewCommentRequired" | "reviewCommentTooLong";

export const REPORT_INTENTS = ["save", "submit", "return", "accept"] as const;
export type ReportIntent = (typeof REPORT_INTENTS)[number];
export const isReportIntent = (value: unknown): value is ReportIntent => typeof value === "string" && (REPORT_INTENTS as readonly string[]).includes(value);

/** Form field names; the control's id is `field-<name>` (links from error lists use `#field-<name>`). */
export const reportField = {
  summary: "summary",
  answer: (questionId: string) => `answer-${questionId}`,
  value: (indicatorId: string) => `value-${indicatorId}`,
  comment: (indicatorId: string) => `comment-${indicatorId}`,
  initiatives: "initiatives",
  revision: "revision",
  reviewComment: "reviewComment",
} as const;

export const fieldId = (name: string) => `field-${name}`;

/**
 * Fields a form of the portal never sends: the report's status and workflow stamps. A request that
 * carries one was forged (or built by hand) and is refused as a whole.
 */
const FORGED_FIELDS = [
  "status",
  "version",
  "submitted_at",
  "submitted_by",
  "submittedAt",
  "submittedBy",
  "reviewed_at",
  "reviewed_by",
  "reviewedAt",
  "reviewedBy",
  "review_comment",
  "org_id",
  "orgId",
  "period_id",
  "periodId",
  "created_by",
  "updated_by",
];

export function forgedFields(form: FormData): string[] {
  const names = new Set<string>();
  for (const key of form.keys()) if (FORGED_FIELDS.includes(key)) names.add(key);
  return [...names];
}

// Numbers ------------------------------------------------------------------------------------------

/**
 * A figure typed the Swedish way: spaces of any kind group thousands, a comma or a point marks the
 * decimals, a trailing "%" is allowed, "−" is a minus. Null for an empty value, NaN for what is no
 * number ("tolv", "1e5", "12,5,0").
 */
export function parseReportNumber(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const compact = value
    .replace(/[\s\u00A0\u202F]/g, "")
    .replace(/%$/, "")
    .replace(/^[−–]/, "-");
  if (compact === "") return null;
  if (!new RegExp(`^[-+]?\\d+([.,]\\d{1,${MAX_DECIMALS}})?$`).test(compact)) return Number.NaN;
  return Number(compact.replace(",", "."));
}

export interface IndicatorRange {
  minValue: number | null;
  maxValue: number | null;
}

export function inRange(value: number, range: IndicatorRange): boolean {
  return (range.minValue === null || value >= range.minValue) && (range.maxValue === null || value <= range.maxValue);
}

// The report form ------------------------------------------------------------------------------------

/** What a report's form offers: it accepts only these questions, indicators and initiatives. */
export interface ReportTemplate {
  questionIds: readonly string[];
  indicators: readonly ({ id: string } & IndicatorRange)[];
  /** Initiatives that may be linked (the organisation's own and those it is a partner in). */
  initiativeIds: readonly string[];
}

export interface ReportInput {
  /** The revision the form was loaded at. */
  revision: number;
  summary: string | null;
  /** question id → answer; an empty answer is "" (no answer). */
  answers: Record<string, string>;
  /** indicator id → value and comment (both null: nothing reported). */
  values: Record<string, { value: number | null; comment: string | null }>;
  initiativeIds: string[];
}

const text = (max: number, tooLong: ReportErrorKey) => z.preprocess(cleanText, z.string().max(max, tooLong));

function figure(range: IndicatorRange) {
  return z.preprocess(
    parseReportNumber,
    z
      .number({ invalid_type_error: "valueInvalid" })
      .nullable()
      .refine((value) => value === null || (Number.isFinite(value) && Math.abs(value) <= VALUE_ABS_MAX), "valueInvalid")
      .refine((value) => value === null || !Number.isFinite(value) || Math.abs(value) > VALUE_ABS_MAX || inRange(value, range), "valueOutOfRange"),
  );
}

const toList = (value: unknown) => (Array.isArray(value) ? value : typeof value === "string" && value ? [value] : []);

export function reportSchema(template: ReportTemplate) {
  const shape: Record<string, z.ZodTypeAny> = {
    [reportField.revision]: z
      .preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().regex(/^\d{1,9}$/, "revisionInvalid"))
      .transform(Number),
    [reportField.summary]: text(SUMMARY_MAX, "summaryTooLong"),
    [reportField.initiatives]: z.preprocess(
      toList,
      z
        .array(z.string().refine((id) => template.initiativeIds.includes(id), "initiativeUnknown"))
        .max(MAX_LINKED_INITIATIVES, "initiativeUnknown"),
    ),
  };
  for (const questionId of template.questionIds) shape[reportField.answer(questionId)] = text(ANSWER_MAX, "answerTooLong");
  for (const indicator of template.indicators) {
    shape[reportField.value(indicator.id)] = figure(indicator);
    shape[reportField.comment(indicator.id)] = text(COMMENT_MAX, "commentTooLong");
  }
  return z.object(shape).transform((raw): ReportInput => {
    const answers: ReportInput["answers"] = {};
    for (const questionId of template.questionIds) answers[questionId] = raw[reportField.answer(questionId)] as string;
    const values: ReportInput["values"] = {};
    for (const indicator of template.indicators) {
      values[indicator.id] = {
        value: raw[reportField.value(indicator.id)] as number | null,
        comment: (raw[reportField.comment(indicator.id)] as string) || null,
      };
    }
    return {
      revision: raw[reportField.revision] as number,
      summary: (raw[reportField.summary] as string) || null,
      answers,
      values,
      initiativeIds: [...new Set(raw[reportField.initiatives] as string[])],
    };
  });
}

/** The submitted report form as plain values: the first value of each field, the initiatives as a list. */
export function reportFormValues(form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && key !== reportField.initiatives && !(key in values)) values[key] = value;
  }
  values[reportField.initiatives] = form.getAll(reportField.initiatives).filter((value): value is string => typeof value === "string");
  return values;
}

export type ReportFieldErrors = Partial<Record<string, ReportErrorKey>>;

export function parseReport(raw: Record<string, unknown>, template: ReportTemplate): FormParseResult<ReportInput, ReportErrorKey> {
  return parseValues<ReturnType<typeof reportSchema>, ReportErrorKey>(reportSchema(template), raw);
}

/** What the form shows: stored values on load, what was typed after an error (cut to sane lengths). */
export interface ReportFormState {
  revision: string;
  summary: string;
  answers: Record<string, string>;
  values: Record<string, string>;
  comments: Record<string, string>;
  initiatives: string[];
}

export function keptReportValues(raw: Record<string, unknown>, template: ReportTemplate): ReportFormState {
  const str = (name: string, max: number) => (typeof raw[name] === "string" ? (raw[name] as string).slice(0, max) : "");
  const list = Array.isArray(raw[reportField.initiatives]) ? (raw[reportField.initiatives] as unknown[]) : [];
  return {
    revision: str(reportField.revision, 12),
    summary: str(reportField.summary, SUMMARY_MAX + 1000),
    answers: Object.fromEntries(template.questionIds.map((id) => [id, str(reportField.answer(id), ANSWER_MAX + 1000)])),
    values: Object.fromEntries(template.indicators.map((i) => [i.id, str(reportField.value(i.id), 60)])),
    comments: Object.fromEntries(template.indicators.map((i) => [i.id, str(reportField.comment(i.id), COMMENT_MAX + 500)])),
    initiatives: list.filter((id): id is string => typeof id === "string" && isUuid(id)).slice(0, MAX_LINKED_INITIATIVES),
  };
}

/** A stored figure as the form shows it: "12,5", "1200". */
export function figureText(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(".", ",");
}

// What submitting requires ----------------------------------------------------------------------------

/** One row of `report_missing_items` (and of SR422's details). */
export interface MissingItem {
  item: "summary" | "question" | "indicator";
  refId: string | null;
  label: string;
}

/** The form field a missing item is about. */
export function missingItemField(missing: MissingItem): string {
  if (missing.item === "question" && missing.refId) return reportField.answer(missing.refId);
  if (missing.item === "indicator" && missing.refId) return reportField.value(missing.refId);
  return reportField.summary;
}

export function missingItemError(missing: MissingItem): ReportErrorKey {
  return missing.item === "question" ? "answerMissing" : missing.item === "indicator" ? "indicatorMissing" : "summaryMissing";
}

/** The rows of `report_missing_items` or of SR422's JSON details; anything malformed is skipped. */
export function readMissingItems(rows: unknown): MissingItem[] {
  let list = rows;
  if (typeof rows === "string") {
    try {
      list = JSON.parse(rows);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((row): MissingItem[] => {
    if (!row || typeof row !== "object") return [];
    const { item, ref_id: refId, label } = row as { item?: unknown; ref_id?: unknown; label?: unknown };
    if (item !== "summary" && item !== "question" && item !== "indicator") return [];
    return [{ item, refId: isUuid(refId) ? refId : null, label: typeof label === "string" ? label : "" }];
  });
}

// The coordinator's review ------------------------------------------------------------------------------

export const reviewSchema = z
  .object({
    intent: z.enum(["return", "accept"], { message: "decisionUnknown" }),
    [reportField.reviewComment]: z.preprocess(cleanText, z.string().max(REVIEW_COMMENT_MAX, "reviewCommentTooLong")),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "return" && value[reportField.reviewComment] === "") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [reportField.reviewComment], message: "reviewCommentRequired" });
    }
  })
  .transform((value) => ({
    decision: value.intent === "return" ? ("returned" as const) : ("accepted" as const),
    comment: value[reportField.reviewComment] || null,
  }));

export type ReviewInput = z.infer<typeof reviewSchema>;

export function parseReview(values: Record<string, unknown>): FormParseResult<ReviewInput, ReviewErrorKey> {
  return parseValues<typeof reviewSchema, ReviewErrorKey>(reviewSchema, values);
}
