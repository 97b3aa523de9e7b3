/**
 * The portal's HTTP server: Express in front of the Remix build. It adds what Remix alone does not
 * give: security headers with a per-request CSP nonce, compression, long-cached static assets, the
 * client's address for rate limiting, and a way for server code to set cookies on any response
 * (including redirects) through the load context.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy (production), TRUST_PROXY=1 makes req.ip the client's address.
app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
app.use(compression());

app.use((_req: Request, res: Response, next: NextFunction) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
});

// Fingerprinted build output can be cached for ever; the rest of public/ for an hour.
app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
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
