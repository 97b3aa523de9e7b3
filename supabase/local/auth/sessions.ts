/**
 * Sessions, refresh tokens and access tokens, kept in `auth.sessions`, `auth.refresh_tokens` and
 * `auth.mfa_amr_claims` as GoTrue does. Refresh tokens rotate: each can be used once, and a spent
 * one is refused (see `refuseSpentToken` for why the session itself survives).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { isIP } from "node:net";
import type pg from "pg";
import { signJwt } from "../keys.ts";
import { type Db, INSTANCE_ID, inTransaction } from "./db.ts";
import { AuthError, badRequest, forbidden } from "./http.ts";
import {
  AUDIENCE,
  type UserJson,
  type UserRow,
  appMetadataOf,
  findUserById,
  isBanned,
  recordSignIn,
  userMetadataOf,
  userToJsonWithIdentities,
} from "./users.ts";

export interface TokenSettings {
  jwtSecret: string;
  jwtExpirySeconds: number;
  issuer: string;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** How the session was authenticated (the `amr` claim). */
export type AuthMethod = "password" | "otp" | "magiclink" | "recovery" | "invite" | "email/signup";

export interface SessionJson {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: UserJson;
}

export const userBanned = () => new AuthError(400, "user_banned", "User is banned");

const newRefreshToken = () => randomBytes(24).toString("base64url");

/** Starts a session for `user` (already authenticated by `method`) and records the sign-in. */
export async function startSession(
  pool: pg.Pool,
  settings: TokenSettings,
  user: UserRow,
  method: AuthMethod,
  client: ClientInfo,
): Promise<SessionJson> {
  return inTransaction(pool, async (db) => {
    const sessionId = randomUUID();
    await db.query(
      `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
       values ($1, $2, now(), now(), 'aal1', $3, $4)`,
      [sessionId, user.id, client.userAgent, client.ip && isIP(client.ip) ? client.ip : null],
    );
    await db.query(
      `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
       values ($1, now(), now(), $2, $3)`,
      [sessionId, method, randomUUID()],
    );
    const refreshToken = await insertRefreshToken(db, user.id, sessionId, null);
    await recordSignIn(db, user.id);
    const fresh = (await findUserById(db, user.id)) ?? user;
    return sessionResponse(db, settings, fresh, sessionId, refreshToken);
  });
}

/** Exchanges a refresh token for a new session response; the given token is spent. */
export async function refreshSession(pool: pg.Pool, settings: TokenSettings, token: string): Promise<SessionJson> {
  const outcome = await inTransaction(pool, async (db) => {
    const { rows } = await db.query<{ user_id: string | null; session_id: string | null }>(
      `update auth.refresh_tokens set revoked = true, updated_at = now()
        where token = $1 and revoked = false
        returning user_id, session_id`,
      [token],
    );
    const spent = rows[0];
    if (!spent) return { kind: "refused" as const };
    if (!spent.session_id || !spent.user_id) return { kind: "not_found" as const };
    const session = await db.query<{ not_after: Date | null }>("select not_after from auth.sessions where id = $1", [
      spent.session_id,
    ]);
    const notAfter = session.rows[0]?.not_after;
    if (session.rows.length === 0) return { kind: "not_found" as const };
    if (notAfter && notAfter.getTime() <= Date.now()) return { kind: "expired" as const };
    const user = await findUserById(db, spent.user_id);
    if (!user || user.deleted_at) return { kind: "not_found" as const };
    if (isBanned(user)) return { kind: "banned" as const };
    const refreshToken = await insertRefreshToken(db, user.id, spent.session_id, token);
    await db.query("update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now() where id = $1", [
      spent.session_id,
    ]);
    return { kind: "ok" as const, session: await sessionResponse(db, settings, user, spent.session_id, refreshToken) };
  });
  switch (outcome.kind) {
    case "ok":
      return outcome.session;
    case "banned":
      throw userBanned();
    case "expired":
      throw forbidden("session_expired", "Session expired");
    case "not_found":
      throw refreshTokenNotFound();
    case "refused":
      return refuseSpentToken(pool, token);
  }
}

const refreshTokenNotFound = () => badRequest("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");

/**
 * A token that is unknown or already spent. A spent token is refused, not honoured for a grace
 * period as GoTrue's reuse interval would; the session itself stays, so a client that lost a race
 * between two refreshes is not signed out everywhere.
 */
async function refuseSpentToken(pool: pg.Pool, token: string): Promise<never> {
  const { rows } = await pool.query("select 1 from auth.refresh_tokens where token = $1 and revoked = true", [token]);
  if (rows.length === 0) throw refreshTokenNotFound();
  throw badRequest("refresh_token_already_used", "Invalid Refresh Token: Already Used");
}

async function insertRefreshToken(db: Db, userId: string, sessionId: string, parent: string | null): Promise<string> {
  const token = newRefreshToken();
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, $3, false, now(), now(), $4, $5)`,
    [INSTANCE_ID, token, userId, parent, sessionId],
  );
  return token;
}

async function sessionResponse(
  db: Db,
  settings: TokenSettings,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
): Promise<SessionJson> {
  const amr = await db.query<{ method: string; at: Date }>(
    `select authentication_method as method, created_at as at from auth.mfa_amr_claims
      where session_id = $1 order by created_at`,
    [sessionId],
  );
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + settings.jwtExpirySeconds;
  const accessToken = signJwt(
    {
      aud: AUDIENCE,
      exp,
      iat,
      iss: settings.issuer,
      sub: user.id,
      email: user.email ?? "",
      phone: user.phone ?? "",
      app_metadata: appMetadataOf(user),
      user_metadata: userMetadataOf(user),
      role: "authenticated",
      aal: "aal1",
      amr: amr.rows.map((row) => ({ method: row.method, timestamp: Math.floor(row.at.getTime() / 1000) })),
      session_id: sessionId,
      is_anonymous: false,
    },
    settings.jwtSecret,
  );
  return {
    access_token: accessToken,
    token_type: "bearer",
    expires_in: settings.jwtExpirySeconds,
    expires_at: exp,
    refresh_token: refreshToken,
    user: await userToJsonWithIdentities(db, user),
  };
}

export type LogoutScope = "global" | "local" | "others";

export async function endSessions(db: Db, userId: string, sessionId: string | null, scope: LogoutScope): Promise<void> {
  if (scope === "global") {
    await db.query("delete from auth.sessions where user_id = $1", [userId]);
  } else if (sessionId === null) {
    return;
  } else if (scope === "local") {
    await db.query("delete from auth.sessions where id = $1 and user_id = $2", [sessionId, userId]);
  } else {
    await db.query("delete from auth.sessions where user_id = $1 and id <> $2", [userId, sessionId]);
  }
}

export async function sessionExists(db: Db, sessionId: string): Promise<"active" | "expired" | "missing"> {
  const { rows } = await db.query<{ not_after: Date | null }>("select not_after from auth.sessions where id = $1", [
    sessionId,
  ]);
  const row = rows[0];
  if (!row) return "missing";
  return row.not_after && row.not_after.getTime() <= Date.now() ? "expired" : "active";
}
