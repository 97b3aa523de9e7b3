/**
 * The register form of an initiative (/initiatives/new, /initiatives/:id/edit) and the progress
 * updates of its page, shared by the form and the action. Saving a draft checks only each field on
 * its own (lengths, real dates, non-negative numbers, known vocabulary); publishing also requires
 * what the database's `initiatives_publishable` check requires, each missing field with its own
 * message. Text is stored as typed (HTML stays text; control characters are removed) and shown
 * escaped.
 */
import { z } from "zod";
import { cleanMultiline, isUuid, parseValues, type FormParseResult } from "./form";
import { DISTRICTS, FOCUS_AREAS, INITIATIVE_STATUSES, PUBLISHED_STATUSES, TARGET_GROUPS } from "../initiative-vocabulary";
import type { InitiativeStatus } from "../initiative-vocabulary";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const DESCRIPTION_MAX = 20_000;
export const FUNDING_MAX = 200;
export const CONTACT_NAME_MAX = 200;
export const CONTACT_PHONE_MAX = 40;
export const CONTACT_EMAIL_MAX = 320;
export const PARTNER_ROLE_MAX = 200;
export const PARTICIPANTS_MAX = 1_000_000;
export const BUDGET_MAX = 999_999_999_999.99;
export const UPDATE_BODY_MIN = 3;
export const UPDATE_BODY_MAX = 2000;
export const MAX_PARTNERS = 50;

export type InitiativeErrorKey =
  | "organisationRequired"
  | "organisationNotYours"
  | "titleRequired"
  | "titleTooLong"
  | "summaryTooLong"
  | "descriptionTooLong"
  | "statusUnknown"
  | "dateInvalid"
  | "endBeforeStart"
  | "districtUnknown"
  | "targetGroupUnknown"
  | "focusAreaUnknown"
  | "participantsInvalid"
  | "participantsNegative"
  | "budgetInvalid"
  | "budgetNegative"
  | "fundingTooLong"
  | "contactNameTooLong"
  | "contactEmailInvalid"
  | "contactPhoneTooLong"
  | "partnerUnknown"
  | "partnerIsOwner"
  | "partnerRoleTooLong"
  | "tooManyPartners"
  | "summaryRequired"
  | "startRequired"
  | "districtsRequired"
  | "targetGroupsRequired"
  | "focusAreasRequired"
  | "contactEmailRequired";

export type UpdateErrorKey = "dateInvalid" | "dateInFuture" | "bodyTooShort" | "bodyTooLong" | "participantsInvalid" | "participantsNegative" | "statusUnknown";

export const INITIATIVE_FIELDS = [
  "orgId",
  "title",
  "summary",
  "description",
  "status",
  "startsOn",
  "endsOn",
  "districts",
  "targetGroups",
  "focusAreas",
  "participantsExpected",
  "budget",
  "fundingSource",
  "contactName",
  "contactEmail",
  "contactPhone",
  "isPublic",
  "partners",
] as const;
export type InitiativeField = (typeof INITIATIVE_FIELDS)[number];
export type InitiativeFieldErrors = Partial<Record<InitiativeField, InitiativeErrorKey>>;

/** The fields publishing requires, in form order (the keys tests and the DB mapping use). */
export const PUBLISH_REQUIRED = ["summary", "startsOn", "districts", "targetGroups", "focusAreas", "contactEmail"] as const;

/** Multi-line text as stored: Windows/Mac line ends become "\n", control characters go, trimmed. */
export function cleanText(value: unknown): string {
  if (typeof value !== "string") return "";
  return cleanMultiline(value).trim();
}

/** One-line text as stored: as `cleanText`, with line breaks and tabs as spaces. */
export function cleanLine(value: unknown): string {
  return cleanText(value).replace(/[\n\t]+/g, " ");
}

/**
 * A number typed the Swedish way: "12 500", "12500,50", "12 500 kr" or "12500.50". Spaces of any
 * kind group thousands. Returns null for an empty value and NaN for something that is no number.
 */
export function parseSwedishNumber(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const compact = value
    .replace(/[\s\u00A0\u202F]/g, "")
    .replace(/kr\.?$/i, "")
    .replace(/^−/, "-");
  if (compact === "") return null;
  if (!/^-?\d+([.,]\d{1,2})?$/.test(compact)) return Number.NaN;
  return Number(compact.replace(",", "."));
}

