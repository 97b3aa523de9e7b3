/**
 * The one port in front of the stack, as Kong is in `supabase start`: `/rest/v1/*` to PostgREST,
 * `/auth/v1/*` to the auth server, `/mail/*` to the mail catcher. REST and auth requests need a
 * valid `apikey` (the anon or service-role key), as on Supabase.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { StackError } from "./errors.ts";
import { sendJson } from "./http.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface GatewayOptions {
  port: number;
  apiKeys: string[];
  postgrestPort: number;
  auth: Handler;
  mail: Handler;
}

/** Auth routes a browser reaches from an e-mail link, without an API key (as on Supabase). */
const OPEN_AUTH_ROUTES = new Set(["/verify", "/callback", "/authorize"]);

export async function startGateway(options: GatewayOptions): Promise<http.Server> {
  const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 64, noDelay: true });
  const validKeys = new Set(options.apiKeys);

  const server = http.createServer({ noDelay: true, keepAlive: true }, (req, res) => {
    const url = req.url ?? "/";
    const [pathname = "/", search = ""] = splitOnce(url, "?");
    const query = search ? `?${search}` : "";

    if (pathname === "/mail") {
      res.writeHead(301, { location: "/mail/" }).end();
      return;
    }
    if (pathname.startsWith("/mail/")) return forwardTo(options.mail, req, res, pathname.slice(5) + query);

    const service = /^\/(rest|auth)\/v1(\/.*)?$/.exec(pathname);
    if (!service) return sendJson(res, 404, { message: "no Route matched with those values" });
    const rest = service[2] ?? "/";

    if (req.method === "OPTIONS") return sendPreflight(req, res);
    const isOpenAuthRoute = service[1] === "auth" && OPEN_AUTH_ROUTES.has(rest);
    if (!isOpenAuthRoute) {
      const apiKey = headerValue(req.headers.apikey) ?? new URLSearchParams(search).get("apikey");
      if (!apiKey) return sendJson(res, 401, { message: "No API key found in request", hint: "No `apikey` request header or url param was found." });
      if (!validKeys.has(apiKey)) return sendJson(res, 401, { message: "Invalid API key", hint: "Double check your Supabase `anon` or `service_role` API key." });
      // A request with only an API key acts as that key's role, as on Supabase.
      if (!req.headers.authorization) req.headers.authorization = `Bearer ${apiKey}`;
    }
    res.setHeader("access-control-allow-origin", "*");

    if (service[1] === "auth") return forwardTo(options.auth, req, res, rest + query);
    proxy(req, res, rest + query);
  });

  function proxy(req: IncomingMessage, res: ServerResponse, path: string): void {
    const headers = { ...req.headers, host: `127.0.0.1:${options.postgrestPort}` };
    const upstream = http.request(
      { host: "127.0.0.1", port: options.postgrestPort, method: req.method, path, headers, agent: upstreamAgent },
      (upstreamRes) => relayResponse(upstreamRes, res),
    );
    upstream.on("error", () => {
      if (!res.headersSent) sendJson(res, 502, { message: "PostgREST is not reachable" });
      else res.destroy();
    });
    // Most API calls are bodiless GETs: send them on at once instead of waiting for the request
    // stream's end event (this is the gateway's hot path; see npm run bench:stack).
    if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) upstream.end();
    else req.pipe(upstream);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new StackError(
          error.code === "EADDRINUSE"
            ? `Port ${options.port} (Supabase gateway) is already in use: stop what runs there or set LOCAL_SUPABASE_PORT.`
            : `The gateway could not listen on port ${options.port}: ${error.message}`,
        ),
      ),
    );
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  server.keepAliveTimeout = 65_000;
  server.on("close", () => upstreamAgent.destroy());
  return server;
}

function forwardTo(handler: Handler, req: IncomingMessage, res: ServerResponse, path: string): void {
  req.url = path;
  Promise.resolve(handler(req, res)).catch(() => {
    if (!res.headersSent) sendJson(res, 500, { code: 500, error_code: "unexpected_failure", msg: "Unexpected failure" });
    else res.destroy();
  });
}

/** Responses up to this size are sent in one write; larger ones are streamed. */
const BUFFERED_RESPONSE_BYTES = 256 * 1024;

/**
 * Relays PostgREST's response. PostgREST answers in chunked encoding; relaying that chunk by chunk
 * makes the client wait for a separate final write. A typical API answer is small, so it is
 * collected and sent with a Content-Length in one write; past the limit it is streamed.
 */
function relayResponse(upstreamRes: IncomingMessage, res: ServerResponse): void {
  const status = upstreamRes.statusCode ?? 502;
  const chunks: Buffer[] = [];
  let size = 0;
  let streaming = false;
  upstreamRes.on("data", (chunk: Buffer) => {
    if (streaming) {
      if (!res.write(chunk)) {
        upstreamRes.pause();
        res.once("drain", () => upstreamRes.resume());
      }
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
    if (size > BUFFERED_RESPONSE_BYTES) {
      streaming = true;
      res.writeHead(status, endToEndHeaders(upstreamRes.rawHeaders, false));
      res.write(Buffer.concat(chunks));
      chunks.length = 0;
    }
  });
  upstreamRes.on("end", () => {
    if (streaming) return void res.end();
    const body = Buffer.concat(chunks);
    res.writeHead(status, [...endToEndHeaders(upstreamRes.rawHeaders, true), "Content-Length", String(body.length)]);
    res.end(body);
  });
  upstreamRes.on("error", () => res.destroy());
}

/**
 * Raw headers as they came (no header object built twice), less the hop-by-hop ones, and less
 * the framing headers when the gateway frames the body itself.
 */
function endToEndHeaders(raw: string[], dropFraming: boolean): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name === "connection" || name === "keep-alive") continue;
    if (dropFraming && (name === "transfer-encoding" || name === "content-length")) continue;
    kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}

function sendPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
    "access-control-max-age": "3600",
  });
  res.end();
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, ""] : [text.slice(0, index), text.slice(index + 1)];
}
