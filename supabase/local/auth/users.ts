/** The users repository: rows of `auth.users` and `auth.identities`, and their GoTrue JSON. */
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "./db.ts";
import { INSTANCE_ID, isUniqueViolation } from "./db.ts";
import { type JsonObject, isJsonObject, unprocessable, validationFailed } from "./http.ts";

export const AUDIENCE = "authenticated";

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: unknown;
  raw_user_meta_data: unknown;
  created_at: Date | null;
  updated_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
}

interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: unknown;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
  confirmation_sent_at, recovery_sent_at, email_change, email_change_sent_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, phone, phone_confirmed_at,
  confirmed_at, banned_until, deleted_at, is_anonymous`;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trims and lower-cases an e-mail address; refuses what cannot be one. */
export function normalizeEmail(value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length > 255 || !EMAIL_PATTERN.test(email)) {
    throw validationFailed("Unable to validate email address: invalid format");
  }
  return email;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [id]);
  return rows[0] ?? null;
}

/** The (not deleted, not SSO) user with this e-mail, compared case-insensitively as GoTrue does. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users
      where lower(email) = lower($1) and deleted_at is null and is_sso_user = false
      order by created_at nulls last limit 1`,
    [email],
  );
  return rows[0] ?? null;
}

export function isBanned(user: UserRow, now = Date.now()): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > now;
}

export interface NewUser {
  id?: string;
  email: string;
  passwordHash: string | null;
  emailConfirmed: boolean;
  invited?: boolean;
  userMetadata?: JsonObject;
  appMetadata?: JsonObject;
  bannedUntil?: Date | null;
}

/** Inserts a user with its e-mail identity, as GoTrue's sign-up does. Call inside a transaction. */
export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const id = user.id ?? randomUUID();
  const appMetadata = { provider: "email", providers: ["email"], ...(user.appMetadata ?? {}) };
  let row: UserRow | undefined;
  try {
    const result = await db.query<UserRow>(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
         invited_at, raw_app_meta_data, raw_user_meta_data, is_super_admin, created_at, updated_at,
         banned_until, confirmation_token, recovery_token, email_change_token_new, email_change)
       values ($1, $2, $3, $3, $4, $5, case when $6 then now() end, case when $7 then now() end,
         $8, $9, false, now(), now(), $10, '', '', '', '')
       returning ${USER_COLUMNS}`,
      [
        INSTANCE_ID,
        id,
        AUDIENCE,
        user.email,
        user.passwordHash ?? "",
        user.emailConfirmed,
        user.invited === true,
        JSON.stringify(appMetadata),
        JSON.stringify(user.userMetadata ?? {}),
        user.bannedUntil ?? null,
      ],
    );
    row = result.rows[0];
  } catch (error) {
    if (isUniqueViolation(error)) throw emailExists();
    throw error;
  }
  if (!row) throw new Error("insert into auth.users returned no row");
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1, $2, $3, 'email', null, now(), now())`,
    [id, id, JSON.stringify(identityData(id, user.email, user.emailConfirmed))],
  );
  return row;
}

function identityData(id: string, email: string, emailVerified: boolean): JsonObject {
  return { sub: id, email, email_verified: emailVerified, phone_verified: false };
}

export const emailExists = () =>
  unprocessable("email_exists", "A user with this email address has already been registered");

export interface UserChanges {
  email?: string;
  passwordHash?: string;
  confirmEmail?: boolean;
  userMetadata?: JsonObject;
  appMetadata?: JsonObject;
  bannedUntil?: Date | null;
}

/** Applies changes; metadata is merged key by key, and a key set to null is removed (as GoTrue). */
export async function updateUser(db: Db, user: UserRow, changes: UserChanges): Promise<UserRow> {
  const sets: string[] = ["updated_at = now()"];
  const values: unknown[] = [user.id];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (changes.email !== undefined) sets.push(`email = ${param(changes.email)}`, "email_change = ''");
  if (changes.passwordHash !== undefined) sets.push(`encrypted_password = ${param(changes.passwordHash)}`);
  if (changes.confirmEmail) sets.push("email_confirmed_at = coalesce(email_confirmed_at, now())");
  if (changes.userMetadata !== undefined) {
    sets.push(`raw_user_meta_data = ${param(JSON.stringify(mergeMetadata(user.raw_user_meta_data, changes.userMetadata)))}`);
  }
  if (changes.appMetadata !== undefined) {
    sets.push(`raw_app_meta_data = ${param(JSON.stringify(mergeMetadata(user.raw_app_meta_data, changes.appMetadata)))}`);
  }
  if (changes.bannedUntil !== undefined) sets.push(`banned_until = ${param(changes.bannedUntil)}`);
  let row: UserRow | undefined;
  try {
    const result = await db.query<UserRow>(
      `update auth.users set ${sets.join(", ")} where id = $1 returning ${USER_COLUMNS}`,
      values,
    );
    row = result.rows[0];
  } catch (error) {
    if (isUniqueViolation(error)) throw emailExists();
    throw error;
  }
  if (!row) throw new Error("the user to update does not exist");
  if (changes.email !== undefined || changes.confirmEmail) {
    await db.query(
      `update auth.identities
          set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', $3::boolean),
              updated_at = now()
        where user_id = $1 and provider = 'email'`,
      [row.id, row.email ?? "", row.email_confirmed_at !== null],
    );
  }
  return row;
}

