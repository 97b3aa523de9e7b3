import { SUBMISSION_KEY_FIELD } from "~/lib/submission-key";

/** The hidden key that makes a form's submission idempotent (app/lib/submission-key.ts). */
export function SubmissionKeyField({ value }: { value: string }) {
  return <input type="hidden" name={SUBMISSION_KEY_FIELD} value={value} />;
}
