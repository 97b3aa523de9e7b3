/**
 * The coordinators' reporting-period form (app/lib/schemas/reporting-period.ts): dates in order,
 * forged organisation and indicator ids, and the numbered question rows – blank rows ignored,
 * removal only when ticked, the order field, each problem at its own row.
 */
import { describe, expect, it } from "vitest";
import { errorOrder, keptPeriodValues, parsePeriod, periodFormValues, type QuestionRow } from "../../app/lib/schemas/reporting-period.ts";

const ORG = "bbbbbbbb-0000-4000-8000-000000000001";
const ORG2 = "bbbbbbbb-0000-4000-8000-000000000002";
const INDICATOR = "dddddddd-0000-4000-8000-000000000002";
const Q1 = "c0c0c0c0-0000-4000-8000-000000000021";
const Q2 = "c0c0c0c0-0000-4000-8000-000000000022";

const row = (values: Partial<QuestionRow>): QuestionRow => ({ id: "", position: "", question: "", help: "", required: true, remove: false, ...values });

const valid = {
  name: "Helår 2026",
  startsOn: "2026-01-01",
  endsOn: "2026-12-31",
  dueOn: "2027-02-28",
  status: "open",
  orgIds: [ORG, ORG2],
  indicatorIds: [INDICATOR],
  questions: [
    row({ id: Q1, position: "1", question: "Vad har ni gjort?", help: "Kort." }),
    row({ id: Q2, position: "2", question: "Vilka resultat?", required: false }),
    row({ position: "3" }),
    row({ position: "4" }),
  ],
};

describe("parsePeriod", () => {
  it("accepts a period; blank rows are left out, the questions keep their ids", () => {
    const parsed = parsePeriod(valid);
    expect(parsed).toEqual({
      success: true,
      data: {
        name: "Helår 2026",
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        dueOn: "2027-02-28",
        status: "open",
        orgIds: [ORG, ORG2],
        indicatorIds: [INDICATOR],
        questions: [
          { id: Q1, question: "Vad har ni gjort?", help: "Kort.", required: true },
          { id: Q2, question: "Vilka resultat?", help: null, required: false },
        ],
        removed: [],
      },
    });
  });

  it("adds new questions, removes ticked ones and orders by the order field", () => {
    const parsed = parsePeriod({
      ...valid,
      questions: [
        row({ id: Q1, position: "2", question: "Vad har ni gjort?" }),
        row({ id: Q2, position: "2", question: "Vilka resultat?", remove: true }),
        row({ position: "1", question: "  Ny första fråga  ", help: "Hjälp\r\nrad två" }),
        row({ position: "", question: "Sist utan ordning" }),
        row({ remove: true }),
      ],
    });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.questions).toEqual([
      { id: null, question: "Ny första fråga", help: "Hjälp\nrad två", required: true },
      { id: Q1, question: "Vad har ni gjort?", help: null, required: true },
      { id: null, question: "Sist utan ordning", help: null, required: true },
    ]);
    expect(parsed.data.removed).toEqual([{ id: Q2, index: 1 }]);
  });

  it("refuses dates out of order, next to the later date", () => {
    expect(parsePeriod({ ...valid, endsOn: "2025-12-31", dueOn: "2025-06-01" })).toEqual({
      success: false,
      errors: { endsOn: "endBeforeStart", dueOn: "dueBeforeStart" },
    });
    // due before the end of the period is allowed (the database allows it too)
    expect(parsePeriod({ ...valid, dueOn: "2026-06-01" }).success).toBe(true);
  });

  it("refuses missing and impossible dates, a short name and an unknown status", () => {
    expect(parsePeriod({ ...valid, name: " x ", startsOn: "", endsOn: "2026-02-30", status: "pending" })).toEqual({
      success: false,
      errors: { name: "nameRequired", startsOn: "dateRequired", endsOn: "dateInvalid", status: "statusUnknown" },
    });
    expect(parsePeriod({ ...valid, name: "x".repeat(101) })).toMatchObject({ errors: { name: "nameTooLong" } });
  });

  it("refuses forged organisation and indicator ids", () => {
    expect(parsePeriod({ ...valid, orgIds: [ORG, "not-a-uuid"], indicatorIds: ["1; drop table"] })).toEqual({
      success: false,
      errors: { orgIds: "organisationUnknown", indicatorIds: "indicatorUnknown" },
    });
  });

  it("puts a problem with a question at its row", () => {
    const parsed = parsePeriod({
      ...valid,
      questions: [
        row({ id: Q1, question: "" }),
        row({ question: "Ja", position: "0" }),
        row({ question: "x".repeat(501), help: "y".repeat(2001) }),
        row({ help: "Hjälptext utan fråga" }),
        row({ id: "forged", question: "Vad?" }),
        row({ id: Q1, question: "Samma fråga två gånger" }),
      ],
    });
    expect(parsed).toEqual({
      success: false,
      errors: {
        "question-0": "questionRequired",
        "question-1": "questionTooShort",
        "position-1": "positionInvalid",
        "question-2": "questionTooLong",
        "help-2": "helpTooLong",
        "question-3": "questionRequired",
        "question-4": "questionUnknown",
        "question-5": "questionUnknown",
      },
    });
    if (!parsed.success) {
      expect(errorOrder(parsed.errors, 6)).toEqual(["position-1", "question-0", "question-1", "question-2", "help-2", "question-3", "question-4", "question-5"].sort(byRow));
    }
  });

  it("allows at most 30 questions", () => {
    const many = Array.from({ length: 31 }, (_, index) => row({ question: `Fråga nummer ${index + 1}` }));
    expect(parsePeriod({ ...valid, questions: many })).toEqual({ success: false, errors: { questions: "tooManyQuestions" } });
  });
});

