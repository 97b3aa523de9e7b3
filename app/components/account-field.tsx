/**
 * Form pieces of /account: a labelled text field and a group of radio buttons, each with its hint
 * and its error (words from `account.errors`) next to it.
 */
import type { AccountErrorKey } from "~/lib/schemas/account";
import { useTranslation } from "~/lib/use-translation";
import { describedBy, FieldMessages, TextInput } from "./field";

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

export function AccountTextField({ error, ...props }: TextFieldProps) {
  const { t } = useTranslation();
  return <TextInput {...props} error={error ? t.account.errors[error] : undefined} />;
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
  const message = error ? t.account.errors[error] : undefined;
  return (
    <fieldset className="field radio-group" id={id} aria-describedby={describedBy(id, hint, message)} tabIndex={-1}>
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={message} />
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
