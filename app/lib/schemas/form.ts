/**
 * Validating a submitted form with a zod schema, shared by every form (server action and browser
 * check). Each form's schema uses its own error keys as zod messages; the result maps each field
 * to the first error key of that field, which the form then shows in words next to the field.
 */
import type { z } from "zod";

export type FormParseResult<Data, Key extends string> =
  | { success: true; data: Data }
  | { success: false; errors: Partial<Record<string, Key>> };

/** The first value of each field as a string (file fields are ignored). */
export function formStrings(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return values;
}

export function parseValues<Schema extends z.ZodTypeAny, Key extends string>(schema: Schema, values: unknown): FormParseResult<z.infer<Schema>, Key> {
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data as z.infer<Schema> };
  const errors: Partial<Record<string, Key>> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (field && !(field in errors)) errors[field] = issue.message as Key;
  }
  return { success: false, errors };
}
