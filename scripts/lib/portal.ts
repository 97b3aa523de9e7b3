/** The built portal served by server/index.ts as a supervised child, ready once /healthz answers. */
import path from "node:path";
import { StackError } from "../../supabase/local/errors.ts";
import type { Service } from "../../supabase/local/run.ts";
import { explainExit, superviseChild } from "../../supabase/local/supervisor.ts";

const root = path.resolve(import.meta.dirname, "../..");

export async function startPortal(env: Record<string, string | undefined>, onOutput?: (line: string) => void): Promise<Service> {
  const child = superviseChild({
    name: "The portal server",
    command: process.execPath,
    args: ["--import", "tsx", path.join(root, "server", "index.ts")],
    env: { ...env, NODE_ENV: "production" },
    onOutput: (line) => {
      if (!line.startsWith("Portal listening on")) onOutput?.(line);
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

