/**
 * Idempotent submissions: a form that creates something carries a key made when the page was
 * rendered (a random uuid from the loader). The key becomes the new row's id, so a double click, a
 * retried POST after a timeout or the browser's "resend" finds the row the first request made and
 * answers with it instead of creating another (see migration idempotent_submissions).
 */
import { isUuid } from "./schemas/form";

export const SUBMISSION_KEY_FIELD = "submissionKey";

/** A fresh key for a form about to be rendered. */
export function newSubmissionKey(): string {
  return crypto.randomUUID();
}

/** The submitted key, or null when the request has none (an API client, an old page) or it is not a uuid. */
export function submissionKeyOf(values: Record<string, string> | FormData): string | null {
  const raw = values instanceof FormData ? values.get(SUBMISSION_KEY_FIELD) : values[SUBMISSION_KEY_FIELD];
  return isUuid(raw) ? raw.toLowerCase() : null;
}
