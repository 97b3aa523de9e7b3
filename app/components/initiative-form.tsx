/**
 * The register form of an initiative, for /initiatives/new and /initiatives/:id/edit. A plain POST
 * form (works without JavaScript): checkboxes for the vocabularies and the partners, each error next
 * to its field and listed at the top with links, the first invalid field focused.
 */
import { Form, useNavigation } from "@remix-run/react";
import { describedBy, FieldFrame, FieldMessages } from "~/components/field";
import { format } from "~/lib/i18n";
import { DISTRICTS, FOCUS_AREAS, INITIATIVE_STATUSES, PUBLISHED_STATUSES, TARGET_GROUPS } from "~/lib/initiative-vocabulary";
import { SubmissionKeyField } from "./submission-key";
import { INITIATIVE_FIELDS, type InitiativeField, type InitiativeFieldErrors, type InitiativeFormState } from "~/lib/schemas/initiative";
import { useTranslation } from "~/lib/use-translation";

export interface InitiativeFormProps {
  values: InitiativeFormState;
  errors: InitiativeFieldErrors;
  owners: { id: string; name: string }[];
  partnerOptions: { id: string; name: string }[];
  /** An initiative that is already published: one "Spara ändringar" button, no draft status. */
  published: boolean;
  /** A failure that is not about one field, already in words. */
  failure?: string | null;
  /** For a new initiative: the key that makes a repeated submission create one initiative. */
  submissionKey?: string;
}

