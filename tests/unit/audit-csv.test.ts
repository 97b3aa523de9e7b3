import { describe, expect, it } from "vitest";
import { csvCell, filterQuery, parseAuditFilters, stockholmMidnight, toCsv } from "~/lib/audit.server";

describe("audit CSV", () => {
  it("escapes separators, quotes and line breaks", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hej"')).toBe('"say ""hej"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("semi;colon")).toBe('"semi;colon"');
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+46 70")).toBe("'+46 70");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("keeps plain numbers, negative ones too, as numbers", () => {
    expect(csvCell("-1")).toBe("-1");
    expect(csvCell("-2,5")).toBe('"-2,5"');
    expect(csvCell("74.5")).toBe("74.5");
  });

  it("is UTF-8 with a byte-order mark and CRLF line ends", () => {
    const csv = toCsv([
      ["Tidpunkt", "Händelse"],
      ["2026-11-27T12:00:00.000Z", "Organisation godkänd"],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("Tidpunkt,Händelse\r\n2026-11-27T12:00:00.000Z,Organisation godkänd\r\n");
  });
});

describe("audit filters", () => {
  it("keeps only well-formed values", () => {
    const filters = parseAuditFilters(
      new URLSearchParams({ actor: " anna ", action: "organisation.approved", entity: "x'); drop", entityId: "nope", from: "2026-01-01", to: "01/02/2026" }),
    );
    expect(filters).toEqual({ actor: "anna", action: "organisation.approved", entity: "", entityId: "", from: "2026-01-01", to: "" });
    expect(filterQuery(filters, 2)).toBe("actor=anna&action=organisation.approved&from=2026-01-01&page=2");
  });

  it("reads dates in Swedish time (winter and summer)", () => {
    expect(stockholmMidnight("2026-01-15")).toBe("2026-01-15T00:00:00+01:00");
    expect(stockholmMidnight("2026-07-15")).toBe("2026-07-15T00:00:00+02:00");
  });
});
