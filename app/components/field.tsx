/**
 * The frame every form field in the portal has: a label, an optional hint, and the error next to
 * the field, tied to the control with `aria-describedby`. Callers pass the error already in words
 * (each form's schema has its own error keys and translations).
 */
import type { ReactNode } from "react";

/** The ids of the hint and the error that describe the control with `id`. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The hint and the error of a field, for frames of their own (fieldsets). */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

interface FieldFrameProps {
  id: string;
  label: string;
  /** Shown after the label, e.g. "(frivilligt)". */
  labelSuffix?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}

export function FieldFrame({ id, label, labelSuffix, hint, error, children }: FieldFrameProps) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {labelSuffix ? <span className="field-optional"> {labelSuffix}</span> : null}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

interface TextInputProps {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "tel" | "url";
  autoComplete?: string | undefined;
  defaultValue?: string | undefined;
  hint?: string | undefined;
  /** The error in words. */
  error?: string | undefined;
  autoFocus?: boolean | undefined;
}

/** A labelled one-line input with its hint and error; its id is `field-<name>`. */
export function TextInput({ name, label, type = "text", autoComplete, defaultValue, hint, error, autoFocus }: TextInputProps) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        // Focus moves to the first field to correct when the page comes back with errors.
        autoFocus={autoFocus}
        spellCheck={type === "email" || type === "url" ? false : undefined}
      />
    </FieldFrame>
  );
}
