/**
 * The coordinators' indicator form (app/lib/schemas/indicator.ts): the table's rules (code pattern,
 * lengths, Kolada id) before the database sees them, Swedish decimals, and the rules across fields
 * (max below min, target and baseline outside the allowed values), all reported at once.
 */
import { describe, expect, it } from "vitest";
import { decimalText, indicatorFormValues, keptIndicatorValues, parseDecimal, parseIndicator } from "../../app/lib/schemas/indicator.ts";

const valid = {
  code: "UNG-02",
  name: "Unga i feriejobb",
  description: "Antal ungdomar 16–19 år med feriejobb.",
  unit: "antal",
  direction: "increase",
  target: "200",
  baseline: "120",
  baselineYear: "2024",
  koladaKpi: "",
  minValue: "0",
  maxValue: "",
  sortOrder: "25",
  active: "on",
};

describe("parseDecimal", () => {
  it("reads Swedish and English decimals, thousands spaces and a typographic minus", () => {
    expect(parseDecimal("74,5")).toBe(74.5);
    expect(parseDecimal("74.5")).toBe(74.5);
    expect(parseDecimal("2 500")).toBe(2500);
    expect(parseDecimal("1\u00a0234,25")).toBe(1234.25);
    expect(parseDecimal("−3")).toBe(-3);
    expect(parseDecimal("-0,5")).toBe(-0.5);
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal("   ")).toBeNull();
    expect(parseDecimal("tio")).toBeNaN();
    expect(parseDecimal("1,2,3")).toBeNaN();
    expect(parseDecimal("12%")).toBeNaN();
  });

  it("shows numbers back with a decimal comma and no grouping", () => {
    expect(decimalText(74.5)).toBe("74,5");
    expect(decimalText(2500)).toBe("2500");
    expect(decimalText(-0.25)).toBe("-0,25");
    expect(decimalText(0.0000001)).toBe("0,0000001");
    expect(decimalText(null)).toBe("");
    for (const value of [74.5, 2500, -0.25, 0.0000001, 123456789.125]) expect(parseDecimal(decimalText(value))).toBe(value);
  });
});

describe("parseIndicator", () => {
  it("accepts a complete indicator and stores clean values", () => {
    const parsed = parseIndicator({ ...valid, code: " ung-02 ", koladaKpi: "n00945", description: "  " });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data).toEqual({
      code: "UNG-02",
      name: "Unga i feriejobb",
      description: null,
      unit: "antal",
      direction: "increase",
      target: 200,
      baseline: 120,
      baselineYear: 2024,
      koladaKpi: "N00945",
      minValue: 0,
      maxValue: null,
      sortOrder: 25,
      active: true,
    });
  });

  it("leaves the optional numbers empty and the order at 0; an unticked box is inactive", () => {
    const parsed = parseIndicator({ ...valid, target: "", baseline: "", baselineYear: "", minValue: "", sortOrder: "", active: "" });
    expect(parsed.success && parsed.data).toMatchObject({ target: null, baseline: null, baselineYear: null, minValue: null, maxValue: null, sortOrder: 0, active: false });
  });

  it("refuses a bad code, a bad Kolada id, missing name and unit, and an unknown direction, each by its field", () => {
    const parsed = parseIndicator({ ...valid, code: "Å 1", koladaKpi: "X12345", name: "a", unit: " ", direction: "sideways" });
    expect(parsed).toEqual({
      success: false,
      errors: { code: "codeFormat", koladaKpi: "koladaFormat", name: "nameRequired", unit: "unitRequired", direction: "directionUnknown" },
    });
  });

  it("refuses codes that are too short or too long, and Kolada ids of the wrong length", () => {
    expect(parseIndicator({ ...valid, code: "A" })).toMatchObject({ errors: { code: "codeFormat" } });
    expect(parseIndicator({ ...valid, code: "" })).toMatchObject({ errors: { code: "codeRequired" } });
    expect(parseIndicator({ ...valid, code: `A${"B".repeat(32)}` })).toMatchObject({ errors: { code: "codeFormat" } });
    expect(parseIndicator({ ...valid, code: "-AB" })).toMatchObject({ errors: { code: "codeFormat" } });
    expect(parseIndicator({ ...valid, koladaKpi: "N0094" })).toMatchObject({ errors: { koladaKpi: "koladaFormat" } });
    expect(parseIndicator({ ...valid, koladaKpi: "U123456" })).toMatchObject({ errors: { koladaKpi: "koladaFormat" } });
    expect(parseIndicator({ ...valid, koladaKpi: "U12345" }).success).toBe(true);
  });

  it("refuses a highest value below the lowest, next to the highest", () => {
    expect(parseIndicator({ ...valid, minValue: "10", maxValue: "5", target: "", baseline: "" })).toEqual({ success: false, errors: { maxValue: "maxBelowMin" } });
    expect(parseIndicator({ ...valid, minValue: "0", maxValue: "0", target: "0", baseline: "0" }).success).toBe(true);
  });

  it("refuses a target or a baseline outside the allowed values", () => {
    expect(parseIndicator({ ...valid, minValue: "0", maxValue: "100", target: "120", baseline: "-1" })).toEqual({
      success: false,
      errors: { target: "targetOutOfRange", baseline: "baselineOutOfRange" },
    });
  });

  it("reports the range problems together with other field errors", () => {
    expect(parseIndicator({ ...valid, code: "", minValue: "5", maxValue: "1" })).toEqual({ success: false, errors: { code: "codeRequired", maxValue: "maxBelowMin" } });
  });

  it("refuses non-numbers, huge numbers, a bad year and a fractional order", () => {
    const parsed = parseIndicator({ ...valid, target: "många", baseline: "1e5", minValue: "10000000000000", baselineYear: "24", sortOrder: "1,5" });
    expect(parsed).toEqual({
      success: false,
      errors: { target: "numberInvalid", baseline: "numberInvalid", minValue: "numberTooLarge", baselineYear: "baselineYearInvalid", sortOrder: "sortOrderInvalid" },
    });
  });

  it("refuses a name or description that is too long and strips control characters", () => {
    expect(parseIndicator({ ...valid, name: "x".repeat(201) })).toMatchObject({ errors: { name: "nameTooLong" } });
    expect(parseIndicator({ ...valid, description: "x".repeat(4001) })).toMatchObject({ errors: { description: "descriptionTooLong" } });
    expect(parseIndicator({ ...valid, unit: "x".repeat(41) })).toMatchObject({ errors: { unit: "unitTooLong" } });
    const parsed = parseIndicator({ ...valid, name: "Unga\u0000 i feriejobb\n" });
    expect(parsed.success && parsed.data.name).toBe("Unga i feriejobb");
  });

  it("reads the form and keeps what was typed", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(valid)) form.set(key, value);
    form.delete("active");
    const raw = indicatorFormValues(form);
    expect(raw).toMatchObject({ code: "UNG-02", active: "" });
    expect(keptIndicatorValues({ ...raw, target: "många" })).toMatchObject({ code: "UNG-02", target: "många", active: false });
  });
});
