/**
 * The coordinators' reporting-period form (/admin/periods/new, /admin/periods/:id): the period's
 * name and dates, which organisations must report, which indicators apply, and the template's
 * narrative questions. Shared by the form and the action; the database (`save_reporting_period`)
 * checks the same again. Messages are keys of `reportAdmin.periodErrors`.
 *
 * Questions come as numbered rows (`question-0`, `help-0`, `required-0`, `position-0`, `remove-0`,
 * `questionId-0`, …) so the form works without JavaScript: the saved questions first, then blank
 * rows. A blank new row is ignored; a saved question is removed only when "Ta bort" is ticked.
 */
import { z } from "zod";
import type { Database } from "../database.types";
import { parseValues } from "./form";
import { cleanLine, cleanText, isIsoDate, isUuid } from "./initiative";

export type PeriodStatus = Database["public"]["Enums"]["period_status"];
export const PERIOD_STATUSES: readonly PeriodStatus[] = ["open", "closed"];

export const PERIOD_NAME_MAX = 100;
export const QUESTION_MIN = 3;
export const QUESTION_MAX = 500;
export const HELP_MAX = 2000;
export const MAX_QUESTIONS = 30;
/** Blank rows the form offers for new questions (without JavaScript, a page can add no rows). */
export const BLANK_QUESTION_ROWS = 3;
/** Rows read from a form at most (saved questions plus blank ones, with room to spare). */
const MAX_ROWS = MAX_QUESTIONS + 20;

export type PeriodErrorKey =
  | "nameRequired"
  | "nameTooLong"
  | "nameTaken"
  | "dateRequired"
  | "dateInvalid"
  | "endBeforeStart"
  | "dueBeforeStart"
  | "statusUnknown"
  | "organisationUnknown"
  | "indicatorUnknown"
  | "tooManyQuestions"
  | "questionRequired"
  | "questionTooShort"
  | "questionTooLong"
  | "helpTooLong"
  | "positionInvalid"
  | "questionUnknown"
  | "questionAnswered";

/** The fields of the form in order (the first one with an error gets focus). Rows: see `rowField`. */
export const PERIOD_FIELDS = ["name", "startsOn", "endsOn", "dueOn", "status", "orgIds", "indicatorIds", "questions"] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];
export type QuestionRowField = "question" | "help" | "position" | "remove";
/** The error key of one field of question row `index`: "question-2". */
export const rowField = (field: QuestionRowField, index: number) => `${field}-${index}`;
export type PeriodFieldErrors = Partial<Record<string, PeriodErrorKey>>;

/** One question row as typed. */
export interface QuestionRow {
  /** The saved question's id; empty for a new row. */
  id: string;
  position: string;
  question: string;
  help: string;
  required: boolean;
  remove: boolean;
}

/** What the form shows (what was typed after an error; the stored period otherwise). */
export interface PeriodFormState {
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  status: string;
  orgIds: string[];
  indicatorIds: string[];
  questions: QuestionRow[];
}

/** A question as saved: `id` null for a new one. In order. */
export interface QuestionInput {
  id: string | null;
  question: string;
  help: string | null;
  required: boolean;
}

export interface PeriodInput {
  name: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  status: PeriodStatus;
  orgIds: string[];
  indicatorIds: string[];
  questions: QuestionInput[];
  /** Saved questions that are to be removed (ticked "Ta bort"), with their row index. */
  removed: { id: string; index: number }[];
}

const date = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() : ""),
  z
    .string()
    .min(1, "dateRequired")
    .refine((value) => value === "" || isIsoDate(value), "dateInvalid"),
);

const ids = (unknown: PeriodErrorKey) =>
  z.preprocess(
    (value) => (Array.isArray(value) ? value : typeof value === "string" && value ? [value] : []),
    z
      .array(z.string().refine(isUuid, unknown))
      .max(1000, unknown)
      .transform((values) => [...new Set(values.map((value) => value.toLowerCase()))]),
  );

/** The period's own fields (the question rows are checked row by row, see `parsePeriod`). */
export const periodFieldsSchema = z.object({
  name: z.preprocess(cleanLine, z.string().min(2, "nameRequired").max(PERIOD_NAME_MAX, "nameTooLong")),
  startsOn: date,
  endsOn: date,
  dueOn: date,
  status: z.preprocess(
    (value) => (typeof value === "string" && value ? value : "open"),
    z.string().refine((value) => (PERIOD_STATUSES as readonly string[]).includes(value), "statusUnknown"),
  ) as unknown as z.ZodType<PeriodStatus>,
  orgIds: ids("organisationUnknown"),
  indicatorIds: ids("indicatorUnknown"),
});

