/** Small HTTP helpers shared by the stack's own servers (gateway, auth, mail catcher). */
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}
export class BodyUnreadableError extends Error {}

/**
 * Reads the request body, refusing once it passes `limit` bytes. The rest is not read: answer with
 * `CLOSE_CONNECTION` so the unread bytes are never taken for the next request on the connection.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: Error | null) => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
      if (!error) return resolve(Buffer.concat(chunks));
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(new BodyTooLargeError());
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = () => finish(new BodyUnreadableError());
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

export const CLOSE_CONNECTION = { connection: "close" } as const;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(payload);
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(html),
    // The captured mail is shown to a developer; nothing on the page may run scripts.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'",
  });
  res.end(html);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
