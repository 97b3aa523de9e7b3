/**
 * The embedded stack's GoTrue-compatible auth server: the endpoints of Supabase Auth that the
 * portal uses, with GoTrue's JSON shapes, over the `auth` schema of 01_auth.sql. Mounted by the
 * gateway under `/auth/v1` (the prefix is stripped before requests reach this handler; the gateway
 * has already checked the `apikey`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import { type AuthContext, requireAdmin } from "./context.ts";
import {
  AuthError,
  type JsonObject,
  parseUrl,
  readJsonBody,
  sendError,
  sendJson,
  sendNoContent,
  sendRedirect,
} from "./http.ts";
import { adminCreateUser, adminDeleteUser, adminGetUser, adminListUsers, adminUpdateUser } from "./routes-admin.ts";
import { generateLink, requestOtp, requestRecovery, verifyGet, verifyPost } from "./routes-links.ts";
import { tokenGrant } from "./routes-token.ts";
import { getUser, logout, putUser } from "./routes-user.ts";

export interface AuthServerOptions {
  /** Superuser connection to the stack's database. */
  pool: pg.Pool;
  /** HS256 secret of access tokens (and of the API keys). */
  jwtSecret: string;
  /** Lifetime of access tokens; default 3600. */
  jwtExpirySeconds?: number;
  /** Default redirect target, e.g. http://localhost:3000. */
  siteUrl: string;
  /** Public URL of the gateway, e.g. http://127.0.0.1:54321; e-mail links point at its /auth/v1/verify. */
  apiExternalUrl: string;
  /** How long e-mail links stay valid; default 86400 (GoTrue's default). */
  otpExpirySeconds?: number;
  /** Further URLs whose origins `redirect_to` may point at (besides the site URL's). */
  additionalRedirectUrls?: string[];
  /** Told about unexpected failures (answered 500 `unexpected_failure`); default: ignored. */
  onError?: (error: unknown) => void;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function createAuthHandler(options: AuthServerOptions): Handler {
  const apiExternalUrl = options.apiExternalUrl.replace(/\/+$/, "");
  const siteUrl = new URL(options.siteUrl).href;
  const ctx: AuthContext = {
    pool: options.pool,
    tokens: {
      jwtSecret: options.jwtSecret,
      jwtExpirySeconds: options.jwtExpirySeconds ?? 3600,
      issuer: `${apiExternalUrl}/auth/v1`,
    },
    siteUrl,
    apiExternalUrl,
    otpExpirySeconds: options.otpExpirySeconds ?? 86_400,
    redirectOrigins: new Set([siteUrl, ...(options.additionalRedirectUrls ?? [])].map((url) => new URL(url).origin)),
  };
  return (req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      const answer =
        error instanceof AuthError
          ? error
          : databaseUnreachable(error)
            ? // An outage, not a bug: answered like a gateway in front of a stopped service, without a stack trace.
              new AuthError(503, "unexpected_failure", "The database is unavailable")
            : new AuthError(500, "unexpected_failure", "Unexpected failure");
      if (answer.status === 500) options.onError?.(error);
      if (res.headersSent) res.destroy();
      else sendError(res, answer);
    });
  };
}

/** A connection to Postgres could not be made or was lost (refused, reset, shut down, timed out). */
function databaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code) || /^(08|57P0[1-3])/.test(code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message);
}

const HEALTH = { version: "embedded", name: "GoTrue", description: "GoTrue is a user registration and authentication API" };

const SETTINGS = {
  external: {
    anonymous_users: false,
    apple: false,
    azure: false,
    bitbucket: false,
    discord: false,
    email: true,
    facebook: false,
    figma: false,
    github: false,
    gitlab: false,
    google: false,
    keycloak: false,
    kakao: false,
    linkedin_oidc: false,
    notion: false,
    phone: false,
    saml: false,
    slack_oidc: false,
    spotify: false,
    twitch: false,
    twitter: false,
    workos: false,
    zoom: false,
  },
  disable_signup: true,
  mailer_autoconfirm: false,
  phone_autoconfirm: false,
  sms_provider: "",
  saml_enabled: false,
};

async function route(ctx: AuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { path, query } = parseUrl(req.url);
  const method = req.method ?? "GET";
  const body = (): Promise<JsonObject> => readJsonBody(req);
  const json = (status: number, payload: unknown, headers?: Record<string, string>) =>
    sendJson(res, status, payload, headers);

  const adminUser = /^\/admin\/users\/([^/]+)$/.exec(path);
  if (adminUser) {
    requireAdmin(ctx, req);
    const id = adminUser[1] ?? "";
    if (method === "GET") return json(200, await adminGetUser(ctx, id));
    if (method === "PUT") return json(200, await adminUpdateUser(ctx, id, await body()));
    if (method === "DELETE") return json(200, await adminDeleteUser(ctx, id, await body()));
    throw methodNotAllowed();
  }

  switch (`${method} ${path}`) {
    case "GET /health":
      return json(200, HEALTH);
    case "GET /settings":
      return json(200, SETTINGS);
    case "POST /token":
      return json(200, await tokenGrant(ctx, req, query.get("grant_type"), await body()));
    case "GET /user":
      return json(200, await getUser(ctx, req));
    case "PUT /user":
      return json(200, await putUser(ctx, req, await body()));
    case "POST /logout":
      await logout(ctx, req, query.get("scope"));
      return sendNoContent(res);
    case "POST /otp":
      return json(200, await requestOtp(ctx, await body()));
    case "POST /recover":
      return json(200, await requestRecovery(ctx, await body()));
    case "POST /verify":
      return json(200, await verifyPost(ctx, req, await body()));
    case "GET /verify":
      return sendRedirect(res, await verifyGet(ctx, req, query));
    case "POST /signup":
      throw new AuthError(422, "signup_disabled", "Signups not allowed for this instance");
    case "POST /admin/generate_link":
      requireAdmin(ctx, req);
      return json(200, await generateLink(ctx, await body(), query));
    case "GET /admin/users": {
      requireAdmin(ctx, req);
      const list = await adminListUsers(ctx, query);
      return json(200, list.body, list.headers);
    }
    case "POST /admin/users":
      requireAdmin(ctx, req);
      return json(200, await adminCreateUser(ctx, await body()));
  }
  if (KNOWN_PATHS.has(path)) throw methodNotAllowed();
  throw new AuthError(404, "not_found", "Not found");
}

const KNOWN_PATHS = new Set([
  "/health",
  "/settings",
  "/token",
  "/user",
  "/logout",
  "/otp",
  "/recover",
  "/verify",
  "/signup",
  "/admin/generate_link",
  "/admin/users",
]);

const methodNotAllowed = () => new AuthError(405, "method_not_allowed", "Method not allowed");
