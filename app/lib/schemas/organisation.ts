/**
 * The rules of the organisation forms (/apply, the coordinators' edit and reject forms), shared by
 * the form and the action. Messages are keys of `admin.errors` in the translation files.
 */
import { z } from "zod";
import { DISTRICTS } from "../initiative-vocabulary";
import { parseValues } from "./form";
import type { Database } from "../database.types";
import { isValidOrgNumber, normalizeOrgNumber } from "../org-number";

export type OrganisationKind = Database["public"]["Enums"]["organisation_kind"];
export type OrganisationStatus = Database["public"]["Enums"]["organisation_status"];

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  "association",
  "region",
  "authority",
  "housing_company",
  "business",
  "faith_community",
  "other",
];
export const ORGANISATION_STATUSES: readonly OrganisationStatus[] = ["pending", "active", "archived"];

/** The districts of Trollhättan (DESIGN.md): one list for organisations and initiatives. */
export { DISTRICTS } from "../initiative-vocabulary";

export type OrganisationErrorKey =
  | "nameRequired"
  | "nameTooLong"
  | "orgNumberRequired"
  | "orgNumberFormat"
  | "orgNumberChecksum"
  | "orgNumberTaken"
  | "kindRequired"
  | "districtsRequired"
  | "districtsInvalid"
  | "descriptionRequired"
  | "descriptionTooLong"
  | "websiteInvalid"
  | "contactNameRequired"
  | "contactEmailRequired"
  | "contactEmailInvalid"
  | "messageTooLong"
  | "reasonRequired"
  | "reasonTooLong"
  | "emailInvalid";

const m = (key: OrganisationErrorKey) => ({ message: key });
const text = (required: OrganisationErrorKey) => z.string({ required_error: required, invalid_type_error: required }).trim();

const name = text("nameRequired").min(2, m("nameRequired")).max(200, m("nameTooLong"));

/** NNNNNN-NNNN or ten digits with the right check digit; the value becomes NNNNNN-NNNN. */
const orgNumber = text("orgNumberRequired")
  .min(1, m("orgNumberRequired"))
  .refine((value) => normalizeOrgNumber(value) !== null, m("orgNumberFormat"))
  .refine((value) => normalizeOrgNumber(value) === null || isValidOrgNumber(value), m("orgNumberChecksum"))
  .transform((value) => normalizeOrgNumber(value) ?? value);

const kind = z.enum(ORGANISATION_KINDS as [OrganisationKind, ...OrganisationKind[]], {
  errorMap: () => m("kindRequired"),
});

const districtList = z.array(z.enum(DISTRICTS, { errorMap: () => m("districtsInvalid") }));

const website = z
  .string()
  .trim()
  .max(500, m("websiteInvalid"))
  .refine((value) => value === "" || isHttpUrl(value), m("websiteInvalid"))
  .transform((value) => value || null);

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    return Boolean(new URL(value).hostname.includes("."));
  } catch {
    return false;
  }
}

const email = (required: OrganisationErrorKey, invalid: OrganisationErrorKey) =>
  text(required).min(1, m(required)).max(254, m(invalid)).email(m(invalid));

export const applicationSchema = z.object({
  name,
  orgNumber,
  kind,
  districts: districtList.min(1, m("districtsRequired")),
  description: text("descriptionRequired").min(10, m("descriptionRequired")).max(5000, m("descriptionTooLong")),
  website,
  contactName: text("contactNameRequired").min(2, m("contactNameRequired")).max(200, m("contactNameRequired")),
  contactEmail: email("contactEmailRequired", "contactEmailInvalid"),
  message: z.string().trim().max(5000, m("messageTooLong")).optional().default(""),
});
export type Application = z.infer<typeof applicationSchema>;
export type ApplicationField = keyof z.input<typeof applicationSchema>;
export const APPLICATION_FIELDS: ApplicationField[] = [
  "name",
  "orgNumber",
  "kind",
  "districts",
  "description",
  "website",
  "contactName",
  "contactEmail",
  "message",
];

/** The coordinators' edit form. The org number's check digit is checked only when it changes (older numbers). */
export const organisationEditSchema = z.object({
  name,
  orgNumber: z
    .string()
    .trim()
    .refine((value) => value === "" || normalizeOrgNumber(value) !== null, m("orgNumberFormat"))
    .transform((value) => (value === "" ? null : (normalizeOrgNumber(value) ?? value))),
  kind,
  districts: districtList,
  description: z.string().trim().max(5000, m("descriptionTooLong")).transform((value) => value || null),
  website,
  contactEmail: z
    .string()
    .trim()
    .refine((value) => value === "" || z.string().email().max(254).safeParse(value).success, m("emailInvalid"))
    .transform((value) => value || null),
  reportsToBoard: z.boolean(),
});
export type OrganisationEdit = z.infer<typeof organisationEditSchema>;
export type OrganisationEditField = keyof OrganisationEdit;
export const ORGANISATION_EDIT_FIELDS: OrganisationEditField[] = [
  "name",
  "orgNumber",
  "kind",
  "districts",
  "description",
  "website",
  "contactEmail",
  "reportsToBoard",
];

export const rejectSchema = z.object({
  reason: text("reasonRequired").min(5, m("reasonRequired")).max(2000, m("reasonTooLong")),
});

export type FieldErrors<Field extends string = string> = Partial<Record<Field, OrganisationErrorKey>>;
export type ParseResult<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

/** Form fields that carry several values (checkboxes). */
const LIST_FIELDS = new Set(["districts"]);
/** Checkboxes that are true when sent. */
const FLAG_FIELDS = new Set(["reportsToBoard"]);

/** The form's values as the schema expects them (lists for checkbox groups, booleans for single checkboxes). */
export function formValues(formData: FormData, flags: readonly string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (LIST_FIELDS.has(key)) values[key] = [...((values[key] as string[] | undefined) ?? []), value];
    else if (!(key in values)) values[key] = value;
  }
  for (const key of LIST_FIELDS) values[key] ??= [];
  for (const key of [...FLAG_FIELDS, ...flags]) values[key] = values[key] !== undefined && values[key] !== "";
  return values;
}

export function parseOrganisationForm<Schema extends z.ZodTypeAny>(schema: Schema, formData: FormData): ParseResult<z.infer<Schema>> {
  return parseValues<Schema, OrganisationErrorKey>(schema, formValues(formData));
}

/** What the person typed, to show again after an error (strings and lists only, never trimmed away). */
export function typedValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key === HONEYPOT_FIELD) continue;
    if (LIST_FIELDS.has(key)) values[key] = [...((values[key] as string[] | undefined) ?? []), value];
    else if (!(key in values)) values[key] = value.slice(0, 10_000);
  }
  return values;
}

/** The honeypot of /apply: hidden from people, so only bots fill it. */
export const HONEYPOT_FIELD = "homepage";
