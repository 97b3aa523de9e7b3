/**
 * `npm run supabase:start`: only the embedded stack, in the foreground, for tools and debugging.
 * `npm start` runs the same stack together with the portal.
 */
import { exitWithError, runUntilStopped, stackOptionsFromEnv } from "./run.ts";
import { startStack } from "./stack.ts";

try {
  const started = Date.now();
  const options = stackOptionsFromEnv();
  const stack = await startStack(options);
  const applied = stack.migrationsApplied.length;
  process.stdout.write(
    [
      `Embedded Supabase ready in ${Date.now() - started} ms (${applied} new migration${applied === 1 ? "" : "s"}${stack.seeded ? ", seeded" : ""}).`,
      `  API (SUPABASE_URL)  ${stack.url}`,
      `  Captured e-mail     ${stack.mailUrl}/`,
      `  anon key            ${stack.anonKey}`,
      `  service_role key    ${stack.serviceRoleKey}`,
      `  Keys and URLs are in ${stack.dataDir}/supabase.env. Ctrl-C stops the stack.`,
      "",
    ].join("\n"),
  );
  runUntilStopped([stack]);
} catch (error) {
  exitWithError(error);
}
