/**
 * An initiative's progress: the timeline of its updates (newest first) and, for editors, the form
 * adding one and a confirmed removal per update. Plain POST forms with a hidden `intent`.
 */
import { Form, useNavigation } from "@remix-run/react";
import { describedBy, FieldFrame, FieldMessages } from "~/components/field";
import { formatDate } from "~/lib/format";
import { format } from "~/lib/i18n";
import { PUBLISHED_STATUSES, type InitiativeStatus } from "~/lib/initiative-vocabulary";
import { UPDATE_FIELDS, type UpdateField, type UpdateFieldErrors } from "~/lib/schemas/initiative";
import { useTranslation } from "~/lib/use-translation";
import { SubmissionKeyField } from "./submission-key";

export interface TimelineEntry {
  id: string;
  reportedOn: string;
  body: string;
  participantsReached: number | null;
  newStatus: InitiativeStatus | null;
  authorName: string | null;
}

/** Text with its line breaks: paragraphs at blank lines, single breaks kept (escaped by React). */
export function PlainText({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((part) => part.trim() !== "");
  return (
    <div className={className ? `plain-text ${className}` : "plain-text"}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

export function InitiativeTimeline({
  entries,
  canEdit,
  deleteProblem,
}: {
  entries: TimelineEntry[];
  canEdit: boolean;
  /** The update whose removal was not confirmed. */
  deleteProblem: string | null;
}) {
  const { t, locale } = useTranslation();
  const words = t.initiativeForms.timeline;
  const navigation = useNavigation();
  if (entries.length === 0) return <p className="empty">{words.empty}</p>;
  return (
    <ol className="initiative-timeline" aria-label={words.caption}>
      {entries.map((entry) => {
        const date = formatDate(entry.reportedOn, locale);
        const confirmId = `confirm-delete-${entry.id}`;
        const problem = deleteProblem === entry.id ? words.deleteNotConfirmed : undefined;
        return (
          <li key={entry.id} className="initiative-timeline__entry" id={`update-${entry.id}`}>
            <h3 className="initiative-timeline__date">
              <time dateTime={entry.reportedOn}>{date}</time>
            </h3>
            <PlainText text={entry.body} />
            {entry.participantsReached !== null || entry.newStatus || entry.authorName ? (
              <ul className="initiative-timeline__facts">
                {entry.participantsReached !== null ? <li>{format(words.participantsSoFar, { count: entry.participantsReached })}</li> : null}
                {entry.newStatus ? <li>{format(words.newStatus, { status: t.initiatives.status[entry.newStatus] })}</li> : null}
                {entry.authorName ? <li>{format(words.by, { name: entry.authorName })}</li> : null}
              </ul>
            ) : null}
            {canEdit ? (
              <Form method="post" className="initiative-timeline__delete">
                <input type="hidden" name="intent" value="delete-update" />
                <input type="hidden" name="updateId" value={entry.id} />
                <FieldMessages id={confirmId} hint={words.deleteHint} error={problem} />
                <label className="checkbox" htmlFor={confirmId}>
                  <input
                    type="checkbox"
                    id={confirmId}
                    name="confirm"
                    value="yes"
                    aria-describedby={describedBy(confirmId, words.deleteHint, problem)}
                    aria-invalid={problem ? true : undefined}
                    autoFocus={Boolean(problem)}
                  />{" "}
                  {format(words.deleteConfirm, { date })}
                </label>
                <button type="submit" className="button button--danger button--small" disabled={navigation.state === "submitting"}>
                  {words.delete}
                </button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The editors' form adding a progress update. */
export function ProgressUpdateForm({
  errors,
  values,
  today,
  submissionKey,
}: {
  errors: UpdateFieldErrors;
  values: Partial<Record<UpdateField, string>>;
  today: string;
  /** Makes a repeated submission add one update. */
  submissionKey: string;
}) {
  const { t } = useTranslation();
  const words = t.initiativeForms.timeline;
  const navigation = useNavigation();
  const first = UPDATE_FIELDS.find((field) => errors[field]);
  const message = (field: UpdateField) => (errors[field] ? t.initiativeForms.updateErrors[errors[field]] : undefined);
  const control = (field: UpdateField, hint?: string) => ({
    id: `update-${field}`,
    name: field,
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": describedBy(`update-${field}`, hint, message(field)),
    autoFocus: first === field,
  });
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="add-update" />
      <SubmissionKeyField value={submissionKey} />
      <FieldFrame id="update-reportedOn" label={words.reportedOn} hint={words.reportedOnHint} error={message("reportedOn")}>
        <input {...control("reportedOn", words.reportedOnHint)} type="date" max={today} defaultValue={values.reportedOn ?? today} />
      </FieldFrame>
      <FieldFrame id="update-body" label={words.body} hint={words.bodyHint} error={message("body")}>
        <textarea {...control("body", words.bodyHint)} rows={4} maxLength={2000} aria-required defaultValue={values.body} />
      </FieldFrame>
      <FieldFrame
        id="update-participantsReached"
        label={words.participantsReached}
        labelSuffix={t.initiativeForms.common.optional}
        hint={words.participantsReachedHint}
        error={message("participantsReached")}
      >
        <input {...control("participantsReached", words.participantsReachedHint)} type="text" inputMode="numeric" defaultValue={values.participantsReached} />
      </FieldFrame>
      <FieldFrame id="update-newStatus" label={words.newStatusLabel} labelSuffix={t.initiativeForms.common.optional} error={message("newStatus")}>
        <select {...control("newStatus")} defaultValue={values.newStatus ?? ""}>
          <option value="">{words.keepStatus}</option>
          {PUBLISHED_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t.initiatives.status[status]}
            </option>
          ))}
        </select>
      </FieldFrame>
      <div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {words.add}
        </button>
      </div>
    </Form>
  );
}
