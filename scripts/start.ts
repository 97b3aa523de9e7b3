/**
 * `npm start`: builds the portal if needed, starts the embedded Supabase stack (unless SUPABASE_URL
 * points at another Supabase) and serves the portal. Ctrl-C stops everything it started.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { StackError } from "../supabase/local/errors.ts";
import { exitWithError, runUntilStopped, stackOptionsFromEnv, type Service } from "../supabase/local/run.ts";
import { assertPortFree } from "../supabase/local/ports.ts";
import { startStack } from "../supabase/local/stack.ts";
import { startPortal } from "./lib/portal.ts";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

const DEMO_ACCOUNTS = [
  ["samordnare@trollhattan.example", "samordnare (coordinator)"],
  ["ledamot@trollhattan.example", "ledamot i kommunstyrelsen (board)"],
  ["eidar@eidar.example", "AB Eidar, administratör"],
  ["forening@kronogarden.example", "Kronogårdens kulturförening, administratör"],
  ["region@vgregion.example", "Västra Götalandsregionen, medlem"],
];

try {
  const started = Date.now();
  buildIfNeeded();
  const options = stackOptionsFromEnv();
  await assertPortFree(options.portalPort, "the portal; set PORT to use another");
  const services: Service[] = [];
  let supabaseEnv: Record<string, string>;
  let mailUrl: string | undefined;

  if (process.env.SUPABASE_URL) {
    supabaseEnv = {};
  } else {
    const stack = await startStack(options);
    services.push(stack);
    mailUrl = `${stack.mailUrl}/`;
    supabaseEnv = {
      SUPABASE_URL: stack.url,
      SUPABASE_ANON_KEY: stack.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
      RESEND_BASE_URL: stack.mailUrl,
      RESEND_API_KEY: "re_local_mail_catcher",
    };
  }

  const portalUrl = `http://localhost:${options.portalPort}`;
  const portal = await startPortal({ ...process.env, ...supabaseEnv, PORT: String(options.portalPort), SITE_URL: portalUrl }, (line) =>
    process.stdout.write(`${line}\n`),
  );
  services.push(portal);

  process.stdout.write(
    [
      "",
      `Samverkansportalen is running at ${portalUrl} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      mailUrl ? `Captured e-mail: ${mailUrl}` : "Using the Supabase at SUPABASE_URL.",
      ...(mailUrl ? ["Demo accounts (password: samverkan-demo):", ...DEMO_ACCOUNTS.map(([email, role]) => `  ${email}  ${role}`)] : []),
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
  runUntilStopped(services);
} catch (error) {
  exitWithError(error);
}

/** Builds when there is no build or a source file is newer than it. */
function buildIfNeeded(): void {
  const serverBuild = path.join(root, "build", "index.js");
  const builtAt = existsSync(serverBuild) ? statSync(serverBuild).mtimeMs : 0;
  const sources = [path.join(root, "app"), path.join(root, "remix.config.js"), path.join(root, "package-lock.json")];
  if (builtAt > 0 && !sources.some((source) => newestChange(source) > builtAt)) return;
  process.stdout.write("Building the portal…\n");
  const result = spawnSync(process.execPath, [require.resolve("@remix-run/dev/dist/cli.js"), "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new StackError("The portal could not be built (see the output above).");
}

function newestChange(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((entry) => newestChange(path.join(file, entry))));
}
