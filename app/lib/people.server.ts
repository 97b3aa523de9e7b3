/**
 * People's e-mail addresses as the signed-in user may see them. Addresses are not readable columns
 * of `profiles` for users (column privileges); the database hands out only those the caller may
 * see: their own, everyone's to coordinators, their members' to organisation admins.
 */
import { rowsOf } from "./query.server";
import type { TypedSupabaseClient } from "./supabase.server";

/** Addresses of the given people that the caller may see, by profile id (others are absent). */
export async function visibleEmails(supabase: TypedSupabaseClient, ids: readonly string[]): Promise<Map<string, string>> {
  const emails = new Map<string, string>();
  const unique = [...new Set(ids)];
  // In slices, so the request stays a reasonable size.
  for (let index = 0; index < unique.length; index += 200) {
    const rows = rowsOf(await supabase.rpc("profile_emails", { p_ids: unique.slice(index, index + 200) }), "e-mail addresses");
    for (const row of rows) emails.set(row.id, row.email);
  }
  return emails;
}

/** Ids of people whose name or address contains `term` (coordinators only; others get none). */
export async function peopleMatching(supabase: TypedSupabaseClient, term: string): Promise<string[]> {
  const pattern = term.replace(/[%_\\]/g, " ").trim().replace(/\s+/g, "%");
  return rowsOf(await supabase.rpc("people_matching", { p_term: pattern }), "the people matching the search");
}
