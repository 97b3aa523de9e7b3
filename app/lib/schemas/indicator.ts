/**
 * The coordinators' indicator form (/admin/indicators/new, /admin/indicators/:id), shared by the
 * form and the action. The rules mirror the table's checks (code pattern, lengths, Kolada id) and
 * add the ones across fields: the highest allowed value may not be below the lowest, and the target
 * and baseline must lie between them. Numbers are typed the Swedish way ("74,5", "2 500", "−3").
 * Messages are keys of `reportAdmin.indicatorErrors`.
 */
import { z } from "zod";
import type { Database } from "../database.types";
import { parseValues, type FormParseResult } from "./form";
import { cleanLine, cleanText } from "./initiative";

export type IndicatorDirection = Database["public"]["Enums"]["indicator_direction"];
export const INDICATOR_DIRECTIONS: readonly IndicatorDirection[] = ["increase", "decrease"];

export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{1,31}$/;
export const KOLADA_PATTERN = /^[NU]\d{5}$/;
export const INDICATOR_NAME_MAX = 200;
export const INDICATOR_DESCRIPTION_MAX = 4000;
export const UNIT_MAX = 40;
/** Larger numbers are surely typing mistakes (and would lose precision in the browser). */
export const NUMBER_LIMIT = 1_000_000_000_000;
export const SORT_ORDER_LIMIT = 1_000_000;

export type IndicatorErrorKey =
  | "codeRequired"
  | "codeFormat"
  | "codeTaken"
  | "nameRequired"
  | "nameTooLong"
  | "nameTaken"
  | "descriptionTooLong"
  | "unitRequired"
  | "unitTooLong"
  | "directionUnknown"
  | "numberInvalid"
  | "numberTooLarge"
  | "baselineYearInvalid"
  | "koladaFormat"
  | "maxBelowMin"
  | "targetOutOfRange"
  | "baselineOutOfRange"
  | "sortOrderInvalid";

export const INDICATOR_FIELDS = [
  "code",
  "name",
  "description",
  "unit",
  "direction",
  "target",
  "baseline",
  "baselineYear",
  "koladaKpi",
  "minValue",
  "maxValue",
  "sortOrder",
  "active",
] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];
export type IndicatorFieldErrors = Partial<Record<IndicatorField, IndicatorErrorKey>>;

/**
 * A decimal number typed the Swedish or the English way: "74,5", "74.5", "2 500", "−3", "1 234,25".
 * Spaces of any kind group thousands. Null for an empty value, NaN for something that is no number.
 */
export function parseDecimal(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== "string") return null;
  const compact = value.replace(/[\s\u00A0\u202F]/g, "").replace(/^[−–]/, "-");
  if (compact === "") return null;
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return Number.NaN;
  return Number(compact.replace(",", "."));
}

/** A number as the form shows it again: "74,5" (no grouping, so it reads back the same). */
export function decimalText(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }).replace(".", ",");
}

/** A number in the reader's language, for reading (not for a form): "74,5" and "2 500" in Swedish. */
export function formatNumber(value: number | null, locale: "sv" | "en"): string {
  if (value === null) return "";
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 6 }).format(value);
}

const decimal = z.preprocess(
  parseDecimal,
  z
    .number({ invalid_type_error: "numberInvalid" })
    .nullable()
    .refine((value) => value === null || !Number.isNaN(value), "numberInvalid")
    .refine((value) => value === null || Number.isNaN(value) || Math.abs(value) < NUMBER_LIMIT, "numberTooLarge"),
);

const wholeNumber = (invalid: IndicatorErrorKey, min: number, max: number) =>
  z.preprocess(
    parseDecimal,
    z
      .number({ invalid_type_error: invalid })
      .nullable()
      .refine((value) => value === null || (Number.isInteger(value) && value >= min && value <= max), invalid),
  );

