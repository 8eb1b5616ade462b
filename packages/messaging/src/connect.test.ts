import { describe, expect, it } from "vitest";
import { connectWhenReachable } from "./kafka";

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe("connectWhenReachable (a worker waits for a restarting broker)", () => {
  it("tries again while the brokers are unreachable, logging each failure, until one connect succeeds", async () => {
    let calls = 0;
    const warnings: string[] = [];
    await connectWhenReachable(
      "test producer",
      async () => {
        calls++;
        if (calls < 3) throw named("KafkaJSNumberOfRetriesExceeded", "connect ECONNREFUSED 127.0.0.1:59092");
      },
      { warn: (_f, m) => warnings.push(m) },
    );
    expect(calls).toBe(3);
    expect(warnings).toEqual([
      "test producer: Kafka not reachable (connect ECONNREFUSED 127.0.0.1:59092); retrying in 500 ms",
      "test producer: Kafka not reachable (connect ECONNREFUSED 127.0.0.1:59092); retrying in 1000 ms",
    ]);
  });

  it("does not wait out a refused logon", async () => {
    let calls = 0;
    const refused = named("KafkaJSNonRetriableError", "SASL SCRAM SHA512 authentication failed");
    Object.assign(refused, { cause: named("KafkaJSSASLAuthenticationError", "authentication failed") });
    await expect(
      connectWhenReachable("test admin", async () => {
        calls++;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);
  });

  it("gives up with the last error once its time is up", async () => {
    let calls = 0;
    const started = Date.now();
    await expect(
      connectWhenReachable(
        "test admin",
        async () => {
          calls++;
          throw named("KafkaJSConnectionError", "connect ECONNREFUSED");
        },
        { timeoutMs: 1_200 },
      ),
    ).rejects.toThrow("connect ECONNREFUSED");
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_200);
  });
});
