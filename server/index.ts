/**
 * The portal's HTTP server: Express in front of the Remix build. It adds what Remix alone does not
 * give: security headers with a per-request CSP nonce, compression, long-cached static assets, the
 * client's address for rate limiting, and a way for server code to set cookies on any response
 * (including redirects) through the load context.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { cacheHeadersFor, installBackendTally, serverTimingEnabled, serverTimingHeader, type BackendTally } from "./caching.ts";
import { createRemixHandler } from "./remix-handler.ts";
import { isCrossSiteMutation, securityHeaders } from "./security.ts";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy (production), TRUST_PROXY=1 makes req.ip the client's address.
app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
// Static files and streamed answers go through the compression middleware; pages are compressed in
// one piece by the Remix handler (server/remix-handler.ts).
const compress = compression();

const production = process.env.NODE_ENV === "production";
const trustedOrigins = process.env.SITE_URL ? [new URL(process.env.SITE_URL).origin] : [];

app.use((_req: Request, res: Response, next: NextFunction) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  for (const [name, value] of Object.entries(securityHeaders({ nonce, production }))) res.setHeader(name, value);
  next();
});

// Caching (server/caching.ts) and, with SERVER_TIMING=1, the count of Supabase requests: both
// decided at the last moment, when the headers go out, from what the handler did by then.
const backendTally = serverTimingEnabled(process.env.SERVER_TIMING) ? installBackendTally() : undefined;
app.use((req: Request, res: Response, next: NextFunction) => {
  const tally: BackendTally | undefined = backendTally ? { count: 0, ms: 0 } : undefined;
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    const cache = cacheHeadersFor({
      method: req.method,
      status: typeof args[0] === "number" ? args[0] : this.statusCode,
      requestCookie: req.get("cookie"),
      setsCookie: this.hasHeader("set-cookie"),
      cacheControl: this.getHeader("cache-control")?.toString(),
    });
    if (cache) {
      this.setHeader("Cache-Control", cache.cacheControl);
      if (cache.vary) this.vary(cache.vary);
    }
    if (tally) this.setHeader("Server-Timing", serverTimingHeader(tally));
    return writeHead.apply(this, args);
  } as typeof writeHead;
  if (backendTally && tally) backendTally.run(tally, next);
  else next();
});

// Cross-site request forgery: every state-changing request must come from the portal's own pages.
app.use((req: Request, res: Response, next: NextFunction) => {
  const refused = isCrossSiteMutation({
    method: req.method,
    ownOrigin: `${req.protocol}://${req.get("host") ?? ""}`,
    trustedOrigins,
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
  });
  if (!refused) return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("Förfrågan kom från en annan webbplats och togs inte emot. Gå till portalen och försök igen därifrån.");
});

// No form of the portal comes near 2 MB (a 1 MB text still reaches its form's "too long" error);
// a larger body is refused before Remix buffers it, with 413 rather than a failure while reading.
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;
app.use((req: Request, res: Response, next: NextFunction) => {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > BODY_LIMIT_BYTES) {
    // The rest of a moderately large body is read and thrown away, so that the client, still
    // sending, gets to read the answer (closing at once resets the connection under it).
    if (declared <= 8 * BODY_LIMIT_BYTES) req.resume();
    else res.set("Connection", "close");
    res.status(413).type("text/plain; charset=utf-8").send("Förfrågan är för stor.");
    return;
  }
  if (req.headers["transfer-encoding"] !== undefined) {
    // A body without a length: counted as it arrives, and the connection cut when it goes over.
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > BODY_LIMIT_BYTES && !req.destroyed) {
        if (!res.headersSent) res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send("Förfrågan är för stor.");
        req.destroy();
      }
    });
  }
  // An answer given before the body was read (signed out, no rights): the rest of the body is
  // drained, or the kept-alive connection is reset under the browser's next request.
  res.on("finish", () => {
    if (!req.complete && !req.destroyed) {
      req.removeAllListeners("data");
      req.resume();
    }
  });
  next();
});

// Fingerprinted build output can be cached for ever; the rest of public/ (small files, if any, sent
// as they are) for an hour. Only paths with a file extension are looked for there: a page's path
// would cost a file lookup on every request.
app.use("/build", compress, express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h" });
app.use((req: Request, res: Response, next: NextFunction) => (path.posix.extname(req.path) ? publicFiles(req, res, next) : next()));

app.all(
  "*",
  createRemixHandler({
    build,
    compressStream: compress,
    getLoadContext: (req, res) => ({
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cspNonce: String(res.locals.cspNonce),
      isSecure: req.secure,
      appendSetCookie: (cookie: string) => {
        res.append("Set-Cookie", cookie);
      },
    }),
  }),
);

const server = app.listen(port, () => {
  process.stdout.write(`Portal listening on http://localhost:${port}\n`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
