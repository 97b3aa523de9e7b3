/**
 * The rules for what people write in the forums (a new thread, a reply, an edit, a report, a
 * moderator's reason), shared by the forms and the actions. Messages are keys of `forums.errors`
 * in the translation files. The limits match the database's check constraints, so a form that
 * passes here is never refused by Postgres for its length.
 */
import { z } from "zod";
import { cleanMultiline } from "./form";

export type ForumErrorKey =
  | "titleRequired"
  | "titleTooShort"
  | "titleTooLong"
  | "bodyRequired"
  | "bodyTooLong"
  | "reasonRequired"
  | "reasonTooShort"
  | "reasonTooLong"
  | "forumRequired"
  | "threadLocked"
  | "notAllowed"
  | "rateLimited";

export const THREAD_TITLE_MIN = 3;
export const THREAD_TITLE_MAX = 200;
export const POST_BODY_MAX = 20_000;
export const REPORT_REASON_MIN = 3;
export const REPORT_REASON_MAX = 1000;
export const HIDE_REASON_MAX = 500;
/** Posts per page of a thread, threads per page of a forum. */
export const POSTS_PER_PAGE = 20;
export const THREADS_PER_PAGE = 25;

const message = (key: ForumErrorKey) => ({ message: key });

// Control characters never belong in text people write (the one rule for every form: form.ts).
const cleanText = cleanMultiline;

export const threadTitle = z
  .string({ required_error: "titleRequired", invalid_type_error: "titleRequired" })
  .transform((value) => cleanText(value).replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, message("titleRequired"))
      .min(THREAD_TITLE_MIN, message("titleTooShort"))
      .max(THREAD_TITLE_MAX, message("titleTooLong")),
  );

export const postBody = z
  .string({ required_error: "bodyRequired", invalid_type_error: "bodyRequired" })
  .transform((value) => cleanText(value).trim())
  .pipe(z.string().min(1, message("bodyRequired")).max(POST_BODY_MAX, message("bodyTooLong")));

const reason = (max: number, required: boolean) =>
  z
    .string({ required_error: "reasonRequired", invalid_type_error: "reasonRequired" })
    .transform((value) => cleanText(value).trim())
    .pipe(
      required
        ? z.string().min(1, message("reasonRequired")).min(REPORT_REASON_MIN, message("reasonTooShort")).max(max, message("reasonTooLong"))
        : z.string().max(max, message("reasonTooLong")),
    );

export const newThreadSchema = z.object({ title: threadTitle, body: postBody });
export const postBodySchema = z.object({ body: postBody });
export const reportPostSchema = z.object({ reason: reason(REPORT_REASON_MAX, true) });
/** A moderator hides with a reason (shown to moderators); required so the log says why. */
export const hidePostSchema = z.object({ reason: reason(HIDE_REASON_MAX, true) });
