import { describe, expect, it } from "vitest";
import { explainExit, superviseChild } from "../../supabase/local/supervisor.ts";

describe("supervised children", () => {
  it("explains a crash with the child's telling line", async () => {
    const child = superviseChild({ name: "Demo", command: "sh", args: ["-c", "echo starting; echo 'FATAL: no space left' >&2; exit 3"] });
    const exit = await child.exited;
    expect(exit).toEqual({ code: 3, signal: null });
    expect(explainExit(child, exit)).toBe("Demo exited with code 3: FATAL: no space left");
  });

  it("kills a child that ignores the stop signal once the grace period is over", async () => {
    const child = superviseChild({ name: "Stubborn", command: "sh", args: ["-c", "trap '' TERM; echo ready; while true; do sleep 0.05; done"] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await child.stop("SIGTERM", 300);
    expect(await child.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("reports a command that cannot be started instead of throwing later", async () => {
    const child = superviseChild({ name: "Missing", command: "/nonexistent/binary", args: [] });
    const exit = await child.exited;
    expect(explainExit(child, exit)).toMatch(/^Missing could not be run: .*ENOENT/);
  });
});
