import { getEnv } from "./env.server";

type Check = "ok" | "unreachable";

export interface Health {
  ok: boolean;
  app: "ok";
  database: Check;
  auth: Check;
}

const TIMEOUT_MS = 2000;

export async function checkHealth(): Promise<Health> {
  const env = getEnv();
  const headers = { apikey: env.SUPABASE_ANON_KEY };
  const probe = async (url: string): Promise<Check> => {
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
      return response.ok ? "ok" : "unreachable";
    } catch {
      return "unreachable";
    }
  };
  // A one-row read of a public table exercises gateway, PostgREST and Postgres together.
  const [database, auth] = await Promise.all([
    probe(`${env.SUPABASE_URL}/rest/v1/organisations?select=id&limit=1`),
    probe(`${env.SUPABASE_URL}/auth/v1/health`),
  ]);
  return { ok: database === "ok" && auth === "ok", app: "ok", database, auth };
}
