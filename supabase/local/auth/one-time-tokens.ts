/**
 * One-time tokens of e-mail links (magic link, invite, recovery, signup), kept in
 * `auth.one_time_tokens` and mirrored in `auth.users.confirmation_token` / `recovery_token` as
 * GoTrue does. As in GoTrue, a user has at most one token of each kind: a new link replaces the
 * previous one. A token is spent on use.
 *
 * Unlike GoTrue, the hash is random rather than derived from the e-mail and a six-digit code, so it
 * cannot be brute-forced from the e-mail address; verification is by `token_hash` only.
 */
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { Db } from "./db.ts";
import { type UserRow, findUserById } from "./users.ts";

export const LINK_TYPES = ["magiclink", "recovery", "invite", "signup"] as const;
export type LinkType = (typeof LINK_TYPES)[number];
export const VERIFY_TYPES = [...LINK_TYPES, "email"] as const;
export type VerifyType = (typeof VERIFY_TYPES)[number];

type TokenKind = "confirmation_token" | "recovery_token";

/** Invites and sign-ups confirm an address; magic links and recovery sign in an existing user. */
const KIND_OF: Record<LinkType, TokenKind> = {
  signup: "confirmation_token",
  invite: "confirmation_token",
  magiclink: "recovery_token",
  recovery: "recovery_token",
};

export interface IssuedToken {
  hashedToken: string;
  emailOtp: string;
}

export async function issueOneTimeToken(db: Db, user: UserRow, type: LinkType): Promise<IssuedToken> {
  const kind = KIND_OF[type];
  const hashedToken = randomBytes(28).toString("hex");
  const emailOtp = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values ($1, $2, $3, $4, $5, localtimestamp, localtimestamp)
     on conflict (user_id, token_type)
     do update set token_hash = excluded.token_hash, relates_to = excluded.relates_to,
                   created_at = excluded.created_at, updated_at = excluded.updated_at`,
    [randomUUID(), user.id, kind, hashedToken, user.email ?? ""],
  );
  const column = kind === "confirmation_token" ? "confirmation" : "recovery";
  await db.query(
    `update auth.users set ${column}_token = $2, ${column}_sent_at = now(), updated_at = now()
       ${type === "invite" ? ", invited_at = now()" : ""}
     where id = $1`,
    [user.id, hashedToken],
  );
  return { hashedToken, emailOtp };
}

export type ConsumeResult = { status: "ok"; user: UserRow } | { status: "invalid" } | { status: "expired" };

/** Spends the token of `type` with this hash, if it exists and is younger than `maxAgeSeconds`. */
export async function consumeOneTimeToken(
  db: Db,
  tokenHash: string,
  type: VerifyType,
  maxAgeSeconds: number,
): Promise<ConsumeResult> {
  const kinds: TokenKind[] = type === "email" ? ["confirmation_token", "recovery_token"] : [KIND_OF[type]];
  const { rows } = await db.query<{ user_id: string; token_type: TokenKind; fresh: boolean }>(
    `delete from auth.one_time_tokens
      where token_hash = $1 and token_type = any($2::auth.one_time_token_type[])
      returning user_id, token_type, created_at >= localtimestamp - make_interval(secs => $3) as fresh`,
    [tokenHash, kinds, maxAgeSeconds],
  );
  const spent = rows[0];
  if (!spent) return { status: "invalid" };
  const column = spent.token_type === "confirmation_token" ? "confirmation_token" : "recovery_token";
  await db.query(`update auth.users set ${column} = '' where id = $1`, [spent.user_id]);
  if (!spent.fresh) return { status: "expired" };
  const user = await findUserById(db, spent.user_id);
  if (!user || user.deleted_at) return { status: "invalid" };
  return { status: "ok", user };
}
