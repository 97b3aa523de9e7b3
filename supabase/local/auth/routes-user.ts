/** The signed-in user's own endpoints: `GET|PUT /user` and `POST /logout`. */
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { type AuthContext, authenticate } from "./context.ts";
import { inTransaction } from "./db.ts";
import { AuthError, type JsonObject, unprocessable, validationFailed } from "./http.ts";
import { metadata, optionalString, parseInput } from "./input.ts";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./passwords.ts";
import { type LogoutScope, endSessions } from "./sessions.ts";
import {
  type UserChanges,
  type UserJson,
  findUserByEmail,
  emailExists,
  normalizeEmail,
  updateUser,
  userToJsonWithIdentities,
} from "./users.ts";

export async function getUser(ctx: AuthContext, req: IncomingMessage): Promise<UserJson> {
  const { user } = await authenticate(ctx, req);
  return userToJsonWithIdentities(ctx.pool, user);
}

const userUpdate = z.object({
  email: optionalString,
  password: optionalString,
  phone: optionalString,
  data: metadata,
});

/**
 * Updates the caller's password, e-mail or metadata. A new password signs out the caller's other
 * sessions (as GoTrue). A new e-mail takes effect at once, as GoTrue does with mailer autoconfirm:
 * this stack sends no auth mail of its own.
 */
export async function putUser(ctx: AuthContext, req: IncomingMessage, body: JsonObject): Promise<UserJson> {
  const caller = await authenticate(ctx, req);
  const input = parseInput(userUpdate, body, 422);
  if (input.phone !== undefined) throw unprocessable("phone_provider_disabled", "Phone numbers are not supported");

  const changes: UserChanges = {};
  if (input.data) changes.userMetadata = input.data;
  if (input.email !== undefined) {
    const email = normalizeEmail(input.email);
    if (email !== caller.user.email?.toLowerCase()) {
      const holder = await findUserByEmail(ctx.pool, email);
      if (holder && holder.id !== caller.user.id) throw emailExists();
      changes.email = email;
      changes.confirmEmail = true;
    }
  }
  if (input.password !== undefined) {
    checkPasswordStrength(input.password);
    if (await verifyPassword(input.password, caller.user.encrypted_password)) {
      throw unprocessable("same_password", "New password should be different from the old password.");
    }
    changes.passwordHash = await hashPassword(input.password);
  }

  return inTransaction(ctx.pool, async (db) => {
    const updated = await updateUser(db, caller.user, changes);
    if (changes.passwordHash) await endSessions(db, caller.user.id, caller.sessionId, "others");
    return userToJsonWithIdentities(db, updated);
  });
}

const SCOPES: readonly LogoutScope[] = ["global", "local", "others"];

export async function logout(ctx: AuthContext, req: IncomingMessage, scopeParam: string | null): Promise<void> {
  const scope = (scopeParam ?? "global") as LogoutScope;
  if (!SCOPES.includes(scope)) throw validationFailed(`Unsupported logout scope "${scopeParam}"`);
  const caller = await authenticate(ctx, req).catch((error: unknown) => {
    // Signing out of a session that is already gone has nothing left to do.
    if (error instanceof AuthError && error.errorCode === "session_not_found") return null;
    throw error;
  });
  if (!caller) return;
  await endSessions(ctx.pool, caller.user.id, caller.sessionId, scope);
}
