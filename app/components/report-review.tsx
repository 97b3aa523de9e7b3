/**
 * The coordinator's review of a submitted report on /reports/:id: a comment and two buttons,
 * "Skicka tillbaka" (the comment is required) and "Godkänn". A plain POST form.
 */
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { describedBy, FieldFrame } from "~/components/field";
import { reportField, type ReviewErrorKey } from "~/lib/schemas/report";
import { useTranslation } from "~/lib/use-translation";

export function ReportReview({ comment, errors, trigger }: { comment: string; errors: Partial<Record<string, ReviewErrorKey>>; trigger?: unknown }) {
  const { t } = useTranslation();
  const words = t.reports.review;
  const busy = useNavigation().state === "submitting";
  const id = `field-${reportField.reviewComment}`;
  const error = errors[reportField.reviewComment] ?? errors.intent;
  const message = error ? t.reports.errors[error] : undefined;
  // After a refused review (with JavaScript) the focus goes to the comment and its message.
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (trigger) field.current?.focus();
  }, [trigger]);
  return (
    <section aria-labelledby="report-review-heading" className="report-review">
      <h2 id="report-review-heading">{words.heading}</h2>
      <p>{words.intro}</p>
      <Form method="post" className="form form--wide" noValidate>
        <FieldFrame id={id} label={words.comment} hint={words.commentHint} error={message}>
          <textarea
            ref={field}
            id={id}
            name={reportField.reviewComment}
            rows={5}
            maxLength={5000}
            defaultValue={comment}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy(id, words.commentHint, message)}
            autoFocus={Boolean(message)}
          />
        </FieldFrame>
        <div className="form-actions">
          <button type="submit" name="intent" value="return" className="button button--plain" disabled={busy}>
            {words.return}
          </button>
          <button type="submit" name="intent" value="accept" className="button" disabled={busy}>
            {words.accept}
          </button>
        </div>
      </Form>
    </section>
  );
}
