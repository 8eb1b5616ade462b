import { RetryRefusedError } from "@icp/api";
import type { Db, FailureRecordModel } from "@icp/db";
import { type QueueName, Queues } from "@icp/domain";
import type { Queue } from "bullmq";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { failureActions } = await import("./failure-actions");

/** A WEBHOOK failure's retry, with the two tables it reads and writes and the webhooks queue. */
function setup(endpoint: { disabledAt: Date | null; deletedAt: Date | null }) {
  const updates: unknown[] = [];
  const added: string[] = [];
  const db = {
    webhookDelivery: {
      findUnique: async () => ({ endpoint: { name: "shop", ...endpoint } }),
      updateMany: async (args: unknown) => {
        updates.push(args);
        return { count: 1 };
      },
    },
  };
  const queue = {
    add: async (_name: string, _data: unknown, opts: { jobId: string }) => {
      added.push(opts.jobId);
    },
  };
  const actions = failureActions({
    // Only these calls of the Prisma client and BullMQ's Queue are made for a WEBHOOK failure.
    db: () => db as unknown as Db,
    queues: () => new Map<QueueName, Queue>([[Queues.webhooks, queue as unknown as Queue]]),
    producer: async () => {
      throw new Error("no Kafka for a webhook");
    },
    jobSettings: { orderAttempts: 3, orderBackoffMs: 100 },
  });
  const record = {
    id: "f-1",
    flow: "WEBHOOK",
    errorClass: "TRANSIENT",
    payload: { deliveryId: "0199a1b2-0000-7000-8000-000000000001" },
  } as unknown as FailureRecordModel;
  return { retry: () => actions.retry(record, record.payload), updates, added };
}

describe("retrying a WEBHOOK failure", () => {
  it("sets the delivery back to PENDING and queues it when its endpoint takes deliveries", async () => {
    const s = setup({ disabledAt: null, deletedAt: null });
    expect((await s.retry()).state).toBe("RETRYING");
    expect(s.updates).toHaveLength(1);
    expect(s.added).toHaveLength(1);
  });

  it("is refused while the endpoint is auto-disabled (re-enable sends it) or once it is deleted, changing nothing", async () => {
    for (const endpoint of [
      { disabledAt: new Date(), deletedAt: null },
      { disabledAt: null, deletedAt: new Date() },
    ]) {
      const s = setup(endpoint);
      await expect(s.retry()).rejects.toBeInstanceOf(RetryRefusedError);
      await expect(s.retry()).rejects.toThrow(endpoint.disabledAt ? /auto-disabled/ : /deleted/);
      expect(s.updates).toEqual([]);
      expect(s.added).toEqual([]);
    }
  });
});
