import { describe, expect, it } from "vitest";
import type { OrderSubmitted } from "./events";
import {
  applyOrderStatusJob,
  applyStockJob,
  cancelSalesOrderJob,
  createSalesOrderJob,
  deliverWebhookJob,
  InvalidJobPayload,
  type JobSettings,
  jobOf,
  payloadOf,
} from "./jobs";
import { JobNames, Queues } from "./topics";

const settings: JobSettings = { orderAttempts: 8, orderBackoffMs: 2_000 };

function anOrder(over: Partial<OrderSubmitted> = {}): OrderSubmitted {
  return {
    orderId: "SO-2026-0001",
    customerId: "1000001",
    currency: "EUR",
    lines: [{ sku: "TG-0001", quantity: 2 }],
    submittedAt: "2026-12-04T10:00:00.000Z",
    apiClientId: "client-1",
    ...over,
  };
}

const aCancellation = (orderId = "SO-2026-0001") => ({
  request: { orderId, reason: "changed my mind" },
  eventId: "evt-7",
  type: "order.cancellation_requested",
});

describe("jobOf", () => {
  it("an order's job is named by its definition, keyed by the order id and retried as configured", () => {
    const job = jobOf(createSalesOrderJob, { order: anOrder(), eventId: "evt-1" }, settings);

    expect(job.name).toBe(JobNames.createSalesOrder);
    expect(job.opts).toEqual({
      attempts: 8,
      backoff: { type: "exponential", delay: 2_000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
      removeOnFail: false,
      jobId: "SO-2026-0001",
    });
  });

  it("the order jobs' attempts and backoff follow the settings given", () => {
    const other = { orderAttempts: 3, orderBackoffMs: 500 };
    for (const job of [
      jobOf(createSalesOrderJob, { order: anOrder(), eventId: "evt-1" }, other),
      jobOf(cancelSalesOrderJob, aCancellation(), other),
    ]) {
      expect(job.opts.attempts).toBe(3);
      expect(job.opts.backoff).toEqual({ type: "exponential", delay: 500 });
    }
  });

  it("each job's id comes from its payload, so a redelivered event adds no second job", () => {
    expect(jobOf(cancelSalesOrderJob, aCancellation(), settings).opts.jobId).toBe("SO-2026-0001-evt-7");
    expect(
      jobOf(
        applyOrderStatusJob,
        { salesOrder: "4711", eventId: "evt-9", eventType: "t", eventTime: "2026-12-04T11:00:00Z" },
        settings,
      ).opts.jobId,
    ).toBe("status-evt-9");
    expect(
      jobOf(applyStockJob, { material: "TG-0001", plant: "1010", eventId: "evt-3", version: 1 }, settings)
        .opts.jobId,
    ).toBe("stock-evt-3");
    const deliveryId = "0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b";
    expect(jobOf(deliverWebhookJob, { deliveryId }, settings).opts.jobId).toBe(deliveryId);
  });

  it("an explicit job id overrides the definition's (an operator's retry under a new id)", () => {
    const job = jobOf(createSalesOrderJob, { order: anOrder(), eventId: "evt-1" }, settings, {
      jobId: "retry-1",
    });

    expect(job.opts.jobId).toBe("retry-1");
  });

  it("the payload is parsed: unknown fields are dropped and a bad payload is refused before it is added", () => {
    const withExtra = { order: anOrder(), eventId: "evt-1", extra: "dropped" };
    const job = jobOf(createSalesOrderJob, withExtra, settings);
    expect(job.data).toEqual({ order: anOrder(), eventId: "evt-1" });

    expect(() =>
      jobOf(createSalesOrderJob, { order: anOrder({ orderId: "bad id!" }), eventId: "evt-1" }, settings),
    ).toThrow(/order id/);
  });

  it("cancel and create share the orders queue but keep their own names", () => {
    expect([cancelSalesOrderJob.queue, createSalesOrderJob.queue]).toEqual([Queues.orders, Queues.orders]);
    expect(cancelSalesOrderJob.name).toBe(JobNames.cancelSalesOrder);
    expect(createSalesOrderJob.name).toBe(JobNames.createSalesOrder);
  });
});

describe("payloadOf", () => {
  it("answers the payload as its definition types it", () => {
    const data = {
      order: anOrder(),
      eventId: "evt-1",
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    };

    expect(payloadOf(createSalesOrderJob, data)).toEqual(data);
  });

  it.each([
    ["no payload at all", undefined],
    ["a payload of another job", { deliveryId: "0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b" }],
    ["an order without lines", { order: anOrder({ lines: [] }), eventId: "evt-1" }],
    ["an empty event id", { order: anOrder(), eventId: "" }],
  ])("refuses %s with InvalidJobPayload naming the job", (_what, data) => {
    let err: unknown;
    try {
      payloadOf(createSalesOrderJob, data);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidJobPayload);
    expect((err as Error).message).toMatch(
      /^job create-sales-order: payload does not match its definition: ./,
    );
  });
});
