/** supabase-js clients for tests, made the way the portal makes them (Node 20 needs `ws`). */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { inject } from "vitest";
import ws from "ws";
import type { Database } from "../../app/lib/database.types.ts";

export const DEMO_PASSWORD = "samverkan-demo";

export const DEMO_USERS = {
  coordinator: "samordnare@trollhattan.example",
  board: "ledamot@trollhattan.example",
  eidar: "eidar@eidar.example",
  association: "forening@kronogarden.example",
  region: "region@vgregion.example",
} as const;

export type Persona = keyof typeof DEMO_USERS;

const options = {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  realtime: { transport: ws as unknown as typeof WebSocket },
};

export function anonClient(): SupabaseClient<Database> {
  const stack = inject("stack");
  return createClient<Database>(stack.url, stack.anonKey, options);
}

export function serviceClient(): SupabaseClient<Database> {
  const stack = inject("stack");
  return createClient<Database>(stack.url, stack.serviceRoleKey, options);
}

/** A client signed in as a demo persona (or any e-mail and password). */
export async function signedInClient(persona: Persona | { email: string; password: string }): Promise<SupabaseClient<Database>> {
  const client = anonClient();
  const credentials = typeof persona === "string" ? { email: DEMO_USERS[persona], password: DEMO_PASSWORD } : persona;
  const { error } = await client.auth.signInWithPassword(credentials);
  if (error) throw new Error(`Sign-in as ${credentials.email} failed: ${error.message}`);
  return client;
}
