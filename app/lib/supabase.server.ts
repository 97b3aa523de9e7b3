/**
 * Supabase clients for the server. Every read on a user's behalf goes through
 * `createSupabaseServerClient`, with the user's session from the cookies, so Postgres RLS decides
 * what they see. The service-role client is for what no user may do and is never used for reads
 * on a user's behalf.
 */
import { createServerClient, parseCookieHeader, serializeCookieHeader } from "@supabase/ssr";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import ws from "ws";
import type { Database } from "./database.types";
import { getEnv } from "./env.server";

export type TypedSupabaseClient = SupabaseClient<Database>;

// supabase-js creates a realtime client eagerly; on Node 20 it needs a WebSocket implementation.
const realtime = { transport: ws as unknown as typeof WebSocket };

export function createSupabaseServerClient(request: Request): { supabase: TypedSupabaseClient; headers: Headers } {
  const env = getEnv();
  const headers = new Headers();
  const supabase = createServerClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    cookies: {
      getAll: () =>
        parseCookieHeader(request.headers.get("Cookie") ?? "").map(({ name, value }) => ({ name, value: value ?? "" })),
      setAll: (cookies) => {
        for (const { name, value, options } of cookies) {
          headers.append("Set-Cookie", serializeCookieHeader(name, value, options));
        }
      },
    },
    realtime,
  });
  return { supabase, headers };
}

let serviceClient: TypedSupabaseClient | undefined;

/** Bypasses RLS. Only for actions no user may take (invitations, scheduled reminders). */
export function getServiceRoleClient(): TypedSupabaseClient {
  const env = getEnv();
  serviceClient ??= createClient<Database>(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime,
  });
  return serviceClient;
}
