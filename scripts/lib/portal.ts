/** The built portal served by remix-serve as a supervised child, ready once /healthz answers. */
import { createRequire } from "node:module";
import path from "node:path";
import { StackError } from "../../supabase/local/errors.ts";
import type { Service } from "../../supabase/local/run.ts";
import { explainExit, superviseChild } from "../../supabase/local/supervisor.ts";

const root = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

export async function startPortal(env: Record<string, string | undefined>, onOutput?: (line: string) => void): Promise<Service> {
  const child = superviseChild({
    name: "The portal server",
    command: process.execPath,
    args: [require.resolve("@remix-run/serve/dist/cli.js"), path.join(root, "build", "index.js")],
    env: { ...env, NODE_ENV: "production" },
    onOutput: (line) => {
      if (!line.includes("[remix-serve]")) onOutput?.(line);
    },
  });
  const healthUrl = `http://127.0.0.1:${env.PORT}/healthz`;
  const deadline = Date.now() + 30_000;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (!(await fetch(healthUrl).then(() => true, () => false))) {
    if (exited) throw new StackError(explainExit(child, await child.exited));
    if (Date.now() > deadline) {
      await child.stop("SIGKILL");
      throw new StackError(`The portal did not answer at ${healthUrl} within 30 s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    failure: child.exited.then((exit) => new StackError(explainExit(child, exit))),
    stop: () => child.stop("SIGTERM", 5000),
  };
}

