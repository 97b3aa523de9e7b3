/**
 * The shared form parsing (app/lib/schemas/form.ts): every submitted value is made storable and
 * comparable before any schema sees it — no NUL (Postgres refuses it), no other control characters
 * except tab and line breaks, no lone surrogates, NFC — and passwords pass through as typed.
 */
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { cleanFormText, cleanFormValues, formStrings, isUuid, parseValues } from "~/lib/schemas/form";
import { profileSchema } from "~/lib/schemas/members";
import { applicationSchema, formValues } from "~/lib/schemas/organisation";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe("cleanFormText", () => {
  it("removes NUL and the other C0 controls and DEL", () => {
    expect(cleanFormText("a\u0000b")).toBe("ab");
    expect(cleanFormText("x\u0008\u001b[31m\u0007\u007fy")).toBe("x[31my");
    expect(cleanFormText("\u0000\u0001\u001f")).toBe("");
  });

  it("keeps tab, line feed and carriage return (the schemas decide about line ends)", () => {
    expect(cleanFormText("rad 1\r\nrad 2\n\tindrag")).toBe("rad 1\r\nrad 2\n\tindrag");
  });

  it("replaces lone surrogates and keeps real pairs", () => {
    expect(cleanFormText("\ud800x\udfff")).toBe("\ufffdx\ufffd");
    expect(cleanFormText("x\udc00\ud800")).toBe("x\ufffd\ufffd");
    expect(cleanFormText("grattis 🎉")).toBe("grattis 🎉");
    // The result encodes to UTF-8 without loss.
    const cleaned = cleanFormText("a\ud83db");
    expect(new TextDecoder().decode(new TextEncoder().encode(cleaned))).toBe(cleaned);
  });

  it("normalises to NFC", () => {
    expect(cleanFormText("Kronoga\u030arden e\u0301")).toBe("Kronogården é");
    expect(cleanFormText("Kronoga\u030arden").length).toBe("Kronogården".length);
  });

  it("leaves ordinary text, SQL and markup alone (they are data, escaped where shown)", () => {
    for (const text of ["Hej då!", "'; drop table posts; --", "<script>alert(1)</script>", "åäö ÅÄÖ € ½"]) {
      expect(cleanFormText(text)).toBe(text);
    }
  });
});

describe("formStrings", () => {
  it("clean the first value of each field and keep passwords as typed", () => {
    const data = form([
      ["name", "Anna\u0000"],
      ["name", "second"],
      ["password", "lösen\u0000ord e\u0301"],
      ["currentPassword", "a\u0008"],
      ["confirm", "x\u0000"],
    ]);
    expect(formStrings(data)).toEqual({ name: "Anna", password: "lösen\u0000ord e\u0301", currentPassword: "a\u0008", confirm: "x\u0000" });
  });

  it("ignore files", () => {
    const data = new FormData();
    data.append("file", new Blob(["x"]), "x.txt");
    expect(formStrings(data)).toEqual({});
  });
});

describe("parseValues", () => {
  it("cleans strings, lists and nested rows before the schema runs", () => {
    expect(cleanFormValues({ a: "x\u0000", list: ["b\u0007", "c"], rows: [{ q: "\ud800" }], n: 3, flag: true, none: null })).toEqual({
      a: "x",
      list: ["b", "c"],
      rows: [{ q: "\ufffd" }],
      n: 3,
      flag: true,
      none: null,
    });
    const schema = z.object({ title: z.string().min(1, "required") });
    expect(parseValues(schema, { title: "\u0000\u001b" })).toEqual({ success: false, errors: { title: "required" } });
    expect(parseValues(schema, { title: "Ny\u0000 tråd" })).toEqual({ success: true, data: { title: "Ny tråd" } });
  });

  it("applies to forms read by their own readers (organisation form, member profile)", () => {
    const parsed = parseValues(profileSchema, formStrings(form([["description", "Kultur\u0000för\u0007ening e\u0301"], ["website", ""]])));
    expect(parsed).toEqual({ success: true, data: { description: "Kulturförening é", website: "" } });
    const application = parseValues(
      applicationSchema,
      formValues(
        form([
          ["name", "Förening\u0000 Ett"],
          ["orgNumber", "802000-0000"],
          ["kind", "association"],
          ["districts", "Kronogården"],
          ["description", "Vi\u0000 gör saker i området."],
          ["website", ""],
          ["contactName", "Anna"],
          ["contactEmail", "anna@example.se"],
        ]),
      ),
    );
    if (application.success) {
      expect(application.data.name).toBe("Förening Ett");
      expect(application.data.description).toBe("Vi gör saker i området.");
    } else {
      // The seed-like org number may be refused; the texts must still not carry the NUL.
      expect(application.errors.name).toBeUndefined();
      expect(application.errors.description).toBeUndefined();
    }
  });
});

describe("isUuid", () => {
  it("accepts ids and refuses what Postgres would refuse as a uuid", () => {
    expect(isUuid("bbbbbbbb-0000-4000-8000-000000000002")).toBe(true);
    for (const value of ["", "' or 1=1 --", "bbbbbbbb-0000-4000-8000-00000000000", "bbbbbbbb-0000-4000-8000-000000000002 ", ["x"], null]) {
      expect(isUuid(value)).toBe(false);
    }
  });
});
