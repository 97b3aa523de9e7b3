import type { Database } from "./database.types";
import { rowsOf } from "./query.server";
import type { TypedSupabaseClient } from "./supabase.server";

type InitiativeStatus = Database["public"]["Enums"]["initiative_status"];

export interface PublicInitiative {
  id: string;
  title: string;
  summary: string | null;
  status: InitiativeStatus;
  districts: string[];
  organiser: string | null;
}

/**
 * The public catalogue: what RLS lets the caller see of published initiatives, newest first.
 * An unreachable database gives the 503 page.
 */
export async function listPublicInitiatives(supabase: TypedSupabaseClient, limit: number): Promise<PublicInitiative[]> {
  const result = await supabase
    .from("initiatives")
    .select("id, title, summary, status, districts, organisations!initiatives_org_id_fkey(name)")
    .eq("is_public", true)
    .neq("status", "draft")
    .order("starts_on", { ascending: false, nullsFirst: false })
    .limit(limit);
  return rowsOf(result, "the public initiatives").map((row) => ({
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    districts: row.districts ?? [],
    organiser: row.organisations?.name ?? null,
  }));
}
