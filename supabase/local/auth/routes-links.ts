/**
 * E-mail link flows: `POST /otp` and `POST /recover` (store a token; this stack sends no auth mail,
 * the portal mails links made by `POST /admin/generate_link`), and `POST|GET /verify`.
 */
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { type AuthContext, clientInfo, safeRedirect } from "./context.ts";
import { inTransaction } from "./db.ts";
import { AuthError, type JsonObject, forbidden, notFound, validationFailed } from "./http.ts";
import { metadata, optionalString, parseInput, requiredString } from "./input.ts";
import { LINK_TYPES, type LinkType, VERIFY_TYPES, type VerifyType, consumeOneTimeToken, issueOneTimeToken } from "./one-time-tokens.ts";
import { checkPasswordStrength, hashPassword } from "./passwords.ts";
import { type AuthMethod, type SessionJson, startSession, userBanned } from "./sessions.ts";
import {
  type UserRow,
  emailExists,
  findUserByEmail,
  findUserById,
  insertUser,
  isBanned,
  normalizeEmail,
  updateUser,
  userToJsonWithIdentities,
} from "./users.ts";

const emailOnly = z.object({ email: requiredString("email") });

/** Stores a magic-link token for an existing user. Answers the same whether or not one exists. */
export async function requestOtp(ctx: AuthContext, body: JsonObject): Promise<JsonObject> {
  await issueForExistingUser(ctx, parseInput(emailOnly, body).email, "magiclink");
  return {};
}

/** Stores a recovery token for an existing user. Answers the same whether or not one exists. */
export async function requestRecovery(ctx: AuthContext, body: JsonObject): Promise<JsonObject> {
  await issueForExistingUser(ctx, parseInput(emailOnly, body).email, "recovery");
  return {};
}

async function issueForExistingUser(ctx: AuthContext, rawEmail: string, type: LinkType): Promise<void> {
  const email = normalizeEmail(rawEmail);
  await inTransaction(ctx.pool, async (db) => {
    const user = await findUserByEmail(db, email);
    if (user && !isBanned(user)) await issueOneTimeToken(db, user, type);
  });
}

// --- verify ----------------------------------------------------------------------------------------

const verifyInput = z.object({
  type: z.enum(VERIFY_TYPES, { errorMap: () => ({ message: `type must be one of ${VERIFY_TYPES.join(", ")}` }) }),
  token_hash: optionalString,
  token: optionalString,
});

const linkInvalid = () => forbidden("otp_expired", "Email link is invalid or has expired");

/** The method recorded in the session's `amr` claim, by how the link was used. */
const LINK_METHOD: Record<VerifyType, AuthMethod> = {
  magiclink: "magiclink",
  recovery: "recovery",
  invite: "invite",
  signup: "email/signup",
  email: "otp",
};

async function verifyToken(
  ctx: AuthContext,
  req: IncomingMessage,
  tokenHash: string,
  type: VerifyType,
  method: AuthMethod,
): Promise<SessionJson> {
  const user = await inTransaction(ctx.pool, async (db) => {
    const result = await consumeOneTimeToken(db, tokenHash, type, ctx.otpExpirySeconds);
    if (result.status !== "ok") return result.status;
    if (isBanned(result.user)) return "banned" as const;
    // Following any e-mail link proves the address (GoTrue confirms on recovery too).
    return updateUser(db, result.user, { confirmEmail: true });
  });
  if (user === "banned") throw userBanned();
  if (typeof user === "string") throw linkInvalid();
  return startSession(ctx.pool, ctx.tokens, user, method, clientInfo(req));
}

export async function verifyPost(ctx: AuthContext, req: IncomingMessage, body: JsonObject): Promise<SessionJson> {
  const input = parseInput(verifyInput, body);
  if (!input.token_hash) {
    if (input.token) throw validationFailed("Only token_hash verification is supported: verify with token_hash and type");
    throw validationFailed("token_hash is required");
  }
  return verifyToken(ctx, req, input.token_hash, input.type, "otp");
}

