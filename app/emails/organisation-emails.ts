/**
 * E-mails about applications to join: the receipt to the applicant, the notification to the
 * coordinators, and the rejection with the coordinator's reason. (The approval is the invitation
 * e-mail of app/emails/auth-emails.ts.) Plain, accessible HTML plus a text version.
 */
import { format, type Locale } from "~/lib/i18n";
import { getMessages } from "~/lib/messages.server";
import { escapeHtml, type RenderedEmail } from "./layout";

interface Block {
  paragraphs: string[];
  /** Label/value pairs shown as a list (e.g. what was applied with). */
  facts?: [string, string][];
  factsIntro?: string;
  /** A quoted text (the reason for a rejection). */
  quote?: string;
  after?: string[];
  link?: { label: string; url: string };
}

function render(locale: Locale, subject: string, name: string | null, block: Block): RenderedEmail {
  const t = getMessages(locale).admin.email;
  const greeting = name ? format(t.greetingName, { name }) : t.greeting;
  const p = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;
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
${block.paragraphs.map(p).join("\n")}
${block.quote ? `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #00508c;background:#f4f6f8">${escapeHtml(block.quote).replace(/\n/g, "<br>")}</blockquote>` : ""}
${block.facts ? `${block.factsIntro ? p(block.factsIntro) : ""}<dl style="margin:0 0 16px">${block.facts.map(([label, value]) => `<dt style="font-weight:bold">${escapeHtml(label)}</dt><dd style="margin:0 0 8px">${escapeHtml(value)}</dd>`).join("")}</dl>` : ""}
${(block.after ?? []).map(p).join("\n")}
${block.link ? `<p style="margin:24px 0"><a href="${escapeHtml(block.link.url)}" style="display:inline-block;padding:12px 20px;background:#00508c;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:6px">${escapeHtml(block.link.label)}</a></p>` : ""}
<p style="margin:24px 0 0;color:#4a4a4a">${escapeHtml(t.noReply)}<br>${escapeHtml(t.signature)}</p>
</div>
</body>
</html>
`;
  const text = [
    greeting,
    "",
    ...block.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(block.quote ? [block.quote, ""] : []),
    ...(block.facts ? [...(block.factsIntro ? [block.factsIntro] : []), ...block.facts.map(([label, value]) => `${label}: ${value}`), ""] : []),
    ...(block.after ?? []).flatMap((paragraph) => [paragraph, ""]),
    ...(block.link ? [`${block.link.label}:`, block.link.url, ""] : []),
    "-- ",
    t.noReply,
    t.signature,
    "",
  ].join("\n");
  return { subject, html, text };
}

export interface ApplicationSummary {
  name: string;
  orgNumber: string;
  kindLabel: string;
  districts: string[];
  description: string;
  website: string | null;
  contactName: string;
  contactEmail: string;
}

export function applicationReceiptEmail(application: ApplicationSummary, locale: Locale): RenderedEmail {
  const t = getMessages(locale).admin;
  return render(locale, t.email.receiptSubject, application.contactName, {
    paragraphs: [format(t.email.receiptBody, { name: application.name })],
    factsIntro: t.email.receiptSummary,
    facts: [
      [t.apply.name, application.name],
      [t.apply.orgNumber, application.orgNumber],
      [t.apply.kind, application.kindLabel],
      [t.apply.districts, application.districts.join(", ")],
      [t.apply.description, application.description],
      ...(application.website ? [[t.apply.website, application.website] as [string, string]] : []),
      [t.apply.contactName, application.contactName],
      [t.apply.contactEmail, application.contactEmail],
    ],
  });
}

export function applicationNotificationEmail(application: ApplicationSummary, queueUrl: string, locale: Locale): RenderedEmail {
  const t = getMessages(locale).admin;
  return render(locale, format(t.email.notifySubject, { name: application.name }), null, {
    paragraphs: [
      format(t.email.notifyBody, {
        name: application.name,
        orgNumber: application.orgNumber,
        contact: application.contactName,
        email: application.contactEmail,
      }),
    ],
    facts: [
      [t.apply.kind, application.kindLabel],
      [t.apply.districts, application.districts.join(", ")],
      [t.apply.description, application.description],
    ],
    link: { label: t.email.notifyAction, url: queueUrl },
  });
}

export function applicationRejectedEmail(
  input: { organisationName: string; contactName: string | null; reason: string },
  locale: Locale,
): RenderedEmail {
  const t = getMessages(locale).admin.email;
  return render(locale, t.rejectedSubject, input.contactName, {
    paragraphs: [format(t.rejectedBody, { name: input.organisationName })],
    quote: input.reason,
    after: [t.rejectedAgain],
  });
}
