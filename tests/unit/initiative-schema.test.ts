/**
 * The register form's rules (app/lib/schemas/initiative.ts): a draft saves with only field rules,
 * publishing requires what `initiatives_publishable` requires (each missing field by key), Swedish
 * numbers, end before start, forged vocabulary, the description limit, control characters, and the
 * progress update's rules.
 */
import { describe, expect, it } from "vitest";
import {
  cleanText,
  initiativeFormValues,
  parseInitiative,
  parseSwedishNumber,
  progressUpdateSchema,
  statusWhenPublished,
} from "../../app/lib/schemas/initiative.ts";
import { parseValues } from "../../app/lib/schemas/form.ts";

const ORG = "bbbbbbbb-0000-4000-8000-000000000001";
const PARTNER = "bbbbbbbb-0000-4000-8000-000000000002";

const complete = {
  orgId: ORG,
  title: "Läxhjälp i Kronogården",
  summary: "Läxhjälp två kvällar i veckan.",
  description: "",
  status: "draft",
  startsOn: "2026-09-01",
  endsOn: "2027-06-15",
  districts: ["Kronogården"],
  targetGroups: ["barn"],
  focusAreas: ["utbildning"],
  participantsExpected: "40",
  budget: "12 500",
  fundingSource: "Egen budget",
  contactName: "Anna",
  contactEmail: "anna@exempel.se",
  contactPhone: "0520-123 45",
  isPublic: "on",
  partners: [],
};

describe("draft and publish", () => {
  it("saves a draft with only a title and an organisation", () => {
    const result = parseInitiative({ orgId: ORG, title: "Ny insats" }, false);
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data).toMatchObject({ title: "Ny insats", summary: null, districts: [], budget: null, isPublic: false, partners: [] });
    }
  });

  it("needs a title of at least 3 characters even for a draft", () => {
    const result = parseInitiative({ orgId: ORG, title: " a " }, false);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.title).toBe("titleRequired");
  });

  it("names every missing field when publishing an incomplete initiative", () => {
    const result = parseInitiative({ orgId: ORG, title: "Ny insats", isPublic: "on" }, true);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.errors).toMatchObject({
        summary: "summaryRequired",
        startsOn: "startRequired",
        districts: "districtsRequired",
        targetGroups: "targetGroupsRequired",
        focusAreas: "focusAreasRequired",
        contactEmail: "contactEmailRequired",
      });
    }
  });

  it("does not ask for a contact e-mail when the initiative is not public", () => {
    const result = parseInitiative({ ...complete, isPublic: "", contactEmail: "" }, true);
    expect(result.success).toBe(true);
  });

  it("publishes a complete initiative", () => {
    const result = parseInitiative(complete, true);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data).toMatchObject({ budget: 12500, participantsExpected: 40, isPublic: true });
  });

  it("chooses planned or ongoing by the start date when a draft is published", () => {
    expect(statusWhenPublished("draft", "2026-12-01", "2026-11-27")).toBe("planned");
    expect(statusWhenPublished("draft", "2026-11-27", "2026-11-27")).toBe("ongoing");
    expect(statusWhenPublished("draft", null, "2026-11-27")).toBe("ongoing");
    expect(statusWhenPublished("paused", "2026-12-01", "2026-11-27")).toBe("paused");
  });
});

describe("Swedish numbers", () => {
  it.each([
    ["12 500", 12500],
    ["12500,50", 12500.5],
    ["12\u00a0500 kr", 12500],
    ["1 000 000", 1000000],
    ["12500.5", 12500.5],
    ["", null],
    ["   ", null],
  ])("reads %j as %j", (input, expected) => {
    expect(parseSwedishNumber(input)).toBe(expected);
  });

  it("gives NaN for what is no number", () => {
    expect(parseSwedishNumber("tolv")).toBeNaN();
    expect(parseSwedishNumber("12,5,0")).toBeNaN();
    expect(parseSwedishNumber("1e5")).toBeNaN();
  });

  it("refuses negative and malformed participants and budgets", () => {
    const negative = parseInitiative({ ...complete, participantsExpected: "-3", budget: "-100" }, false);
    expect(negative.success).toBe(false);
    if (!negative.success) expect(negative.errors).toMatchObject({ participantsExpected: "participantsNegative", budget: "budgetNegative" });
    const malformed = parseInitiative({ ...complete, participantsExpected: "12,5", budget: "mycket" }, false);
    expect(malformed.success).toBe(false);
    if (!malformed.success) expect(malformed.errors).toMatchObject({ participantsExpected: "participantsInvalid", budget: "budgetInvalid" });
  });
});

