/**
 * The frame of every e-mail: simple, accessible HTML (language set, real text, a heading, the
 * link both as a button and written out) and a plain-text version with the same content.
 */
import { format, type Locale } from "~/lib/i18n";
import { getMessages } from "~/lib/messages.server";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface LinkEmailContent {
  locale: Locale;
  subject: string;
  /** Addressed by name when known. */
  name?: string | null;
  paragraphs: string[];
  action: string;
  url: string;
  validity: string;
  notYou: string;
}

export function renderLinkEmail(content: LinkEmailContent): RenderedEmail {
  const t = getMessages(content.locale).auth.email;
  const greeting = content.name ? format(t.greetingName, { name: content.name }) : t.greeting;
  const paragraphs = content.paragraphs.map((paragraph) => `<p style="margin:0 0 16px">${escapeHtml(paragraph)}</p>`).join("\n");
  const url = escapeHtml(content.url);
  const html = `<!doctype html>
<html lang="${content.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
<div role="article" aria-label="${escapeHtml(content.subject)}" lang="${content.locale}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">
<p style="margin:0 0 24px;font-weight:bold;color:#00508c">${escapeHtml(t.signature)}</p>
<h1 style="margin:0 0 16px;font-size:22px">${escapeHtml(content.subject)}</h1>
<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>
${paragraphs}
<p style="margin:24px 0"><a href="${url}" style="display:inline-block;padding:12px 20px;background:#00508c;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:6px">${escapeHtml(content.action)}</a></p>
<p style="margin:0 0 8px">${escapeHtml(t.linkFallback)}</p>
<p style="margin:0 0 16px;word-break:break-all"><a href="${url}" style="color:#00508c">${url}</a></p>
<p style="margin:0 0 16px">${escapeHtml(content.validity)}</p>
<p style="margin:0 0 16px">${escapeHtml(content.notYou)}</p>
<p style="margin:24px 0 0;color:#4a4a4a">${escapeHtml(t.signature)}</p>
</div>
</body>
</html>
`;
  const text = [
    greeting,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    `${content.action}:`,
    content.url,
    "",
    content.validity,
    "",
    content.notYou,
    "",
    "-- ",
    t.signature,
    "",
  ].join("\n");
  return { subject: content.subject, html, text };
}
