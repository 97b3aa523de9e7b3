/**
 * The initiative catalogue and its open data (issue 6) against the real ephemeral stack, through
 * supabase-js as anonymous visitors and the demo personas, with the portal's own server functions
 * (`listCatalogue`, `readOpenData`, …): anonymous visitors see only public non-drafts (also through
 * the REST API directly), the open data is exactly the public set, signed-in partners also see
 * non-public ones, each filter finds the expected seed initiatives, CSV cells cannot run as
 * formulas, and bad filter input maps to the error keys.
 *
 * Other test files may add initiatives of their own at the same time, so the sets compared here are
 * the seed's initiatives plus this file's fixtures.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "../../app/lib/database.types.ts";
import { csvLine } from "../../app/lib/csv.ts";
import {
  listCatalogue,
  listOwnDrafts,
  openDataCells,
  readOpenData,
  OPEN_DATA_FIELDS,
} from "../../app/lib/initiatives.server.ts";
import {
  CATALOGUE_PAGE_SIZE,
  EMPTY_FILTERS,
  parseInitiativeFilters,
  type InitiativeFilters,
} from "../../app/lib/schemas/initiative-filters.ts";
import {
  anonClient,
  serviceClient,
  signedInClient,
} from "../support/clients.ts";
import { fixtureInitiative, INITIATIVE, ORG } from "../support/rls.ts";

type Client = SupabaseClient<Database>;
const SITE = "https://portal.example";
const seedIds = new Set(Object.values(INITIATIVE));
const fixtures: { id: string; remove: () => Promise<void> }[] = [];
const known = () =>
  new Set([...seedIds, ...fixtures.map((fixture) => fixture.id)]);
/** Seed numbers ("01"…"12") of the ids among the seed's initiatives, sorted. */
const seedNumbers = (ids: Iterable<string>) =>
  [...ids]
    .filter((id) => seedIds.has(id))
    .map((id) => id.slice(-2))
    .sort();

/** Every id the catalogue lists for these filters, page by page. */
async function catalogueIds(
  client: Client,
  filters: Partial<InitiativeFilters> = {},
  publicOnly = false
): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page <= 50; page++) {
    const result = await listCatalogue(
      client,
      { ...EMPTY_FILTERS, ...filters },
      page,
      { publicOnly }
    );
    ids.push(...result.initiatives.map((initiative) => initiative.id));
    if (result.initiatives.length < CATALOGUE_PAGE_SIZE) break;
  }
  return ids;
}

let anon: Client;
let region: Client;
let formulaId = "";

beforeAll(async () => {
  anon = anonClient();
  region = await signedInClient("region");
  const formula = await fixtureInitiative(ORG.svenskaKyrkan, {
    title: '=HYPERLINK("http://evil.example","Klicka")',
    summary: "+46 70 123 45 67 och @alla",
    contact_phone: "-1+1",
  });
  fixtures.push(formula);
  formulaId = formula.id;
});

afterAll(async () => {
  for (const fixture of fixtures) await fixture.remove();
});

