import net from "node:net";
import { StackError } from "./errors.ts";

/** Resolves when `port` can be bound on 127.0.0.1; throws a StackError naming the port if not. */
export async function assertPortFree(port: number, purpose: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new StackError(
          error.code === "EADDRINUSE"
            ? `Port ${port} (${purpose}) is already in use: stop what runs there or choose another port.`
            : `Port ${port} (${purpose}) cannot be used: ${error.message}`,
        ),
      );
    });
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** `count` distinct ports the OS says are free right now (for ephemeral test stacks). */
export async function findFreePorts(count: number): Promise<number[]> {
  const probes = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
      const probe = net.createServer();
      probe.once("error", reject);
      probe.listen({ port: 0, host: "127.0.0.1" }, () => resolve(probe));
    })),
  );
  // All probes stay open until every port is known, so the OS cannot hand out one twice.
  const ports = probes.map((probe) => {
    const address = probe.address();
    return typeof address === "object" && address ? address.port : 0;
  });
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}
