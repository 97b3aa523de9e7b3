import type { TestProject } from "vitest/node";
import { startEphemeralStack, type TestStack } from "./ephemeral-stack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

export default async function setup(project: TestProject) {
  const { info, dispose } = await startEphemeralStack();
  project.provide("stack", info);
  return dispose;
}
