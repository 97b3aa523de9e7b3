/** Admin user management: `GET|POST /admin/users`, `GET|PUT|DELETE /admin/users/:id`. */
import { z } from "zod";
import type { AuthContext } from "./context.ts";
import { type Db, inTransaction, isUuid } from "./db.ts";
import { type JsonObject, notFound, validationFailed } from "./http.ts";
import { metadata, optionalString, parseInput } from "./input.ts";
import { checkPasswordStrength, hashPassword } from "./passwords.ts";
import { endSessions } from "./sessions.ts";
import {
  AUDIENCE,
  type UserChanges,
  type UserJson,
  type UserRow,
  deleteUser,
  emailExists,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  normalizeEmail,
  softDeleteUser,
  updateUser,
  userToJsonWithIdentities,
  usersToJson,
} from "./users.ts";

const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 1000;

export interface UserList {
  body: { users: UserJson[]; aud: string };
  headers: Record<string, string>;
}

export async function adminListUsers(ctx: AuthContext, query: URLSearchParams): Promise<UserList> {
  const page = positiveInt(query.get("page"), 1, Number.MAX_SAFE_INTEGER);
  const perPage = positiveInt(query.get("per_page"), DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const filter = query.get("filter")?.trim() || null;
  const { rows, total } = await listUsers(ctx.pool, page, perPage, filter);
  const users = await usersToJson(ctx.pool, rows);

  // GoTrue's pagination headers; supabase-js reads the page numbers out of `link`.
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const pageLink = (n: number, rel: string) => `<${ctx.apiExternalUrl}/auth/v1/admin/users?page=${n}&per_page=${perPage}>; rel="${rel}"`;
  const links: string[] = [];
  if (page < lastPage) links.push(pageLink(page + 1, "next"));
  links.push(pageLink(lastPage, "last"));
  return {
    body: { users, aud: AUDIENCE },
    headers: { "x-total-count": String(total), link: links.join(", ") },
  };
}

function positiveInt(raw: string | null, fallback: number, max: number): number {
  if (raw === null || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw validationFailed(`Bad pagination parameter "${raw}"`);
  return Math.min(value, max);
}

const userAttributes = {
  email: optionalString,
  password: optionalString,
  phone: optionalString,
  email_confirm: z.boolean({ invalid_type_error: "email_confirm must be a boolean" }).nullish(),
  user_metadata: metadata,
  app_metadata: metadata,
  ban_duration: optionalString,
};

const createInput = z.object({ ...userAttributes, id: optionalString });
const updateInput = z.object(userAttributes);

export async function adminCreateUser(ctx: AuthContext, body: JsonObject): Promise<UserJson> {
  const input = parseInput(createInput, body, 422);
  if (input.phone !== undefined) throw validationFailed("Phone numbers are not supported", 422);
  if (input.email === undefined) throw validationFailed("An email address is required", 422);
  if (input.id !== undefined && !isUuid(input.id)) throw validationFailed("id must be a UUID", 422);
  const email = normalizeEmail(input.email);
  let passwordHash: string | null = null;
  if (input.password !== undefined) {
    checkPasswordStrength(input.password);
    passwordHash = await hashPassword(input.password);
  }
  const bannedUntil = input.ban_duration !== undefined ? banUntil(input.ban_duration) : null;

  return inTransaction(ctx.pool, async (db) => {
    if (await findUserByEmail(db, email)) throw emailExists();
    if (input.id && (await findUserById(db, input.id))) throw validationFailed("A user with this id already exists", 422);
    const user = await insertUser(db, {
      ...(input.id ? { id: input.id } : {}),
      email,
      passwordHash,
      emailConfirmed: input.email_confirm === true,
      ...(input.user_metadata ? { userMetadata: input.user_metadata } : {}),
      ...(input.app_metadata ? { appMetadata: input.app_metadata } : {}),
      bannedUntil,
    });
    return userToJsonWithIdentities(db, user);
  });
}

export async function adminGetUser(ctx: AuthContext, id: string): Promise<UserJson> {
  return userToJsonWithIdentities(ctx.pool, await existingUser(ctx.pool, id));
}

export async function adminUpdateUser(ctx: AuthContext, id: string, body: JsonObject): Promise<UserJson> {
  const input = parseInput(updateInput, body, 422);
  if (input.phone !== undefined) throw validationFailed("Phone numbers are not supported", 422);
  const changes: UserChanges = {};
  if (input.email !== undefined) changes.email = normalizeEmail(input.email);
  if (input.email_confirm === true) changes.confirmEmail = true;
  if (input.user_metadata) changes.userMetadata = input.user_metadata;
  if (input.app_metadata) changes.appMetadata = input.app_metadata;
  if (input.ban_duration !== undefined) changes.bannedUntil = banUntil(input.ban_duration);
  if (input.password !== undefined) {
    checkPasswordStrength(input.password);
    changes.passwordHash = await hashPassword(input.password);
  }

  return inTransaction(ctx.pool, async (db) => {
    const user = await existingUser(db, id);
    if (changes.email !== undefined) {
      const holder = await findUserByEmail(db, changes.email);
      if (holder && holder.id !== user.id) throw emailExists();
    }
    const updated = await updateUser(db, user, changes);
    // A new password or a ban ends every session, so nobody stays signed in on the old terms.
    if (changes.passwordHash !== undefined || (changes.bannedUntil ?? null) !== null) {
      await endSessions(db, user.id, null, "global");
    }
    return userToJsonWithIdentities(db, updated);
  });
}

const deleteInput = z.object({
  should_soft_delete: z.boolean({ invalid_type_error: "should_soft_delete must be a boolean" }).nullish(),
});

export async function adminDeleteUser(ctx: AuthContext, id: string, body: JsonObject): Promise<JsonObject> {
  const input = parseInput(deleteInput, body);
  await inTransaction(ctx.pool, async (db) => {
    const user = await existingUser(db, id);
    if (input.should_soft_delete) await softDeleteUser(db, user);
    else await deleteUser(db, user.id);
  });
  return {};
}

async function existingUser(db: Db, id: string): Promise<UserRow> {
  if (!isUuid(id)) throw notFound("validation_failed", "user_id must be an UUID");
  const user = await findUserById(db, id);
  if (!user || user.deleted_at) throw notFound("user_not_found", "User not found");
  return user;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** GoTrue's `ban_duration`: "none" lifts a ban, otherwise a Go duration such as "24h" or "1h30m". */
export function banUntil(duration: string, now = Date.now()): Date | null {
  if (duration === "none") return null;
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  const consumed = parts.map((part) => part[0]).join("");
  if (parts.length === 0 || consumed !== duration) {
    throw validationFailed(`invalid format for ban duration: ${duration}`);
  }
  const millis = parts.reduce((sum, part) => sum + Number(part[1]) * (DURATION_UNITS[part[2] ?? ""] ?? 0), 0);
  if (!Number.isFinite(millis) || now + millis > 8.64e15) throw validationFailed(`invalid ban duration: ${duration}`);
  return new Date(now + millis);
}
