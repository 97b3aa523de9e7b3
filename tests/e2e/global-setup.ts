/**
 * Runs `npm start`'s entry point for real, with a temporary data directory and free ports: the
 * embedded stack and the built portal, as a new user gets them. Stops it with Ctrl-C (SIGINT) at
 * the end and fails if that does not end cleanly.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePorts } from "../../supabase/local/ports.ts";
import { freeCliPorts, runScript, stackEnv } from "../support/stack-cli.ts";

export default async function globalSetup() {
  if (!existsSync(path.resolve(import.meta.dirname, "../../build/index.js"))) {
    throw new Error("Build the portal first (npm run build); npm test does this.");
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "samverkan-e2e-"));
  const [portalPort] = await findFreePorts(1);
  const run = runScript("scripts/start.ts", { ...stackEnv(dataDir, await freeCliPorts()), PORT: String(portalPort) });
  await run.waitFor("Samverkansportalen is running at", 60_000);

  const env = Object.fromEntries(
    readFileSync(path.join(dataDir, "supabase.env"), "utf8")
      .split("\n")
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  process.env.E2E_BASE_URL = `http://localhost:${portalPort}`;
  process.env.E2E_STACK = JSON.stringify({
    url: env.SUPABASE_URL,
    anonKey: env.SUPABASE_ANON_KEY,
    serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
    dbUrl: env.SUPABASE_DB_URL,
    mailUrl: env.RESEND_BASE_URL,
    dataDir,
  });

  return async () => {
    run.pressCtrlC();
    const code = await run.exit;
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) throw new Error(`npm start did not stop cleanly on Ctrl-C (exit ${code}): ${run.stderr()}`);
  };
}
