/**
 * The /account forms' rules, shared by the forms (checked in the browser when JavaScript runs) and
 * the actions (always checked on the server). Messages are keys of `account.errors` in the
 * translation files.
 */
import { z } from "zod";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "./auth";

export const NOTIFICATION_FREQUENCIES = ["immediately", "daily", "weekly", "never"] as const;
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];

export type AccountErrorKey =
  | "nameRequired"
  | "nameTooLong"
  | "titleTooLong"
  | "phoneInvalid"
  | "localeInvalid"
  | "frequencyInvalid"
  | "currentPasswordRequired"
  | "currentPasswordWrong"
  | "tooManyAttempts"
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordsDiffer"
  | "samePassword"
  | "confirmEmailRequired"
  | "confirmEmailDiffers";

export type AccountFieldErrors<Field extends string = string> = Partial<Record<Field, AccountErrorKey>>;

const message = (key: AccountErrorKey) => ({ message: key });
const text = (key: AccountErrorKey) => z.string({ required_error: key, invalid_type_error: key });

/**
 * A Swedish phone number, leniently: spaces, dashes, dots, slashes and brackets are ignored, as is
 * a "(0)" after the country code; then 0 and 7–11 more digits (070-123 45 67, 0520-49 70 00), or
 * +46/0046 and 7–10 digits without the leading 0 (+46 70 123 45 67).
 */
export function isSwedishPhone(value: string): boolean {
  const compact = value.replace(/\(0\)/g, "").replace(/[\s\-./()]/g, "");
  return /^(?:0[1-9]\d{5,10}|(?:\+46|0046)[1-9]\d{6,9})$/.test(compact);
}

export const profileSchema = z.object({
  fullName: text("nameRequired").trim().min(1, message("nameRequired")).max(200, message("nameTooLong")),
  title: text("titleTooLong").trim().max(200, message("titleTooLong")).optional().default(""),
  phone: text("phoneInvalid")
    .trim()
    .max(40, message("phoneInvalid"))
    .refine((value) => value === "" || isSwedishPhone(value), message("phoneInvalid"))
    .optional()
    .default(""),
  locale: z.enum(["sv", "en"], { errorMap: () => message("localeInvalid") }),
  notificationFrequency: z.enum(NOTIFICATION_FREQUENCIES, { errorMap: () => message("frequencyInvalid") }),
});

export const passwordChangeSchema = z
  .object({
    currentPassword: text("currentPasswordRequired").min(1, message("currentPasswordRequired")),
    password: text("passwordTooShort")
      .refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, message("passwordTooShort"))
      .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, message("passwordTooLong")),
    confirm: text("passwordsDiffer"),
  })
  .refine((values) => values.password === values.confirm, { path: ["confirm"], ...message("passwordsDiffer") });

/** Deleting the account: the person types their own e-mail address to confirm. */
export function deleteAccountSchema(email: string) {
  return z.object({
    confirmEmail: text("confirmEmailRequired")
      .trim()
      .min(1, message("confirmEmailRequired"))
      .refine((value) => value.toLowerCase() === email.trim().toLowerCase(), message("confirmEmailDiffers")),
  });
}
