/**
 * `npm run reminders` (issue 7) on a seeded calendar, against the real stack and its mail catcher.
 *
 * The calendar is made here with the service role: periods due relative to a fixed "today" in 2019
 * (no seed period and no other test's period is due anywhere near it), organisations and people
 * with unique addresses, so the mail catcher's counts are this file's alone. The reminder function
 * is run as it would be on those days (`runReminders({ today })`, what `--today` does).
 *
 * What must hold: the first run sends exactly the expected e-mails — to the required organisations
 * whose report is missing, a draft or returned, 14 days before, 3 days before and after the due
 * date; to their active admins and contact address, each address once; not to organisations whose
 * report is submitted or accepted, not to organisations that need not report, not to archived
 * ones, not for closed periods — and a second run sends nothing. A failed send is retried by the
 * next run; concurrent runs send each reminder once.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { newId, purgeReports, serviceInsert, serviceUpdate, sql } from "../support/rls.ts";
import { serviceClient } from "../support/clients.ts";

// Sends to these addresses fail (to check that a failed reminder is retried).
const failing = vi.hoisted(() => new Set<string>());
vi.mock("~/lib/email.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/lib/email.server")>();
  return {
    ...real,
    sendEmail: (email: Parameters<typeof real.sendEmail>[0]) =>
      [email.to].flat().some((to) => failing.has(to)) ? Promise.resolve({ ok: false as const, error: "test: mailbox unavailable" }) : real.sendEmail(email),
  };
});

const stack = inject("stack");
const SITE_URL = "http://portal.test";
const tag = newId().slice(0, 8);
const env = {
  SUPABASE_URL: stack.url,
  SUPABASE_ANON_KEY: stack.anonKey,
  SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
  RESEND_API_KEY: "re_integration_test",
  RESEND_BASE_URL: stack.mailUrl,
  SITE_URL,
};

type Reminders = typeof import("~/lib/report-reminders.server");
let reminders: Reminders;

const people: string[] = [];
const orgs: string[] = [];
const periods: string[] = [];

const address = (label: string) => `reminder-${label}-${tag}@test.example`;

async function person(label: string, name: string, locale: "sv" | "en" = "sv"): Promise<{ id: string; email: string }> {
  const email = address(label);
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password: "reminder-test-password", email_confirm: true, user_metadata: { full_name: name } });
  if (error || !data.user) throw new Error(`creating ${email} failed: ${error?.message}`);
  await serviceUpdate("profiles", { id: data.user.id }, { full_name: name, locale });
  people.push(data.user.id);
  return { id: data.user.id, email };
}

async function org(label: string, options: { contact?: string | null; status?: "active" | "archived" } = {}): Promise<{ id: string; name: string }> {
  const id = newId();
  const name = `Påminnelsetest ${label} ${tag}`;
  await serviceInsert("organisations", { id, name, kind: "association", status: options.status ?? "active", contact_email: options.contact ?? null });
  orgs.push(id);
  return { id, name };
}

async function member(orgId: string, userId: string, role: "admin" | "member", status: "active" | "invited" = "active"): Promise<void> {
  await serviceInsert("memberships", { org_id: orgId, user_id: userId, role, status, joined_at: status === "active" ? "2019-01-01T10:00:00Z" : null, invited_by: null });
}

/** A period due on `dueOn` (starts and ends before it) in which `required` organisations must report. */
async function period(label: string, dueOn: string, required: string[], status: "open" | "closed" = "open"): Promise<{ id: string; name: string }> {
  const id = newId();
  const name = `Påminnelseperiod ${label} ${tag}`;
  const due = new Date(`${dueOn}T00:00:00Z`);
  const day = (offset: number) => new Date(due.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await serviceInsert("reporting_periods", { id, name, starts_on: day(-200), ends_on: day(-30), due_on: dueOn, status });
  periods.push(id);
  if (required.length) await serviceInsert("period_organisations", required.map((orgId) => ({ period_id: id, org_id: orgId })));
  return { id, name };
}

async function report(orgId: string, periodId: string, status: "draft" | "submitted" | "returned" | "accepted"): Promise<string> {
  const id = newId();
  await serviceInsert("reports", { id, org_id: orgId, period_id: periodId, status, summary: "Påminnelsetest", ...(status === "returned" || status === "accepted" ? { review_comment: "Komplettera." } : {}) });
  return id;
}

interface Mail {
  to: string[];
  subject: string;
  html: string;
  text: string;
}
async function mailTo(to: string): Promise<Mail[]> {
  const response = await fetch(`${stack.mailUrl}/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { data: Mail[] }).data.reverse(); // oldest first
}

/** The claims of these periods: "period|org|kind" → recipients. */
async function claims(periodIds: string[]): Promise<Record<string, number | null>> {
  const rows = await sql<{ period_id: string; org_id: string; kind: string; recipients: number | null }>(
    "select period_id::text, org_id::text, kind::text, recipients from public.report_reminders where period_id = any($1::uuid[])",
    [periodIds],
  );
  return Object.fromEntries(rows.map((row) => [`${row.period_id}|${row.org_id}|${row.kind}`, row.recipients]));
}

/** The reminders a run sent for these periods, as "period|org|kind" → recipients. */
function sentIn(result: Awaited<ReturnType<Reminders["runReminders"]>>, periodIds: string[]): Record<string, number> {
  return Object.fromEntries(result.reminders.filter((r) => periodIds.includes(r.periodId)).map((r) => [`${r.periodId}|${r.orgId}|${r.kind}`, r.recipients]));
}

beforeAll(async () => {
  Object.assign(process.env, env);
  reminders = await import("~/lib/report-reminders.server");
});

afterAll(async () => {
  if (periods.length) {
    const made = await sql<{ id: string }>("select id::text from public.reports where period_id = any($1::uuid[])", [periods]);
    await purgeReports(made.map((row) => row.id));
    await sql("delete from public.reporting_periods where id = any($1::uuid[])", [periods]);
  }
  if (orgs.length) await sql("delete from public.organisations where id = any($1::uuid[])", [orgs]);
  if (people.length) await sql("delete from auth.users where id = any($1::uuid[])", [people]);
});

describe("a calendar around 1 June 2019", () => {
  const TODAY = "2019-06-01";
  // organisations, people and periods (filled in beforeAll)
  type Named = { id: string; name: string };
  const o = {} as Record<"O1" | "O2" | "O3" | "O4" | "O5" | "O6" | "O7", Named>;
  const p = {} as Record<"A" | "B" | "C" | "D" | "E", Named>;
  const who = {} as Record<"anna" | "mikael" | "erin" | "ivan" | "sara", { id: string; email: string }>;
  let ids: string[] = [];
  const key = (periodLabel: keyof typeof p, orgLabel: keyof typeof o, kind: string) => `${p[periodLabel].id}|${o[orgLabel].id}|${kind}`;

  beforeAll(async () => {
    who.anna = await person("anna", `Anna Admin ${tag}`); // admin of O1
    who.mikael = await person("mikael", `Mikael Medlem ${tag}`); // member (not admin) of O1
    who.erin = await person("erin", `Erin English ${tag}`, "en"); // admin of O2, and O2's contact address
    who.ivan = await person("ivan", `Ivan Inbjuden ${tag}`); // invited (not yet active) admin of O2
    who.sara = await person("sara", `Sara Skickat ${tag}`); // admin of O3 (report submitted)

    o.O1 = await org("O1 ej påbörjad", { contact: address("o1-contact") });
    o.O2 = await org("O2 utkast", { contact: who.erin.email.toUpperCase() }); // the same address as its admin, in capitals
    o.O3 = await org("O3 inskickad", { contact: address("o3-contact") });
    o.O4 = await org("O4 godkänd", { contact: address("o4-contact") });
    o.O5 = await org("O5 inte skyldig", { contact: address("o5-contact") });
    o.O6 = await org("O6 arkiverad", { contact: address("o6-contact"), status: "archived" });
    o.O7 = await org("O7 utan adress", { contact: null });
    await member(o.O1.id, who.anna.id, "admin");
    await member(o.O1.id, who.mikael.id, "member");
    await member(o.O2.id, who.erin.id, "admin");
    await member(o.O2.id, who.ivan.id, "admin", "invited");
    await member(o.O3.id, who.sara.id, "admin");

    // A: due in 14 days; B: due in 3 days; C: due yesterday; D: closed; E: due in 90 days
    p.A = await period("A", "2019-06-15", [o.O1.id, o.O2.id, o.O3.id, o.O4.id, o.O6.id]);
    p.B = await period("B", "2019-06-04", [o.O1.id, o.O7.id]);
    p.C = await period("C", "2019-05-31", [o.O2.id]);
    p.D = await period("D", "2019-06-04", [o.O1.id], "closed");
    p.E = await period("E", "2019-08-30", [o.O1.id]);
    ids = Object.values(p).map((period) => period.id);

    await report(o.O2.id, p.A.id, "draft");
    await report(o.O3.id, p.A.id, "submitted");
    await report(o.O4.id, p.A.id, "accepted");
    await report(o.O5.id, p.A.id, "draft"); // O5 reports although it is not required: no reminder
    await report(o.O1.id, p.B.id, "returned");
  });

  it("the first run sends exactly the due reminders, each address once, and claims them", async () => {
    const result = await reminders.runReminders({ today: TODAY });
    expect(result.today).toBe(TODAY);
    expect(sentIn(result, ids)).toEqual({
      [key("A", "O1", "due_in_14")]: 2, // Anna and O1's contact address
      [key("A", "O2", "due_in_14")]: 1, // Erin (also the contact address)
      [key("B", "O1", "due_in_3")]: 2,
      [key("C", "O2", "overdue")]: 1,
    });
    expect(result.noRecipient).toBeGreaterThanOrEqual(1); // O7 in B: nobody to tell
    expect(result.reminders.filter((r) => ids.includes(r.periodId)).every((r) => r.failed === 0)).toBe(true);

    // what is recorded: the four sent, with their recipients; O7's claim was released for a later run
    expect(await claims(ids)).toEqual({
      [key("A", "O1", "due_in_14")]: 2,
      [key("A", "O2", "due_in_14")]: 1,
      [key("B", "O1", "due_in_3")]: 2,
      [key("C", "O2", "overdue")]: 1,
    });

    // the mail catcher
    const anna = await mailTo(who.anna.email);
    expect(anna.map((mail) => mail.subject)).toEqual([
      `Påminnelse: rapporten för ${p.B.name} ska lämnas senast 4 juni 2019`,
      `Påminnelse: rapporten för ${p.A.name} ska lämnas senast 15 juni 2019`,
    ]);
    const [annaB, annaA] = anna as [Mail, Mail];
    expect(annaA.text).toContain(`Hej Anna Admin ${tag}!`);
    expect(annaA.text).toContain(`${o.O1.name} ska lämna sin uppföljningsrapport för ${p.A.name} senast 15 juni 2019. Det är 14 dagar kvar.`);
    expect(annaA.text).toContain("Ni har inte börjat på rapporten ännu.");
    expect(annaA.text).toContain(`${SITE_URL}/reports`);
    expect(annaA.html).toContain(`href="${SITE_URL}/reports"`);
    expect(annaA.html).toContain('<html lang="sv">');
    expect(annaB.text).toContain("Det är 3 dagar kvar.");
    expect(annaB.text).toContain("skickat tillbaka rapporten för komplettering");

    const contact = await mailTo(address("o1-contact"));
    expect(contact).toHaveLength(2);
    expect(contact[0]!.text).toMatch(/^Hej!/);
    expect(contact.every((mail) => mail.to.length === 1)).toBe(true); // one address per e-mail, nobody sees the others

    // Erin gets hers in English, once per reminder although she is both admin and contact address
    const erin = await mailTo(who.erin.email);
    expect(erin.map((mail) => mail.subject)).toEqual([`The report for ${p.C.name} is overdue`, `Reminder: the report for ${p.A.name} is due on 15 June 2019`]);
    expect(erin[0]!.text).toContain("The report is one day late.");
    expect(erin[0]!.text).toContain("You have not started the report yet.");
    expect(erin[1]!.text).toContain("There is a draft that has not been submitted.");
    expect(erin[0]!.html).toContain('<html lang="en">');

    // nobody else: not a plain member, not an invited admin, not O3 (submitted), O4 (accepted),
    // O5 (not required), O6 (archived), nor anyone for the closed period D or the distant E
    for (const nobody of [who.mikael.email, who.ivan.email, who.sara.email, address("o3-contact"), address("o4-contact"), address("o5-contact"), address("o6-contact")]) {
      expect(await mailTo(nobody), nobody).toEqual([]);
    }
  });

  it("a second run the same day sends nothing", async () => {
    const before = await claims(ids);
    const result = await reminders.runReminders({ today: TODAY });
    expect(sentIn(result, ids)).toEqual({});
    expect(await claims(ids)).toEqual(before);
    expect(await mailTo(who.anna.email)).toHaveLength(2);
    expect(await mailTo(address("o1-contact"))).toHaveLength(2);
    expect(await mailTo(who.erin.email)).toHaveLength(2);
  });

  it("`npm run reminders -- --today=…` prints what it did (nothing new) and exits 0", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/reminders.ts", `--today=${TODAY}`], { env: { ...process.env, ...env }, timeout: 60_000 });
    expect(stdout).toMatch(new RegExp(`^Reminders for ${TODAY}: \\d+ reminders to \\d+ organisations, \\d+ e-mails sent in [\\d.]+ s`, "m"));
    expect(stdout).not.toContain(tag); // none of this calendar's reminders again
    expect(await mailTo(who.anna.email)).toHaveLength(2);
  });

  it("the script refuses a date that does not exist", async () => {
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/reminders.ts", "--today=2019-02-30"], { env: { ...process.env, ...env }, timeout: 60_000 });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--today must be a date") });
  });

  it("3 days before A's due date (O2 has submitted meanwhile); concurrent runs send each reminder once", async () => {
    await serviceUpdate("reports", { org_id: o.O2.id, period_id: p.A.id }, { status: "submitted" });
    const runs = await Promise.all([1, 2, 3].map(() => reminders.runReminders({ today: "2019-06-12" })));
    const sent = Object.assign({}, ...runs.map((result) => sentIn(result, ids)));
    expect(sent).toEqual({
      [key("A", "O1", "due_in_3")]: 2,
      [key("B", "O1", "overdue")]: 2, // a missed day is caught up: B was due on the 4th
    });
    expect(runs.reduce((n, result) => n + result.reminders.filter((r) => ids.includes(r.periodId)).length, 0)).toBe(2);
    const anna = await mailTo(who.anna.email);
    expect(anna).toHaveLength(4);
    expect(anna.map((mail) => mail.subject).slice(2).sort()).toEqual(
      [`Påminnelse: rapporten för ${p.A.name} ska lämnas senast 15 juni 2019`, `Rapporten för ${p.B.name} är försenad`].sort(),
    );
    expect(anna.find((mail) => mail.subject.startsWith("Påminnelse") && mail.text.includes("Det är 3 dagar kvar."))).toBeDefined();
    expect(anna.find((mail) => mail.subject.startsWith("Rapporten"))!.text).toContain("Rapporten är 8 dagar försenad.");
    expect(await mailTo(who.erin.email)).toHaveLength(2); // O2 submitted: nothing more
  });

  it("the day after A's due date: the overdue reminder, once", async () => {
    const first = await reminders.runReminders({ today: "2019-06-16" });
    expect(sentIn(first, ids)).toEqual({ [key("A", "O1", "overdue")]: 2 });
    const anna = await mailTo(who.anna.email);
    expect(anna).toHaveLength(5);
    expect(anna[4]!.subject).toBe(`Rapporten för ${p.A.name} är försenad`);
    expect(anna[4]!.text).toContain(`Sista dagen för ${o.O1.name} att lämna uppföljningsrapporten för ${p.A.name} var 15 juni 2019. Rapporten är en dag försenad.`);
    const again = await reminders.runReminders({ today: "2019-06-17" });
    expect(sentIn(again, ids)).toEqual({});
    expect(await mailTo(who.anna.email)).toHaveLength(5);
    // every reminder of the calendar, once each (O2's overdue for A never: it submitted)
    expect(Object.keys(await claims(ids)).sort()).toEqual(
      [
        key("A", "O1", "due_in_14"),
        key("A", "O1", "due_in_3"),
        key("A", "O1", "overdue"),
        key("A", "O2", "due_in_14"),
        key("B", "O1", "due_in_3"),
        key("B", "O1", "overdue"),
        key("C", "O2", "overdue"),
      ].sort(),
    );
  });

  afterAll(async () => {
    // close the calendar so no later run (of any test) reminds about it
    if (ids.length) await sql("update public.reporting_periods set status = 'closed' where id = any($1::uuid[])", [ids]);
  });
});

describe("a send that fails", () => {
  it("releases the claim when nobody got the reminder, so the next run sends it; a partly sent one stays sent", async () => {
    const TODAY = "2018-03-01";
    const o8 = await org("O8 trasig adress", { contact: address("o8-broken") });
    const o9Admin = await person("o9-admin", `Olle Ok ${tag}`);
    const o9 = await org("O9 delvis", { contact: address("o9-broken") });
    await member(o9.id, o9Admin.id, "admin");
    const f = await period("F", "2018-03-15", [o8.id, o9.id]);
    failing.add(address("o8-broken"));
    failing.add(address("o9-broken"));
    try {
      const first = await reminders.runReminders({ today: TODAY });
      expect(sentIn(first, [f.id])).toEqual({ [`${f.id}|${o9.id}|due_in_14`]: 1 }); // Olle got it, the contact address did not
      expect(first.reminders.find((r) => r.orgId === o9.id)!.failed).toBe(1);
      expect(first.failures).toBeGreaterThanOrEqual(2);
      expect(await claims([f.id])).toEqual({ [`${f.id}|${o9.id}|due_in_14`]: 1 }); // O8's claim released
      expect(await mailTo(o9Admin.email)).toHaveLength(1);

      failing.clear();
      const retry = await reminders.runReminders({ today: TODAY });
      expect(sentIn(retry, [f.id])).toEqual({ [`${f.id}|${o8.id}|due_in_14`]: 1 });
      expect(await mailTo(address("o8-broken"))).toHaveLength(1);
      expect(await mailTo(address("o9-broken"))).toHaveLength(0); // not retried: the admin has it already
      expect(await mailTo(o9Admin.email)).toHaveLength(1);
    } finally {
      failing.clear();
      await sql("update public.reporting_periods set status = 'closed' where id = $1", [f.id]);
    }
  });

  it("refuses a day that is not a date", async () => {
    await expect(reminders.runReminders({ today: "2019-13-01" })).rejects.toThrow(/Not a date/);
  });
});