/** Row errors in form order: by row, then position, question, help within the row. */
function byRow(a: string, b: string): number {
  const order = ["position", "question", "help", "remove"];
  const [fa, ra] = a.split("-");
  const [fb, rb] = b.split("-");
  return Number(ra) - Number(rb) || order.indexOf(fa!) - order.indexOf(fb!);
}

describe("the form's values", () => {
  it("reads the numbered rows in order, the checkboxes as lists and ticks as booleans", () => {
    const form = new FormData();
    form.set("name", "Helår 2026");
    form.set("startsOn", "2026-01-01");
    form.set("endsOn", "2026-12-31");
    form.set("dueOn", "2027-02-28");
    form.set("status", "closed");
    form.append("orgIds", ORG);
    form.append("orgIds", ORG2);
    form.append("indicatorIds", INDICATOR);
    form.set("questionId-0", Q1);
    form.set("position-0", "1");
    form.set("question-0", "Vad har ni gjort?");
    form.set("help-0", "");
    form.set("required-0", "on");
    form.set("position-10", "3");
    form.set("question-10", "Ny fråga");
    form.set("help-10", "");
    form.set("position-2", "2");
    form.set("question-2", "");
    form.set("help-2", "");
    form.set("remove-2", "on");
    const raw = periodFormValues(form);
    expect(raw).toEqual({
      name: "Helår 2026",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      dueOn: "2027-02-28",
      status: "closed",
      orgIds: [ORG, ORG2],
      indicatorIds: [INDICATOR],
      questions: [
        { id: Q1, position: "1", question: "Vad har ni gjort?", help: "", required: true, remove: false },
        { id: "", position: "2", question: "", help: "", required: false, remove: true },
        { id: "", position: "3", question: "Ny fråga", help: "", required: false, remove: false },
      ],
    });
    expect(keptPeriodValues(raw)).toEqual(raw);
    expect(parsePeriod(raw)).toMatchObject({ success: true, data: { status: "closed", questions: [{ id: Q1 }, { id: null, question: "Ny fråga", required: false }] } });
  });
});
