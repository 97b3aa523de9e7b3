/**
 * Form pieces of the organisation and member pages: labelled fields with their error next to them
 * (messages from `organisations.errors`), and checking a form in the browser with the same zod
 * schema as the action (without JavaScript the action's answer shows the same errors).
 */
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import type { z } from "zod";
import { parseMemberForm, type MemberErrorKey, type MemberFieldErrors } from "~/lib/schemas/members";
import { useTranslation } from "~/lib/use-translation";
import { describedBy, FieldFrame } from "./field";

interface BaseProps {
  /** Unique on the page: the id is `${idPrefix}-${name}`. */
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  error?: MemberErrorKey;
  autoFocus?: boolean;
}

/** The shared frame, with the message of this form's error key. */
function Frame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: MemberErrorKey; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error ? t.organisations.errors[error] : undefined}>
      {children}
    </FieldFrame>
  );
}

export function TextField({
  idPrefix,
  name,
  label,
  hint,
  error,
  autoFocus,
  type = "text",
  autoComplete,
  defaultValue,
}: BaseProps & { type?: "text" | "email" | "password" | "url"; autoComplete?: string; defaultValue?: string }) {
  const id = `${idPrefix}-${name}`;
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        autoFocus={autoFocus}
        spellCheck={type === "email" || type === "url" ? false : undefined}
      />
    </Frame>
  );
}

export function TextArea({ idPrefix, name, label, hint, error, autoFocus, defaultValue }: BaseProps & { defaultValue?: string }) {
  const id = `${idPrefix}-${name}`;
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={6}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        autoFocus={autoFocus}
      />
    </Frame>
  );
}

export function SelectField({
  idPrefix,
  name,
  label,
  hint,
  error,
  autoFocus,
  defaultValue,
  options,
}: BaseProps & { defaultValue?: string; options: { value: string; label: string }[] }) {
  const id = `${idPrefix}-${name}`;
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        autoFocus={autoFocus}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/**
 * Errors to show: the browser's check of the last attempt (with JavaScript), else the server's.
 * `onSubmit` stops a submission the schema refuses and focuses the first field to correct.
 */
export function useMemberFormCheck<Schema extends z.ZodTypeAny>(
  schema: Schema,
  idPrefix: string,
  order: readonly string[],
  serverErrors: MemberFieldErrors | undefined,
): { errors: MemberFieldErrors; onSubmit: (event: FormEvent<HTMLFormElement>) => void } {
  const [clientErrors, setClientErrors] = useState<MemberFieldErrors | null>(null);
  useEffect(() => setClientErrors(null), [serverErrors]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const result = parseMemberForm(schema, new FormData(event.currentTarget));
    if (result.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(result.errors);
    const first = order.find((field) => result.errors[field]);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
  };
  return { errors: clientErrors ?? serverErrors ?? {}, onSubmit };
}

/** The first field with an error, in the form's order. */
export function firstInvalid(order: readonly string[], errors: MemberFieldErrors): string | undefined {
  return order.find((field) => errors[field]);
}