/** A real calendar date "YYYY-MM-DD" (what <input type="date"> sends). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today in Swedish time, "YYYY-MM-DD". */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export { isUuid };

const optionalLine = (max: number, tooLong: InitiativeErrorKey) =>
  z.preprocess(cleanLine, z.string().max(max, tooLong)).transform((value) => value || null);
const optionalText = (max: number, tooLong: InitiativeErrorKey) =>
  z.preprocess(cleanText, z.string().max(max, tooLong)).transform((value) => value || null);
const optionalDate = z
  .preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().refine((value) => value === "" || isIsoDate(value), "dateInvalid"))
  .transform((value) => value || null);
const list = <T extends string>(known: readonly T[], unknown: InitiativeErrorKey) =>
  z.preprocess(
    (value) => (Array.isArray(value) ? value : typeof value === "string" && value ? [value] : []),
    z
      .array(z.string().refine((value) => (known as readonly string[]).includes(value), unknown))
      .max(known.length, unknown)
      .transform((values) => [...new Set(values)] as T[]),
  );
const wholeNumber = (invalid: InitiativeErrorKey, negative: InitiativeErrorKey) =>
  z.preprocess(
    parseSwedishNumber,
    z
      .number({ invalid_type_error: invalid })
      .nullable()
      .refine((value) => value === null || !Number.isNaN(value), invalid)
      .refine((value) => value === null || Number.isNaN(value) || value >= 0, negative)
      .refine((value) => value === null || Number.isNaN(value) || value < 0 || (Number.isInteger(value) && value <= PARTICIPANTS_MAX), invalid),
  );
const money = z.preprocess(
  parseSwedishNumber,
  z
    .number({ invalid_type_error: "budgetInvalid" })
    .nullable()
    .refine((value) => value === null || !Number.isNaN(value), "budgetInvalid")
    .refine((value) => value === null || Number.isNaN(value) || value >= 0, "budgetNegative")
    .refine((value) => value === null || Number.isNaN(value) || value <= BUDGET_MAX, "budgetInvalid"),
);

const partner = z.object({
  orgId: z.string().refine(isUuid, "partnerUnknown"),
  role: optionalLine(PARTNER_ROLE_MAX, "partnerRoleTooLong"),
});

/** The field rules every save checks (a draft can be saved with only these). */
export const initiativeDraftSchema = z
  .object({
    orgId: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().min(1, "organisationRequired").refine(isUuid, "organisationRequired")),
    title: z.preprocess(cleanLine, z.string().min(3, "titleRequired").max(TITLE_MAX, "titleTooLong")),
    summary: optionalText(SUMMARY_MAX, "summaryTooLong"),
    description: optionalText(DESCRIPTION_MAX, "descriptionTooLong"),
    status: z.preprocess(
      (value) => (typeof value === "string" && value ? value : "draft"),
      z.string().refine((value) => (INITIATIVE_STATUSES as readonly string[]).includes(value), "statusUnknown"),
    ) as unknown as z.ZodType<InitiativeStatus>,
    startsOn: optionalDate,
    endsOn: optionalDate,
    districts: list(DISTRICTS, "districtUnknown"),
    targetGroups: list(TARGET_GROUPS, "targetGroupUnknown"),
    focusAreas: list(FOCUS_AREAS, "focusAreaUnknown"),
    participantsExpected: wholeNumber("participantsInvalid", "participantsNegative"),
    budget: money,
    fundingSource: optionalLine(FUNDING_MAX, "fundingTooLong"),
    contactName: optionalLine(CONTACT_NAME_MAX, "contactNameTooLong"),
    contactEmail: z
      .preprocess(cleanLine, z.string().max(CONTACT_EMAIL_MAX, "contactEmailInvalid").refine((value) => value === "" || EMAIL.test(value), "contactEmailInvalid"))
      .transform((value) => value || null),
    contactPhone: optionalLine(CONTACT_PHONE_MAX, "contactPhoneTooLong"),
    isPublic: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
    partners: z.array(partner).max(MAX_PARTNERS, "tooManyPartners").default([]),
  });

export type InitiativeInput = z.infer<typeof initiativeDraftSchema>;

