/**
 * The rules of the organisation and member forms (invite, change role, organisation profile,
 * /welcome), shared by the forms and the actions. Messages are keys of `organisations.errors` in
 * the translation files, so the browser and the server show the same words.
 */
import { z } from "zod";
import { formStrings, isUuid, parseValues } from "./form";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "./auth";

export type MemberErrorKey =
  | "emailRequired"
  | "emailInvalid"
  | "nameTooShort"
  | "nameTooLong"
  | "roleInvalid"
  | "targetRequired"
  | "organisationInvalid"
  | "descriptionTooLong"
  | "websiteInvalid"
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordsDiffer"
  | "alreadyMember"
  | "alreadyInvited"
  | "alreadyHasRole";

const message = (key: MemberErrorKey) => ({ message: key });

export const NAME_MIN = 2;
export const NAME_MAX = 100;

const email = z
  .string({ required_error: "emailRequired", invalid_type_error: "emailRequired" })
  .trim()
  .min(1, message("emailRequired"))
  .max(254, message("emailInvalid"))
  .email(message("emailInvalid"));

const name = z
  .string({ required_error: "nameTooShort", invalid_type_error: "nameTooShort" })
  .trim()
  .refine((value) => [...value].length >= NAME_MIN, message("nameTooShort"))
  .refine((value) => [...value].length <= NAME_MAX, message("nameTooLong"));

export const membershipRole = z.enum(["admin", "member"], { errorMap: () => message("roleInvalid") });

/** An org admin invites to their own organisation (the organisation comes from the URL). */
export const inviteSchema = z.object({ email, name, role: membershipRole });


/**
 * A coordinator invites anyone: to an organisation (with a role), with a platform role, or both.
 */
export const coordinatorInviteSchema = z
  .object({
    email,
    name,
    organisation: z
      .string()
      .trim()
      .optional()
      .refine((value) => !value || isUuid(value), message("organisationInvalid")),
    role: membershipRole.optional().default("member"),
    platformRole: z.enum(["", "coordinator", "board"], { errorMap: () => message("roleInvalid") }).optional().default(""),
  })
  .refine((values) => Boolean(values.organisation) || Boolean(values.platformRole), {
    path: ["organisation"],
    ...message("targetRequired"),
  });

export const profileSchema = z.object({
  description: z.string().trim().max(5000, message("descriptionTooLong")).optional().default(""),
  website: z
    .string()
    .trim()
    .max(500, message("websiteInvalid"))
    .optional()
    .default("")
    .refine((value) => {
      if (!value) return true;
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, message("websiteInvalid")),
});

export const welcomeSchema = z
  .object({
    name,
    password: z
      .string({ required_error: "passwordTooShort", invalid_type_error: "passwordTooShort" })
      .refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, message("passwordTooShort"))
      .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, message("passwordTooLong")),
    confirm: z.string({ required_error: "passwordsDiffer", invalid_type_error: "passwordsDiffer" }),
  })
  .refine((values) => values.password === values.confirm, { path: ["confirm"], ...message("passwordsDiffer") });

export type MemberFieldErrors<Field extends string = string> = Partial<Record<Field, MemberErrorKey>>;

export type MemberParseResult<Schema extends z.ZodTypeAny> =
  | { success: true; data: z.infer<Schema> }
  | { success: false; errors: MemberFieldErrors };

/** Validates a submitted form (FormData on the server, the form element's data in the browser). */
export function parseMemberForm<Schema extends z.ZodTypeAny>(schema: Schema, formData: FormData): MemberParseResult<Schema> {
  return parseValues<Schema, MemberErrorKey>(schema, formStrings(formData));
}

/** The typed values to show again after a refused submission (never passwords). */
export function keptValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") kept[field] = value;
  }
  return kept;
}