function mergeMetadata(current: unknown, changes: JsonObject): JsonObject {
  const merged: JsonObject = isJsonObject(current) ? { ...current } : {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export async function recordSignIn(db: Db, userId: string): Promise<void> {
  await db.query("update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1", [userId]);
  await db.query(
    "update auth.identities set last_sign_in_at = now(), updated_at = now() where user_id = $1 and provider = 'email'",
    [userId],
  );
}

export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.query("delete from auth.users where id = $1", [userId]);
}

/**
 * GoTrue's soft delete: the row stays (for foreign keys) with `deleted_at` set, the e-mail and
 * password made unusable, and identities and sessions removed.
 */
export async function softDeleteUser(db: Db, user: UserRow): Promise<void> {
  const obfuscated = user.email ? createHash("sha256").update(`${user.id}${user.email}`).digest("hex") : null;
  await db.query(
    `update auth.users
        set deleted_at = now(), updated_at = now(), email = $2, phone = null, encrypted_password = '',
            raw_app_meta_data = '{}'::jsonb, raw_user_meta_data = '{}'::jsonb,
            confirmation_token = '', recovery_token = '', email_change = '', email_change_token_new = ''
      where id = $1`,
    [user.id, obfuscated],
  );
  await db.query("delete from auth.identities where user_id = $1", [user.id]);
  await db.query("delete from auth.sessions where user_id = $1", [user.id]);
  await db.query("delete from auth.one_time_tokens where user_id = $1", [user.id]);
}

export interface UserPage {
  rows: UserRow[];
  total: number;
}

export async function listUsers(db: Db, page: number, perPage: number, filter: string | null): Promise<UserPage> {
  const where = filter ? "where email ilike $1 escape '\\'" : "";
  const filterValues = filter ? [`%${filter.replace(/[\\%_]/g, (char) => `\\${char}`)}%`] : [];
  const total = await db.query<{ count: string }>(`select count(*) as count from auth.users ${where}`, filterValues);
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users ${where}
      order by created_at desc nulls last, id
      limit $${filterValues.length + 1} offset $${filterValues.length + 2}`,
    [...filterValues, perPage, (page - 1) * perPage],
  );
  return { rows, total: Number(total.rows[0]?.count ?? 0) };
}

// --- JSON as GoTrue serialises models.User ---------------------------------------------------------

export type UserJson = JsonObject;

const iso = (value: Date | null) => (value ? value.toISOString() : undefined);

export async function usersToJson(db: Db, users: UserRow[]): Promise<UserJson[]> {
  const ids = users.map((user) => user.id);
  const identities = new Map<string, JsonObject[]>();
  if (ids.length > 0) {
    const { rows } = await db.query<IdentityRow>(
      `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
         from auth.identities where user_id = any($1::uuid[]) order by created_at nulls last, id`,
      [ids],
    );
    for (const row of rows) {
      const list = identities.get(row.user_id) ?? [];
      list.push(identityToJson(row));
      identities.set(row.user_id, list);
    }
  }
  return users.map((user) => userToJson(user, identities.get(user.id) ?? []));
}

export async function userToJsonWithIdentities(db: Db, user: UserRow): Promise<UserJson> {
  const [json] = await usersToJson(db, [user]);
  if (!json) throw new Error("user serialisation failed");
  return json;
}

function identityToJson(row: IdentityRow): JsonObject {
  return withoutUndefined({
    identity_id: row.id,
    id: row.provider_id,
    user_id: row.user_id,
    identity_data: isJsonObject(row.identity_data) ? row.identity_data : {},
    provider: row.provider,
    last_sign_in_at: iso(row.last_sign_in_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    email: row.email ?? undefined,
  });
}

export function appMetadataOf(user: UserRow): JsonObject {
  return isJsonObject(user.raw_app_meta_data) ? user.raw_app_meta_data : {};
}

export function userMetadataOf(user: UserRow): JsonObject {
  return isJsonObject(user.raw_user_meta_data) ? user.raw_user_meta_data : {};
}

function userToJson(user: UserRow, identities: JsonObject[]): UserJson {
  return withoutUndefined({
    id: user.id,
    aud: user.aud ?? "",
    role: user.role ?? "",
    email: user.email ?? "",
    email_confirmed_at: iso(user.email_confirmed_at),
    phone: user.phone ?? "",
    phone_confirmed_at: iso(user.phone_confirmed_at),
    confirmation_sent_at: iso(user.confirmation_sent_at),
    confirmed_at: iso(user.confirmed_at),
    recovery_sent_at: iso(user.recovery_sent_at),
    new_email: user.email_change ? user.email_change : undefined,
    email_change_sent_at: iso(user.email_change_sent_at),
    invited_at: iso(user.invited_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: appMetadataOf(user),
    user_metadata: userMetadataOf(user),
    identities,
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    banned_until: iso(user.banned_until),
    deleted_at: iso(user.deleted_at),
    is_anonymous: user.is_anonymous,
  });
}

function withoutUndefined(object: Record<string, unknown>): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