/** What publishing requires beyond the field rules (the database's `initiatives_publishable`). */
export interface PublishFacts {
  summary: string | null;
  startsOn: string | null;
  districts: readonly string[];
  targetGroups: readonly string[];
  focusAreas: readonly string[];
  isPublic: boolean;
  contactEmail: string | null;
}

export function publishProblems(data: PublishFacts): InitiativeFieldErrors {
  const errors: InitiativeFieldErrors = {};
  if (!data.summary?.trim()) errors.summary = "summaryRequired";
  if (!data.startsOn) errors.startsOn = "startRequired";
  if (data.districts.length === 0) errors.districts = "districtsRequired";
  if (data.targetGroups.length === 0) errors.targetGroups = "targetGroupsRequired";
  if (data.focusAreas.length === 0) errors.focusAreas = "focusAreasRequired";
  if (data.isPublic && !data.contactEmail) errors.contactEmail = "contactEmailRequired";
  return errors;
}

/**
 * The status a published initiative gets: the chosen one when it is a published status; from a
 * draft, 'planned' when it starts after today, otherwise 'ongoing'.
 */
export function statusWhenPublished(chosen: InitiativeStatus, startsOn: string | null, today: string = todayInSweden()): InitiativeStatus {
  if (chosen !== "draft") return chosen;
  return startsOn && startsOn > today ? "planned" : "ongoing";
}

/** The submitted register form as plain values: lists for the checkboxes, partners with roles. */
export function initiativeFormValues(form: FormData): Record<string, unknown> {
  const one = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const many = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  const partnerIds = [...new Set(many("partners"))];
  return {
    orgId: one("orgId"),
    title: one("title"),
    summary: one("summary"),
    description: one("description"),
    status: one("status"),
    startsOn: one("startsOn"),
    endsOn: one("endsOn"),
    districts: many("districts"),
    targetGroups: many("targetGroups"),
    focusAreas: many("focusAreas"),
    participantsExpected: one("participantsExpected"),
    budget: one("budget"),
    fundingSource: one("fundingSource"),
    contactName: one("contactName"),
    contactEmail: one("contactEmail"),
    contactPhone: one("contactPhone"),
    isPublic: one("isPublic"),
    partners: partnerIds.map((orgId) => ({ orgId, role: one(`partnerRole-${orgId}`) })),
  };
}

/** The values the form shows again after an error (long texts cut so the page stays small). */
export interface InitiativeFormState {
  orgId: string;
  title: string;
  summary: string;
  description: string;
  status: string;
  startsOn: string;
  endsOn: string;
  districts: string[];
  targetGroups: string[];
  focusAreas: string[];
  participantsExpected: string;
  budget: string;
  fundingSource: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  isPublic: boolean;
  partners: { orgId: string; role: string }[];
}

export function keptInitiativeValues(values: Record<string, unknown>): InitiativeFormState {
  const text = (name: string, max = 2000) => (typeof values[name] === "string" ? (values[name] as string).slice(0, max) : "");
  const strings = (name: string) => (Array.isArray(values[name]) ? (values[name] as unknown[]).filter((v): v is string => typeof v === "string").slice(0, 50) : []);
  const partners = Array.isArray(values.partners) ? (values.partners as { orgId: string; role: string }[]).slice(0, MAX_PARTNERS) : [];
  return {
    orgId: text("orgId", 40),
    title: text("title", 400),
    summary: text("summary", 1000),
    description: text("description", DESCRIPTION_MAX + 1000),
    status: text("status", 20),
    startsOn: text("startsOn", 20),
    endsOn: text("endsOn", 20),
    districts: strings("districts"),
    targetGroups: strings("targetGroups"),
    focusAreas: strings("focusAreas"),
    participantsExpected: text("participantsExpected", 40),
    budget: text("budget", 40),
    fundingSource: text("fundingSource", 400),
    contactName: text("contactName", 400),
    contactEmail: text("contactEmail", 400),
    contactPhone: text("contactPhone", 80),
    isPublic: values.isPublic === "on" || values.isPublic === true,
    partners: partners.map((p) => ({ orgId: String(p.orgId).slice(0, 40), role: String(p.role ?? "").slice(0, 400) })),
  };
}

