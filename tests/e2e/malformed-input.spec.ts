/**
 * Bad input, everywhere (issue 9, item 3). Every route of the build that has an `action` gets
 * malformed posts — empty bodies, known intents with missing fields, unknown extra fields, wrong
 * types, repeated fields, 1 MB strings, control characters, SQL and script payloads, invalid UTF-8
 * and an over-long body — as urlencoded and as multipart forms, from an anonymous visitor, the
 * coordinator (the widest rights) and an organisation's admin. Each answer must be a 4xx (never a
 * 5xx); an answer from a form whose fields reached the schema shows the field errors; and no table
 * of `public` changed (row count and a hash of every row, before and after each route's barrage).
 *
 * The routes come from the build (`build/index.js` exports `routes`), so a new form action is
 * covered automatically: it fails here until FORMS says which intents and fields it has.
 * Stored hostile text is then saved through valid forms and must be shown as text, and control
 * characters in a valid submission are stripped rather than ending in a server error.
 *
 * Refused means 4xx; for an anonymous visitor also the redirect to /login. The posts whose values
 * a page shows again (and those that check field errors) are sent as documents, as a browser
 * without JavaScript sends them; the rest as Remix data requests (`.data`), which run the same
 * action without rendering the page, to keep the run short (about a minute).
 */
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { request as playwrightRequest } from "@playwright/test";
import pg from "pg";
import { XSS_CORPUS } from "../support/xss-corpus.ts";
import { expect, test } from "./fixtures.ts";
import { DEMO, DEMO_PASSWORD, signIn } from "./support.ts";

// --- The seed (supabase/seed.sql) ------------------------------------------------------------------