export function InitiativeForm({ values, errors, owners, partnerOptions, published, failure, submissionKey }: InitiativeFormProps) {
  const { t } = useTranslation();
  const words = t.initiativeForms;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const first = INITIATIVE_FIELDS.find((field) => errors[field]);
  const message = (field: InitiativeField) => (errors[field] ? words.errors[errors[field]] : undefined);
  const control = (field: InitiativeField, hint?: string) => ({
    id: `field-${field}`,
    name: field,
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": describedBy(`field-${field}`, hint, message(field)),
    autoFocus: first === field,
  });
  const statuses = published ? PUBLISHED_STATUSES : INITIATIVE_STATUSES;
  const invalid = INITIATIVE_FIELDS.filter((field) => errors[field]);

  return (
    <Form method="post" className="form initiative-form" noValidate>
      {submissionKey ? <SubmissionKeyField value={submissionKey} /> : null}
      {invalid.length > 0 || failure ? (
        <div className="form-error" role="alert">
          {failure ? <p>{failure}</p> : null}
          {invalid.length > 0 ? (
            <>
              <p>{words.form.errorSummary}</p>
              <ul>
                {invalid.map((field) => (
                  <li key={field}>
                    <a href={`#field-${field}`}>{message(field)}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      <fieldset className="initiative-form__section">
        <legend>{words.form.sectionBasics}</legend>
        <FieldFrame id="field-orgId" label={words.form.organisation} hint={words.form.organisationHint} error={message("orgId")}>
          <select {...control("orgId", words.form.organisationHint)} defaultValue={values.orgId} aria-required>
            {owners.length !== 1 ? <option value="">{words.form.organisationChoose}</option> : null}
            {owners.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </FieldFrame>
        <FieldFrame id="field-title" label={words.form.title} hint={words.form.titleHint} error={message("title")}>
          <input {...control("title", words.form.titleHint)} type="text" maxLength={200} aria-required defaultValue={values.title} />
        </FieldFrame>
        <FieldFrame id="field-summary" label={words.form.summary} labelSuffix={words.common.requiredToPublish} hint={words.form.summaryHint} error={message("summary")}>
          <textarea {...control("summary", words.form.summaryHint)} rows={3} maxLength={500} defaultValue={values.summary} />
        </FieldFrame>
        <FieldFrame
          id="field-description"
          label={words.form.description}
          labelSuffix={words.common.optional}
          hint={words.form.descriptionHint}
          error={message("description")}
        >
          <textarea {...control("description", words.form.descriptionHint)} rows={10} defaultValue={values.description} />
        </FieldFrame>
        <FieldFrame id="field-status" label={words.form.status} hint={published ? undefined : words.form.statusHint} error={message("status")}>
          <select {...control("status", published ? undefined : words.form.statusHint)} defaultValue={values.status || (published ? "ongoing" : "draft")}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t.initiatives.status[status]}
              </option>
            ))}
          </select>
        </FieldFrame>
        <FieldFrame id="field-startsOn" label={words.form.startsOn} labelSuffix={words.common.requiredToPublish} error={message("startsOn")}>
          <input {...control("startsOn")} type="date" defaultValue={values.startsOn} />
        </FieldFrame>
        <FieldFrame id="field-endsOn" label={words.form.endsOn} labelSuffix={words.common.optional} hint={words.form.endsOnHint} error={message("endsOn")}>
          <input {...control("endsOn", words.form.endsOnHint)} type="date" defaultValue={values.endsOn} />
        </FieldFrame>
      </fieldset>

      <fieldset className="initiative-form__section">
        <legend>{words.form.sectionWhere}</legend>
        <Checkboxes
          name="districts"
          label={words.form.districts}
          suffix={words.common.requiredToPublish}
          hint={words.form.districtsHint}
          error={message("districts")}
          autoFocus={first === "districts"}
          options={DISTRICTS.map((d) => ({ value: d, label: d }))}
          checked={values.districts}
        />
        <Checkboxes
          name="targetGroups"
          label={words.form.targetGroups}
          suffix={words.common.requiredToPublish}
          error={message("targetGroups")}
          autoFocus={first === "targetGroups"}
          options={TARGET_GROUPS.map((value) => ({ value, label: t.initiatives.targetGroups[value] }))}
          checked={values.targetGroups}
        />
        <Checkboxes
          name="focusAreas"
          label={words.form.focusAreas}
          suffix={words.common.requiredToPublish}
          error={message("focusAreas")}
          autoFocus={first === "focusAreas"}
          options={FOCUS_AREAS.map((value) => ({ value, label: t.initiatives.focusAreas[value] }))}
          checked={values.focusAreas}
        />
      </fieldset>

      <fieldset className="initiative-form__section">
        <legend>{words.form.sectionMoney}</legend>
        <FieldFrame
          id="field-participantsExpected"
          label={words.form.participantsExpected}
          labelSuffix={words.common.optional}
          hint={words.form.participantsHint}
          error={message("participantsExpected")}
        >
          <input {...control("participantsExpected", words.form.participantsHint)} type="text" inputMode="numeric" defaultValue={values.participantsExpected} />
        </FieldFrame>
        <FieldFrame id="field-budget" label={words.form.budget} labelSuffix={words.common.optional} hint={words.form.budgetHint} error={message("budget")}>
          <input {...control("budget", words.form.budgetHint)} type="text" inputMode="decimal" defaultValue={values.budget} />
        </FieldFrame>
        <FieldFrame
          id="field-fundingSource"
          label={words.form.fundingSource}
          labelSuffix={words.common.optional}
          hint={words.form.fundingSourceHint}
          error={message("fundingSource")}
        >
          <input {...control("fundingSource", words.form.fundingSourceHint)} type="text" maxLength={200} defaultValue={values.fundingSource} />
        </FieldFrame>
      </fieldset>

      <fieldset className="initiative-form__section">
        <legend>{words.form.sectionContact}</legend>
        <FieldFrame id="field-contactName" label={words.form.contactName} labelSuffix={words.common.optional} error={message("contactName")}>
          <input {...control("contactName")} type="text" autoComplete="name" maxLength={200} defaultValue={values.contactName} />
        </FieldFrame>
        <FieldFrame id="field-contactEmail" label={words.form.contactEmail} hint={words.form.contactEmailHint} error={message("contactEmail")}>
          <input {...control("contactEmail", words.form.contactEmailHint)} type="email" autoComplete="email" spellCheck={false} defaultValue={values.contactEmail} />
        </FieldFrame>
        <FieldFrame id="field-contactPhone" label={words.form.contactPhone} labelSuffix={words.common.optional} error={message("contactPhone")}>
          <input {...control("contactPhone")} type="tel" autoComplete="tel" maxLength={40} defaultValue={values.contactPhone} />
        </FieldFrame>
      </fieldset>

      <PartnerChoice options={partnerOptions} chosen={values.partners} error={message("partners")} autoFocus={first === "partners"} />

      <fieldset className="initiative-form__section">
        <legend>{words.form.sectionVisibility}</legend>
        <div className="field">
          <label className="checkbox" htmlFor="field-isPublic">
            <input
              id="field-isPublic"
              name="isPublic"
              type="checkbox"
              defaultChecked={values.isPublic}
              aria-describedby="field-isPublic-hint"
              autoFocus={first === "isPublic"}
            />{" "}
            {words.form.isPublic}
          </label>
          <p id="field-isPublic-hint" className="field-hint">
            {words.form.isPublicHint}
          </p>
        </div>
      </fieldset>

      <p className="field-hint" id="initiative-buttons-hint">
        {words.form.buttonsHint}
      </p>
      <div className="form-actions">
        {published ? (
          <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
            {words.form.saveChanges}
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="draft" className="button button--plain" disabled={busy} aria-describedby="initiative-buttons-hint">
              {words.form.saveDraft}
            </button>
            <button type="submit" name="intent" value="publish" className="button" disabled={busy} aria-describedby="initiative-buttons-hint">
              {words.form.publish}
            </button>
          </>
        )}
      </div>
    </Form>
  );
}

interface CheckboxesProps {
  name: InitiativeField;
  label: string;
  suffix?: string;
  hint?: string;
  error?: string | undefined;
  autoFocus: boolean;
  options: { value: string; label: string }[];
  checked: readonly string[];
}

/** A fieldset of checkboxes; the first box carries the field's id (the error summary links to it). */
function Checkboxes({ name, label, suffix, hint, error, autoFocus, options, checked }: CheckboxesProps) {
  const id = `field-${name}`;
  return (
    <fieldset className="field checkbox-group" aria-describedby={describedBy(id, hint, error)}>
      <legend>
        {label}
        {suffix ? <span className="field-optional"> {suffix}</span> : null}
      </legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="checkbox-group__options">
        {options.map((option, index) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              id={index === 0 ? id : undefined}
              defaultChecked={checked.includes(option.value)}
              aria-invalid={error ? true : undefined}
              autoFocus={autoFocus && index === 0}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Partner organisations: a checkbox each, with an optional role. */
function PartnerChoice({
  options,
  chosen,
  error,
  autoFocus,
}: {
  options: { id: string; name: string }[];
  chosen: { orgId: string; role: string }[];
  error?: string | undefined;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  const words = t.initiativeForms.form;
  const id = "field-partners";
  const roleOf = new Map(chosen.map((p) => [p.orgId, p.role]));
  return (
    <fieldset className="initiative-form__section checkbox-group" aria-describedby={describedBy(id, words.partnersHint, error)}>
      <legend>
        {words.sectionPartners}
        <span className="field-optional"> {t.initiativeForms.common.optional}</span>
      </legend>
      <FieldMessages id={id} hint={words.partnersHint} error={error} />
      {options.length === 0 ? (
        <p className="empty">{words.noPartnerOptions}</p>
      ) : (
        <ul className="initiative-partners-choice">
          {options.map((org, index) => (
            <li key={org.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  name="partners"
                  value={org.id}
                  id={index === 0 ? id : `${id}-${org.id}`}
                  defaultChecked={roleOf.has(org.id)}
                  aria-invalid={error ? true : undefined}
                  autoFocus={autoFocus && index === 0}
                />{" "}
                {org.name}
              </label>
              <label className="visually-hidden" htmlFor={`partner-role-${org.id}`}>
                {format(words.partnerRole, { name: org.name })}
              </label>
              <input
                id={`partner-role-${org.id}`}
                name={`partnerRole-${org.id}`}
                type="text"
                maxLength={200}
                placeholder={format(words.partnerRole, { name: org.name })}
                defaultValue={roleOf.get(org.id) ?? ""}
              />
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
