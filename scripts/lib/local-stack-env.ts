/**
 * Scheduled commands (digests, reminders) read their environment from the host (SUPABASE_URL,
 * SUPABASE_SERVICE_ROLE_KEY, RESEND_API_KEY, SITE_URL, as for the server). Without SUPABASE_URL they
 * use the local embedded stack's `.data/supabase.env`, written by `npm start`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export function loadLocalStackEnv(): void {
  if (process.env.SUPABASE_URL) return;
  const file = path.resolve(process.env.LOCAL_SUPABASE_DATA_DIR ?? ".data", "supabase.env");
  if (!existsSync(file)) return; // getEnv() explains what is missing
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]!] === undefined) process.env[match[1]!] = match[2];
  }
  process.env.SITE_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
}
