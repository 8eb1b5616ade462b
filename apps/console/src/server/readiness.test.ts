import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

/** A stand-in SAP that counts connections: readiness must never open one. */
let sap: Server;
let sapConnections = 0;
beforeAll(async () => {
  sap = createServer((s) => {
    sapConnections++;
    s.destroy();
  });
  await new Promise<void>((resolve) => sap.listen(0, "127.0.0.1", resolve));
});
afterAll(() => {
  sap.close();
  vi.unstubAllEnvs();
});

describe("console readiness", () => {
  it("checks only what the pod needs to serve (PostgreSQL), never SAP or the shared stores", async () => {
    const address = sap.address();
    if (!address || typeof address === "string") throw new Error("no port");
    vi.stubEnv("SAP_BASE_URL", `http://127.0.0.1:${address.port}`);
    vi.stubEnv("DATABASE_URL", "postgres://icp:icp@127.0.0.1:1/icp"); // nothing listens: fails fast
    const { readiness } = await import("./readiness");
    const checks = await readiness();
    expect(checks.map((c) => c.name)).toEqual(["postgres"]);
    expect(checks[0]?.ok).toBe(false);
    expect(sapConnections).toBe(0);
  });
});
