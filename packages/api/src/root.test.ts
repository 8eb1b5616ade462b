import { describe, expect, it } from "vitest";
import type { ApiContext, ApiServices } from "./context";
import type { Role } from "./roles";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

const services: ApiServices = {
  consumerLag: async () => [{ group: "g", topic: "orders", partition: 0, committed: 5, end: 9, lag: 4 }],
  queueCounts: async () => [],
};
const caller = (role: Role | null) => {
  const ctx: ApiContext = {
    user: role ? { id: "u1", email: `${role}@example.test`, role } : null,
    requestId: "r1",
    services,
  };
  return createCallerFactory(appRouter)(ctx);
};

describe("pipeline.health", () => {
  it("sums lag across partitions for a viewer", async () => {
    const res = await caller("viewer").pipeline.health();
    expect(res.totalLag).toBe(4);
  });

  it("refuses an anonymous caller", async () => {
    await expect(caller(null).pipeline.health()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
