import { appCodeOf } from "@icp/api";
import { RedisUnavailableError } from "@icp/messaging";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { failFastOnRedis } = await import("./fail-fast");

describe("failFastOnRedis", () => {
  const service = failFastOnRedis({
    down: async () => {
      throw new RedisUnavailableError("reconnecting");
    },
    lost: async () => {
      throw Object.assign(new Error("Reached the max retries per request limit (which is 1)."), {
        name: "MaxRetriesPerRequestError",
      });
    },
    other: async () => {
      throw new Error("no job 42");
    },
    ok: async (n: number) => n + 1,
    sync: (n: number) => n * 2,
  });

  it("turns an unavailable Redis into SERVICE_UNAVAILABLE with the typed cause", async () => {
    for (const call of [service.down, service.lost]) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
      expect((error as TRPCError).cause).toBeInstanceOf(RedisUnavailableError);
      expect(appCodeOf((error as TRPCError).cause)).toBe("REDIS_UNAVAILABLE");
    }
  });

  it("leaves every other outcome alone", async () => {
    await expect(service.other()).rejects.toThrowError("no job 42");
    await expect(service.ok(1)).resolves.toBe(2);
    expect(service.sync(2)).toBe(4);
  });
});
