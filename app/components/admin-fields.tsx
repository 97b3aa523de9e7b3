/**
 * Form fields of the organisation forms (/apply, /admin/organisations): a label, an optional hint,
 * the error next to the field (in the person's language), and what was typed kept after an error.
 */
import type { ReactNode } from "react";
import type { OrganisationErrorKey } from "~/lib/schemas/organisation";
import { useTranslation } from "~/lib/use-translation";
import { describedBy, FieldFrame, FieldMessages } from "./field";

interface Common {
  name: string;
  label: string;
  hint?: string;
  error?: OrganisationErrorKey;
  optional?: boolean;
  autoFocus?: boolean;
  /** Not a required field, without saying "(optional)" (search and filter fields). */
  notRequired?: boolean;
  /** Makes the id unique when the same field appears in several forms on a page. */
  idSuffix?: string;
}

/** The shared frame, with the message of this form's error key and the "optional" marker. */
function Frame({ id, label, hint, error, optional, children }: { id: string; label: string; hint?: string | undefined; error?: OrganisationErrorKey | undefined; optional?: boolean | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <FieldFrame id={id} label={label} labelSuffix={optional ? t.admin.form.optional : undefined} hint={hint} error={error ? t.admin.errors[error] : undefined}>
      {children}
    </FieldFrame>
  );
}

export function TextField({
  name,
  label,
  hint,
  error,
  optional,
  autoFocus,
  type = "text",
  autoComplete,
  defaultValue,
  multiline,
  inputMode,
  notRequired,
  idSuffix,
}: Common & {
  type?: "text" | "email" | "url";
  autoComplete?: string;
  defaultValue?: string;
  multiline?: boolean;
  inputMode?: "numeric" | "text";
}) {
  const id = `field-${name}${idSuffix ? `-${idSuffix}` : ""}`;
  const common = {
    id,
    name,
    defaultValue,
    autoFocus,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
    "aria-required": optional || notRequired ? undefined : true,
  };
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      {multiline ? (
        <textarea {...common} rows={6} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} spellCheck={type === "email" ? false : undefined} />
      )}
    </Frame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  autoFocus,
  defaultValue,
  options,
  placeholder,
  notRequired,
}: Common & { defaultValue?: string; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = `field-${name}`;
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={notRequired ? undefined : true}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A group of checkboxes in a fieldset whose legend is the question. Focus target: the first box. */
export function CheckboxGroup({
  name,
  label,
  hint,
  error,
  autoFocus,
  options,
  checked,
  optional,
}: Common & { options: readonly string[]; checked: readonly string[] }) {
  const id = `field-${name}`;
  const { t } = useTranslation();
  return (
    <fieldset className="field checkbox-group" aria-describedby={describedBy(id, hint, error)}>
      <legend>
        {label}
        {optional ? <span className="field-optional"> {t.admin.form.optional}</span> : null}
      </legend>
      <FieldMessages id={id} hint={hint} error={error ? t.admin.errors[error] : undefined} />
      <div className="checkbox-group__options">
        {options.map((option, index) => (
          <label key={option} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={option}
              id={index === 0 ? id : undefined}
              defaultChecked={checked.includes(option)}
              autoFocus={autoFocus && index === 0}
            />{" "}
            {option}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ErrorSummary({ id = "form-errors", children }: { id?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div id={id} className="form-error" role="alert" tabIndex={-1}>
      <p>{children ?? t.admin.form.errorSummary}</p>
    </div>
  );
}

export function firstInvalid<Field extends string>(order: readonly Field[], errors: Partial<Record<Field, unknown>>): Field | undefined {
  return order.find((field) => errors[field]);
}
