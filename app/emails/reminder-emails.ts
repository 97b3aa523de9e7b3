/**
 * The reminder `npm run reminders` sends to an organisation whose follow-up report is not submitted:
 * 14 days before the due date, 3 days before it, and once it is overdue. Plain, accessible HTML
 * (language set, a heading, the link as a button and written out) plus a text version with the
 * same content. Names of periods and organisations are escaped.
 * The words are in app/locales (`reminderEmails`); greeting and signature come from `admin.email`.
 */
import { formatDate } from "~/lib/format";
import { format, type Locale } from "~/lib/i18n";
import { getMessages } from "~/lib/messages.server";
import { escapeHtml, type RenderedEmail } from "./layout";

export type ReminderKind = "due_in_14" | "due_in_3" | "overdue";
/** Where the organisation's report stands: not started, a draft, or returned for completion. */
export type ReminderReportState = "missing" | "draft" | "returned";

export interface ReminderEmailInput {
  kind: ReminderKind;
  recipientName: string | null;
  organisationName: string;
  periodName: string;
  /** The due date, YYYY-MM-DD. */
  dueOn: string;
  /** The day the reminder is sent for, YYYY-MM-DD (days left / overdue are counted from it). */
  today: string;
  state: ReminderReportState;
  /** The organisation's reports page (/reports). */
  reportsUrl: string;
}


/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const p = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;

export function reminderEmail(input: ReminderEmailInput, locale: Locale): RenderedEmail {
  const w = getMessages(locale).reminderEmails;
  const t = getMessages(locale).admin.email;
  const due = formatDate(input.dueOn, locale);
  const values = { org: input.organisationName, period: input.periodName, due };
  const left = daysBetween(input.today, input.dueOn);

  let subject: string;
  const paragraphs: string[] = [];
  if (input.kind === "overdue" || left < 0) {
    const late = Math.max(1, -left);
    subject = format(w.subjectOverdue, values);
    paragraphs.push(`${format(w.overdue, values)} ${late === 1 ? w.overdueOneDay : format(w.overdueDays, { days: late })}`);
    paragraphs.push(`${w[input.state]} ${w.overdueHelp}`);
  } else {
    subject = format(left === 0 ? w.subjectDueToday : w.subjectDue, values);
    const when = left === 0 ? w.dueToday : left === 1 ? w.oneDayLeft : format(w.daysLeft, { days: left });
    paragraphs.push(`${format(w.due, values)} ${when}`);
    paragraphs.push(w[input.state]);
  }
  paragraphs.push(w.admins);

  const greeting = input.recipientName ? format(t.greetingName, { name: input.recipientName }) : t.greeting;
  const url = escapeHtml(input.reportsUrl);
  const why = format(w.why, values);
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
<div role="article" aria-label="${escapeHtml(subject)}" lang="${locale}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">
<p style="margin:0 0 24px;font-weight:bold;color:#00508c">${escapeHtml(t.signature)}</p>
<h1 style="margin:0 0 16px;font-size:22px">${escapeHtml(subject)}</h1>
${p(greeting)}
${paragraphs.map(p).join("\n")}
<p style="margin:24px 0"><a href="${url}" style="display:inline-block;padding:12px 20px;background:#00508c;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:6px">${escapeHtml(w.action)}</a></p>
<p style="margin:0 0 16px;word-break:break-all"><a href="${url}" style="color:#00508c">${url}</a></p>
<p style="margin:24px 0 0;color:#4a4a4a">${escapeHtml(why)}</p>
<p style="margin:16px 0 0;color:#4a4a4a">${escapeHtml(t.noReply)}<br>${escapeHtml(t.signature)}</p>
</div>
</body>
</html>
`;
  const text = [
    greeting,
    "",
    ...paragraphs.flatMap((paragraph) => [paragraph, ""]),
    `${w.action}:`,
    input.reportsUrl,
    "",
    why,
    "",
    "-- ",
    t.noReply,
    t.signature,
    "",
  ].join("\n");
  return { subject, html, text };
}