const seedId = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}`;
const SEED = {
  kronogarden: seedId("bbbbbbbb", 2),
  kronogardenInitiative: seedId("1a1a1a1a", 6),
  indicator: seedId("dddddddd", 2), // UNG-01
  openPeriod: seedId("cccccccc", 2),
  kronoDraftReport: seedId("eeeeeeee", 4),
  trygghetForum: "trygghet-kronogarden-lextorp", // moderated by the coordinator and the association
  kronoCentrumThread: seedId("7a7a7a7a", 3), // in the trygghet forum, by the association
  question: seedId("c0c0c0c0", 21),
} as const;

/**
 * The value of each route parameter, by the path segment before it and its name: `:id` means a
 * different thing under /reports and under /initiatives. A parameter missing here fails the test.
 */
const PARAMS: Record<string, string> = {
  "organisations/:id": SEED.kronogarden,
  "initiatives/:id": SEED.kronogardenInitiative,
  "indicators/:id": SEED.indicator,
  "periods/:id": SEED.openPeriod,
  "reports/:id": SEED.kronoDraftReport,
  "forums/:slug": SEED.trygghetForum,
  "threads/:id": SEED.kronoCentrumThread,
  "summary/:periodId": SEED.openPeriod,
};

// --- What each action accepts -----------------------------------------------------------------------

/**
 * How a field judges hostile values: `strict` fields accept none of them (ids, enums, numbers,
 * dates, e-mail addresses: an SQL string is never valid there); `required` text refuses blank
 * values (after control characters are stripped) and 1 MB; `optional` text refuses only 1 MB.
 */
type Kind = "strict" | "required" | "optional";

interface IntentForm {
  /** The `intent` value posted, or null for a form without one. */
  intent: string | null;
  fields: Record<string, Kind>;
  /**
   * A required field left out of every hostile payload, so that hostile values in the other fields
   * can never make a valid (and stored) submission. Null when every payload is invalid anyway.
   */
  breaker: string | null;
  /**
   * The row the form acts on (a hidden id from the button): checked before the fields, so an
   * answer to a payload with a bad target is a refusal without field errors.
   */
  target?: string;
  /** Valid values for the other fields, so that a bad target is also sent on its own. */
  valid?: Record<string, string>;
}

interface RouteForms {
  forms: IntentForm[];
  /**
   * Intents without fields that change something when posted (join, pin, delete …): posting them
   * with valid ids is not malformed input, so they are not sent (their own tests cover them).
   */
  fieldless?: string[];
}

const FORMS: Record<string, RouteForms> = {
  "routes/account": {
    forms: [
      { intent: null, breaker: "fullName", fields: { fullName: "required", title: "optional", phone: "optional", locale: "strict", notificationFrequency: "strict" } },
      // Without `confirm` the schema refuses before the current password is checked (no throttle count).
      { intent: "password", breaker: "confirm", fields: { currentPassword: "required", password: "required", confirm: "required" } },
    ],
  },
  "routes/account_.delete": { forms: [{ intent: null, breaker: null, fields: { confirmEmail: "strict" } }] },
  "routes/admin.indicators.$id": {
    forms: [
      {
        intent: "save",
        breaker: "code",
        fields: { code: "strict", name: "required", description: "optional", unit: "required", direction: "strict", target: "strict", baseline: "strict", baselineYear: "strict", koladaKpi: "strict", minValue: "strict", maxValue: "strict", sortOrder: "strict", active: "optional" },
      },
    ],
    fieldless: ["activate", "deactivate", "delete"],
  },
  "routes/admin.indicators.new": {
    forms: [
      {
        intent: null,
        breaker: "code",
        fields: { code: "strict", name: "required", description: "optional", unit: "required", direction: "strict", target: "strict", baseline: "strict", baselineYear: "strict", koladaKpi: "strict", minValue: "strict", maxValue: "strict", sortOrder: "strict", active: "optional" },
      },
    ],
  },
  "routes/admin.organisations.$id": {
    forms: [
      {
        intent: null,
        breaker: "kind",
        fields: { name: "required", orgNumber: "strict", kind: "strict", districts: "strict", description: "optional", website: "optional", contactEmail: "optional", reportsToBoard: "optional" },
      },
    ],
    fieldless: ["archive", "reactivate"],
  },
  "routes/admin.organisations._index": {
    forms: [
      { intent: "approve", breaker: null, fields: { orgId: "strict" }, target: "orgId" },
      { intent: "reject", breaker: null, fields: { orgId: "strict", reason: "required" }, target: "orgId", valid: { reason: "Ansökan saknar uppgifter." } },
    ],
  },
  "routes/admin.people": {
    forms: [
      { intent: "invite", breaker: null, fields: { email: "strict", name: "required", organisation: "strict", role: "strict", platformRole: "strict" } },
      { intent: "grant", breaker: null, fields: { user: "strict", role: "strict", q: "optional" }, target: "user", valid: { role: "board" } },
      { intent: "revoke", breaker: null, fields: { user: "strict", role: "strict", q: "optional" }, target: "user", valid: { role: "board" } },
    ],
  },
  "routes/admin.periods.$id": {
    forms: [
      {
        intent: null,
        breaker: "name",
        fields: { name: "required", startsOn: "strict", endsOn: "strict", dueOn: "strict", status: "strict", orgIds: "strict", indicatorIds: "strict", "question-0": "required", "questionId-0": "strict", "help-0": "optional", "position-0": "strict", "required-0": "optional" },
      },
    ],
  },
  "routes/admin.periods.new": {
    forms: [
      {
        intent: null,
        breaker: "name",
        fields: { name: "required", startsOn: "strict", endsOn: "strict", dueOn: "strict", status: "strict", orgIds: "strict", indicatorIds: "strict", "question-0": "required", "help-0": "optional", "position-0": "strict" },
      },
    ],
  },
  "routes/apply": {
    // The honeypot ("homepage") is never filled: a bot that fills it is told it succeeded.
    forms: [
      {
        intent: null,
        breaker: "name",
        fields: { name: "required", orgNumber: "strict", kind: "strict", districts: "strict", description: "required", website: "optional", contactName: "required", contactEmail: "strict", message: "optional" },
      },
    ],
  },
  "routes/board.summary.$periodId": {
    forms: [{ intent: "save", breaker: null, fields: { coveringText: "optional" } }],
    fieldless: ["release", "withdraw"],
  },
  "routes/forums.$slug._index": {
    forms: [{ intent: "start-thread", breaker: "title", fields: { title: "required", body: "required" } }],
    fieldless: ["join", "request", "withdraw", "leave", "watch", "unwatch", "mark-read"],
  },
  "routes/forums.$slug.members": {
    forms: [
      { intent: "add", breaker: null, fields: { email: "strict" } },
      // decline, makeModerator and removeModerator pass the same id check as these two, before their branch.
      ...["approve", "remove"].map((intent) => ({
        intent,
        breaker: null,
        target: "user",
        valid: { name: "Anna" },
        fields: { user: "strict", name: "optional", page: "optional" } as Record<string, Kind>,
      })),
    ],
  },
  "routes/forums.$slug.settings": {
    forms: [
      { intent: "save", breaker: "visibility", fields: { name: "required", description: "optional", visibility: "strict" } },
      { intent: "removeModerator", breaker: null, fields: { user: "strict", name: "optional" }, target: "user", valid: { name: "Anna" } },
      { intent: "addModerator", breaker: null, fields: { email: "strict" } },
    ],
    fieldless: ["archive", "reopen"],
  },
  "routes/forums.$slug.threads.$id": {
    forms: [
      { intent: "reply", breaker: null, fields: { body: "required" } },
      { intent: "edit", breaker: null, fields: { position: "strict", body: "required" }, target: "position", valid: { body: "Hej" } },
      { intent: "report", breaker: null, fields: { position: "strict", reason: "required" }, target: "position", valid: { reason: "Olämpligt" } },
      { intent: "hide", breaker: null, fields: { position: "strict", reason: "required" }, target: "position", valid: { reason: "Olämpligt" } },
      { intent: "unhide", breaker: null, fields: { position: "strict" }, target: "position" },
      { intent: "move", breaker: null, fields: { forum: "strict" }, target: "forum" },
    ],
    fieldless: ["pin", "unpin", "lock", "unlock", "watch", "unwatch"],
  },
  "routes/forums.moderation": {
    forms: [
      { intent: "hide", breaker: null, fields: { report: "strict", reason: "required", page: "optional" }, target: "report", valid: { reason: "Olämpligt inlägg" } },
      { intent: "dismiss", breaker: null, fields: { report: "strict", note: "optional", page: "optional" }, target: "report", valid: { note: "" } },
    ],
  },
  "routes/forums.new": {
    forms: [{ intent: null, breaker: "name", fields: { name: "required", slug: "strict", description: "optional", visibility: "strict", moderators: "strict" } }],
  },
  "routes/initiatives.$id": {
    forms: [
      { intent: "add-update", breaker: "body", fields: { reportedOn: "strict", body: "required", participantsReached: "strict", newStatus: "strict" } },
      { intent: "delete-update", breaker: null, fields: { updateId: "strict", confirm: "strict" }, target: "updateId", valid: { confirm: "yes" } },
    ],
    fieldless: ["publish"],
  },
  "routes/initiatives.$id_.edit": {
    forms: ["save", "publish"].map((intent) => ({
      intent,
      breaker: "title",
      fields: {
        orgId: "strict",
        title: "required",
        summary: "optional",
        description: "optional",
        status: "strict",
        startsOn: "strict",
        endsOn: "strict",
        districts: "strict",
        targetGroups: "strict",
        focusAreas: "strict",
        participantsExpected: "strict",
        budget: "strict",
        fundingSource: "optional",
        contactName: "optional",
        contactEmail: "strict",
        contactPhone: "strict",
        partners: "strict",
        isPublic: "optional",
      } as Record<string, Kind>,
    })),
  },
  "routes/initiatives.new": {
    forms: ["save", "publish"].map((intent) => ({
      intent,
      breaker: "title",
      fields: { orgId: "strict", title: "required", summary: "optional", description: "optional", startsOn: "strict", endsOn: "strict", districts: "strict", budget: "strict", contactEmail: "strict" } as Record<string, Kind>,
    })),
  },
  "routes/language": { forms: [{ intent: null, breaker: null, fields: { locale: "strict", redirectTo: "optional" }, target: "locale" }] },
  "routes/login": { forms: [{ intent: null, breaker: null, fields: { email: "strict", password: "required", redirectTo: "optional" } }] },
  "routes/login_.forgot": { forms: [{ intent: null, breaker: null, fields: { email: "strict", redirectTo: "optional" } }] },
  "routes/login_.link": { forms: [{ intent: null, breaker: null, fields: { email: "strict", redirectTo: "optional" } }] },
  // Without `confirm` the new password never reaches the auth server.
  "routes/login_.reset": { forms: [{ intent: null, breaker: "confirm", fields: { password: "required", confirm: "required" } }] },
  "routes/organisation": { forms: [{ intent: null, breaker: null, fields: { orgId: "strict", redirectTo: "optional" }, target: "orgId" }] },
  "routes/organisations.$id": { forms: [{ intent: null, breaker: null, fields: { description: "optional", website: "optional" } }] },
  "routes/organisations.$id_.members": {
    forms: [
      { intent: "invite", breaker: null, fields: { email: "strict", name: "required", role: "strict" } },
      { intent: "resend", breaker: null, fields: { membership: "strict", email: "optional" }, target: "membership" },
      { intent: "withdraw", breaker: null, fields: { membership: "strict" }, target: "membership" },
      { intent: "remove", breaker: null, fields: { membership: "strict" }, target: "membership" },
      { intent: "role", breaker: null, fields: { membership: "strict", role: "strict" }, target: "membership", valid: { role: "member" } },
    ],
  },
  "routes/reports.$id": {
    forms: [
      ...["save", "submit"].map((intent) => ({
        intent,
        breaker: "revision",
        fields: {
          revision: "strict",
          summary: "optional",
          [`answer-${SEED.question}`]: "optional",
          [`value-${SEED.indicator}`]: "strict",
          [`comment-${SEED.indicator}`]: "optional",
          initiatives: "strict",
        } as Record<string, Kind>,
      })),
      // The seeded report is a draft: a review is refused before its comment is looked at.
      { intent: "return", breaker: null, fields: { reviewComment: "optional" } },
      { intent: "accept", breaker: null, fields: { reviewComment: "optional" } },
    ],
  },
  "routes/reports._index": { forms: [{ intent: "start", breaker: null, fields: { periodId: "strict" }, target: "periodId" }] },
  "routes/welcome": { forms: [{ intent: null, breaker: "confirm", fields: { name: "required", password: "required", confirm: "required" } }], fieldless: ["join"] },
};

/** Routes with an action that this test does not post to, and why. */
const SKIPPED: Record<string, string> = {
  "routes/logout": "posting it ends the persona's session (it takes no input: there is nothing malformed to send)",
};

// --- Hostile values ----------------------------------------------------------------------------------

const MEGABYTE = "x".repeat(1024 * 1024);

/**
 * Hostile values by kind, none of them blank: never valid in a strict field. One payload per kind;
 * when a form has several fields they take the kind's values in turn, so each value meets a field.
 */
const HOSTILE: Record<string, string[]> = {
  sql: ["'; drop table posts; --", "' or 1=1 --"],
  script: ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'],
  controls: ["a\u0000b", "x\u0008\u001b[31m\u0007\u007fy", "\ud800x\udfff"],
  wrongTypes: ["NaN", "2025-02-30", "-99999999999999999999e999", "12abc"],
};

/** Blank once control characters are stripped: never valid in a required field. */
const BLANK = ["", "\u0000\u0008\u001b", " \t "];

/** Mass-assignment attempts and names no form has. */
const EXTRA_FIELDS: [string, string][] = [
  ["zzz", "1"],
  ["__proto__", "x"],
  ["constructor", "x"],
  ["id", seedId("aaaaaaaa", 1)],
  ["org_id", SEED.kronogarden],
  ["status", "accepted"],
  ["created_by", seedId("aaaaaaaa", 1)],
];

type Entries = [string, string][];

interface Payload {
  name: string;
  entries: Entries;
  /** Also sent as multipart (the kinds where the encoding matters: missing parts, odd bytes, size). */
  multipart: boolean;
  /**
   * Posted as a document (the page rendered with the answer, as without JavaScript) rather than as
   * a data request: the kinds whose values the page shows again, and the field-error check.
   */
  document: boolean;
}

function withIntent(form: IntentForm, entries: Entries): Entries {
  return form.intent === null ? entries : [["intent", form.intent], ...entries];
}

/** The fields of a form that hostile values go into (all but the breaker). */
function targets(form: IntentForm): string[] {
  return Object.keys(form.fields).filter((name) => name !== form.breaker);
}

/** Whether every payload is invalid whatever the text fields hold (see Kind and breaker). */
function guarded(form: IntentForm): boolean {
  return form.breaker !== null || targets(form).some((name) => form.fields[name] === "strict");
}

/** Every payload for one intent; each is invalid by construction. */
function payloadsFor(form: IntentForm): Payload[] {
  const names = targets(form);
  const label = form.intent ?? "(form)";
  const payloads: Payload[] = [];
  // A form with a target refuses before its fields: its page is rendered only for the 1 MB post.
  const documentFor = (kind: "missing" | "controls" | "long") => kind === "long" || form.target === undefined;
  const hasRequired = names.some((name) => form.fields[name] === "required");
  // Missing fields are never a valid post, even where every field may be empty: the page's form
  // always sends them, and a post without them must not clear what was saved.
  payloads.push({ name: `${label}: fields missing`, entries: withIntent(form, []), multipart: true, document: documentFor("missing") });
  if (guarded(form)) {
    for (const [kind, values] of Object.entries(HOSTILE)) {
      payloads.push({ name: `${label}: ${kind}`, entries: withIntent(form, names.map((name, index) => [name, values[index % values.length] ?? ""])), multipart: kind === "controls", document: kind === "controls" && documentFor("controls") });
    }
    payloads.push({ name: `${label}: repeated fields`, entries: withIntent(form, names.flatMap((name): Entries => [[name, "a"], [name, "b"]])), multipart: false, document: false });
    payloads.push({ name: `${label}: unknown extra fields`, entries: withIntent(form, [...names.map((name): [string, string] => [name, "x"]), ...EXTRA_FIELDS]), multipart: false, document: false });
  }
  if (hasRequired) {
    payloads.push({
      name: `${label}: blank`,
      entries: withIntent(form, names.map((name, index) => [name, form.fields[name] === "required" ? (BLANK[index % BLANK.length] ?? "") : ""])),
      multipart: false,
      document: false,
    });
  }
  // The target alone bad, the other fields valid: the id must be refused, not passed to a query.
  if (form.target !== undefined && form.valid) {
    const target = form.target;
    const valid = Object.entries(form.valid);
    for (const [kind, values] of Object.entries({ ...HOSTILE, blank: BLANK })) {
      const value = values[0] ?? "";
      payloads.push({ name: `${label}: ${kind} target ${JSON.stringify(value.slice(0, 12))}`, entries: withIntent(form, [...valid, [target, value]]), multipart: false, document: false });
    }
  }
  // 1 MB in one text field (the others short): every text field of the portal has a maximum.
  const longField = names.find((name) => form.fields[name] !== "strict") ?? names[0];
  if (longField) {
    payloads.push({
      name: `${label}: 1 MB in ${longField}`,
      entries: withIntent(form, names.map((name) => [name, name === longField ? MEGABYTE : guarded(form) ? "x" : ""])),
      multipart: true,
      document: true,
    });
  }
  return payloads;
}

/**
 * Raw bytes that are not UTF-8, in the fields of the route's first form; where that form takes any
 * text, with 1 MB after them so that the post stays invalid.
 */
function invalidUtf8(form: IntentForm | undefined): { urlencoded: Buffer[]; multipart: [string, Buffer][] } {
  const names = form ? targets(form) : ["x"];
  const pad = form && !guarded(form) ? MEGABYTE : "";
  const intent = form?.intent ? `intent=${encodeURIComponent(form.intent)}&` : "";
  const raw = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]);
  return {
    urlencoded: [
      Buffer.from(intent + names.map((name) => `${encodeURIComponent(name)}=%FF%FE%C3%28${pad}`).join("&") + "&%FF=1", "latin1"),
      Buffer.concat([Buffer.from(intent, "latin1"), ...names.flatMap((name) => [Buffer.from(`${encodeURIComponent(name)}=`, "latin1"), raw, Buffer.from(`${pad}&`, "latin1")])]),
    ],
    multipart: [
      ...(form?.intent ? [["intent", Buffer.from(form.intent)] as [string, Buffer]] : []),
      ...names.map((name): [string, Buffer] => [name, Buffer.concat([raw, Buffer.from(pad)])]),
    ],
  };
}

// --- Sending ------------------------------------------------------------------------------------------

const BASE = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run through playwright (global setup).");
  return url;
};

function urlencoded(entries: Entries): { body: Buffer; type: string } {
  return { body: Buffer.from(new URLSearchParams(entries).toString(), "utf8"), type: "application/x-www-form-urlencoded" };
}

function multipart(entries: Entries | [string, Buffer][]): { body: Buffer; type: string } {
  const boundary = `----samverkan${Math.random().toString(36).slice(2)}`;
  const parts = entries.map(([name, value]) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22")}"\r\n\r\n`, "utf8"),
      typeof value === "string" ? Buffer.from(value, "utf8") : value,
      Buffer.from("\r\n", "utf8"),
    ]),
  );
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`, "utf8")]), type: `multipart/form-data; boundary=${boundary}` };
}

async function post(context: APIRequestContext, url: string, body: { body: Buffer; type: string }): Promise<APIResponse> {
  return context.fetch(url, {
    method: "POST",
    headers: { "Content-Type": body.type, Origin: BASE() },
    data: body.body,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 30_000,
  });
}

/** What the forms use to mark a field in error (app/components/field.tsx and its kin). */
const FIELD_ERROR = /aria-invalid="true"|class="field-error"|class="form-error"/;

// --- The database before and after --------------------------------------------------------------------

/**
 * Tables a malformed post may change legitimately: the re-rendered thread page marks it read.
 * Nothing else may change.
 */
const TOUCHED_BY_READING: Record<string, string> = {
  thread_reads: "the thread page (re-rendered with the errors) records how far the reader has read",
};

function dbUrl(): string {
  const raw = process.env.E2E_STACK;
  if (!raw) throw new Error("E2E_STACK is not set: run through playwright (global setup).");
  return (JSON.parse(raw) as { dbUrl: string }).dbUrl;
}

async function fingerprint(client: pg.Client): Promise<Record<string, string>> {
  const tables = (await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by 1")).rows.map((row) => row.name);
  const query = tables
    .filter((name) => !(name in TOUCHED_BY_READING))
    .map((name) => `select '${name}' as name, count(*)::text || ':' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as print from public."${name}" t`)
    .join(" union all ");
  const rows = (await client.query<{ name: string; print: string }>(query)).rows;
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}

// --- The routes -----------------------------------------------------------------------------------------

interface ActionRoute {
  id: string;
  url: string;
  /** The same action as a Remix data request (single fetch): the action alone, no page rendered. */
  dataUrl: string;
}

const build = (await import(pathToFileURL(path.resolve(import.meta.dirname, "../../build/index.js")).href)) as {
  routes: Record<string, { path?: string; parentId?: string; module: { action?: unknown } }>;
};

function urlOf(routeId: string): string {
  const segments: string[] = [];
  for (let id: string | undefined = routeId; id; id = build.routes[id]?.parentId) {
    const routePath = build.routes[id]?.path;
    if (routePath) segments.unshift(routePath);
  }
  const parts = segments.join("/").split("/");
  return (
    "/" +
    parts
      .map((part, index) => {
        if (!part.startsWith(":")) return part;
        const key = `${parts[index - 1]}/${part}`;
        const value = PARAMS[key];
        if (value === undefined) throw new Error(`${routeId}: no seed value for the route parameter ${key}; add it to PARAMS`);
        return encodeURIComponent(value);
      })
      .join("/")
  );
}

const ACTION_ROUTES: ActionRoute[] = Object.entries(build.routes)
  .filter(([, route]) => typeof route.module.action === "function")
  .map(([id, route]) => {
    const url = urlOf(id);
    return { id, url, dataUrl: `${url}.data${(route as { index?: boolean }).index ? "?index" : ""}` };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

// --- The test -------------------------------------------------------------------------------------------

type Who = "anonymous" | "coordinator" | "association";
const PERSONAS: Who[] = ["anonymous", "coordinator", "association"];

/**
 * Redirects that are not writes: the sign-in page's loader sends signed-in people home, and for a
 * document post it runs after the refused action. Nothing else may answer a malformed post with 3xx.
 */
const SIGNED_IN_HOME: Record<string, string> = {
  "routes/login": "/",
};

const contexts = new Map<Who, APIRequestContext>();
let db: pg.Client;

async function signedInContext(who: Who): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE() });
  if (who === "anonymous") return context;
  const answer = await post(context, "/login", urlencoded([["email", DEMO[who]], ["password", DEMO_PASSWORD]]));
  expect(answer.status(), `signing in as ${who}`).toBe(302);
  return context;
}

test.beforeAll(async () => {
  for (const who of PERSONAS) contexts.set(who, await signedInContext(who));
  db = new pg.Client({ connectionString: dbUrl() });
  await db.connect();
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
  await db?.end();
});

test("every action route of the build is described or skipped with a reason", () => {
  expect(ACTION_ROUTES.length).toBeGreaterThan(20);
  const undescribed = ACTION_ROUTES.map((route) => route.id).filter((id) => !(id in FORMS) && !(id in SKIPPED));
  expect(undescribed, "routes with an action that FORMS does not describe (add their intents and fields)").toEqual([]);
  const gone = Object.keys(FORMS).filter((id) => !ACTION_ROUTES.some((route) => route.id === id));
  expect(gone, "FORMS describes routes that no longer have an action").toEqual([]);
});

for (const route of ACTION_ROUTES) {
  if (route.id in SKIPPED) continue;
  test(`malformed posts to ${route.id} answer 4xx and write nothing`, async () => {
    test.setTimeout(120_000);
    const forms = FORMS[route.id];
    expect(forms, `${route.id} is not described in FORMS`).toBeDefined();
    if (!forms) return;
    const before = await fingerprint(db);
    const problems: string[] = [];
    let sent = 0;

    for (const who of PERSONAS) {
      const context = contexts.get(who);
      if (!context) throw new Error(`no context for ${who}`);
      /** Sends one post and records what is wrong with the answer; the status, or null on a failed request. */
      const send = async (name: string, body: { body: Buffer; type: string }, form?: IntentForm, document = true): Promise<number | null> => {
        sent += 1;
        let answer: APIResponse;
        try {
          answer = await post(context, document ? route.url : route.dataUrl, body);
        } catch (error) {
          problems.push(`${who} ${name}: ${(error as Error).message.split("\n")[0]}`);
          return null;
        }
        const status = answer.status();
        const where = `${who} ${name} → ${status}`;
        const location = answer.headers().location ?? "";
        if (status >= 500) problems.push(`${where} (server error)`);
        else if (status >= 400) {
          // A form whose fields reached its schema answers with the page and the field errors marked.
          // Refusals before the schema (no rights, an unknown target, a conflicting state) carry none.
          if (document && status === 400 && form && form.target === undefined && who !== "anonymous" && !FIELD_ERROR.test(await answer.text())) {
            problems.push(`${where} without field errors`);
          }
        } else if (status === 302 || status === 303 || (!document && status === 202 && location)) {
          const toSignIn = who === "anonymous" && /^\/login(\?|$)/.test(location);
          const home = who !== "anonymous" && SIGNED_IN_HOME[route.id] === location;
          if (!toSignIn && !home) problems.push(`${where} to ${location} (not refused)`);
        } else problems.push(`${where} (not refused)`);
        return status;
      };

      const [first] = forms.forms;
      await send("empty urlencoded body", urlencoded([]));
      const probe = await send("empty multipart body", multipart([]));
      // Refused before any field is read (signed out, no rights): a few posts show that it stays so.
      const refusedAtTheDoor = who === "anonymous" || probe === 403 || probe === 404;
      if (refusedAtTheDoor) {
        for (const form of forms.forms) {
          // Two small posts and the 1 MB one (a refusal that does not read the body must still answer).
          const payloads = payloadsFor(form);
          for (const payload of [...payloads.slice(0, 2), ...payloads.filter((candidate) => candidate.name.includes(": 1 MB in "))]) {
            await send(payload.name, urlencoded(payload.entries));
          }
        }
      } else {
        for (const [kind, values] of Object.entries({ ...HOSTILE, blank: BLANK })) {
          const value = values[0] ?? "";
          await send(`intent ${kind} ${JSON.stringify(value.slice(0, 12))}`, urlencoded([["intent", value]]), undefined, false);
        }
        for (const form of forms.forms) {
          for (const payload of payloadsFor(form)) {
            await send(`${payload.name} (urlencoded)`, urlencoded(payload.entries), form, payload.document);
            if (payload.multipart) await send(`${payload.name} (multipart)`, multipart(payload.entries), form, payload.document);
          }
        }
      }

      // Invalid UTF-8: percent-escaped bytes, raw bytes in the body and in a multipart part.
      const bytes = invalidUtf8(first);
      for (const [index, body] of bytes.urlencoded.entries()) {
        await send(index === 0 ? "percent-escaped invalid UTF-8" : "raw invalid UTF-8", { body, type: "application/x-www-form-urlencoded" });
      }
      await send("raw invalid UTF-8 (multipart)", multipart(bytes.multipart));

      // Over the server's body limit: refused as too large before anything reads it.
      const tooLarge = await post(context, route.url, urlencoded([["intent", first?.intent ?? "x"], ["x", "y".repeat(3 * 1024 * 1024)]])).catch((error: Error) => error);
      sent += 1;
      if (tooLarge instanceof Error) problems.push(`${who} over-long body: ${tooLarge.message.split("\n")[0]}`);
      else if (tooLarge.status() !== 413) problems.push(`${who} over-long body → ${tooLarge.status()} (expected 413)`);
    }

    const after = await fingerprint(db);
    const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
    expect.soft(problems, `answers from ${route.url} (${sent} posts)`).toEqual([]);
    expect.soft(changed, `tables changed by malformed posts to ${route.url}`).toEqual([]);
  });
}

// --- Stored hostile text is shown as text ------------------------------------------------------------------

async function expectInert(page: Page, url: string, text: string): Promise<void> {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(url);
  await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator("main img[src='x'], main script:not([nonce])").count()).toBe(0);
  expect(dialogs).toBe(0);
}

test("script payloads saved through valid forms are shown as text", async ({ page }) => {
  const association = contexts.get("association");
  if (!association) throw new Error("no association context");
  const marker = `xss-${Date.now().toString(36)}`;
  const title = `${marker} "><img src=x onerror=window.__xss=1> <script>window.__xss=1</script>`;
  const body = [`${marker}`, ...XSS_CORPUS.slice(0, 25)].join("\n\n");

  // A new thread: the title is plain text, the body Markdown (sanitised).
  const started = await post(association, `/forums/${SEED.trygghetForum}`, urlencoded([["intent", "start-thread"], ["title", title], ["body", body]]));
  expect(started.status(), await started.text().catch(() => "")).toBe(302);
  const threadUrl = started.headers().location ?? "";
  // A progress update on the association's initiative.
  const updated = await post(association, `/initiatives/${SEED.kronogardenInitiative}`, urlencoded([["intent", "add-update"], ["body", `${marker} <script>window.__xss=1</script> "><img src=x onerror=window.__xss=1>`], ["reportedOn", ""], ["participantsReached", ""], ["newStatus", ""]]));
  expect(updated.status(), await updated.text().catch(() => "")).toBe(302);

  // The organisation's own description (plain text on its page and in the directory).
  const [organisation] = (await db.query<{ description: string | null; website: string | null }>("select description, website from public.organisations where id = $1", [SEED.kronogarden])).rows;
  const description = `${marker} <img src=x onerror=window.__xss=1> <script>window.__xss=1</script>`;
  const described = await post(association, `/organisations/${SEED.kronogarden}`, urlencoded([["description", description], ["website", organisation?.website ?? ""]]));
  expect(described.status(), await described.text().catch(() => "")).toBe(302);

  try {
    await signIn(page, DEMO.association);
    await expectInert(page, `/organisations/${SEED.kronogarden}`, description);
    await expectInert(page, "/organisations", description);
    await expectInert(page, threadUrl, `${marker} "><img src=x onerror=window.__xss=1>`);
    await expectInert(page, `/forums/${SEED.trygghetForum}`, `${marker} "><img src=x onerror=window.__xss=1>`);
    await expectInert(page, `/initiatives/${SEED.kronogardenInitiative}`, `${marker} <script>window.__xss=1</script>`);
  } finally {
    await db.query("delete from public.threads where title like $1", [`${marker}%`]);
    await db.query("delete from public.initiative_updates where body like $1", [`${marker}%`]);
    await db.query("update public.organisations set description = $2 where id = $1", [SEED.kronogarden, organisation?.description ?? null]);
  }
});

