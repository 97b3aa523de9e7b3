/**
 * Validating a submitted form with a zod schema, shared by every form (server action and browser
 * check). Each form's schema uses its own error keys as zod messages; the result maps each field
 * to the first error key of that field, which the form then shows in words next to the field.
 *
 * Every value passes `cleanFormText` on the way in, so no form has to remember what Postgres and
 * the pages cannot take: Postgres refuses NUL in text (a save would fail with a server error), the
 * other control characters are invisible and can hide text, lone surrogates are not text at all,
 * and the same word typed on two keyboards (decomposed "é" from a Mac) must compare equal.
 */
import type { z } from "zod";

export type FormParseResult<Data, Key extends string> =
  | { success: true; data: Data }
  | { success: false; errors: Partial<Record<string, Key>> };

// C0 controls except tab, line feed and carriage return (the schemas turn "\r\n" into "\n"), DEL,
// C1 controls, and the Unicode line/paragraph separators (invisible, and they break lines in e-mail).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Fields handed to the auth server exactly as typed and never stored as text: a password set
 * before this cleaning existed (e.g. typed decomposed on a Mac) must still match at sign-in.
 */
const VERBATIM_FIELDS: ReadonlySet<string> = new Set(["password", "currentPassword", "confirm"]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A row id posted by a form (checked before it reaches a query: Postgres refuses other text as uuid). */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** One submitted value as the portal keeps it: well-formed, without control characters, NFC. */
export function cleanFormText(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD").replace(CONTROL, "").normalize("NFC");
}

/** Multi-line text as stored: cleaned, Windows/Mac line ends as "\n". */
export function cleanMultiline(value: string): string {
  return cleanFormText(value).replace(/\r\n?/g, "\n");
}

/** Cleans the strings of a form's values (also in lists and the objects the form readers build). */
export function cleanFormValues(values: unknown, field = ""): unknown {
  if (typeof values === "string") return VERBATIM_FIELDS.has(field) ? values : cleanFormText(values);
  if (Array.isArray(values)) return values.map((value) => cleanFormValues(value, field));
  if (values !== null && typeof values === "object" && Object.getPrototypeOf(values) === Object.prototype) {
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, cleanFormValues(value, key)]));
  }
  return values;
}

/** The first value of each field as a cleaned string (file fields are ignored). */
export function formStrings(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !(key in values)) values[key] = VERBATIM_FIELDS.has(key) ? value : cleanFormText(value);
  }
  return values;
}

export function parseValues<Schema extends z.ZodTypeAny, Key extends string>(schema: Schema, values: unknown): FormParseResult<z.infer<Schema>, Key> {
  const result = schema.safeParse(cleanFormValues(values));
  if (result.success) return { success: true, data: result.data as z.infer<Schema> };
  const errors: Partial<Record<string, Key>> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (field && !(field in errors)) errors[field] = issue.message as Key;
  }
  return { success: false, errors };
}
