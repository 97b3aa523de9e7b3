/**
 * E-mails about follow-up reports: the receipt to the organisation when its report is submitted,
 * the notice to the coordinators, and the review decision (returned with the coordinator's comment,
 * or accepted) to the organisation. Plain, accessible HTML (language set, a heading, the link as a
 * button and written out) plus a text version with the same content. Everything user-written
 * (names, comments) is escaped.
 */
import { format, type Locale } from "~/lib/i18n";
import { getMessages } from "~/lib/messages.server";
import { escapeHtml, type RenderedEmail } from "./layout";

interface Block {
  paragraphs: string[];
  /** A quoted text (the coordinator's comment). */
  quote?: { intro?: string; text: string };
  after?: string[];
  link: { label: string; url: string };
}

const p = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;

function render(locale: Locale, subject: string, name: string | null, block: Block): RenderedEmail {
  const t = getMessages(locale).reports.email;
  const greeting = name ? format(t.greetingName, { name }) : t.greeting;
  const url = escapeHtml(block.link.url);
  const quote = block.quote
    ? `${block.quote.intro ? p(block.quote.intro) : ""}<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #00508c;background:#f4f6f8">${escapeHtml(block.quote.text).replace(/\n/g, "<br>")}</blockquote>`
    : "";
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
${quote}
${(block.after ?? []).map(p).join("\n")}
<p style="margin:24px 0"><a href="${url}" style="display:inline-block;padding:12px 20px;background:#00508c;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:6px">${escapeHtml(block.link.label)}</a></p>
<p style="margin:0 0 16px;word-break:break-all"><a href="${url}" style="color:#00508c">${url}</a></p>
<p style="margin:24px 0 0;color:#4a4a4a">${escapeHtml(t.noReply)}<br>${escapeHtml(t.signature)}</p>
</div>
</body>
</html>
`;
  const text = [
    greeting,
    "",
    ...block.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(block.quote ? [...(block.quote.intro ? [block.quote.intro, ""] : []), ...block.quote.text.split("\n").map((line) => `> ${line}`), ""] : []),
    ...(block.after ?? []).flatMap((paragraph) => [paragraph, ""]),
    `${block.link.label}:`,
    block.link.url,
    "",
    "-- ",
    t.noReply,
    t.signature,
    "",
  ].join("\n");
  return { subject, html, text };
}

export interface ReportMailFacts {
  organisation: string;
  period: string;
  reportUrl: string;
}

/** To the organisation's admins and contact address: the report is in, and what happens next. */
export function reportReceiptEmail(
  facts: ReportMailFacts & { submittedBy: string; submittedAt: string; recipientName: string | null },
  locale: Locale,
): RenderedEmail {
  const t = getMessages(locale).reports.email;
  return render(locale, format(t.receiptSubject, { period: facts.period }), facts.recipientName, {
    paragraphs: [format(t.receiptBody, { org: facts.organisation, period: facts.period, name: facts.submittedBy, date: facts.submittedAt })],
    after: [t.receiptAfter],
    link: { label: t.open, url: facts.reportUrl },
  });
}

/** To every coordinator: a report waits for review. */
export function reportSubmittedEmail(
  facts: ReportMailFacts & { submittedBy: string; submittedAt: string; recipientName: string | null },
  locale: Locale,
): RenderedEmail {
  const t = getMessages(locale).reports.email;
  return render(locale, format(t.submittedSubject, { org: facts.organisation, period: facts.period }), facts.recipientName, {
    paragraphs: [format(t.submittedBody, { org: facts.organisation, period: facts.period, name: facts.submittedBy, date: facts.submittedAt })],
    link: { label: t.review, url: facts.reportUrl },
  });
}

/** To the organisation: the coordinator returned the report (with the comment) or accepted it. */
export function reportReviewedEmail(
  facts: ReportMailFacts & { decision: "returned" | "accepted"; comment: string | null; recipientName: string | null },
  locale: Locale,
): RenderedEmail {
  const t = getMessages(locale).reports.email;
  const values = { org: facts.organisation, period: facts.period };
  if (facts.decision === "returned") {
    return render(locale, format(t.returnedSubject, values), facts.recipientName, {
      paragraphs: [format(t.returnedBody, values)],
      quote: { text: facts.comment ?? "" },
      after: [t.returnedAfter],
      link: { label: t.open, url: facts.reportUrl },
    });
  }
  return render(locale, format(t.acceptedSubject, values), facts.recipientName, {
    paragraphs: [format(t.acceptedBody, values)],
    ...(facts.comment ? { quote: { intro: t.acceptedComment, text: facts.comment } } : {}),
    link: { label: t.open, url: facts.reportUrl },
  });
}
