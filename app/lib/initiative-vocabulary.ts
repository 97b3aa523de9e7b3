/**
 * The fixed vocabularies of initiatives, as stored in the database (migration
 * 20261127150000_initiative_vocabularies.sql: the same keys, in the same order). Words for them are
 * in the translations (`initiatives.targetGroups`, `initiatives.focusAreas`); districts are proper
 * names and shown as they are.
 */
import type { Database } from "./database.types";

export const DISTRICTS = [
  "Centrum",
  "Kronogården",
  "Lextorp",
  "Sylte",
  "Hjulkvarn",
  "Skoftebyn",
  "Stavre",
  "Strandmon",
  "Sjuntorp",
  "Upphärad",
  "Velanda",
  "Öresjö",
  "Nordstaden",
  "Halvorstorp",
] as const;
export type District = (typeof DISTRICTS)[number];

export const TARGET_GROUPS = ["barn", "unga", "unga_vuxna", "kvinnor", "nyanlanda", "foraldrar", "aldre", "arbetssokande", "funktionsnedsattning", "alla"] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const FOCUS_AREAS = ["arbete", "sprak", "utbildning", "halsa", "trygghet", "boende", "fritid_kultur", "delaktighet", "samhallsorientering", "foraldraskap"] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export type InitiativeStatus = Database["public"]["Enums"]["initiative_status"];
export const INITIATIVE_STATUSES = ["draft", "planned", "ongoing", "completed", "paused", "cancelled"] as const satisfies readonly InitiativeStatus[];
/** Statuses a published initiative can have (what filters and progress updates offer). */
export const PUBLISHED_STATUSES = ["planned", "ongoing", "completed", "paused", "cancelled"] as const satisfies readonly InitiativeStatus[];

const includes = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === "string" && (list as readonly string[]).includes(value);
export const isDistrict = (value: unknown): value is District => includes(DISTRICTS, value);
export const isTargetGroup = (value: unknown): value is TargetGroup => includes(TARGET_GROUPS, value);
export const isFocusArea = (value: unknown): value is FocusArea => includes(FOCUS_AREAS, value);
export const isInitiativeStatus = (value: unknown): value is InitiativeStatus => includes(INITIATIVE_STATUSES, value);