// Progress updates --------------------------------------------------------------------------------

export const UPDATE_FIELDS = ["reportedOn", "body", "participantsReached", "newStatus"] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];
export type UpdateFieldErrors = Partial<Record<UpdateField, UpdateErrorKey>>;

/** A progress update: a date not in the future, a short text, participants so far, maybe a new status. */
export function progressUpdateSchema(today: string = todayInSweden()) {
  return z.object({
    reportedOn: z.preprocess(
      (value) => (typeof value === "string" && value.trim() ? value.trim() : today),
      z
        .string()
        .refine(isIsoDate, "dateInvalid")
        .refine((value) => !isIsoDate(value) || value <= today, "dateInFuture"),
    ),
    body: z.preprocess(cleanText, z.string().min(UPDATE_BODY_MIN, "bodyTooShort").max(UPDATE_BODY_MAX, "bodyTooLong")),
    participantsReached: z.preprocess(
      parseSwedishNumber,
      z
        .number({ invalid_type_error: "participantsInvalid" })
        .nullable()
        .refine((value) => value === null || !Number.isNaN(value), "participantsInvalid")
        .refine((value) => value === null || Number.isNaN(value) || value >= 0, "participantsNegative")
        .refine((value) => value === null || Number.isNaN(value) || value < 0 || (Number.isInteger(value) && value <= PARTICIPANTS_MAX), "participantsInvalid"),
    ),
    newStatus: z
      .preprocess(
        (value) => (typeof value === "string" ? value : ""),
        z.string().refine((value) => value === "" || (PUBLISHED_STATUSES as readonly string[]).includes(value), "statusUnknown"),
      )
      .transform((value) => (value || null) as (typeof PUBLISHED_STATUSES)[number] | null),
  });
}
export type ProgressUpdateInput = z.infer<ReturnType<typeof progressUpdateSchema>>;

/**
 * Rules across fields, read from the submitted values themselves so that they are reported together
 * with any field errors: end before start, the owner named as its own partner or a partner twice,
 * and (when publishing) the required fields.
 */
function crossFieldProblems(raw: Record<string, unknown>, publish: boolean): InitiativeFieldErrors {
  const errors: InitiativeFieldErrors = {};
  const date = (name: string) => {
    const value = typeof raw[name] === "string" ? (raw[name] as string).trim() : "";
    return isIsoDate(value) ? value : null;
  };
  const startsOn = date("startsOn");
  const endsOn = date("endsOn");
  if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = "endBeforeStart";
  const partners = Array.isArray(raw.partners) ? (raw.partners as { orgId?: unknown }[]) : [];
  const ids = partners.map((p) => String(p?.orgId ?? ""));
  if (ids.includes(String(raw.orgId ?? ""))) errors.partners = "partnerIsOwner";
  else if (new Set(ids).size !== ids.length) errors.partners = "partnerUnknown";
  if (publish) {
    const list = (name: string) => (Array.isArray(raw[name]) ? (raw[name] as unknown[]) : typeof raw[name] === "string" && raw[name] ? [raw[name]] : []);
    const contactEmail = cleanLine(raw.contactEmail);
    Object.assign(
      errors,
      publishProblems({
        summary: cleanText(raw.summary) || null,
        startsOn: typeof raw.startsOn === "string" && raw.startsOn.trim() ? raw.startsOn : null,
        districts: list("districts") as string[],
        targetGroups: list("targetGroups") as string[],
        focusAreas: list("focusAreas") as string[],
        isPublic: raw.isPublic === "on" || raw.isPublic === "true" || raw.isPublic === true,
        contactEmail: contactEmail || null,
      }),
      errors,
    );
  }
  return errors;
}

/** The submitted form checked for a draft save or for publishing: data, or the first error per field. */
export function parseInitiative(raw: Record<string, unknown>, publish: boolean): FormParseResult<InitiativeInput, InitiativeErrorKey> {
  const parsed = parseValues<typeof initiativeDraftSchema, InitiativeErrorKey>(initiativeDraftSchema, raw);
  const cross = crossFieldProblems(raw, publish);
  const errors = { ...cross, ...(parsed.success ? {} : parsed.errors) };
  if (Object.keys(errors).length > 0 || !parsed.success) return { success: false, errors };
  return parsed;
}
