import { existsSync } from "node:fs";
import path from "node:path";
import { startPortal } from "../../scripts/lib/portal.ts";
import { findFreePorts } from "../../supabase/local/ports.ts";
import { startEphemeralStack } from "../support/ephemeral-stack.ts";

/** Starts an ephemeral stack and the built portal; returns the teardown. */
export default async function globalSetup() {
  if (!existsSync(path.resolve(import.meta.dirname, "../../build/index.js"))) {
    throw new Error("Build the portal first (npm run build); npm test does this.");
  }
  const [portalPort] = await findFreePorts(1);
  const baseUrl = `http://localhost:${portalPort}`;
  const { info, dispose } = await startEphemeralStack(baseUrl);
  const portal = await startPortal({
    ...process.env,
    PORT: String(portalPort),
    SITE_URL: baseUrl,
    SUPABASE_URL: info.url,
    SUPABASE_ANON_KEY: info.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: info.serviceRoleKey,
    RESEND_BASE_URL: info.mailUrl,
    RESEND_API_KEY: "re_local_mail_catcher",
  });
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_STACK = JSON.stringify(info);
  return async () => {
    await portal.stop();
    await dispose();
  };
}