export const indicatorSchema = z.object({
  code: z.preprocess(
    (value) => cleanLine(value).toUpperCase(),
    z.string().min(1, "codeRequired").regex(CODE_PATTERN, "codeFormat"),
  ),
  name: z.preprocess(cleanLine, z.string().min(2, "nameRequired").max(INDICATOR_NAME_MAX, "nameTooLong")),
  description: z
    .preprocess(cleanText, z.string().max(INDICATOR_DESCRIPTION_MAX, "descriptionTooLong"))
    .transform((value) => value || null),
  unit: z.preprocess(cleanLine, z.string().min(1, "unitRequired").max(UNIT_MAX, "unitTooLong")),
  direction: z.preprocess(
    (value) => (typeof value === "string" ? value : ""),
    z.string().refine((value) => (INDICATOR_DIRECTIONS as readonly string[]).includes(value), "directionUnknown"),
  ) as unknown as z.ZodType<IndicatorDirection>,
  target: decimal,
  baseline: decimal,
  baselineYear: wholeNumber("baselineYearInvalid", 2000, 2100),
  koladaKpi: z
    .preprocess((value) => cleanLine(value).toUpperCase(), z.string().refine((value) => value === "" || KOLADA_PATTERN.test(value), "koladaFormat"))
    .transform((value) => value || null),
  minValue: decimal,
  maxValue: decimal,
  sortOrder: wholeNumber("sortOrderInvalid", -SORT_ORDER_LIMIT, SORT_ORDER_LIMIT).transform((value) => value ?? 0),
  active: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
});

export type IndicatorInput = z.infer<typeof indicatorSchema>;

/** Rules across fields, on the parsed values (reported together with the field errors). */
export function indicatorRangeProblems(data: Pick<IndicatorInput, "minValue" | "maxValue" | "target" | "baseline">): IndicatorFieldErrors {
  const errors: IndicatorFieldErrors = {};
  const { minValue: min, maxValue: max } = data;
  if (min !== null && max !== null && max < min) {
    errors.maxValue = "maxBelowMin";
    return errors;
  }
  const outside = (value: number | null) => value !== null && ((min !== null && value < min) || (max !== null && value > max));
  if (outside(data.target)) errors.target = "targetOutOfRange";
  if (outside(data.baseline)) errors.baseline = "baselineOutOfRange";
  return errors;
}

/** The submitted form checked: the data, or the first error of each field. */
export function parseIndicator(raw: Record<string, unknown>): FormParseResult<IndicatorInput, IndicatorErrorKey> {
  const parsed = parseValues<typeof indicatorSchema, IndicatorErrorKey>(indicatorSchema, raw);
  if (!parsed.success) {
    // The range rules still apply to the numbers that did parse, so every problem shows at once.
    const numbers = Object.fromEntries(
      (["minValue", "maxValue", "target", "baseline"] as const).map((field) => {
        const value = parseDecimal(raw[field]);
        return [field, value === null || Number.isNaN(value) || parsed.errors[field] ? null : value];
      }),
    ) as Pick<IndicatorInput, "minValue" | "maxValue" | "target" | "baseline">;
    return { success: false, errors: { ...indicatorRangeProblems(numbers), ...parsed.errors } };
  }
  const range = indicatorRangeProblems(parsed.data);
  if (Object.keys(range).length > 0) return { success: false, errors: range };
  return parsed;
}

/** The values the form shows (what was typed, after an error; the stored values otherwise). */
export type IndicatorFormState = Record<Exclude<IndicatorField, "active">, string> & { active: boolean };

export function indicatorFormValues(form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of INDICATOR_FIELDS) {
    const value = form.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

export function keptIndicatorValues(raw: Record<string, unknown>): IndicatorFormState {
  const text = (field: IndicatorField, max: number) => (typeof raw[field] === "string" ? (raw[field] as string).slice(0, max) : "");
  return {
    code: text("code", 100),
    name: text("name", 400),
    description: text("description", INDICATOR_DESCRIPTION_MAX + 1000),
    unit: text("unit", 100),
    direction: text("direction", 20),
    target: text("target", 40),
    baseline: text("baseline", 40),
    baselineYear: text("baselineYear", 20),
    koladaKpi: text("koladaKpi", 40),
    minValue: text("minValue", 40),
    maxValue: text("maxValue", 40),
    sortOrder: text("sortOrder", 20),
    active: raw.active === "on" || raw.active === true,
  };
}
