/**
 * The report form's rules (app/lib/schemas/report.ts): Swedish numbers, the indicator's range,
 * lengths, initiatives only from the offered list, the revision, what the rpc gets, the missing
 * items of SR422, forged status fields, and the coordinator's review.
 */
import { describe, expect, it } from "vitest";
import {
  forgedFields,
  keptReportValues,
  missingItemError,
  missingItemField,
  parseReport,
  parseReportNumber,
  parseReview,
  readMissingItems,
  reportFormValues,
  type ReportTemplate,
} from "../../app/lib/schemas/report.ts";
import { saveArguments } from "../../app/lib/report-editor.server.ts";
import { reportReceiptEmail, reportReviewedEmail } from "../../app/emails/report-emails.ts";

const Q1 = "c0c0c0c0-0000-4000-8000-000000000021";
const Q2 = "c0c0c0c0-0000-4000-8000-000000000022";
const PERCENT = "dddddddd-0000-4000-8000-000000000003";
const COUNT = "dddddddd-0000-4000-8000-000000000002";
const FREE = "dddddddd-0000-4000-8000-000000000009";
const INITIATIVE = "1a1a1a1a-0000-4000-8000-000000000001";
const OTHER_INITIATIVE = "1a1a1a1a-0000-4000-8000-000000000099";

const template: ReportTemplate = {
  questionIds: [Q1, Q2],
  indicators: [
    { id: PERCENT, minValue: 0, maxValue: 100 },
    { id: COUNT, minValue: 0, maxValue: null },
    { id: FREE, minValue: null, maxValue: null },
  ],
  initiativeIds: [INITIATIVE],
};

const form = (values: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(key, one);
  }
  return data;
};

describe("Swedish numbers", () => {
  it.each([
    ["12,5", 12.5],
    ["1 200", 1200],
    ["1\u00a0200,75", 1200.75],
    ["1\u202f000\u202f000", 1000000],
    ["64 %", 64],
    ["12.5", 12.5],
    ["−3", -3],
    ["0", 0],
    ["", null],
    ["   ", null],
  ])("reads %j as %j", (input, expected) => {
    expect(parseReportNumber(input)).toBe(expected);
  });

  it.each(["tolv", "12,5,0", "1e5", "12,", ",5", "1 2 3 abc", "0x10", "Infinity"])("gives NaN for %j", (input) => {
    expect(parseReportNumber(input)).toBeNaN();
  });
});

