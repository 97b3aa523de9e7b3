/** What every route needs: settings, the database, and who is calling. */
import type { IncomingMessage } from "node:http";
import type pg from "pg";
import { type JwtClaims, verifyJwt } from "../keys.ts";
import { isUuid } from "./db.ts";
import { AuthError, bearerToken, clientIp, forbidden, userAgent } from "./http.ts";
import { type ClientInfo, type TokenSettings, sessionExists } from "./sessions.ts";
import { type UserRow, findUserById } from "./users.ts";

export interface AuthContext {
  pool: pg.Pool;
  tokens: TokenSettings;
  siteUrl: string;
  apiExternalUrl: string;
  otpExpirySeconds: number;
  /** Origins a `redirect_to` may point at (the site URL's and any additional ones). */
  redirectOrigins: Set<string>;
}

export interface Caller {
  user: UserRow;
  sessionId: string | null;
  claims: JwtClaims;
}

const ADMIN_ROLES = new Set(["service_role", "supabase_admin"]);

function verifiedClaims(ctx: AuthContext, req: IncomingMessage): JwtClaims {
  const token = bearerToken(req);
  if (!token) throw new AuthError(401, "no_authorization", "This endpoint requires a Bearer token");
  const claims = verifyJwt(token, ctx.tokens.jwtSecret);
  if (!claims) throw forbidden("bad_jwt", "invalid JWT: unable to parse or verify signature, token is expired or invalid");
  return claims;
}

/** The signed-in user behind the bearer token, whose session must still exist. */
export async function authenticate(ctx: AuthContext, req: IncomingMessage): Promise<Caller> {
  const claims = verifiedClaims(ctx, req);
  if (!isUuid(claims.sub)) throw forbidden("bad_jwt", "invalid claim: missing sub claim");
  const sessionId = isUuid(claims.session_id) ? claims.session_id : null;
  if (sessionId) {
    const state = await sessionExists(ctx.pool, sessionId);
    if (state === "missing") throw forbidden("session_not_found", "Session from session_id claim in JWT does not exist");
    if (state === "expired") throw forbidden("session_expired", "Session from session_id claim in JWT has expired");
  }
  const user = await findUserById(ctx.pool, claims.sub);
  if (!user || user.deleted_at) throw forbidden("user_not_found", "User from sub claim in JWT does not exist");
  return { user, sessionId, claims };
}

/** Admin endpoints need a token whose role is service_role (the service-role key). */
export function requireAdmin(ctx: AuthContext, req: IncomingMessage): void {
  const claims = verifiedClaims(ctx, req);
  if (typeof claims.role !== "string" || !ADMIN_ROLES.has(claims.role)) throw forbidden("not_admin", "User not allowed");
}

export function clientInfo(req: IncomingMessage): ClientInfo {
  return { ip: clientIp(req), userAgent: userAgent(req) };
}

/** `redirect_to` if it points at an allowed origin, else the site URL (no open redirects). */
export function safeRedirect(ctx: AuthContext, requested: string | null | undefined): string {
  if (!requested) return ctx.siteUrl;
  try {
    const url = new URL(requested);
    if ((url.protocol === "http:" || url.protocol === "https:") && ctx.redirectOrigins.has(url.origin)) return url.href;
  } catch {
    // not a URL: fall back to the site URL
  }
  return ctx.siteUrl;
}