test("control characters in valid submissions are stripped, not a server error", async () => {
  const coordinator = contexts.get("coordinator");
  const association = contexts.get("association");
  if (!coordinator || !association) throw new Error("no contexts");
  const [profile] = (await db.query<{ full_name: string; title: string | null; phone: string | null; locale: string; notification_frequency: string }>(
    "select full_name, title, phone, locale, notification_frequency from public.profiles where id = $1",
    [seedId("aaaaaaaa", 1)],
  )).rows;
  const [organisation] = (await db.query<{ description: string | null; website: string | null }>("select description, website from public.organisations where id = $1", [SEED.kronogarden])).rows;
  if (!profile || !organisation) throw new Error("seed rows missing");
  try {
    const saved = await post(
      coordinator,
      "/account",
      urlencoded([["fullName", `${profile.full_name}\u0000\u0008`], ["title", "Sam\u001bordnare \ud800"], ["phone", profile.phone ?? ""], ["locale", profile.locale], ["notificationFrequency", profile.notification_frequency]]),
    );
    expect(saved.status(), "account profile with control characters").toBe(302);
    const [stored] = (await db.query<{ full_name: string; title: string }>("select full_name, title from public.profiles where id = $1", [seedId("aaaaaaaa", 1)])).rows;
    expect(stored).toEqual({ full_name: profile.full_name, title: "Samordnare \ufffd" });

    const described = await post(association, `/organisations/${SEED.kronogarden}`, urlencoded([["description", "Kultur\u0000för\u0007ening e\u0301"], ["website", organisation.website ?? ""]]));
    expect(described.status(), "organisation profile with control characters").toBe(302);
    const [storedOrg] = (await db.query<{ description: string }>("select description from public.organisations where id = $1", [SEED.kronogarden])).rows;
    // NFC: "e" + combining acute is stored as the one character "é".
    expect(storedOrg?.description).toBe("Kulturförening \u00e9");
  } finally {
    await db.query("update public.profiles set full_name = $2, title = $3 where id = $1", [seedId("aaaaaaaa", 1), profile.full_name, profile.title]);
    await db.query("update public.organisations set description = $2 where id = $1", [SEED.kronogarden, organisation.description]);
  }
});

// --- Bodies without a length -----------------------------------------------------------------------------------

/** Posts `chunks` with Transfer-Encoding: chunked (no Content-Length); the status, or the socket error. */
function postChunked(url: string, chunks: Buffer[]): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.request(new URL(url, BASE()), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked", Origin: BASE() },
    });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    void (async () => {
      for (const chunk of chunks) {
        if (request.destroyed) return;
        if (!request.write(chunk)) await new Promise((done) => request.once("drain", done));
      }
      request.end();
    })();
  });
}

test("a body without a length is read as usual, and refused once it passes the limit", async () => {
  // A small chunked post still works: the language switch answers with its redirect.
  expect(await postChunked("/language", [Buffer.from("locale=sv&"), Buffer.from("redirectTo=%2F")])).toBe(302);
  // 3 MB in 64 KB chunks: 413, or the connection cut while the client is still sending; never read whole.
  const chunk = Buffer.from(`description=${"y".repeat(64 * 1024)}`);
  const outcome = await postChunked("/apply", Array.from({ length: 48 }, () => chunk));
  expect([413, "ECONNRESET", "EPIPE"]).toContain(outcome);
});
