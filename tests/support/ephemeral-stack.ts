/**
 * An embedded stack for one test run: its own temporary data directory and free ports, so it never
 * touches a developer's `.data/` or a running portal.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePorts } from "../../supabase/local/ports.ts";
import { startStack, type RunningStack } from "../../supabase/local/stack.ts";

export interface TestStack {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string;
  mailUrl: string;
  dataDir: string;
}

export async function startEphemeralStack(siteUrl?: string): Promise<{ stack: RunningStack; info: TestStack; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "samverkan-test-"));
  const [gateway, postgres, postgrest, postgrestAdmin] = await findFreePorts(4);
  const stack = await startStack({
    dataDir,
    ports: { gateway: gateway!, postgres: postgres!, postgrest: postgrest!, postgrestAdmin: postgrestAdmin! },
    ...(siteUrl ? { siteUrl } : {}),
  });
  return {
    stack,
    info: { url: stack.url, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey, dbUrl: stack.dbUrl, mailUrl: stack.mailUrl, dataDir },
    async dispose() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
