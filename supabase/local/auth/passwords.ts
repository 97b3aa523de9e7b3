/**
 * Passwords, stored only as bcrypt hashes as GoTrue does. Hashes made by pgcrypto's
 * `crypt(..., gen_salt('bf'))` (`$2a$06$…`, used by seeds) are accepted and upgraded to cost 10 on
 * the next sign-in.
 */
import bcrypt from "bcryptjs";
import { AuthError, unprocessable } from "./http.ts";

export const BCRYPT_COST = 10;
export const MIN_PASSWORD_LENGTH = 6;
/** bcrypt ignores everything after 72 bytes; GoTrue refuses such passwords rather than truncating. */
const MAX_PASSWORD_BYTES = 72;

// Compared against when there is no user (or no password), so an unknown e-mail costs as much
// time as a wrong password and timing does not tell whether an account exists.
const DUMMY_HASH = bcrypt.hashSync("samverkan-dummy-password", BCRYPT_COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** True when `password` matches `hash`; always spends one bcrypt comparison. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const usable = typeof hash === "string" && /^\$2[aby]\$\d\d\$/.test(hash);
  const matches = await bcrypt.compare(password, usable ? hash : DUMMY_HASH).catch(() => false);
  return usable && matches;
}

export function needsRehash(hash: string): boolean {
  const cost = Number(/^\$2[aby]\$(\d\d)\$/.exec(hash)?.[1]);
  return !Number.isFinite(cost) || cost < BCRYPT_COST;
}

/** GoTrue's password rules with its defaults: at least 6 characters, at most 72 bytes. */
export function checkPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AuthError(422, "weak_password", `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, {
      weak_password: { reasons: ["length"] },
    });
  }
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES) {
    throw unprocessable("validation_failed", `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`);
  }
}
