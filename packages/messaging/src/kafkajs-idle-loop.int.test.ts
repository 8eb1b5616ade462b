import { randomUUID } from "node:crypto";
import { kafkaConnection, loadEnv } from "@icp/config";
import { Topics } from "@icp/domain";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createKafka, createProducer } from "./kafka";
import { requestQueueClass } from "./kafkajs-idle-loop";

describe("kafkajs connections to the stack's broker, idle (tulios/kafkajs#1704)", () => {
  const kafka = createKafka({ ...kafkaConnection(loadEnv()), clientId: `idle-${randomUUID()}` });
  const producer = createProducer(kafka);
  const admin = kafka.admin();
  afterAll(async () => {
    await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
  });

  it("check their request queues only when something is pending or throttled, not every millisecond", async () => {
    await Promise.all([producer.connect(), admin.connect()]);
    await admin.fetchTopicMetadata({ topics: [Topics.orders] });
    const checks = vi.spyOn(requestQueueClass().prototype, "checkPendingRequests");
    try {
      await new Promise((r) => setTimeout(r, 500));
      // unmended: every connection that has answered a request re-checks about every 1 ms
      // (~500 calls each here); mended, an idle connection makes none
      expect(checks.mock.calls.length).toBeLessThan(5);
    } finally {
      checks.mockRestore();
    }
  });
});