/** The link in an e-mail: verifies, then redirects with the session in the URL fragment (as GoTrue). */
export async function verifyGet(ctx: AuthContext, req: IncomingMessage, query: URLSearchParams): Promise<string> {
  const target = new URL(safeRedirect(ctx, query.get("redirect_to")));
  target.hash = "";
  const token = query.get("token");
  const type = query.get("type");
  try {
    if (!token || !isVerifyType(type)) throw linkInvalid();
    const session = await verifyToken(ctx, req, token, type, LINK_METHOD[type]);
    const fragment = new URLSearchParams({
      access_token: session.access_token,
      expires_at: String(session.expires_at),
      expires_in: String(session.expires_in),
      refresh_token: session.refresh_token,
      token_type: session.token_type,
      type,
    });
    return `${target.href}#${fragment.toString()}`;
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const fragment = new URLSearchParams({
      error: error.status === 403 ? "access_denied" : "invalid_request",
      error_code: error.errorCode,
      error_description: error.message,
    });
    return `${target.href}#${fragment.toString()}`;
  }
}

function isVerifyType(value: string | null): value is VerifyType {
  return (VERIFY_TYPES as readonly string[]).includes(value ?? "");
}

// --- admin: generate_link --------------------------------------------------------------------------

const generateLinkInput = z.object({
  type: z.string({ required_error: "type is required", invalid_type_error: "type must be a string" }),
  email: requiredString("email"),
  password: optionalString,
  data: metadata,
  redirect_to: optionalString,
  redirectTo: optionalString,
});

export async function generateLink(ctx: AuthContext, body: JsonObject, query: URLSearchParams): Promise<JsonObject> {
  const input = parseInput(generateLinkInput, body, 422);
  if (!(LINK_TYPES as readonly string[]).includes(input.type)) {
    throw validationFailed(`Invalid link type "${input.type}": use ${LINK_TYPES.join(", ")}`, 422);
  }
  const type = input.type as LinkType;
  const email = normalizeEmail(input.email);
  const redirectTo = safeRedirect(ctx, query.get("redirect_to") ?? input.redirect_to ?? input.redirectTo);
  const passwordHash = type === "signup" ? await signupPasswordHash(input.password) : undefined;

  const { user, hashedToken, emailOtp } = await inTransaction(ctx.pool, async (db) => {
    const existing = await findUserByEmail(db, email);
    const target = await linkTarget(db, type, email, existing, input.data, passwordHash);
    const issued = await issueOneTimeToken(db, target, type);
    const fresh = (await findUserById(db, target.id)) ?? target;
    return { user: await userToJsonWithIdentities(db, fresh), ...issued };
  });

  const actionLink = new URL(`${ctx.apiExternalUrl}/auth/v1/verify`);
  actionLink.search = new URLSearchParams({ token: hashedToken, type, redirect_to: redirectTo }).toString();
  return {
    ...user,
    action_link: actionLink.href,
    email_otp: emailOtp,
    hashed_token: hashedToken,
    redirect_to: redirectTo,
    verification_type: type,
  };
}

async function signupPasswordHash(password: string | undefined): Promise<string> {
  if (password === undefined) throw validationFailed("Signup requires a valid password", 422);
  checkPasswordStrength(password);
  return hashPassword(password);
}

/** The user a link is for: magic links and recovery need one; invites and sign-ups create one. */
async function linkTarget(
  db: Parameters<typeof findUserByEmail>[0],
  type: LinkType,
  email: string,
  existing: UserRow | null,
  data: JsonObject | undefined,
  passwordHash: string | undefined,
): Promise<UserRow> {
  if (type === "magiclink" || type === "recovery") {
    if (!existing) throw notFound("user_not_found", "User with this email not found");
    return existing;
  }
  if (existing?.email_confirmed_at) throw emailExists();
  if (existing) {
    return updateUser(db, existing, {
      ...(data ? { userMetadata: data } : {}),
      ...(passwordHash ? { passwordHash } : {}),
    });
  }
  return insertUser(db, {
    email,
    passwordHash: passwordHash ?? null,
    emailConfirmed: false,
    invited: type === "invite",
    ...(data ? { userMetadata: data } : {}),
  });
}
