/**
 * The coordinators' reporting-period form (/admin/periods/new and /admin/periods/:id): the period's
 * dates, the organisations that must report, the indicators and the template's questions. A plain
 * POST form that works without JavaScript: the saved questions are numbered rows (each can be
 * reworded, reordered or removed) followed by blank rows for new ones; with JavaScript a button adds
 * more blank rows. Each error is next to its field (a question's at its row) and listed at the top.
 */
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { describedBy, FieldFrame, FieldMessages } from "~/components/field";
import { format } from "~/lib/i18n";
import {
  errorOrder,
  HELP_MAX,
  PERIOD_STATUSES,
  QUESTION_MAX,
  rowField,
  type PeriodErrorKey,
  type PeriodFieldErrors,
  type PeriodFormState,
  type QuestionRow,
} from "~/lib/schemas/reporting-period";
import { useTranslation } from "~/lib/use-translation";

/** Rows the form can carry at most (the action reads no more). */
const MAX_FORM_ROWS = 50;

export interface PeriodFormProps {
  values: PeriodFormState;
  errors: PeriodFieldErrors;
  organisations: { id: string; name: string; reportsToBoard: boolean; archived: boolean }[];
  indicators: { id: string; code: string; name: string; unit: string; active: boolean }[];
  submitLabel: string;
}

