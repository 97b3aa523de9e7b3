/**
 * Form pieces of /account: a labelled text field and a group of radio buttons, each with its hint
 * and its error (words from `account.errors`) next to it.
 */
import type { AccountErrorKey } from "~/lib/schemas/account";
import { useTranslation } from "~/lib/use-translation";

interface TextFieldProps {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "tel";
  autoComplete?: string;
  defaultValue?: string;
  error?: AccountErrorKey;
  hint?: string;
  autoFocus?: boolean;
}

export function AccountTextField({ name, label, type = "text", autoComplete, defaultValue, error, hint, autoFocus }: TextFieldProps) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t.account.errors[error]}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        // Focus moves to the first field to correct when the page comes back with errors.
        autoFocus={autoFocus}
        spellCheck={type === "email" ? false : undefined}
      />
    </div>
  );
}

interface RadioGroupProps<Value extends string> {
  name: string;
  legend: string;
  options: readonly { value: Value; label: string; lang?: string }[];
  defaultValue?: string;
  error?: AccountErrorKey;
  hint?: string;
}

export function AccountRadioGroup<Value extends string>({ name, legend, options, defaultValue, error, hint }: RadioGroupProps<Value>) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="field radio-group" id={id} aria-describedby={describedBy} tabIndex={-1}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t.account.errors[error]}
        </p>
      ) : null}
      {options.map((option) => (
        <div key={option.value} className="radio-option">
          <input
            type="radio"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultValue === option.value}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`${id}-${option.value}`} lang={option.lang}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
