/**
 * Supervised child processes: started with their output kept (the last lines explain a crash),
 * stopped with a signal and then SIGKILL if they do not exit in time, and reported if they exit on
 * their own while the stack is running.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { StackError } from "./errors.ts";

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SupervisedChild {
  name: string;
  pid: number;
  /** Settles when the process has exited, for whatever reason. */
  exited: Promise<ChildExit>;
  /** The last lines the process wrote, newest last. */
  recentOutput(): string[];
  /** Asks the process to stop with `signal`, then kills it after `graceMs`. Resolves on exit. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export interface SuperviseOptions {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  uid?: number;
  gid?: number;
  onOutput?: (line: string) => void;
}

const KEPT_LINES = 40;

export function superviseChild(options: SuperviseOptions): SupervisedChild {
  const spawnOptions: SpawnOptions = {
    env: (options.env ?? process.env) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and the
    // children must stop when and in the order we say, not on their own before we know it.
    detached: true,
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  };
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, spawnOptions);
  } catch (error) {
    throw new StackError(`${options.name} could not be started: ${(error as Error).message}`);
  }
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > KEPT_LINES) lines.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  let hasExited = false;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once("error", (error) => {
      lines.push(error.message);
      hasExited = true;
      resolve({ code: null, signal: null });
    });
    child.once("exit", (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    });
  });

  return {
    name: options.name,
    pid: child.pid ?? -1,
    exited,
    recentOutput: () => [...lines],
    async stop(signal = "SIGTERM", graceMs = 5000) {
      if (hasExited) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The most telling line of a crashed child's output: its last FATAL/ERROR line, else its last line. */
export function explainExit(child: SupervisedChild, exit: ChildExit): string {
  const output = child.recentOutput();
  const telling =
    [...output].reverse().find((line) => /FATAL|PANIC|ERROR|error|failed/i.test(line)) ?? output.at(-1);
  const how = exit.signal ? `was killed by ${exit.signal}` : exit.code === null ? "could not be run" : `exited with code ${exit.code}`;
  return `${child.name} ${how}${telling ? `: ${telling.trim()}` : ""}`;
}