export function PeriodForm({ values, errors, organisations, indicators, submitLabel }: PeriodFormProps) {
  const { t } = useTranslation();
  const words = t.reportAdmin.periodForm;
  const busy = useNavigation().state === "submitting";
  const [hydrated, setHydrated] = useState(false);
  const [added, setAdded] = useState(0);
  useEffect(() => setHydrated(true), []);

  const rows: QuestionRow[] = [
    ...values.questions,
    ...Array.from({ length: added }, (_, index) => ({
      id: "",
      position: String(values.questions.length + index + 1),
      question: "",
      help: "",
      required: true,
      remove: false,
    })),
  ];
  const order = errorOrder(errors, rows.length);
  const first = order[0];
  // With JavaScript the page is not reloaded after an error: move focus to the first field to correct.
  useEffect(() => {
    if (first) document.getElementById(`field-${first}`)?.focus();
  }, [errors, first]);
  const message = (key: string) => {
    const error = errors[key] as PeriodErrorKey | undefined;
    return error ? t.reportAdmin.periodErrors[error] : undefined;
  };
  const control = (key: string, hint?: string, required = false) => ({
    id: `field-${key}`,
    name: key,
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": describedBy(`field-${key}`, hint, message(key)),
    "aria-required": required ? true : undefined,
    autoFocus: first === key,
  });

  let saved = 0;
  let fresh = 0;

  return (
    <Form method="post" className="form initiative-form" noValidate>
      {order.length > 0 ? (
        <div id="form-errors" className="form-error" role="alert">
          <p>{t.reportAdmin.common.errorSummary}</p>
          <ul>
            {order.map((key) => (
              <li key={key}>
                <a href={`#field-${key}`}>{message(key)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <fieldset className="initiative-form__section">
        <legend>{words.sectionPeriod}</legend>
        <FieldFrame id="field-name" label={words.name} hint={words.nameHint} error={message("name")}>
          <input {...control("name", words.nameHint, true)} type="text" maxLength={100} autoComplete="off" defaultValue={values.name} />
        </FieldFrame>
        <FieldFrame id="field-startsOn" label={words.startsOn} error={message("startsOn")}>
          <input {...control("startsOn", undefined, true)} type="date" defaultValue={values.startsOn} />
        </FieldFrame>
        <FieldFrame id="field-endsOn" label={words.endsOn} error={message("endsOn")}>
          <input {...control("endsOn", undefined, true)} type="date" defaultValue={values.endsOn} />
        </FieldFrame>
        <FieldFrame id="field-dueOn" label={words.dueOn} hint={words.dueOnHint} error={message("dueOn")}>
          <input {...control("dueOn", words.dueOnHint, true)} type="date" defaultValue={values.dueOn} />
        </FieldFrame>
        <FieldFrame id="field-status" label={words.status} hint={words.statusHint} error={message("status")}>
          <select {...control("status", words.statusHint)} defaultValue={values.status || "open"}>
            {PERIOD_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status === "open" ? words.statusOpen : words.statusClosed}
              </option>
            ))}
          </select>
        </FieldFrame>
      </fieldset>

      <Checkboxes
        name="orgIds"
        label={words.organisations}
        hint={words.organisationsHint}
        error={message("orgIds")}
        autoFocus={first === "orgIds"}
        empty={words.noOrganisations}
        checked={values.orgIds}
        options={organisations.map((org) => ({
          value: org.id,
          label: org.name,
          markers: [org.reportsToBoard ? words.boardMarker : null, org.archived ? words.archived : null],
        }))}
      />

      <Checkboxes
        name="indicatorIds"
        label={words.indicators}
        hint={words.indicatorsHint}
        error={message("indicatorIds")}
        autoFocus={first === "indicatorIds"}
        empty={words.noIndicators}
        checked={values.indicatorIds}
        options={indicators.map((indicator) => ({
          value: indicator.id,
          label: `${indicator.code} ${indicator.name} (${indicator.unit})`,
          markers: [indicator.active ? null : words.inactive],
        }))}
      />

      <fieldset className="initiative-form__section" aria-describedby={describedBy("field-questions", words.questionsHint, message("questions"))}>
        <legend>{words.questions}</legend>
        <FieldMessages id="field-questions" hint={words.questionsHint} error={message("questions")} />
        {rows.map((row, index) => {
          const legend = row.id ? format(words.questionLegend, { number: ++saved }) : format(words.newQuestionLegend, { number: ++fresh });
          const question = rowField("question", index);
          const help = rowField("help", index);
          const position = rowField("position", index);
          const remove = rowField("remove", index);
          return (
            <fieldset key={`${row.id}-${index}`} className="field checkbox-group period-question">
              <legend>{legend}</legend>
              {row.id ? <input type="hidden" name={`questionId-${index}`} value={row.id} /> : null}
              <FieldFrame id={`field-${question}`} label={words.question} error={message(question)}>
                <input {...control(question)} type="text" maxLength={QUESTION_MAX} autoComplete="off" defaultValue={row.question} />
              </FieldFrame>
              <FieldFrame id={`field-${help}`} label={words.help} labelSuffix={t.reportAdmin.common.optional} hint={words.helpHint} error={message(help)}>
                <textarea {...control(help, words.helpHint)} rows={2} maxLength={HELP_MAX} defaultValue={row.help} />
              </FieldFrame>
              <FieldFrame id={`field-${position}`} label={words.position} hint={words.positionHint} error={message(position)}>
                <input {...control(position, words.positionHint)} type="text" inputMode="numeric" size={4} maxLength={3} autoComplete="off" defaultValue={row.position} />
              </FieldFrame>
              <div className="field">
                <label className="checkbox" htmlFor={`field-required-${index}`}>
                  <input id={`field-required-${index}`} type="checkbox" name={`required-${index}`} defaultChecked={row.required} /> {words.required}
                </label>
              </div>
              {row.id ? (
                <div className="field">
                  <FieldMessages id={`field-${remove}`} error={message(remove)} />
                  <label className="checkbox" htmlFor={`field-${remove}`}>
                    <input
                      {...control(remove)}
                      type="checkbox"
                      defaultChecked={row.remove}
                    />{" "}
                    {words.remove}
                  </label>
                </div>
              ) : null}
            </fieldset>
          );
        })}
        {hydrated && rows.length < MAX_FORM_ROWS ? (
          <p>
            <button type="button" className="button button--secondary" onClick={() => setAdded((count) => count + 1)}>
              {words.addQuestion}
            </button>
          </p>
        ) : null}
      </fieldset>

      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

interface CheckboxesProps {
  name: "orgIds" | "indicatorIds";
  label: string;
  hint: string;
  error?: string | undefined;
  autoFocus: boolean;
  empty: string;
  options: { value: string; label: string; markers: (string | null)[] }[];
  checked: readonly string[];
}

/** A fieldset of checkboxes; the first box carries the field's id (the error summary links to it). */
function Checkboxes({ name, label, hint, error, autoFocus, empty, options, checked }: CheckboxesProps) {
  const id = `field-${name}`;
  return (
    <fieldset className="initiative-form__section checkbox-group" aria-describedby={describedBy(id, hint, error)}>
      <legend>{label}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {options.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="plain-list">
          {options.map((option, index) => {
            const markers = option.markers.filter(Boolean);
            return (
              <li key={option.value}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name={name}
                    value={option.value}
                    id={index === 0 ? id : undefined}
                    defaultChecked={checked.includes(option.value)}
                    aria-invalid={error ? true : undefined}
                    autoFocus={autoFocus && index === 0}
                  />{" "}
                  <span>
                    {option.label}
                    {markers.length > 0 ? <span className="muted"> – {markers.join(", ")}</span> : null}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
