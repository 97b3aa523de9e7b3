import { checkHealth } from "~/lib/health.server";

/** GET /healthz: whether the app, the database (through PostgREST) and auth are reachable. */
export async function loader() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
