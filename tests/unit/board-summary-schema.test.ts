/** The coordinator's form on /board/summary/:periodId: covering text (≤ 20 000 characters) and the release buttons; the PDF's file name. */
import { describe, expect, it } from "vitest";
import { periodSlug, readEvidence } from "../../app/lib/board-summary.server";
import { cookiesFor } from "../../app/lib/pdf.server";
import { COVERING_TEXT_MAX, parseBoardSummary } from "../../app/lib/schemas/board-summary";

describe("the covering text form", () => {
  it("saves a trimmed text with Windows line breaks made plain", () => {
    expect(parseBoardSummary({ intent: "save", coveringText: "  Hej styrelsen\r\n\r\nAndra stycket \n" })).toEqual({
      success: true,
      data: { intent: "save", coveringText: "Hej styrelsen\n\nAndra stycket" },
    });
  });

  it("stores an empty or missing text as none", () => {
    expect(parseBoardSummary({ intent: "save", coveringText: "   " })).toEqual({ success: true, data: { intent: "save", coveringText: null } });
    expect(parseBoardSummary({ intent: "save" })).toEqual({ success: true, data: { intent: "save", coveringText: null } });
  });

  it("accepts exactly the limit and refuses one character more, next to the field", () => {
    expect(parseBoardSummary({ intent: "save", coveringText: "å".repeat(COVERING_TEXT_MAX) }).success).toBe(true);
    expect(parseBoardSummary({ intent: "save", coveringText: "å".repeat(COVERING_TEXT_MAX + 1) })).toEqual({
      success: false,
      errors: { coveringText: "coveringTextTooLong" },
    });
  });

  it("releases and withdraws, ignoring any text sent along", () => {
    expect(parseBoardSummary({ intent: "release", coveringText: "x".repeat(COVERING_TEXT_MAX + 10) })).toEqual({ success: true, data: { intent: "release" } });
    expect(parseBoardSummary({ intent: "withdraw" })).toEqual({ success: true, data: { intent: "withdraw" } });
  });

  it("refuses an unknown or missing intent", () => {
    expect(parseBoardSummary({ intent: "delete" })).toEqual({ success: false, errors: { intent: "intentUnknown" } });
    expect(parseBoardSummary({ coveringText: "Hej" })).toEqual({ success: false, errors: { intent: "intentUnknown" } });
    expect(parseBoardSummary({ intent: ["save"] as unknown as string })).toEqual({ success: false, errors: { intent: "intentUnknown" } });
  });
});

describe("the PDF", () => {
  it("names the file after the period without Swedish letters", () => {
    expect(periodSlug("Halvår 1 2026")).toBe("halvar-1-2026");
    expect(periodSlug("Helår 2025")).toBe("helar-2025");
    expect(periodSlug("  Över/Ärende ”test” ")).toBe("over-arende-test");
    expect(periodSlug("???")).toBe("period");
  });

  it("copies the request's cookies to the page's origin, nothing else", () => {
    expect(cookiesFor("sb-auth=abc.def; locale=sv; broken; =x", "http://localhost:3000")).toEqual([
      { name: "sb-auth", value: "abc.def", url: "http://localhost:3000" },
      { name: "locale", value: "sv", url: "http://localhost:3000" },
    ]);
    expect(cookiesFor(null, "http://localhost:3000")).toEqual([]);
  });
});

describe("the evidence figures", () => {
  it("reads board_evidence(); anything missing or malformed counts as 0", () => {
    const evidence = readEvidence({ indicators_active: 7, partners_active: "5", partners_by_kind: { association: 2, region: "x" }, board_reports: [null, { period: "Helår 2025", organisation: "AB Eidar", status: "accepted" }] });
    expect(evidence.indicatorsActive).toBe(7);
    expect(evidence.partnersActive).toBe(5);
    expect(evidence.forumsActive).toBe(0);
    expect(evidence.partnersByKind).toEqual({ association: 2, region: 0 });
    expect(evidence.boardReports).toEqual([{ period: "Helår 2025", organisation: "AB Eidar", status: "accepted", submittedAt: null, reviewedAt: null }]);
    expect(readEvidence(null).reportsIn).toBe(0);
  });
});
