/**
 * A Resend-compatible mail catcher. The portal's `resend` SDK posts to `POST /emails` (its base URL
 * points here through RESEND_BASE_URL); every message is kept (in memory and in a JSON-lines file,
 * so a restart keeps them) and can be listed as JSON by tests or read by a person on a small page.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { BodyTooLargeError, CLOSE_CONNECTION, escapeHtml, readBody, sendHtml, sendJson } from "./http.ts";

const addressList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const emailSchema = z
  .object({
    from: z.string().min(1),
    to: addressList,
    subject: z.string().min(1),
    html: z.string().optional(),
    text: z.string().optional(),
    cc: addressList.optional(),
    bcc: addressList.optional(),
    reply_to: addressList.optional(),
    headers: z.record(z.string()).optional(),
    tags: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  })
  .refine((email) => email.html !== undefined || email.text !== undefined, {
    message: "Either `html` or `text` must be provided.",
  });

export interface CapturedEmail {
  id: string;
  created_at: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  reply_to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  tags: { name: string; value: string }[];
}

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function createMailCatcher(dataDir: string) {
  const file = path.join(dataDir, "mail", "messages.jsonl");
  mkdirSync(path.dirname(file), { recursive: true });
  const messages: CapturedEmail[] = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as CapturedEmail)
    : [];

  function store(input: z.infer<typeof emailSchema>): CapturedEmail {
    const email: CapturedEmail = {
      id: randomUUID(),
      created_at: new Date().toISOString(),
      from: input.from,
      to: asList(input.to),
      cc: asList(input.cc),
      bcc: asList(input.bcc),
      reply_to: asList(input.reply_to),
      subject: input.subject,
      html: input.html ?? null,
      text: input.text ?? null,
      tags: input.tags ?? [],
    };
    messages.push(email);
    appendFileSync(file, `${JSON.stringify(email)}\n`);
    return email;
  }

  /** Handles a request whose URL has the mount prefix already removed. */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://mail.local");
    const method = req.method ?? "GET";
    const route = url.pathname.replace(/\/+$/, "") || "/";

    if (method === "POST" && (route === "/emails" || route === "/emails/batch")) {
      // Resend refuses a request without an API key; so do we, so a missing key is found locally.
      if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
        return sendJson(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse((await readBody(req)).toString("utf8"));
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          return sendJson(res, 413, { statusCode: 413, name: "validation_error", message: "The request body is too large." }, CLOSE_CONNECTION);
        }
        return sendJson(res, 400, { statusCode: 400, name: "validation_error", message: "The request body is not valid JSON." });
      }
      const batch = route === "/emails/batch";
      const result = (batch ? z.array(emailSchema).min(1).max(100) : emailSchema).safeParse(parsed);
      if (!result.success) {
        const issue = result.error.issues[0];
        return sendJson(res, 422, {
          statusCode: 422,
          name: "validation_error",
          message: issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "Invalid e-mail.",
        });
      }
      if (Array.isArray(result.data)) {
        return sendJson(res, 200, { data: result.data.map((email) => ({ id: store(email).id })) });
      }
      return sendJson(res, 200, { id: store(result.data).id });
    }

    if (method === "GET" && route === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      const list = messages.filter((email) => !to || email.to.some((address) => address.toLowerCase().includes(to)));
      return sendJson(res, 200, { data: [...list].reverse() });
    }
    if (method === "DELETE" && route === "/messages") {
      messages.length = 0;
      writeFileSync(file, "");
      return sendJson(res, 200, { deleted: true });
    }
    const single = /^\/(?:emails|messages)\/([\w-]+)(\/html)?$/.exec(route);
    if (method === "GET" && single) {
      const email = messages.find((candidate) => candidate.id === single[1]);
      if (!email) return sendJson(res, 404, { statusCode: 404, name: "not_found", message: "Email not found" });
      if (single[2]) return sendHtml(res, 200, email.html ?? `<pre>${escapeHtml(email.text ?? "")}</pre>`);
      return sendJson(res, 200, { object: "email", ...email });
    }
    if (method === "GET" && route === "/") return sendHtml(res, 200, renderInbox(messages, url.searchParams.get("id")));
    return sendJson(res, 404, { statusCode: 404, name: "not_found", message: "Not found" });
  }

  return { handle, messages: () => [...messages] };
}

function renderInbox(messages: CapturedEmail[], selectedId: string | null): string {
  const selected = messages.find((email) => email.id === selectedId) ?? messages.at(-1);
  const rows = [...messages]
    .reverse()
    .map(
      (email) =>
        `<li${email === selected ? ' aria-current="true"' : ""}><a href="?id=${email.id}"><strong>${escapeHtml(email.subject)}</strong><br>` +
        `till ${escapeHtml(email.to.join(", "))} · ${escapeHtml(email.created_at.replace("T", " ").slice(0, 19))}</a></li>`,
    )
    .join("");
  const body = selected
    ? `<h2>${escapeHtml(selected.subject)}</h2><p>Från ${escapeHtml(selected.from)} till ${escapeHtml(selected.to.join(", "))}</p>` +
      `<iframe title="Meddelandets innehåll" sandbox src="messages/${selected.id}/html"></iframe>` +
      (selected.text ? `<h3>Textversion</h3><pre>${escapeHtml(selected.text)}</pre>` : "")
    : "<p>Inga meddelanden ännu.</p>";
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fångad e-post – Samverkansportalen</title>
<style>body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-columns:minmax(14rem,22rem) 1fr;min-height:100vh;color:#1a1a1a}
nav{border-right:1px solid #ccc;overflow:auto}ul{list-style:none;margin:0;padding:0}li a{display:block;padding:.75rem 1rem;color:inherit;text-decoration:none;border-bottom:1px solid #eee}
li[aria-current] a{background:#e8f0fe}a:focus{outline:3px solid #1a56db;outline-offset:-3px}main{padding:1rem 2rem}iframe{width:100%;height:28rem;border:1px solid #ccc}pre{white-space:pre-wrap}</style></head>
<body><nav aria-label="Meddelanden"><h1 style="font-size:1.1rem;padding:0 1rem">Fångad e-post (${messages.length})</h1><ul>${rows}</ul></nav>
<main>${body}</main></body></html>`;
}