describe("what anonymous visitors see", () => {
  it("lists only public non-drafts: never the non-public 04 or the drafts 05 and 07", async () => {
    const ids = await catalogueIds(anon, {}, true);
    expect(seedNumbers(ids)).toEqual([
      "01",
      "02",
      "03",
      "06",
      "08",
      "09",
      "10",
      "11",
      "12",
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gets the same through the REST API directly with the anon key", async () => {
    const stack = inject("stack");
    const response = await fetch(
      `${stack.url}/rest/v1/initiatives?select=id,status,is_public`,
      {
        headers: {
          apikey: stack.anonKey,
          Authorization: `Bearer ${stack.anonKey}`,
        },
      }
    );
    expect(response.status).toBe(200);
    const rows = (await response.json()) as {
      id: string;
      status: string;
      is_public: boolean;
    }[];
    expect(seedNumbers(rows.map((row) => row.id))).toEqual([
      "01",
      "02",
      "03",
      "06",
      "08",
      "09",
      "10",
      "11",
      "12",
    ]);
    expect(rows.every((row) => row.is_public && row.status !== "draft")).toBe(
      true
    );
    const drafts = await fetch(
      `${stack.url}/rest/v1/initiatives?select=id&or=(status.eq.draft,is_public.is.false)`,
      {
        headers: {
          apikey: stack.anonKey,
          Authorization: `Bearer ${stack.anonKey}`,
        },
      }
    );
    expect(await drafts.json()).toEqual([]);
  });

  it("the catalogue is sorted by start date, newest first, ties by id", async () => {
    const { data } = await serviceClient()
      .from("initiatives")
      .select("id, starts_on")
      .in("id", await catalogueIds(anon, {}, true));
    const byId = new Map(
      (data ?? []).map((row) => [row.id, row.starts_on ?? ""])
    );
    const ids = (await catalogueIds(anon, {}, true)).filter((id) =>
      byId.has(id)
    );
    const sorted = [...ids].sort(
      (a, b) =>
        byId.get(b)!.localeCompare(byId.get(a)!) || (a < b ? -1 : a > b ? 1 : 0)
    );
    expect(ids).toEqual(sorted);
  });
});

describe("open data", () => {
  it("is exactly the public non-drafts of active organisations, read anonymously, in batches", async () => {
    const { data, error } = await serviceClient()
      .from("initiatives")
      .select("id, organisations!initiatives_org_id_fkey!inner(status)")
      .eq("is_public", true)
      .neq("status", "draft")
      .eq("organisations.status", "active")
      .limit(10_000);
    expect(error).toBeNull();
    const scope = known();
    const expected = (data ?? [])
      .map((row) => row.id)
      .filter((id) => scope.has(id))
      .sort();
    const records = await readOpenData(anon, EMPTY_FILTERS, SITE);
    expect(
      records
        .map((record) => record.id)
        .filter((id) => scope.has(id))
        .sort()
    ).toEqual(expected);
    // Small batches give the same rows (keyset by id: none skipped, none twice).
    const batched = await readOpenData(anon, EMPTY_FILTERS, SITE, 3);
    expect(batched.map((record) => record.id).sort()).toEqual(
      records.map((record) => record.id).sort()
    );
    expect(seedNumbers(expected)).toEqual([
      "01",
      "02",
      "03",
      "06",
      "08",
      "09",
      "10",
      "11",
      "12",
    ]);
  });

  it("has every field, keys for target groups and focus areas, and the page address", async () => {
    const records = await readOpenData(
      anon,
      { ...EMPTY_FILTERS, q: "läxhjälp" },
      SITE
    );
    const record = records.find((row) => row.id === INITIATIVE[6]);
    expect(record).toBeDefined();
    expect(Object.keys(record!).sort()).toEqual([...OPEN_DATA_FIELDS].sort());
    expect(record).toMatchObject({
      organisation_id: ORG.kronogarden,
      organisation_name: "Kronogårdens kulturförening",
      target_groups: ["barn", "unga"],
      focus_areas: ["utbildning", "sprak"],
      districts: ["Kronogården"],
      contact_email: "lexhjalp@kronogarden.example",
      url: `${SITE}/initiatives/${INITIATIVE[6]}`,
    });
    expect(
      openDataCells(record!)[OPEN_DATA_FIELDS.indexOf("target_groups")]
    ).toBe("barn|unga");
  });

  it("takes the catalogue's filters", async () => {
    const records = await readOpenData(
      anon,
      { ...EMPTY_FILTERS, district: "Sylte" },
      SITE
    );
    expect(seedNumbers(records.map((record) => record.id))).toEqual([
      "03",
      "08",
      "11",
    ]);
  });

  it("is the public set even when read with a signed-in client (the routes always use the anonymous one)", async () => {
    // The builder adds is_public itself, so a signed-in client cannot widen the set.
    const records = await readOpenData(region, EMPTY_FILTERS, SITE);
    expect(seedNumbers(records.map((record) => record.id))).not.toContain("04");
  });

  it("neutralises CSV cells a spreadsheet would run as a formula", async () => {
    const records = await readOpenData(
      anon,
      { ...EMPTY_FILTERS, org: ORG.svenskaKyrkan },
      SITE
    );
    const record = records.find((row) => row.id === formulaId);
    expect(record).toBeDefined();
    const line = csvLine(openDataCells(record!), ";");
    const cells = openDataCells(record!);
    expect(cells[OPEN_DATA_FIELDS.indexOf("title")]).toBe(
      '=HYPERLINK("http://evil.example","Klicka")'
    );
    expect(line).toContain(
      `;"'=HYPERLINK(""http://evil.example"",""Klicka"")";`
    );
    expect(line).toContain(";'+46 70 123 45 67 och @alla;");
    expect(line).toContain(";'-1+1;");
    expect(line.endsWith("\r\n")).toBe(true);
  });
});

describe("what signed-in partners see", () => {
  it("non-public non-drafts too, but no drafts in the catalogue", async () => {
    const ids = await catalogueIds(region);
    expect(seedNumbers(ids)).toEqual([
      "01",
      "02",
      "03",
      "04",
      "06",
      "08",
      "09",
      "10",
      "11",
      "12",
    ]);
    const page = await listCatalogue(
      region,
      { ...EMPTY_FILTERS, district: "Sylte" },
      1,
      { publicOnly: false }
    );
    expect(
      page.initiatives.find((initiative) => initiative.id === INITIATIVE[4])
        ?.isPublic
    ).toBe(false);
  });

  it("their own organisation's drafts in a list of their own", async () => {
    const eidar = await signedInClient("eidar");
    expect(
      seedNumbers(
        (await listOwnDrafts(eidar, [ORG.eidar])).map((draft) => draft.id)
      )
    ).toEqual(["05"]);
    const association = await signedInClient("association");
    expect(
      seedNumbers(
        (await listOwnDrafts(association, [ORG.kronogarden])).map(
          (draft) => draft.id
        )
      )
    ).toEqual(["07"]);
    // Another organisation's drafts stay hidden even when asked for.
    expect(
      seedNumbers(
        (await listOwnDrafts(region, [ORG.eidar, ORG.kronogarden])).map(
          (draft) => draft.id
        )
      )
    ).toEqual([]);
  });
});

describe("filters", () => {
  const cases: [string, Partial<InitiativeFilters>, string[], string[]][] = [
    // [name, filters, anonymous, signed in as the region]
    [
      "district",
      { district: "Sylte" },
      ["03", "08", "11"],
      ["03", "04", "08", "11"],
    ],
    ["target group", { group: "kvinnor" }, ["11"], ["11"]],
    [
      "target group (non-public too)",
      { group: "barn" },
      ["06", "12"],
      ["04", "06", "12"],
    ],
    ["focus area", { area: "foraldraskap" }, ["09"], ["09"]],
    ["status", { status: "paused" }, ["12"], ["12"]],
    ["status planned", { status: "planned" }, [], ["04"]],
    ["organisation", { org: ORG.vgr }, ["08", "09"], ["08", "09"]],
    [
      "period in 2027",
      { from: "2027-01-01", to: "2027-12-31" },
      ["01", "02", "06", "08", "11", "12"],
      ["01", "02", "04", "06", "08", "11", "12"],
    ],
    [
      "period in January 2025",
      { from: "2025-01-01", to: "2025-01-31" },
      ["01", "06", "08", "11"],
      ["01", "06", "08", "11"],
    ],
    [
      "period open-ended start",
      { to: "2024-01-01" },
      ["08", "11"],
      ["08", "11"],
    ],
    ["text", { q: "läxhjälp" }, ["06"], ["06"]],
    [
      "text (websearch or)",
      { q: "sommarjobb or boendeskola" },
      ["01", "03"],
      ["01", "03"],
    ],
    ["text (stemmed)", { q: "trygghetsvandring" }, ["02"], ["02"]],
    [
      "combined",
      { district: "Kronogården", group: "unga", area: "arbete" },
      ["01"],
      ["01"],
    ],
  ];
  for (const [name, filters, anonymous, signedIn] of cases) {
    it(`${name}: ${JSON.stringify(filters)}`, async () => {
      expect(seedNumbers(await catalogueIds(anon, filters, true))).toEqual(
        anonymous
      );
      expect(seedNumbers(await catalogueIds(region, filters))).toEqual(
        signedIn
      );
    });
  }

  it("a page past the end is empty, not an error", async () => {
    const page = await listCatalogue(
      anon,
      { ...EMPTY_FILTERS, district: "Sylte" },
      40,
      { publicOnly: true }
    );
    expect(page).toMatchObject({
      initiatives: [],
      total: 0,
      atLeast: false,
      page: 40,
    });
  });

  it("counts what matches", async () => {
    const page = await listCatalogue(
      anon,
      { ...EMPTY_FILTERS, district: "Sylte" },
      1,
      { publicOnly: true }
    );
    const sylte = (await catalogueIds(anon, { district: "Sylte" }, true))
      .length;
    expect(page).toMatchObject({
      total: sylte,
      atLeast: false,
      page: 1,
      pages: 1,
    });
  });
});

describe("bad filter input", () => {
  const parse = (query: string) =>
    parseInitiativeFilters(new URLSearchParams(query));
  const errorsOf = (query: string) => {
    const result = parse(query);
    return result.ok ? {} : result.errors;
  };

  it("accepts good input and empty values", () => {
    expect(
      parse(
        "district=Kronog%C3%A5rden&group=unga&area=arbete&status=ongoing&from=2026-01-01&to=2026-12-31&q=%20l%C3%A4xhj%C3%A4lp%20"
      ).ok
    ).toBe(true);
    expect(parse("district=&group=&q=&from=&to=").ok).toBe(true);
    expect(parse("from=2026-05-01&to=2026-05-01").ok).toBe(true);
  });

  it("maps each bad value to its error key", () => {
    expect(errorsOf("district=Atlantis")).toEqual({
      district: "unknownDistrict",
    });
    expect(errorsOf("group=pirater")).toEqual({ group: "unknownTargetGroup" });
    expect(errorsOf("area=rymden")).toEqual({ area: "unknownFocusArea" });
    expect(errorsOf("status=draft")).toEqual({ status: "unknownStatus" });
    expect(errorsOf("org=not-a-uuid")).toEqual({ org: "unknownOrganisation" });
    expect(errorsOf("from=2026-02-30")).toEqual({ from: "badDate" });
    expect(errorsOf("to=igår")).toEqual({ to: "badDate" });
    expect(errorsOf("from=2026-06-01&to=2026-05-01")).toEqual({
      to: "fromAfterTo",
    });
    expect(errorsOf(`q=${"a".repeat(201)}`)).toEqual({ q: "queryTooLong" });
    expect(errorsOf("district=Atlantis&from=x")).toEqual({
      district: "unknownDistrict",
      from: "badDate",
    });
  });
});