/** The submitted form as plain values: lists for the checkboxes, the question rows in row order. */
export function periodFormValues(form: FormData): Record<string, unknown> {
  const one = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const many = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  const indexes = new Set<number>();
  for (const key of form.keys()) {
    const match = /^(?:question|questionId|help|position|required|remove)-(\d{1,3})$/.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  const questions: QuestionRow[] = [...indexes]
    .sort((a, b) => a - b)
    .slice(0, MAX_ROWS)
    .map((index) => ({
      id: one(`questionId-${index}`),
      position: one(`position-${index}`),
      question: one(`question-${index}`),
      help: one(`help-${index}`),
      required: form.has(`required-${index}`),
      remove: form.has(`remove-${index}`),
    }));
  return {
    name: one("name"),
    startsOn: one("startsOn"),
    endsOn: one("endsOn"),
    dueOn: one("dueOn"),
    status: one("status"),
    orgIds: many("orgIds"),
    indicatorIds: many("indicatorIds"),
    questions,
  };
}

/** The values kept for the form after an error (long texts cut so the page stays small). */
export function keptPeriodValues(raw: Record<string, unknown>): PeriodFormState {
  const text = (name: string, max: number) => (typeof raw[name] === "string" ? (raw[name] as string).slice(0, max) : "");
  const strings = (name: string) => (Array.isArray(raw[name]) ? (raw[name] as unknown[]).filter((v): v is string => typeof v === "string").slice(0, 1000) : []);
  const rows = Array.isArray(raw.questions) ? (raw.questions as QuestionRow[]).slice(0, MAX_ROWS) : [];
  return {
    name: text("name", 400),
    startsOn: text("startsOn", 20),
    endsOn: text("endsOn", 20),
    dueOn: text("dueOn", 20),
    status: text("status", 20),
    orgIds: strings("orgIds"),
    indicatorIds: strings("indicatorIds"),
    questions: rows.map((row) => ({
      id: String(row.id ?? "").slice(0, 40),
      position: String(row.position ?? "").slice(0, 10),
      question: String(row.question ?? "").slice(0, QUESTION_MAX + 500),
      help: String(row.help ?? "").slice(0, HELP_MAX + 500),
      required: Boolean(row.required),
      remove: Boolean(row.remove),
    })),
  };
}

/** Dates across fields: the end and the due date may not be before the start. */
function dateProblems(raw: Record<string, unknown>): PeriodFieldErrors {
  const value = (name: string) => {
    const text = typeof raw[name] === "string" ? (raw[name] as string).trim() : "";
    return isIsoDate(text) ? text : null;
  };
  const errors: PeriodFieldErrors = {};
  const startsOn = value("startsOn");
  const endsOn = value("endsOn");
  const dueOn = value("dueOn");
  if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = "endBeforeStart";
  if (startsOn && dueOn && dueOn < startsOn) errors.dueOn = "dueBeforeStart";
  return errors;
}

/** The question rows checked one by one: the questions in order, the removed ones, or errors at their rows. */
function parseQuestionRows(rows: QuestionRow[]): { questions: QuestionInput[]; removed: { id: string; index: number }[]; errors: PeriodFieldErrors } {
  const errors: PeriodFieldErrors = {};
  const kept: { input: QuestionInput; order: number; index: number }[] = [];
  const removed: { id: string; index: number }[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const id = row.id.trim().toLowerCase();
    if (id && (!isUuid(id) || seen.has(id))) {
      errors[rowField("question", index)] = "questionUnknown";
      return;
    }
    if (id) seen.add(id);
    if (row.remove) {
      if (id) removed.push({ id, index });
      return;
    }
    const question = cleanLine(row.question);
    const help = cleanText(row.help);
    if (!id && !question && !help) return; // a blank row
    const positionText = row.position.trim();
    const position = positionText === "" ? index + 1 : Number(positionText);
    if (!Number.isInteger(position) || position < 1 || position > 999) errors[rowField("position", index)] = "positionInvalid";
    if (!question) errors[rowField("question", index)] = "questionRequired";
    else if (question.length < QUESTION_MIN) errors[rowField("question", index)] = "questionTooShort";
    else if (question.length > QUESTION_MAX) errors[rowField("question", index)] = "questionTooLong";
    if (help.length > HELP_MAX) errors[rowField("help", index)] = "helpTooLong";
    kept.push({ input: { id: id || null, question, help: help || null, required: row.required }, order: Number.isFinite(position) ? position : index + 1, index });
  });
  if (kept.length > MAX_QUESTIONS) errors.questions = "tooManyQuestions";
  const questions = kept.sort((a, b) => a.order - b.order || a.index - b.index).map((entry) => entry.input);
  return { questions, removed, errors };
}

export type PeriodParseResult = { success: true; data: PeriodInput } | { success: false; errors: PeriodFieldErrors };

/** The submitted form checked: the period, or the first error of each field and question row. */
export function parsePeriod(raw: Record<string, unknown>): PeriodParseResult {
  const fields = parseValues<typeof periodFieldsSchema, PeriodErrorKey>(periodFieldsSchema, raw);
  const rows = parseQuestionRows(Array.isArray(raw.questions) ? (raw.questions as QuestionRow[]) : []);
  const errors: PeriodFieldErrors = { ...dateProblems(raw), ...(fields.success ? {} : fields.errors), ...rows.errors };
  if (!fields.success || Object.keys(errors).length > 0) return { success: false, errors };
  return { success: true, data: { ...fields.data, questions: rows.questions, removed: rows.removed } };
}

/** The error keys in the order of the form (fields, then question rows), for focus and the summary. */
export function errorOrder(errors: PeriodFieldErrors, rowCount: number): string[] {
  const keys: string[] = PERIOD_FIELDS.filter((field) => errors[field]);
  for (let index = 0; index < rowCount; index++) {
    for (const field of ["position", "question", "help", "remove"] as const) {
      if (errors[rowField(field, index)]) keys.push(rowField(field, index));
    }
  }
  return keys;
}
