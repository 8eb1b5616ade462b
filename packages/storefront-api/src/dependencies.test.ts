import { describe, expect, it } from "vitest";
import { DependencyUnavailableError, unavailableDependency, within } from "./dependencies";

const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });

describe("unavailableDependency", () => {
  it("names the store an error says is down or hung", () => {
    expect(unavailableDependency(named("KafkaJSNumberOfRetriesExceeded"))).toBe("kafka");
    expect(unavailableDependency(named("MongoServerSelectionError"))).toBe("read-model");
    expect(unavailableDependency(named("MongoNotConnectedError"))).toBe("read-model");
    expect(unavailableDependency(named("PrismaClientKnownRequestError", { code: "P1001" }))).toBe(
      "postgresql",
    );
    expect(
      unavailableDependency(
        named("PrismaClientKnownRequestError", {
          code: "P2010",
          meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } },
        }),
      ),
    ).toBe("postgresql");
    expect(unavailableDependency(named("MaxRetriesPerRequestError"))).toBe("redis");
    expect(unavailableDependency(new Error("wrapped", { cause: named("KafkaJSConnectionError") }))).toBe(
      "kafka",
    );
    expect(unavailableDependency(new DependencyUnavailableError("redis", "timeout", "slow"))).toBe("redis");
  });

  it("leaves every other error alone: a bug stays a 500", () => {
    expect(unavailableDependency(new TypeError("x is undefined"))).toBeUndefined();
    expect(unavailableDependency(named("PrismaClientKnownRequestError", { code: "P2002" }))).toBeUndefined();
    expect(unavailableDependency(named("MongoServerError"))).toBeUndefined();
    expect(unavailableDependency("a string")).toBeUndefined();
  });
});

describe("within", () => {
  it("answers what the work answers in time, and a named timeout otherwise", async () => {
    expect(await within(Promise.resolve(1), 50, "kafka", "produce")).toBe(1);
    const late = within(new Promise(() => {}), 20, "kafka", "produce");
    await expect(late).rejects.toMatchObject({ dependency: "kafka", reason: "timeout" });
  });
});
