/** Small HTTP helpers shared by the stack's own servers (gateway, auth, mail catcher). */
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}
export class BodyUnreadableError extends Error {}

/**
 * An over-long body is read and thrown away up to this many bytes before the refusal is sent, so
 * the client finishes sending and reads the 413 instead of meeting a reset connection (EPIPE).
 * Beyond it the connection is cut.
 */
const DISCARD_LIMIT = 16 * 1024 * 1024;

function discardRest(req: IncomingMessage, alreadyRead: number): Promise<void> {
  return new Promise((resolve) => {
    let discarded = alreadyRead;
    const done = () => {
      req.off("data", onData).off("end", done).off("error", done).off("close", done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > DISCARD_LIMIT) {
        req.destroy();
        done();
      }
    };
    req.on("data", onData).on("end", done).on("error", done).on("close", done);
    req.resume();
  });
}

/**
 * Reads the request body, refusing once it passes `limit` bytes. The rest is read and discarded
 * (up to DISCARD_LIMIT) before the refusal; answer it with `CLOSE_CONNECTION` all the same.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    if (declared > DISCARD_LIMIT) return Promise.reject(new BodyTooLargeError());
    return discardRest(req, 0).then(() => Promise.reject(new BodyTooLargeError()));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stopListening = () => req.off("data", onData).off("end", onEnd).off("error", onError);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stopListening();
      void discardRest(req, size).then(() => reject(new BodyTooLargeError()));
    };
    const onEnd = () => {
      stopListening();
      resolve(Buffer.concat(chunks));
    };
    const onError = () => {
      stopListening();
      req.pause();
      reject(new BodyUnreadableError());
    };
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
