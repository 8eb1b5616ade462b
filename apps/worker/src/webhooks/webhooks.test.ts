import { randomUUID } from "node:crypto";
import type { Db } from "@icp/db";
import { JobNames } from "@icp/domain";
import { withLogContext } from "@icp/observability";
import type { Queue } from "bullmq";
import { describe, expect, it } from "vitest";
import { notifyStorefront, WebhookEvents, type WebhookJobData } from "./webhooks";

interface Endpoint {
  id: string;
  active: boolean;
  events: string[];
}
interface Delivery {
  id: string;
  endpointId: string;
  eventId: string;
  status: "PENDING" | "DELIVERING" | "SUCCEEDED" | "FAILED" | "DEAD";
  orderLinkId?: string;
}

/**
 * The two tables notifying touches, with their rules: endpoints filtered by active and event
 * type; deliveries unique per (endpoint, event id), an upsert of an existing one changing nothing.
 */
function fakeDb(endpoints: Endpoint[]) {
  const deliveries: Delivery[] = [];
  const db = {
    webhookEndpoint: {
      async findMany(args: { where: { active: boolean; events: { has: string } } }) {
        return endpoints
          .filter((e) => e.active === args.where.active && e.events.includes(args.where.events.has))
          .map((e) => ({ id: e.id }));
      },
    },
    webhookDelivery: {
      async upsert(args: {
        where: { endpointId_eventId: { endpointId: string; eventId: string } };
        create: { endpointId: string; eventId: string; orderLinkId?: string };
      }) {
        const { endpointId, eventId } = args.where.endpointId_eventId;
        const found = deliveries.find((d) => d.endpointId === endpointId && d.eventId === eventId);
        if (found) return found;
        const created: Delivery = {
          id: randomUUID(),
          endpointId,
          eventId,
          status: "PENDING",
          ...(args.create.orderLinkId ? { orderLinkId: args.create.orderLinkId } : {}),
        };
        deliveries.push(created);
        return created;
      },
    },
  };
  // notifyStorefront uses these two calls of the Prisma client only.
  return { db: db as unknown as Db, deliveries };
}

function fakeQueue() {
  const added: { name: string; data: WebhookJobData; jobId?: string }[] = [];
  const queue = {
    async add(name: string, data: WebhookJobData, opts: { jobId?: string }) {
      added.push({ name, data, jobId: opts.jobId });
      return {};
    },
  };
  // BullMQ's add is the only call made.
  return { queue: queue as unknown as Queue<WebhookJobData>, added };
}

const settings = { orderAttempts: 8, orderBackoffMs: 2_000 };
const anEvent = (id = "status:4711:1733313600000") => ({
  id,
  type: WebhookEvents.orderStatus,
  data: { orderId: "SO-1", status: "SHIPPED" },
  orderLinkId: "link-1",
});

describe("notifyStorefront", () => {
  it("an event gets one delivery and one job per active endpoint subscribed to it, the job keyed by the delivery and carrying the trace", async () => {
    const { db, deliveries } = fakeDb([
      { id: "ep-shop", active: true, events: [WebhookEvents.orderStatus] },
      { id: "ep-erp", active: true, events: [WebhookEvents.orderStatus, WebhookEvents.stock] },
      { id: "ep-stock-only", active: true, events: [WebhookEvents.stock] },
      { id: "ep-off", active: false, events: [WebhookEvents.orderStatus] },
    ]);
    const q = fakeQueue();
    const traceId = "0af7651916cd43dd8448eb211c80319c";

    const queued = await withLogContext({ traceId }, () =>
      notifyStorefront({ db, queue: q.queue, jobSettings: settings }, anEvent()),
    );

    expect(queued).toBe(2);
    expect(deliveries.map((d) => [d.endpointId, d.orderLinkId])).toEqual([
      ["ep-shop", "link-1"],
      ["ep-erp", "link-1"],
    ]);
    expect(q.added.map((a) => a.jobId)).toEqual(deliveries.map((d) => d.id));
    for (const a of q.added) {
      expect(a.name).toBe(JobNames.deliverWebhook);
      expect(a.data.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    }
  });

  it("the same event notified again (a retried job) makes no second delivery", async () => {
    const { db, deliveries } = fakeDb([{ id: "ep-shop", active: true, events: [WebhookEvents.orderStatus] }]);
    const q = fakeQueue();
    const deps = { db, queue: q.queue, jobSettings: settings };

    await notifyStorefront(deps, anEvent());
    await notifyStorefront(deps, anEvent());

    expect(deliveries).toHaveLength(1);
    // while still pending the job is added again under the same id (BullMQ keeps one)
    expect(new Set(q.added.map((a) => a.jobId))).toEqual(new Set([deliveries[0]?.id]));
  });

  it("a delivery already under way or done is not queued again", async () => {
    const { db, deliveries } = fakeDb([{ id: "ep-shop", active: true, events: [WebhookEvents.orderStatus] }]);
    const q = fakeQueue();
    const deps = { db, queue: q.queue, jobSettings: settings };
    await notifyStorefront(deps, anEvent());
    deliveries[0]!.status = "SUCCEEDED";

    expect(await notifyStorefront(deps, anEvent())).toBe(0);
    expect(q.added).toHaveLength(1);
  });

  it("an event nobody subscribed to makes no delivery", async () => {
    const { db, deliveries } = fakeDb([{ id: "ep-stock", active: true, events: [WebhookEvents.stock] }]);
    const q = fakeQueue();

    expect(await notifyStorefront({ db, queue: q.queue, jobSettings: settings }, anEvent())).toBe(0);
    expect(deliveries).toEqual([]);
    expect(q.added).toEqual([]);
  });
});
