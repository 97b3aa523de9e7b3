/**
 * The report form of /reports/:id for the organisation's members: the summary, an answer per
 * question of the period, a value and a comment per indicator (last period's value, target,
 * baseline and allowed values beside it), the initiatives it covers, and the revision it was loaded
 * at (hidden). "Spara utkast" for every member, "Skicka in" for admins, with the check list of what
 * is missing before it. A plain POST form (works without JavaScript): errors next to each field and
 * listed at the top with links; after a conflict the saved value stands beside each changed field.
 */
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { ReportAlert } from "~/components/report-alert";
import { MissingList, ReportChecklist } from "~/components/report-checklist";
import { figureWithUnit, rangeMessage, rangeText } from "~/components/report-document";
import { actorName, changedLabel } from "~/components/report-history";
import { describedBy, FieldFrame, FieldMessages } from "~/components/field";
import { formatDateTime } from "~/lib/format";
import { format, type Messages } from "~/lib/i18n";
import type { Conflict, ConflictChange, InitiativeOption, LastPeriod, ReportIndicator, ReportQuestion } from "~/lib/reports.server";
import { fieldId, reportField, type MissingItem, type ReportErrorKey, type ReportFieldErrors, type ReportFormState } from "~/lib/schemas/report";
import { useTranslation } from "~/lib/use-translation";

export interface ReportEditorProps {
  questions: ReportQuestion[];
  /** The period's indicators (those with `inPeriod`); others are not edited here. */
  indicators: ReportIndicator[];
  lastPeriod: LastPeriod | null;
  initiatives: InitiativeOption[];
  values: ReportFormState;
  errors: ReportFieldErrors;
  canSubmit: boolean;
  /** What the stored report lacks (the check list before submitting). */
  missing: MissingItem[];
  /** A refused submit: what is missing (nothing was saved). */
  incomplete: MissingItem[] | null;
  conflict: Conflict | null;
  /** A failure that is not about one field, already in words. */
  failure: string | null;
  /** The action's answer: a new one moves the focus to its message. */
  trigger?: unknown;
}

