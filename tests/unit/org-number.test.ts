import { describe, expect, it } from "vitest";
import { isValidOrgNumber, luhnCheckDigit, normalizeOrgNumber } from "~/lib/org-number";

describe("organisationsnummer", () => {
  // Real, published numbers.
  const valid = [
    "212000-1561", // Trollhättans kommun
    "232100-0131", // Västra Götalandsregionen
    "556074-3089", // Volvo Personvagnar AB
    "556703-7485", // Spotify AB
    "5560743089", // without the hyphen
  ];
  it.each(valid)("accepts %s", (value) => {
    expect(isValidOrgNumber(value)).toBe(true);
  });

  const invalid = [
    "212000-1562", // wrong check digit
    "556074-3088",
    "802500-6006", // format right, check digit wrong
    "212000 1561", // space instead of hyphen
    "21200-01561", // hyphen in the wrong place
    "212000-156", // too short
    "2120001561-", // stray hyphen
    "abcdef-ghij",
    "",
  ];
  it.each(invalid)("refuses %s", (value) => {
    expect(isValidOrgNumber(value)).toBe(false);
  });

  it("normalizes to NNNNNN-NNNN", () => {
    expect(normalizeOrgNumber(" 2120001561 ")).toBe("212000-1561");
    expect(normalizeOrgNumber("212000-1561")).toBe("212000-1561");
    expect(normalizeOrgNumber("212000--1561")).toBeNull();
  });

  it("computes the Luhn check digit", () => {
    expect(luhnCheckDigit("212000156")).toBe(1);
    expect(luhnCheckDigit("556074308")).toBe(9);
  });
});
