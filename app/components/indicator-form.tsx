/**
 * The coordinators' indicator form (/admin/indicators/new and /admin/indicators/:id). A plain POST
 * form (works without JavaScript): each error next to its field and listed at the top with links,
 * the first invalid field focused.
 */
import { Form, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { describedBy, FieldFrame } from "~/components/field";
import { INDICATOR_DIRECTIONS, INDICATOR_FIELDS, type IndicatorField, type IndicatorFieldErrors, type IndicatorFormState } from "~/lib/schemas/indicator";
import { useTranslation } from "~/lib/use-translation";

export interface IndicatorFormProps {
  values: IndicatorFormState;
  errors: IndicatorFieldErrors;
  submitLabel: string;
}

export function IndicatorForm({ values, errors, submitLabel }: IndicatorFormProps) {
  const { t } = useTranslation();
  const words = t.reportAdmin.indicatorForm;
  const busy = useNavigation().state === "submitting";
  const invalid = INDICATOR_FIELDS.filter((field) => errors[field]);
  const first = invalid[0];
  // With JavaScript the page is not reloaded after an error: move focus to the first field to correct.
  useEffect(() => {
    if (first) document.getElementById(`field-${first}`)?.focus();
  }, [errors, first]);
  const message = (field: IndicatorField) => {
    const key = errors[field];
    return key ? t.reportAdmin.indicatorErrors[key] : undefined;
  };
  const hintOf = (field: Exclude<IndicatorField, "active" | "direction">): string | undefined => {
    const hints: Partial<Record<IndicatorField, string>> = {
      code: words.codeHint,
      name: words.nameHint,
      description: words.descriptionHint,
      unit: words.unitHint,
      target: words.targetHint,
      baseline: words.baselineHint,
      baselineYear: words.baselineYearHint,
      koladaKpi: words.koladaKpiHint,
      minValue: words.minValueHint,
      maxValue: words.maxValueHint,
      sortOrder: words.sortOrderHint,
    };
    return hints[field];
  };
  const control = (field: IndicatorField, hint?: string, required = false) => ({
    id: `field-${field}`,
    name: field,
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": describedBy(`field-${field}`, hint, message(field)),
    "aria-required": required ? true : undefined,
    autoFocus: first === field,
  });
  const text = (field: Exclude<IndicatorField, "active" | "direction" | "description">, options: { required?: boolean; inputMode?: "decimal" | "numeric"; maxLength?: number; spellCheck?: boolean } = {}) => {
    const hint = hintOf(field);
    return (
      <FieldFrame id={`field-${field}`} label={words[field]} labelSuffix={options.required ? undefined : t.reportAdmin.common.optional} hint={hint} error={message(field)}>
        <input
          {...control(field, hint, options.required)}
          type="text"
          inputMode={options.inputMode}
          maxLength={options.maxLength}
          spellCheck={options.spellCheck}
          autoComplete="off"
          defaultValue={values[field]}
        />
      </FieldFrame>
    );
  };

  return (
    <Form method="post" className="form initiative-form" noValidate>
      {invalid.length > 0 ? (
        <div id="form-errors" className="form-error" role="alert">
          <p>{t.reportAdmin.common.errorSummary}</p>
          <ul>
            {invalid.map((field) => (
              <li key={field}>
                <a href={`#field-${field}`}>{message(field)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <fieldset className="initiative-form__section">
        <legend>{words.sectionWhat}</legend>
        {text("code", { required: true, maxLength: 32, spellCheck: false })}
        {text("name", { required: true, maxLength: 200 })}
        <FieldFrame id="field-description" label={words.description} labelSuffix={t.reportAdmin.common.optional} hint={words.descriptionHint} error={message("description")}>
          <textarea {...control("description", words.descriptionHint)} rows={4} defaultValue={values.description} />
        </FieldFrame>
        {text("unit", { required: true, maxLength: 40 })}
        <FieldFrame id="field-direction" label={words.direction} error={message("direction")}>
          <select {...control("direction", undefined, true)} defaultValue={values.direction || "increase"}>
            {INDICATOR_DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {t.reportAdmin.indicators.directionLabel[direction]}
              </option>
            ))}
          </select>
        </FieldFrame>
      </fieldset>

      <fieldset className="initiative-form__section">
        <legend>{words.sectionGoal}</legend>
        {text("target", { inputMode: "decimal" })}
        {text("baseline", { inputMode: "decimal" })}
        {text("baselineYear", { inputMode: "numeric", maxLength: 4 })}
        {text("koladaKpi", { maxLength: 6, spellCheck: false })}
      </fieldset>

      <fieldset className="initiative-form__section">
        <legend>{words.sectionValues}</legend>
        {text("minValue", { inputMode: "decimal" })}
        {text("maxValue", { inputMode: "decimal" })}
      </fieldset>

      <fieldset className="initiative-form__section">
        <legend>{words.sectionShow}</legend>
        {text("sortOrder", { inputMode: "numeric" })}
        <div className="field">
          <label className="checkbox" htmlFor="field-active">
            <input id="field-active" name="active" type="checkbox" defaultChecked={values.active} aria-describedby="field-active-hint" autoFocus={first === "active"} />{" "}
            {words.active}
          </label>
          <p id="field-active-hint" className="field-hint">
            {words.activeHint}
          </p>
        </div>
      </fieldset>

      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