describe("the report form", () => {
  it("saves a draft with nothing filled in", () => {
    const result = parseReport(reportFormValues(form({ revision: "0" })), template);
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data).toEqual({
        revision: 0,
        summary: null,
        answers: { [Q1]: "", [Q2]: "" },
        values: {
          [PERCENT]: { value: null, comment: null },
          [COUNT]: { value: null, comment: null },
          [FREE]: { value: null, comment: null },
        },
        initiativeIds: [],
      });
    }
  });

  it("reads every field, trims text and turns Swedish numbers into numbers", () => {
    const result = parseReport(
      reportFormValues(
        form({
          revision: "7",
          summary: "  Ett bra halvår.\r\n\r\nMed två stycken.  ",
          [`answer-${Q1}`]: "Sommarjobb",
          [`value-${PERCENT}`]: "64,5",
          [`comment-${PERCENT}`]: "Enkät i maj",
          [`value-${COUNT}`]: "1 200",
          [`value-${FREE}`]: "-12,25",
          [`comment-${COUNT}`]: "",
          initiatives: [INITIATIVE, INITIATIVE],
        }),
      ),
      template,
    );
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.revision).toBe(7);
      expect(result.data.summary).toBe("Ett bra halvår.\n\nMed två stycken.");
      expect(result.data.answers).toEqual({ [Q1]: "Sommarjobb", [Q2]: "" });
      expect(result.data.values[PERCENT]).toEqual({ value: 64.5, comment: "Enkät i maj" });
      expect(result.data.values[COUNT]).toEqual({ value: 1200, comment: null });
      expect(result.data.values[FREE]).toEqual({ value: -12.25, comment: null });
      expect(result.data.initiativeIds).toEqual([INITIATIVE]);
    }
  });

  it("accepts a comment without a value (no figure, here is why)", () => {
    const result = parseReport({ revision: "0", [`comment-${COUNT}`]: "Ingen mätning i år." }, template);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.values[COUNT]).toEqual({ value: null, comment: "Ingen mätning i år." });
  });

  it("refuses what is no number, and values outside the indicator's range", () => {
    const result = parseReport({ revision: "0", [`value-${PERCENT}`]: "120", [`value-${COUNT}`]: "tolv", [`value-${FREE}`]: "-5" }, template);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.errors).toEqual({ [`value-${PERCENT}`]: "valueOutOfRange", [`value-${COUNT}`]: "valueInvalid" });
    }
    const negative = parseReport({ revision: "0", [`value-${COUNT}`]: "-1" }, template);
    expect(negative.success).toBe(false);
    if (!negative.success) expect(negative.errors[`value-${COUNT}`]).toBe("valueOutOfRange");
    const edges = parseReport({ revision: "0", [`value-${PERCENT}`]: "100", [`value-${COUNT}`]: "0" }, template);
    expect(edges.success).toBe(true);
  });

  it("refuses absurdly large figures", () => {
    const result = parseReport({ revision: "0", [`value-${FREE}`]: "99999999999999999" }, template);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors[`value-${FREE}`]).toBe("valueInvalid");
  });

  it("refuses texts over their limits", () => {
    const result = parseReport(
      { revision: "0", summary: "a".repeat(5001), [`answer-${Q2}`]: "b".repeat(20_001), [`comment-${PERCENT}`]: "c".repeat(2001) },
      template,
    );
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.errors).toEqual({ summary: "summaryTooLong", [`answer-${Q2}`]: "answerTooLong", [`comment-${PERCENT}`]: "commentTooLong" });
    }
  });

  it("links only the initiatives it offers", () => {
    const result = parseReport(reportFormValues(form({ revision: "0", initiatives: [INITIATIVE, OTHER_INITIATIVE] })), template);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.initiatives).toBe("initiativeUnknown");
  });

  it("needs a revision", () => {
    for (const revision of ["", "abc", "-1", "1.5"]) {
      const result = parseReport({ revision }, template);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.errors.revision).toBe("revisionInvalid");
    }
  });

  it("ignores fields of questions and indicators the period does not have", () => {
    const result = parseReport({ revision: "0", "answer-c0c0c0c0-0000-4000-8000-000000000011": "fel period", "value-x": "abc" }, template);
    expect(result.success).toBe(true);
    if (result.success) expect(Object.keys(result.data.answers)).toEqual([Q1, Q2]);
  });

  it("keeps what was typed to show it again", () => {
    const kept = keptReportValues(
      reportFormValues(form({ revision: "3", summary: "Text", [`value-${PERCENT}`]: "sjuttio", initiatives: [INITIATIVE, "not-a-uuid"] })),
      template,
    );
    expect(kept).toMatchObject({ revision: "3", summary: "Text", initiatives: [INITIATIVE] });
    expect(kept.values[PERCENT]).toBe("sjuttio");
    expect(kept.answers[Q1]).toBe("");
  });

  it("gives save_report every question, indicator and the full set of initiatives", () => {
    const result = parseReport({ revision: "2", summary: "", [`value-${COUNT}`]: "5", initiatives: [INITIATIVE] }, template);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(saveArguments("eeeeeeee-0000-4000-8000-000000000002", result.data, true)).toEqual({
      p_report_id: "eeeeeeee-0000-4000-8000-000000000002",
      p_revision: 2,
      p_summary: "",
      p_answers: { [Q1]: "", [Q2]: "" },
      p_values: {
        [PERCENT]: { value: null, comment: null },
        [COUNT]: { value: 5, comment: null },
        [FREE]: { value: null, comment: null },
      },
      p_initiative_ids: [INITIATIVE],
      p_submit: true,
    });
  });
});

