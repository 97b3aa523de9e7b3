/**
 * The rules of the forum administration forms (/forums/new, /forums/:slug/settings,
 * /forums/:slug/members, /forums/moderation), shared by the forms and the actions. Messages are
 * keys of `forumAdmin.errors` in the translation files. The limits match the database's check
 * constraints (forums.slug/name/description, post_reports.resolution_note, posts.hidden_reason),
 * so what passes here is never refused by Postgres for its form.
 */
import { z } from "zod";
import { cleanMultiline } from "./form";

export type ForumAdminErrorKey =
  | "nameRequired"
  | "nameTooShort"
  | "nameTooLong"
  | "slugRequired"
  | "slugInvalid"
  | "slugTooLong"
  | "slugReserved"
  | "slugTaken"
  | "descriptionTooLong"
  | "visibilityInvalid"
  | "moderatorsInvalid"
  | "moderatorsTooMany"
  | "emailRequired"
  | "emailInvalid"
  | "emailUnknown"
  | "reasonRequired"
  | "reasonTooShort"
  | "reasonTooLong"
  | "noteTooLong";

export type ForumAdminFieldErrors<Field extends string = string> = Partial<Record<Field, ForumAdminErrorKey>>;

export const FORUM_VISIBILITIES = ["open", "closed", "private"] as const;
export type ForumVisibility = (typeof FORUM_VISIBILITIES)[number];

export const FORUM_NAME_MIN = 2;
export const FORUM_NAME_MAX = 120;
export const FORUM_SLUG_MAX = 80;
export const FORUM_DESCRIPTION_MAX = 2000;
/** Slugs that are routes under /forums (Swedish words kept free for later). Same list as the database check. */
export const RESERVED_SLUGS = ["new", "search", "moderation", "ny", "sok"] as const;
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** At most this many moderators are named when creating a forum (more are added in settings). */
export const MODERATORS_MAX = 20;
export const HIDE_REASON_MIN = 3;
export const HIDE_REASON_MAX = 500;
export const NOTE_MAX = 1000;
export const MEMBERS_PER_PAGE = 50;
export const REPORTS_PER_PAGE = 25;
export const HANDLED_REPORTS_SHOWN = 50;

const message = (key: ForumAdminErrorKey) => ({ message: key });

// Control characters never belong in text people write (the one rule for every form: form.ts).
const cleanText = cleanMultiline;

/**
 * A web address part suggested from a forum's name: lower-case ASCII letters and digits with
 * dashes between words ("Trygghet i Kronogården" → "trygghet-i-kronogarden").
 */
export function suggestSlug(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  return ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, FORUM_SLUG_MAX)
    .replace(/-+$/g, "");
}

const text = (key: ForumAdminErrorKey) => z.string({ required_error: key, invalid_type_error: key });

export const forumName = text("nameRequired")
  .transform((value) => cleanText(value).replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, message("nameRequired")).min(FORUM_NAME_MIN, message("nameTooShort")).max(FORUM_NAME_MAX, message("nameTooLong")));

export const forumSlug = text("slugRequired")
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .min(1, message("slugRequired"))
      .max(FORUM_SLUG_MAX, message("slugTooLong"))
      .regex(SLUG_PATTERN, message("slugInvalid"))
      .refine((value) => !(RESERVED_SLUGS as readonly string[]).includes(value), message("slugReserved")),
  );

const forumDescription = text("descriptionTooLong")
  .transform((value) => cleanText(value).trim())
  .pipe(z.string().max(FORUM_DESCRIPTION_MAX, message("descriptionTooLong")))
  .optional()
  .default("");

const forumVisibility = z.enum(FORUM_VISIBILITIES, { errorMap: () => message("visibilityInvalid") });

const email = text("emailRequired")
  .transform((value) => value.trim())
  .pipe(z.string().min(1, message("emailRequired")).max(254, message("emailInvalid")).email(message("emailInvalid")));

/** E-mail addresses one per line (commas and semicolons also separate), without repeats. */
export function emailLines(value: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of value.split(/[\n,;]+/)) {
    const address = part.trim();
    if (address && !seen.has(address.toLowerCase())) {
      seen.add(address.toLowerCase());
      result.push(address);
    }
  }
  return result;
}

const moderatorList = z
  .string({ invalid_type_error: "moderatorsInvalid" })
  .optional()
  .default("")
  .transform((value) => emailLines(cleanText(value)))
  .pipe(
    z
      .array(z.string().max(254, message("moderatorsInvalid")).email(message("moderatorsInvalid")))
      .max(MODERATORS_MAX, message("moderatorsTooMany")),
  );

/** Name, description and visibility: the part of a forum that can be edited after it was made. */
export const forumSettingsSchema = z.object({
  name: forumName,
  description: forumDescription,
  visibility: forumVisibility,
});

/**
 * A new forum. An empty slug takes the suggestion from the name (the form fills it in when
 * JavaScript runs; without JavaScript the server does).
 */
export const newForumSchema = z.preprocess(
  (input) => {
    if (!input || typeof input !== "object") return input;
    const values = input as Record<string, unknown>;
    const slug = typeof values.slug === "string" ? values.slug.trim() : "";
    if (slug === "" && typeof values.name === "string") return { ...values, slug: suggestSlug(values.name) };
    return values;
  },
  z.object({
    name: forumName,
    slug: forumSlug,
    description: forumDescription,
    visibility: forumVisibility,
    moderators: moderatorList,
  }),
);

export const emailSchema = z.object({ email });

/** "Dölj inlägget" in the moderation queue: the reason is shown to moderators and kept as the note. */
export const hideReportedPostSchema = z.object({
  reason: text("reasonRequired")
    .transform((value) => cleanText(value).trim())
    .pipe(
      z
        .string()
        .min(1, message("reasonRequired"))
        .min(HIDE_REASON_MIN, message("reasonTooShort"))
        .max(HIDE_REASON_MAX, message("reasonTooLong")),
    ),
});

/** "Avfärda": an optional note. */
export const dismissReportSchema = z.object({
  note: text("noteTooLong")
    .transform((value) => cleanText(value).trim())
    .pipe(z.string().max(NOTE_MAX, message("noteTooLong")))
    .optional()
    .default(""),
});

export type NewForumInput = z.infer<typeof newForumSchema>;
export type ForumSettingsInput = z.infer<typeof forumSettingsSchema>;