export function ReportEditor(props: ReportEditorProps) {
  const { questions, lastPeriod, initiatives, values, errors, canSubmit, missing, incomplete, conflict, failure, trigger } = props;
  const indicators = props.indicators.filter((indicator) => indicator.inPeriod);
  const { t, locale } = useTranslation();
  const words = t.reports.form;
  const busy = useNavigation().state === "submitting";

  // Field order on the page: the first invalid one gets the focus, the summary lists them in order.
  const order = [
    reportField.summary,
    ...questions.map((question) => reportField.answer(question.id)),
    ...indicators.flatMap((indicator) => [reportField.value(indicator.id), reportField.comment(indicator.id)]),
    reportField.initiatives,
    reportField.revision,
  ];
  const indicatorOf = new Map(indicators.flatMap((indicator) => [[reportField.value(indicator.id), indicator] as const]));
  const message = (field: string): string | undefined => {
    const key: ReportErrorKey | undefined = errors[field];
    if (!key) return undefined;
    const indicator = indicatorOf.get(field);
    if (key === "valueOutOfRange" && indicator) return rangeMessage(t, indicator, locale);
    return t.reports.errors[key];
  };
  // A bad revision is no field of the person's: it is said at the top, without a link.
  const invalid = order.filter((field) => errors[field] && field !== reportField.revision);
  const first = invalid[0];
  const problem = errors[reportField.revision] ? t.reports.errors.revisionInvalid : failure;
  const changes = new Map((conflict?.changes ?? []).map((change) => [change.field, change]));
  const savedBy = conflict ? names(t, conflict.names) : "";
  const control = (field: string, hint?: string) => {
    const id = fieldId(field);
    const change = changes.get(field);
    return {
      id,
      name: field,
      "aria-invalid": errors[field] ? true : undefined,
      "aria-describedby": [describedBy(id, hint, message(field)), change ? `${id}-saved` : null].filter(Boolean).join(" ") || undefined,
      autoFocus: first === field,
    };
  };
  const saved = (field: string) => {
    const change = changes.get(field);
    return change ? <SavedValue id={`${fieldId(field)}-saved`} change={change} savedBy={savedBy} unit={indicatorOf.get(field)?.unit ?? ""} /> : null;
  };

  return (
    <Form method="post" className="form report-form" noValidate>
      <input type="hidden" name={reportField.revision} value={values.revision} />

      {conflict ? (
        <ReportAlert trigger={trigger} className="report-conflict">
          <p>
            <strong>{t.reports.conflict.heading}</strong>
          </p>
          <p>{format(t.reports.conflict.by, { names: savedBy, at: formatDateTime(conflict.at, locale) })}</p>
          {conflict.changes.length > 0 ? (
            <p>
              {t.reports.conflict.changed}{" "}
              {conflict.changes.map((change, index) => (
                <span key={change.field}>
                  {index > 0 ? ", " : null}
                  <a href={`#${fieldId(change.field)}`}>{changedLabel(t, change.item)}</a>
                </span>
              ))}
              .
            </p>
          ) : null}
          <p>{t.reports.conflict.explain}</p>
        </ReportAlert>
      ) : null}

      {incomplete ? (
        <ReportAlert trigger={trigger}>
          <p>{t.reports.failures.incomplete}</p>
          <MissingList items={incomplete} />
        </ReportAlert>
      ) : problem || invalid.length > 0 ? (
        <ReportAlert trigger={trigger}>
          {problem ? <p>{problem}</p> : null}
          {invalid.length > 0 ? (
            <>
              <p>{words.errorSummary}</p>
              <ul>
                {invalid.map((field) => (
                  <li key={field}>
                    <a href={`#${fieldId(field)}`}>{message(field)}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </ReportAlert>
      ) : null}

      <fieldset className="report-form__section">
        <legend>{words.summarySection}</legend>
        <FieldFrame id={fieldId(reportField.summary)} label={words.summary} labelSuffix={t.reports.common.requiredToSubmit} hint={words.summaryHint} error={message(reportField.summary)}>
          <textarea {...control(reportField.summary, words.summaryHint)} rows={5} defaultValue={values.summary} />
        </FieldFrame>
        {saved(reportField.summary)}
      </fieldset>

      {questions.length > 0 ? (
        <fieldset className="report-form__section">
          <legend>{words.questionsSection}</legend>
          {questions.map((question) => {
            const field = reportField.answer(question.id);
            return (
              <div key={question.id}>
                <FieldFrame
                  id={fieldId(field)}
                  label={question.question}
                  labelSuffix={question.required ? t.reports.common.requiredToSubmit : t.reports.common.optional}
                  hint={question.help ?? undefined}
                  error={message(field)}
                >
                  <textarea {...control(field, question.help ?? undefined)} rows={6} defaultValue={values.answers[question.id] ?? ""} />
                </FieldFrame>
                {saved(field)}
              </div>
            );
          })}
        </fieldset>
      ) : null}

      {indicators.length > 0 ? (
        <fieldset className="report-form__section">
          <legend>{words.indicatorsSection}</legend>
          <p className="field-hint">{words.indicatorsIntro}</p>
          {indicators.map((indicator) => {
            const valueField = reportField.value(indicator.id);
            const commentField = reportField.comment(indicator.id);
            const last = lastPeriod?.values[indicator.id];
            const allowed = rangeText(t, indicator, locale);
            const factsId = `indicator-${indicator.id}-facts`;
            return (
              <fieldset key={indicator.id} className="report-indicator" aria-describedby={factsId}>
                <legend>
                  {indicator.code} {indicator.name}
                </legend>
                <dl id={factsId} className="report-indicator__facts">
                  <div>
                    <dt>{lastPeriod ? format(words.lastPeriod, { period: lastPeriod.name }) : words.noLastPeriod}</dt>
                    <dd>{lastPeriod ? figureWithUnit(last, indicator.unit, locale) || words.none : words.none}</dd>
                  </div>
                  <div>
                    <dt>{words.target}</dt>
                    <dd>{figureWithUnit(indicator.target, indicator.unit, locale) || words.none}</dd>
                  </div>
                  <div>
                    <dt>{indicator.baselineYear ? format(words.baselineYear, { year: indicator.baselineYear }) : words.baseline}</dt>
                    <dd>{figureWithUnit(indicator.baseline, indicator.unit, locale) || words.none}</dd>
                  </div>
                  {allowed ? (
                    <div>
                      <dt>{words.range}</dt>
                      <dd>{allowed}</dd>
                    </div>
                  ) : null}
                </dl>
                {indicator.description ? <p className="field-hint">{indicator.description}</p> : null}
                <FieldFrame id={fieldId(valueField)} label={format(words.value, { code: indicator.code, unit: indicator.unit })} hint={words.valueHint} error={message(valueField)}>
                  <input {...control(valueField, words.valueHint)} type="text" inputMode="decimal" autoComplete="off" defaultValue={values.values[indicator.id] ?? ""} />
                </FieldFrame>
                {saved(valueField)}
                <FieldFrame
                  id={fieldId(commentField)}
                  label={format(words.comment, { code: indicator.code })}
                  labelSuffix={t.reports.common.optional}
                  hint={words.commentHint}
                  error={message(commentField)}
                >
                  <textarea {...control(commentField, words.commentHint)} rows={2} defaultValue={values.comments[indicator.id] ?? ""} />
                </FieldFrame>
              </fieldset>
            );
          })}
        </fieldset>
      ) : null}

      <InitiativeChoice
        options={initiatives}
        chosen={values.initiatives}
        error={message(reportField.initiatives)}
        autoFocus={first === reportField.initiatives}
        saved={saved(reportField.initiatives)}
        hasSaved={changes.has(reportField.initiatives)}
      />

      <ReportChecklist items={missing} />

      <p className="field-hint" id="report-buttons-hint">
        {canSubmit ? words.buttonsHint : words.buttonsHintMember}
      </p>
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className={canSubmit ? "button button--plain" : "button"} disabled={busy} aria-describedby="report-buttons-hint">
          {words.save}
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit" className="button" disabled={busy} aria-describedby="report-buttons-hint">
            {words.submit}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

/** "Maria Johansson", "Maria Johansson och Johan Ek". */
function names(t: Messages, list: (string | null)[]): string {
  const all = list.map((name) => actorName(t, name));
  if (all.length <= 1) return all[0] ?? actorName(t, null);
  return `${all.slice(0, -1).join(", ")}${t.reports.conflict.and}${all[all.length - 1]}`;
}

/** The saved value beside a field the other person changed. */
function SavedValue({ id, change, savedBy, unit }: { id: string; change: ConflictChange; savedBy: string; unit: string }) {
  const { t, locale } = useTranslation();
  const words = t.reports.form;
  let body: ReactNode;
  if (change.saved.titles) {
    body = change.saved.titles.length > 0 ? <ul>{change.saved.titles.map((title) => <li key={title}>{title}</li>)}</ul> : <p>{words.savedValueEmpty}</p>;
  } else if (change.item.kind === "indicator") {
    const value = change.saved.value;
    const parts = [value !== null && value !== undefined ? figureWithUnit(value, unit, locale).trim() : null, change.saved.comment].filter(Boolean);
    body = <p>{parts.length > 0 ? parts.join(" – ") : words.savedValueEmpty}</p>;
  } else {
    body = <p className="report-saved__text">{change.saved.text || words.savedValueEmpty}</p>;
  }
  return (
    <div id={id} className="report-saved">
      <p className="report-saved__label">{format(words.savedValue, { name: savedBy })}</p>
      {body}
    </div>
  );
}

function InitiativeChoice({
  options,
  chosen,
  error,
  autoFocus,
  saved,
  hasSaved,
}: {
  options: InitiativeOption[];
  chosen: string[];
  error: string | undefined;
  autoFocus: boolean;
  saved: ReactNode;
  hasSaved: boolean;
}) {
  const { t } = useTranslation();
  const words = t.reports.form;
  const id = fieldId(reportField.initiatives);
  const hint = options.length > 0 ? words.initiativesHint : undefined;
  return (
    <fieldset className="report-form__section checkbox-group" aria-describedby={[describedBy(id, hint, error), hasSaved ? `${id}-saved` : null].filter(Boolean).join(" ") || undefined}>
      <legend>{words.initiativesSection}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {options.length === 0 ? (
        <p className="empty">{words.noInitiatives}</p>
      ) : (
        <ul className="report-initiatives-choice">
          {options.map((option, index) => (
            <li key={option.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  name={reportField.initiatives}
                  value={option.id}
                  id={index === 0 ? id : undefined}
                  defaultChecked={chosen.includes(option.id)}
                  aria-invalid={error ? true : undefined}
                  autoFocus={autoFocus && index === 0}
                />{" "}
                {option.title}
                {option.partner ? <span className="field-optional"> ({words.initiativePartner})</span> : null}
              </label>
            </li>
          ))}
        </ul>
      )}
      {saved}
    </fieldset>
  );
}