describe("forged fields", () => {
  it("finds status and workflow fields the page never sends", () => {
    expect(forgedFields(form({ intent: "save", summary: "x" }))).toEqual([]);
    expect(forgedFields(form({ intent: "save", status: "accepted", version: "9", review_comment: "ok" }))).toEqual(["status", "version", "review_comment"]);
  });
});

describe("missing items", () => {
  const details = JSON.stringify([
    { item: "summary", ref_id: null, label: "Sammanfattning" },
    { item: "question", ref_id: Q1, label: "Vilka aktiviteter har ni genomfört under perioden?" },
    { item: "indicator", ref_id: COUNT, label: "UNG-01 Unga i sommarjobb" },
    { item: "something-else", ref_id: null, label: "?" },
  ]);

  it("reads SR422's details and leaves out what it does not know", () => {
    const items = readMissingItems(details);
    expect(items.map((item) => item.item)).toEqual(["summary", "question", "indicator"]);
    expect(items.map(missingItemField)).toEqual(["summary", `answer-${Q1}`, `value-${COUNT}`]);
    expect(items.map(missingItemError)).toEqual(["summaryMissing", "answerMissing", "indicatorMissing"]);
  });

  it("survives malformed details", () => {
    expect(readMissingItems("not json")).toEqual([]);
    expect(readMissingItems(null)).toEqual([]);
    expect(readMissingItems([{ item: "question", ref_id: "nope", label: 3 }])).toEqual([{ item: "question", refId: null, label: "" }]);
  });
});

describe("the coordinator's review", () => {
  it("returns only with a comment", () => {
    const result = parseReview({ intent: "return", reviewComment: "   " });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.reviewComment).toBe("reviewCommentRequired");
    const ok = parseReview({ intent: "return", reviewComment: " Komplettera med VOL-01. " });
    expect(ok).toEqual({ success: true, data: { decision: "returned", comment: "Komplettera med VOL-01." } });
  });

  it("accepts with or without a comment", () => {
    expect(parseReview({ intent: "accept", reviewComment: "" })).toEqual({ success: true, data: { decision: "accepted", comment: null } });
    expect(parseReview({ intent: "accept" })).toEqual({ success: true, data: { decision: "accepted", comment: null } });
  });

  it("refuses another decision and an overlong comment", () => {
    const forged = parseReview({ intent: "draft", reviewComment: "x" });
    expect(forged.success).toBe(false);
    if (!forged.success) expect(forged.errors.intent).toBe("decisionUnknown");
    const long = parseReview({ intent: "accept", reviewComment: "x".repeat(5001) });
    expect(long.success).toBe(false);
    if (!long.success) expect(long.errors.reviewComment).toBe("reviewCommentTooLong");
  });
});

describe("the e-mails", () => {
  const facts = { organisation: "Föreningen <b>Test</b>", period: "Halvår 1 2026", reportUrl: "https://portal.example/reports/eeeeeeee-0000-4000-8000-000000000002" };

  it("return the report with the coordinator's comment, escaped in HTML and quoted in text", () => {
    const email = reportReviewedEmail({ ...facts, decision: "returned", comment: "Lägg till <script>VOL-01</script>\nTack!", recipientName: "Maria" }, "sv");
    expect(email.subject).toBe("Uppföljningen för Halvår 1 2026 behöver kompletteras");
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<b>Test</b>");
    expect(email.html).toContain("&#60;script&#62;VOL-01&#60;/script&#62;<br>Tack!");
    expect(email.text).toContain("> Lägg till <script>VOL-01</script>");
    expect(email.text).toContain("Hej Maria!");
    expect(email.text).toContain(facts.reportUrl);
  });

  it("say who submitted and when, in the recipient's language", () => {
    const email = reportReceiptEmail({ ...facts, submittedBy: "Maria Johansson", submittedAt: "27 November 2026 14:02", recipientName: null }, "en");
    expect(email.subject).toBe("Receipt: the follow-up for Halvår 1 2026 has been submitted");
    expect(email.text).toContain("Maria Johansson submitted it on 27 November 2026 14:02.");
    expect(email.html).toContain('lang="en"');
  });
});
