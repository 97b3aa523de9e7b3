/**
 * The coordinator's form on /board/summary/:periodId: the covering text of the period's summary to
 * the board ("följebrev"), and the two buttons that release the summary to the board or withdraw it.
 * The database has the same limit (board_summaries.covering_text ≤ 20 000 characters).
 */
import { z } from "zod";
import { parseValues, type FormParseResult } from "./form";
import { cleanText } from "./initiative";

export const COVERING_TEXT_MAX = 20_000;

export const BOARD_SUMMARY_INTENTS = ["save", "release", "withdraw"] as const;
export type BoardSummaryIntent = (typeof BOARD_SUMMARY_INTENTS)[number];

export type BoardSummaryErrorKey = "intentUnknown" | "coveringTextTooLong";

/** Form field names; the control's id is `field-<name>`. */
export const boardSummaryField = { intent: "intent", coveringText: "coveringText" } as const;

export const boardSummarySchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("save"),
      coveringText: z.preprocess(cleanText, z.string().max(COVERING_TEXT_MAX, "coveringTextTooLong")),
    }),
    z.object({ intent: z.literal("release") }),
    z.object({ intent: z.literal("withdraw") }),
  ],
  { errorMap: () => ({ message: "intentUnknown" }) },
);

export type BoardSummaryInput =
  | { intent: "save"; coveringText: string | null }
  | { intent: "release" }
  | { intent: "withdraw" };

/** Checks the posted form; the text is trimmed, an empty text is stored as none (null). */
export function parseBoardSummary(values: Record<string, unknown>): FormParseResult<BoardSummaryInput, BoardSummaryErrorKey> {
  const result = parseValues<typeof boardSummarySchema, BoardSummaryErrorKey>(boardSummarySchema, values);
  if (!result.success) return result;
  const data = result.data;
  return { success: true, data: data.intent === "save" ? { intent: "save", coveringText: data.coveringText || null } : data };
}
