/**
 * JWT secret and API keys of the embedded stack.
 *
 * The secret is generated on first start and kept in the data directory, so there is no
 * well-known secret: a forgotten demo is not an open door. Tokens are HS256, as Supabase's.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isJsonObject } from "./http.ts";

export type JwtClaims = Record<string, unknown> & { exp?: number; iat?: number; role?: string };

const base64url = (input: Buffer | string) => Buffer.from(input).toString("base64url");

export function signJwt(claims: JwtClaims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** Returns the claims of a valid, unexpired HS256 token signed with `secret`, or null. */
export function verifyJwt(token: string, secret: string, now = Date.now()): JwtClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  let parsedHeader: unknown;
  let claims: unknown;
  try {
    parsedHeader = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!isJsonObject(parsedHeader) || parsedHeader.alg !== "HS256" || !isJsonObject(claims)) return null;
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (typeof claims.exp === "number" && claims.exp * 1000 <= now) return null;
  return claims as JwtClaims;
}

export interface StackKeys {
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
}

const TEN_YEARS_IN_SECONDS = 10 * 365 * 24 * 60 * 60;

/** Reads the JWT secret from `dataDir`, creating it on first start, and signs the two API keys. */
export function loadOrCreateKeys(dataDir: string): StackKeys {
  const secretFile = path.join(dataDir, "jwt-secret");
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  const jwtSecret = readFileSync(secretFile, "utf8").trim();
  // Issued when the secret was made, so the keys stay the same across restarts.
  const iat = Math.floor(statSync(secretFile).mtimeMs / 1000);
  const apiKey = (role: "anon" | "service_role") =>
    signJwt({ iss: "supabase", ref: "local", role, iat, exp: iat + TEN_YEARS_IN_SECONDS }, jwtSecret);
  return { jwtSecret, anonKey: apiKey("anon"), serviceRoleKey: apiKey("service_role") };
}
