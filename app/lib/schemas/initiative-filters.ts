/**
 * The filters of the initiative catalogue (/initiatives) and of the open data (/initiatives.csv,
 * /initiatives.json), read from the query string. Shared by the loaders and the filter form: the
 * same names in the URL, the same error keys next to the fields. Missing or empty values mean "no
 * filter"; a value that is given but not understood is an error (400), never silently ignored.
 */
import { z } from "zod";
import {
  DISTRICTS,
  FOCUS_AREAS,
  PUBLISHED_STATUSES,
  TARGET_GROUPS,
} from "../initiative-vocabulary";

/** Initiatives on a catalogue page. */
export const CATALOGUE_PAGE_SIZE = 20;
/** Above this many matches the catalogue says "more than 1 000" instead of counting every row. */
export const CATALOGUE_COUNT_CAP = 1000;
/** The longest text query. */
export const CATALOGUE_QUERY_MAX = 200;
/** The deepest page (offset pagination; 500 pages of 20 = 10,000 rows). */
export const CATALOGUE_MAX_PAGE = 500;

/** The query-string names, in the order the form shows them. */
export const FILTER_FIELDS = [
  "q",
  "district",
  "group",
  "area",
  "status",
  "org",
  "from",
  "to",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export type FilterErrorKey =
  | "unknownDistrict"
  | "unknownTargetGroup"
  | "unknownFocusArea"
  | "unknownStatus"
  | "unknownOrganisation"
  | "badDate"
  | "fromAfterTo"
  | "queryTooLong";

export interface InitiativeFilters {
  q: string;
  district: string;
  group: string;
  area: string;
  status: string;
  org: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: InitiativeFilters = {
  q: "",
  district: "",
  group: "",
  area: "",
  status: "",
  org: "",
  from: "",
  to: "",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
}

const oneOf = (list: readonly string[], key: FilterErrorKey) =>
  z.string().refine((value) => value === "" || list.includes(value), key);
const date = z
  .string()
  .refine(
    (value) => value === "" || isCalendarDate(value),
    "badDate" satisfies FilterErrorKey
  );

export const initiativeFiltersSchema = z
  .object({
    q: z
      .string()
      .max(CATALOGUE_QUERY_MAX, "queryTooLong" satisfies FilterErrorKey),
    district: oneOf(DISTRICTS, "unknownDistrict"),
    group: oneOf(TARGET_GROUPS, "unknownTargetGroup"),
    area: oneOf(FOCUS_AREAS, "unknownFocusArea"),
    status: oneOf(PUBLISHED_STATUSES, "unknownStatus"),
    org: z
      .string()
      .refine(
        (value) => value === "" || UUID.test(value),
        "unknownOrganisation" satisfies FilterErrorKey
      ),
    from: date,
    to: date,
  })
  .superRefine((value, ctx) => {
    if (
      value.from &&
      value.to &&
      isCalendarDate(value.from) &&
      isCalendarDate(value.to) &&
      value.from > value.to
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["to"],
        message: "fromAfterTo" satisfies FilterErrorKey,
      });
    }
  });

export type FilterParseResult =
  | { ok: true; filters: InitiativeFilters }
  | {
      ok: false;
      filters: InitiativeFilters;
      errors: Partial<Record<FilterField, FilterErrorKey>>;
    };

/**
 * The filters in a query string: trimmed (the text query also collapses its spaces). `filters` is
 * always what was asked for (to show back in the form), also when there are errors.
 */
export function parseInitiativeFilters(
  params: URLSearchParams
): FilterParseResult {
  const raw = (key: FilterField) => (params.get(key) ?? "").trim();
  const filters: InitiativeFilters = {
    q: raw("q").replace(/\s+/g, " "),
    district: raw("district"),
    group: raw("group"),
    area: raw("area"),
    status: raw("status"),
    org: raw("org").toLowerCase(),
    from: raw("from"),
    to: raw("to"),
  };
  const result = initiativeFiltersSchema.safeParse(filters);
  if (result.success) return { ok: true, filters };
  const errors: Partial<Record<FilterField, FilterErrorKey>> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "") as FilterField;
    if (FILTER_FIELDS.includes(field) && !(field in errors))
      errors[field] = issue.message as FilterErrorKey;
  }
  // Long text is shown back shortened, so the page does not echo kilobytes.
  return {
    ok: false,
    filters: { ...filters, q: filters.q.slice(0, CATALOGUE_QUERY_MAX + 50) },
    errors,
  };
}

/** The query string of the filters that are set (no `page`), e.g. "district=Sylte&q=l%C3%A4xhj%C3%A4lp". */
export function filterSearch(filters: InitiativeFilters): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS)
    if (filters[field]) params.set(field, filters[field]);
  return params.toString();
}

export const hasFilters = (filters: InitiativeFilters) =>
  FILTER_FIELDS.some((field) => filters[field] !== "");
