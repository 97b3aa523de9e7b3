/**
 * HTTP plumbing of the auth server: GoTrue-shaped errors, JSON bodies with a size limit, and
 * small readers for query strings and bearer tokens.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, CLOSE_CONNECTION, isJsonObject, MAX_BODY_BYTES, readBody, sendJson, type JsonObject } from "../http.ts";

export { isJsonObject, sendJson, type JsonObject };


/** An error answered as GoTrue does: `{ code: <http status>, error_code, msg }`. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (errorCode: string, msg: string) => new AuthError(400, errorCode, msg);
export const validationFailed = (msg: string, status = 400) => new AuthError(status, "validation_failed", msg);
export const unprocessable = (errorCode: string, msg: string) => new AuthError(422, errorCode, msg);
export const forbidden = (errorCode: string, msg: string) => new AuthError(403, errorCode, msg);
export const notFound = (errorCode: string, msg: string) => new AuthError(404, errorCode, msg);

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204, { "cache-control": "no-store" });
  res.end();
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, "cache-control": "no-store", "content-length": "0" });
  res.end();
}

export function sendError(res: ServerResponse, error: AuthError): void {
  // A body we stopped reading must not be taken for the next request on this connection.
  const headers = error.status === 413 ? CLOSE_CONNECTION : {};
  sendJson(res, error.status, { code: error.status, error_code: error.errorCode, msg: error.message, ...error.extra }, headers);
}

/**
 * Reads a JSON object body. An empty body is `{}` (supabase-js sends none on some POSTs). Stops
 * reading once the body passes `limit` bytes, without buffering the rest.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<JsonObject> {
  let raw: Buffer;
  try {
    raw = await readBody(req, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new AuthError(413, "request_too_large", "Request body too large");
    throw badRequest("bad_json", "Could not read request body");
  }
  const text = raw.toString("utf8").trim();
  if (text === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest("bad_json", "Could not parse request body as JSON");
  }
  if (!isJsonObject(parsed)) throw badRequest("bad_json", "Could not parse request body as JSON: expected an object");
  return parsed;
}

export interface ParsedUrl {
  path: string;
  query: URLSearchParams;
}

export function parseUrl(rawUrl: string | undefined): ParsedUrl {
  const url = rawUrl ?? "/";
  const index = url.indexOf("?");
  const rawPath = index === -1 ? url : url.slice(0, index);
  // Tolerate a trailing slash ("/user/"), as GoTrue's router does.
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, "") : rawPath;
  return { path: path || "/", query: new URLSearchParams(index === -1 ? "" : url.slice(index + 1)) };
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== "string") return null;
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export function clientIp(req: IncomingMessage): string | null {
  return req.socket.remoteAddress ?? null;
}

export function userAgent(req: IncomingMessage): string | null {
  const value = req.headers["user-agent"];
  return typeof value === "string" ? value.slice(0, 1000) : null;
}
