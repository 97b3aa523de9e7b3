/**
 * Writing a report from /reports/:id, through the user's client (RLS and the workflow triggers
 * decide): saving the form (rpc save_report: summary, answers, values and initiative links in one
 * transaction, checked against the revision the form was loaded at, optionally submitting), and a
 * coordinator's review (rpc review_report). Every refusal comes back as a reason the page can put in
 * words; nothing is half-saved.
 */
import type { Database } from "./database.types";
import { isUnreachable, serviceUnavailable } from "./http.server";
import { readMissingItems, type MissingItem, type ReportInput } from "./schemas/report";
import type { TypedSupabaseClient } from "./supabase.server";

type ReportStatus = Database["public"]["Enums"]["report_status"];

interface DbError {
  message: string;
  code?: string;
  details?: string | null;
  status?: number;
  name?: string;
}

function failed(what: string, error: DbError): never {
  if (isUnreachable(error)) serviceUnavailable();
  throw new Error(`Could not ${what}: ${error.code ?? ""} ${error.message}`);
}

export type SaveOutcome =
  | { ok: true; revision: number; status: ReportStatus; changed: boolean }
  /** Someone saved since the form was loaded; nothing was saved. */
  | { ok: false; reason: "conflict"; currentRevision: number }
  /** Submitting an incomplete report; nothing was saved. */
  | { ok: false; reason: "incomplete"; missing: MissingItem[] }
  /** A value outside its indicator's range (the code, when the database named it). */
  | { ok: false; reason: "outOfRange"; code: string | null }
  | { ok: false; reason: "notFound" | "notEditable" | "notAdmin" | "unknownItem" | "invalid" };

/**
 * Whether a "Skicka in" repeats one that already went through (a double click, a retried POST):
 * the report is submitted, by this person, from the revision the form was loaded at (the submit
 * itself may have saved one more). Such a request is answered like the first, and nothing is sent twice.
 */
export function isRepeatedSubmit(report: { status: ReportStatus; submittedById: string | null; revision: number }, userId: string, formRevision: number): boolean {
  return report.status === "submitted" && report.submittedById === userId && (report.revision === formRevision || report.revision === formRevision + 1);
}

/** The rpc's arguments from the parsed form. */
export function saveArguments(reportId: string, input: ReportInput, submit: boolean) {
  return {
    p_report_id: reportId,
    p_revision: input.revision,
    p_summary: input.summary ?? "",
    p_answers: input.answers,
    p_values: input.values,
    p_initiative_ids: input.initiativeIds,
    p_submit: submit,
  };
}

/** Saves (and with `submit`, submits) the report as the user. */
export async function saveReport(supabase: TypedSupabaseClient, reportId: string, input: ReportInput, submit: boolean): Promise<SaveOutcome> {
  const { data, error } = await supabase.rpc("save_report", saveArguments(reportId, input, submit));
  if (error) {
    switch (error.code) {
      case "SR409": {
        const current = Number.parseInt(error.details ?? "", 10);
        return { ok: false, reason: "conflict", currentRevision: Number.isFinite(current) ? current : input.revision };
      }
      case "SR422":
        return { ok: false, reason: "incomplete", missing: readMissingItems(error.details ?? "[]") };
      case "P0002":
        return { ok: false, reason: "notFound" };
      case "42501":
        return { ok: false, reason: /administrator/.test(error.message) ? "notAdmin" : "notEditable" };
      case "23514": {
        const code = /(?:value of|indicator) ([A-Z0-9][A-Z0-9._-]+)/.exec(error.message)?.[1] ?? null;
        if (/must lie between/.test(error.message)) return { ok: false, reason: "outOfRange", code };
        return { ok: false, reason: "unknownItem" };
      }
      case "23503":
        return { ok: false, reason: "unknownItem" };
      case "22P02":
      case "22023":
        return { ok: false, reason: "invalid" };
      default:
        failed("save the report", error);
    }
  }
  const row = data?.[0];
  if (!row) failed("save the report", { message: "no row returned" });
  return { ok: true, revision: row.revision, status: row.status, changed: row.revision !== input.revision };
}

export type ReviewOutcome = { ok: true } | { ok: false; reason: "notFound" | "notCoordinator" | "notSubmitted" | "commentRequired" };

/** A coordinator returns (with a comment) or accepts a submitted report. */
export async function reviewReport(
  supabase: TypedSupabaseClient,
  reportId: string,
  decision: "returned" | "accepted",
  comment: string | null,
): Promise<ReviewOutcome> {
  const { error } = await supabase.rpc("review_report", { p_report_id: reportId, p_decision: decision, p_comment: comment ?? "" });
  if (!error) return { ok: true };
  if (error.code === "P0002") return { ok: false, reason: "notFound" };
  if (error.code === "23514") return { ok: false, reason: "commentRequired" };
  if (error.code === "42501") return { ok: false, reason: /coordinator/.test(error.message) ? "notCoordinator" : "notSubmitted" };
  failed("review the report", error);
}
