import { createServer, type Server, Socket } from "node:net";
import { loadEnv } from "@icp/config";
import { describe, expect, it } from "vitest";
import { ReadModel, type StartupLogger } from "./read-model";

/** A relay to the stack's MongoDB-compatible server that can refuse connections, then relay them. */
async function relay(target: URL) {
  const sockets = new Set<Socket>();
  let mode: "drop" | "relay" = "drop";
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    if (mode === "drop") return void client.destroy();
    const upstream = new Socket();
    upstream.on("error", () => upstream.destroy());
    upstream.connect(Number(target.port || 27017), target.hostname);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    open: () => {
      mode = "relay";
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const recorder = () => {
  const lines: { level: string; message: string }[] = [];
  const logger: StartupLogger = {
    warn: (_o, message) => lines.push({ level: "warn", message }),
    info: (_o, message) => lines.push({ level: "info", message }),
  };
  return { lines, logger };
};

describe("ReadModel.connect at start-up (local stack)", () => {
  it("keeps retrying, logged, while the server drops connections, and connects once it answers", async () => {
    const target = new URL(loadEnv().MONGODB_URL);
    const r = await relay(target);
    const url = new URL(target);
    url.host = `127.0.0.1:${r.port}`;
    const { lines, logger } = recorder();
    // Every connection is dropped for 6 s (longer than one attempt's 5 s server selection).
    const opening = setTimeout(r.open, 6_000);
    try {
      const rm = await ReadModel.connect(url.toString(), {
        appName: "connect-it",
        ensureIndexes: true,
        startupTimeoutMs: 30_000,
        logger,
      });
      expect(await rm.products.estimatedDocumentCount()).toBeGreaterThanOrEqual(0);
      await rm.close();
    } finally {
      clearTimeout(opening);
      await r.close();
    }
    expect(lines.filter((l) => l.level === "warn").length).toBeGreaterThanOrEqual(1);
    expect(lines[0]?.message).toMatch(
      /^read model at 127\.0\.0\.1:\d+ not ready \(.+\); retrying in 250 ms$/,
    );
    expect(lines.at(-1)).toEqual({ level: "info", message: "read model connected" });
  }, 40_000);

  it("gives up after its bounded time with a clear error", async () => {
    const r = await relay(new URL(loadEnv().MONGODB_URL));
    const { lines, logger } = recorder();
    const started = Date.now();
    try {
      await expect(
        ReadModel.connect(`mongodb://127.0.0.1:${r.port}/storefront`, { startupTimeoutMs: 6_000, logger }),
      ).rejects.toThrowError(/^read model at 127\.0\.0\.1:\d+ unavailable after [2-9] attempt\(s\): /);
    } finally {
      await r.close();
    }
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(lines.length).toBeGreaterThanOrEqual(1);
  }, 20_000);
});
