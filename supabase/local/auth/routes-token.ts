/** `POST /token`: the password and refresh_token grants. */
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { type AuthContext, clientInfo } from "./context.ts";
import { type JsonObject, badRequest } from "./http.ts";
import { parseInput } from "./input.ts";
import { hashPassword, needsRehash, verifyPassword } from "./passwords.ts";
import { type SessionJson, refreshSession, startSession, userBanned } from "./sessions.ts";
import { findUserByEmail, isBanned } from "./users.ts";

const passwordGrant = z.object({
  email: z.string({ invalid_type_error: "email must be a string" }).nullish(),
  phone: z.string({ invalid_type_error: "phone must be a string" }).nullish(),
  password: z.string({ required_error: "password is required", invalid_type_error: "password must be a string" }),
});

const refreshGrant = z.object({
  refresh_token: z
    .string({ required_error: "refresh_token is required", invalid_type_error: "refresh_token must be a string" })
    .min(1, "refresh_token is required"),
});

const invalidCredentials = () => badRequest("invalid_credentials", "Invalid login credentials");

export async function tokenGrant(
  ctx: AuthContext,
  req: IncomingMessage,
  grantType: string | null,
  body: JsonObject,
): Promise<SessionJson> {
  switch (grantType) {
    case "password":
      return passwordSignIn(ctx, req, body);
    case "refresh_token":
      return refreshSession(ctx.pool, ctx.tokens, parseInput(refreshGrant, body).refresh_token);
    default:
      throw badRequest("unsupported_grant_type", "unsupported_grant_type");
  }
}

async function passwordSignIn(ctx: AuthContext, req: IncomingMessage, body: JsonObject): Promise<SessionJson> {
  const input = parseInput(passwordGrant, body);
  const email = input.email?.trim();
  if (!email) {
    if (input.phone) throw badRequest("phone_provider_disabled", "Phone logins are disabled");
    throw badRequest("validation_failed", "An email address or phone number is required to sign in");
  }
  if (input.password === "") throw badRequest("validation_failed", "A password is required to sign in");

  const user = email.length <= 255 ? await findUserByEmail(ctx.pool, email) : null;
  // Always one bcrypt comparison, and the same answer for an unknown e-mail and a wrong password.
  const matches = await verifyPassword(input.password, user?.encrypted_password);
  if (!user || !matches) throw invalidCredentials();
  if (isBanned(user)) throw userBanned();
  if (!user.email_confirmed_at) throw badRequest("email_not_confirmed", "Email not confirmed");

  if (user.encrypted_password && needsRehash(user.encrypted_password)) {
    const upgraded = await hashPassword(input.password);
    await ctx.pool.query("update auth.users set encrypted_password = $2 where id = $1 and encrypted_password = $3", [
      user.id,
      upgraded,
      user.encrypted_password,
    ]);
  }
  return startSession(ctx.pool, ctx.tokens, user, "password", clientInfo(req));
}