describe("bad input", () => {
  it("refuses an end date before the start date", () => {
    const result = parseInitiative({ ...complete, startsOn: "2026-09-01", endsOn: "2026-08-31" }, false);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.endsOn).toBe("endBeforeStart");
  });

  it("refuses dates that do not exist", () => {
    const result = parseInitiative({ ...complete, startsOn: "2026-02-30" }, false);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.startsOn).toBe("dateInvalid");
  });

  it("refuses unknown districts, target groups, focus areas and statuses (a forged form)", () => {
    const result = parseInitiative(
      { ...complete, districts: ["Kronogården", "Göteborg"], targetGroups: ["pirater"], focusAreas: ["<script>"], status: "deleted" },
      false,
    );
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.errors).toMatchObject({
        districts: "districtUnknown",
        targetGroups: "targetGroupUnknown",
        focusAreas: "focusAreaUnknown",
        status: "statusUnknown",
      });
    }
  });

  it("refuses a 100 kB description with the limit's message key", () => {
    const result = parseInitiative({ ...complete, description: "x".repeat(100 * 1024) }, false);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.description).toBe("descriptionTooLong");
    expect(parseInitiative({ ...complete, description: "x".repeat(20_000) }, false).success).toBe(true);
  });

  it("keeps HTML as text and strips control characters", () => {
    const result = parseInitiative({ ...complete, title: "<b>Fet</b>\u0000 insats\u0007", description: "Rad 1\r\nRad 2\u001b<script>alert(1)</script>" }, false);
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.title).toBe("<b>Fet</b> insats");
      expect(result.data.description).toBe("Rad 1\nRad 2<script>alert(1)</script>");
    }
    expect(cleanText("a\u2028b\u0085c")).toBe("abc");
  });

  it("refuses a malformed contact e-mail and the owner as its own partner", () => {
    const result = parseInitiative({ ...complete, contactEmail: "inte en adress", partners: [{ orgId: ORG, role: "" }] }, false);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors).toMatchObject({ contactEmail: "contactEmailInvalid", partners: "partnerIsOwner" });
  });

  it("reads checkboxes and partner roles from the submitted form", () => {
    const form = new FormData();
    form.set("orgId", ORG);
    form.set("title", "Insats");
    form.append("districts", "Sylte");
    form.append("districts", "Lextorp");
    form.append("partners", PARTNER);
    form.set(`partnerRole-${PARTNER}`, "Lokaler");
    const values = initiativeFormValues(form);
    expect(values.districts).toEqual(["Sylte", "Lextorp"]);
    expect(values.partners).toEqual([{ orgId: PARTNER, role: "Lokaler" }]);
    const parsed = parseInitiative(values, false);
    expect(parsed.success && parsed.data.partners).toEqual([{ orgId: PARTNER, role: "Lokaler" }]);
  });

  it("refuses a partner id that is no uuid", () => {
    const result = parseInitiative({ ...complete, partners: [{ orgId: "'; drop table", role: "" }] }, false);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.partners).toBe("partnerUnknown");
  });
});

describe("progress updates", () => {
  const schema = progressUpdateSchema("2026-11-27");
  it("defaults the date to today and accepts a published status", () => {
    const result = parseValues(schema, { reportedOn: "", body: "Första träffen", participantsReached: "12", newStatus: "ongoing" });
    expect(result.success && result.data).toEqual({ reportedOn: "2026-11-27", body: "Första träffen", participantsReached: 12, newStatus: "ongoing" });
  });
  it("refuses a future date, a too short text, negative participants and draft as new status", () => {
    const result = parseValues(schema, { reportedOn: "2026-11-28", body: "ok", participantsReached: "-1", newStatus: "draft" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.errors).toEqual({ reportedOn: "dateInFuture", body: "bodyTooShort", participantsReached: "participantsNegative", newStatus: "statusUnknown" });
    }
  });
  it("refuses a text over 2000 characters", () => {
    const result = parseValues(schema, { body: "x".repeat(2001) });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.body).toBe("bodyTooLong");
  });
});
