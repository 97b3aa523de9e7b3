/**
 * E-mails about forum activity: a new post (a reply where the person watches, or a mention), the
 * daily/weekly digest, and joining a forum (the request to the moderators, the decision, being
 * added). Plain, accessible HTML (language set, a heading, real links written out) plus a text
 * version with the same content. Everything user-written (names, titles, excerpts) is escaped.
 */
import { format, type Locale } from "~/lib/i18n";
import { getMessages } from "~/lib/messages.server";
import { escapeHtml, type RenderedEmail } from "./layout";

interface Block {
  paragraphs: string[];
  /** A short plain-text excerpt of a post, shown as a quote. */
  excerpt?: { intro: string; text: string };
  /** The digest's threads. */
  items?: DigestItemView[];
  link: { label: string; url: string };
  /** Why the person gets this e-mail and where to change it (post notifications and digests). */
  settingsUrl?: string;
}

interface DigestItemView {
  title: string;
  url: string;
  lines: string[];
}

const p = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;

function render(locale: Locale, subject: string, name: string | null, block: Block): RenderedEmail {
  const t = getMessages(locale).forumEmails;
  const greeting = name ? format(t.greetingName, { name }) : t.greeting;
  const url = escapeHtml(block.link.url);
  const items = block.items?.length
    ? `<ul style="margin:0 0 16px;padding-left:20px">${block.items
        .map(
          (item) =>
            `<li style="margin:0 0 12px"><a href="${escapeHtml(item.url)}" style="color:#00508c;font-weight:bold">${escapeHtml(item.title)}</a><br>${item.lines.map(escapeHtml).join("<br>")}</li>`,
        )
        .join("")}</ul>`
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
${block.excerpt ? `${p(block.excerpt.intro)}<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #00508c;background:#f4f6f8">${escapeHtml(block.excerpt.text)}</blockquote>` : ""}
${items}
<p style="margin:24px 0"><a href="${url}" style="display:inline-block;padding:12px 20px;background:#00508c;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:6px">${escapeHtml(block.link.label)}</a></p>
<p style="margin:0 0 16px;word-break:break-all"><a href="${url}" style="color:#00508c">${url}</a></p>
${block.settingsUrl ? `<p style="margin:24px 0 0;color:#4a4a4a">${escapeHtml(t.settings)} <a href="${escapeHtml(block.settingsUrl)}" style="color:#00508c">${escapeHtml(block.settingsUrl)}</a></p>` : ""}
<p style="margin:24px 0 0;color:#4a4a4a">${escapeHtml(t.noReply)}<br>${escapeHtml(t.signature)}</p>
</div>
</body>
</html>
`;
  const text = [
    greeting,
    "",
    ...block.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(block.excerpt ? [block.excerpt.intro, "", ...block.excerpt.text.split("\n").map((line) => `> ${line}`), ""] : []),
    ...(block.items ?? []).flatMap((item) => [`* ${item.title}`, ...item.lines.map((line) => `  ${line}`), `  ${item.url}`, ""]),
    `${block.link.label}:`,
    block.link.url,
    "",
    ...(block.settingsUrl ? [t.settings, block.settingsUrl, ""] : []),
    "-- ",
    t.noReply,
    t.signature,
    "",
  ].join("\n");
  return { subject, html, text };
}

export interface PostEmailInput {
  kind: "reply" | "mention";
  recipientName: string | null;
  authorName: string;
  threadTitle: string;
  forumName: string;
  excerpt: string;
  postUrl: string;
  settingsUrl: string;
}

/** One new post: "X nämnde dig i …" (mention) or "Nytt inlägg i …" (reply in a watched thread/forum). */
export function postNotificationEmail(input: PostEmailInput, locale: Locale): RenderedEmail {
  const t = getMessages(locale).forumEmails;
  const words = t[input.kind];
  const values = { author: input.authorName, thread: input.threadTitle, forum: input.forumName };
  return render(locale, format(words.subject, values), input.recipientName, {
    paragraphs: [format(words.body, values)],
    ...(input.excerpt ? { excerpt: { intro: t.excerptIntro, text: input.excerpt } } : {}),
    link: { label: t.readPost, url: input.postUrl },
    settingsUrl: input.settingsUrl,
  });
}

export interface DigestThread {
  threadTitle: string;
  forumName: string;
  count: number;
  authorNames: string[];
  mentioned: boolean;
  /** The first new post of the thread. */
  url: string;
}

export interface DigestEmailInput {
  period: "daily" | "weekly";
  recipientName: string | null;
  threads: DigestThread[];
  forumsUrl: string;
  settingsUrl: string;
}

/** One e-mail per person and day/week: the new posts, grouped by thread. */
export function digestEmail(input: DigestEmailInput, locale: Locale): RenderedEmail {
  const t = getMessages(locale).forumEmails.digest;
  const total = input.threads.reduce((sum, thread) => sum + thread.count, 0);
  const subject =
    input.period === "daily"
      ? total === 1 ? t.subjectDailyOne : format(t.subjectDaily, { count: total })
      : total === 1 ? t.subjectWeeklyOne : format(t.subjectWeekly, { count: total });
  const names = (list: string[]) => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(list);
  return render(locale, subject, input.recipientName, {
    paragraphs: [t.intro],
    items: input.threads.map((thread) => ({
      title: thread.threadTitle,
      url: thread.url,
      lines: [
        format(t.threadLine, { forum: thread.forumName }),
        [thread.count === 1 ? t.postsOne : format(t.posts, { count: thread.count }), format(t.by, { names: names(thread.authorNames) })].join(" ") +
          ".",
        ...(thread.mentioned ? [t.mentioned] : []),
      ],
    })),
    link: { label: t.toForums, url: input.forumsUrl },
    settingsUrl: input.settingsUrl,
  });
}

/** To a forum's moderators (or the coordinators): someone asks to join a closed forum. */
export function joinRequestEmail(input: { recipientName: string | null; requesterName: string; forumName: string; url: string }, locale: Locale): RenderedEmail {
  const t = getMessages(locale).forumEmails.joinRequest;
  const values = { name: input.requesterName, forum: input.forumName };
  return render(locale, format(t.subject, values), input.recipientName, {
    paragraphs: [format(t.body, values)],
    link: { label: t.action, url: input.url },
  });
}

/** To the person who asked to join: approved or declined. */
export function joinDecisionEmail(input: { recipientName: string | null; forumName: string; approved: boolean; url: string }, locale: Locale): RenderedEmail {
  const all = getMessages(locale).forumEmails;
  const t = input.approved ? all.joinApproved : all.joinDeclined;
  const values = { forum: input.forumName };
  return render(locale, format(t.subject, values), input.recipientName, {
    paragraphs: [format(t.body, values)],
    link: { label: t.action, url: input.url },
  });
}

/** To a person a moderator added to a forum. */
export function addedToForumEmail(input: { recipientName: string | null; forumName: string; url: string }, locale: Locale): RenderedEmail {
  const t = getMessages(locale).forumEmails.added;
  const values = { forum: input.forumName };
  return render(locale, format(t.subject, values), input.recipientName, {
    paragraphs: [format(t.body, values)],
    link: { label: t.action, url: input.url },
  });
}
