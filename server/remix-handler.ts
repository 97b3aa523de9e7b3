/**
 * Remix behind Express, in place of @remix-run/express's request handler: the same Request and the
 * same response, with less work per page (issue 10: the adapter plus the compression middleware's
 * stream were a measurable part of the portal's own cost on every page).
 *
 *  - A document (HTML, which app/entry.server.tsx renders whole) is compressed in one call and sent
 *    in one write with its length, instead of through a compression stream that splits it into
 *    chunks and extra ticks.
 *  - Anything else (single-fetch data, CSV, PDF, open data) is streamed as before, through the
 *    compression middleware.
 */
import { constants, brotliCompressSync, gzipSync } from "node:zlib";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request, RequestHandler, Response } from "express";

export type Encoding = "br" | "gzip";

/** Below this a compressed body saves nothing worth the CPU (the compression middleware's default). */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * The encoding to send a document in, from the request's Accept-Encoding: the one with the highest
 * q-value, Brotli on a tie (as the compression middleware chooses); `*` stands for the ones not
 * named; q=0 refuses. Null: send it as it is.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [token = "", ...params] = part.split(";");
    const name = token.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (match) q = Number(match[1]);
    }
    quality.set(name, Number.isFinite(q) ? q : 0);
  }
  const any = quality.get("*") ?? 0;
  const br = quality.get("br") ?? any;
  const gzip = quality.get("gzip") ?? any;
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return null;
}

/**
 * One call for the whole body. Brotli at quality 3 rather than the compression middleware's 4: half
 * the CPU for pages of tens of kilobytes (~0.3 ms a page here), for ~6 % more bytes (~350 B).
 */
export function compressDocument(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === "gzip") return gzipSync(body);
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 3,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

export interface RemixHandlerOptions {
  build: ServerBuild;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
  /** Compresses a streamed (non-document) response: the compression middleware. */
  compressStream: RequestHandler;
}

export function createRemixHandler({ build, getLoadContext, compressStream }: RemixHandlerOptions): RequestHandler {
  const handleRequest = createRequestHandler(build, build.mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const response = await handleRequest(toFetchRequest(req, res), getLoadContext(req, res));
      await send(req, res, response, compressStream);
    } catch (error) {
      next(error);
    }
  };
}

/** The Fetch API request Remix reads, built as @remix-run/express builds it. */
function toFetchRequest(req: Request, res: Response): globalThis.Request {
  // req.hostname has no port and honours "trust proxy"; the port comes from X-Forwarded-Host or Host.
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  const url = `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }

  // Loaders and actions are aborted when the client goes away before the answer is complete.
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new globalThis.Request(new URL(url).href, init);
}

async function send(req: Request, res: Response, response: globalThis.Response, compressStream: RequestHandler): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  const page = /^text\/html\b/i.test(response.headers.get("Content-Type") ?? "");
  // Caches key a page on Accept-Encoding, compressed or not, HEAD too (as the compression middleware does).
  if (page) res.vary("Accept-Encoding");
  if (!response.body) {
    res.end();
    return;
  }
  if (page) {
    let body: Buffer = Buffer.from(await response.arrayBuffer());
    const encoding = /\bno-transform\b/i.test(response.headers.get("Cache-Control") ?? "") ? null : chooseEncoding(req.get("accept-encoding"));
    if (encoding && body.length >= COMPRESSION_THRESHOLD) {
      body = compressDocument(body, encoding);
      res.setHeader("Content-Encoding", encoding);
    }
    res.setHeader("Content-Length", body.length);
    res.end(body);
    return;
  }
  await new Promise<void>((resolve, reject) => compressStream(req, res, (error?: unknown) => (error ? reject(error as Error) : resolve())));
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  await writeReadableStreamToWritable(response.body, res);
}
