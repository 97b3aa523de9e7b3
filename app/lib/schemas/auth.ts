/**
 * The sign-in forms' rules, shared by the forms (checked in the browser before sending, when
 * JavaScript runs) and the actions (always checked on the server). Messages are keys of
 * `auth.errors` in the translation files, so both sides show the same words in the person's language.
 */
import { z } from "zod";
import { formStrings, parseValues } from "./form";

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt ignores everything after 72 bytes; the auth server refuses longer passwords. */
export const PASSWORD_MAX_BYTES = 72;

export type AuthErrorKey =
  | "emailRequired"
  | "emailInvalid"
  | "passwordRequired"
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordsDiffer";

const message = (key: AuthErrorKey) => ({ message: key });

const email = z
  .string({ required_error: "emailRequired", invalid_type_error: "emailRequired" })
  .trim()
  .min(1, message("emailRequired"))
  .max(254, message("emailInvalid"))
  .email(message("emailInvalid"));

/** Where to go afterwards; checked again with safeRedirect before use. */
const redirectTo = z.string().max(2000).optional();

export const signInSchema = z.object({
  email,
  password: z.string({ required_error: "passwordRequired", invalid_type_error: "passwordRequired" }).min(1, message("passwordRequired")),
  redirectTo,
});

export const linkRequestSchema = z.object({ email, redirectTo });

export const newPasswordSchema = z
  .object({
    password: z
      .string({ required_error: "passwordTooShort", invalid_type_error: "passwordTooShort" })
      .refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, message("passwordTooShort"))
      .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, message("passwordTooLong")),
    confirm: z.string({ required_error: "passwordsDiffer", invalid_type_error: "passwordsDiffer" }),
  })
  .refine((values) => values.password === values.confirm, { path: ["confirm"], ...message("passwordsDiffer") });

export type FieldErrors<Field extends string = string> = Partial<Record<Field, AuthErrorKey>>;

export type ParseResult<Schema extends z.ZodTypeAny> = { success: true; data: z.infer<Schema> } | { success: false; errors: FieldErrors };

/** Validates a submitted form (FormData on the server, the form element's data in the browser). */
export function parseForm<Schema extends z.ZodTypeAny>(schema: Schema, formData: FormData): ParseResult<Schema> {
  return parseValues<Schema, AuthErrorKey>(schema, formStrings(formData));
}

/** E-mail addresses as the auth server compares them (for rate-limit keys). */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}
