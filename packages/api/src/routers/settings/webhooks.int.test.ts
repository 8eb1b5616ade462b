import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { JobNames, Queues } from "@icp/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiServices } from "../../context";
import type { Role } from "../../permissions";
import { appRouter } from "../../root";
import { contextFor, fakeServices, refusal } from "../../testing";
import { createCallerFactory } from "../../trpc";
import { DEACTIVATE_NEEDS_REASON } from "./webhooks";

/**
 * The console's side of the webhook endpoint lifecycle on the real PostgreSQL: delete (soft,
 * audited, open deliveries closed, their failures discarded through the state table), one-click
 * re-enable (audited, counter reset, held deliveries sent), and per-delivery retry (through the
 * failure state table when the delivery has an open failure). Roles are checked on the server.
 */
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 4 });
}, 60_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

let enqueued: { queue: string; name: string; data: unknown; jobId: string }[] = [];
let retried: string[] = [];
beforeEach(() => {
  enqueued = [];
  retried = [];
});

function services(): ApiServices {
  const base = fakeServices({ db });
  return {
    ...base,
    queues: {
      ...base.queues,
      enqueue: async (job) => {
        enqueued.push({ queue: job.queue, name: job.name, data: job.data, jobId: job.opts.jobId });
      },
    },
    // The console's WEBHOOK retry (apps/console failure-actions.ts): the delivery back to PENDING, a job.
    failures: {
      retry: async (record) => {
        const deliveryId = String((record.payload as { deliveryId: string }).deliveryId);
        retried.push(deliveryId);
        await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "PENDING" } });
        return { state: "RETRYING", detail: `delivery ${deliveryId} queued` };
      },
    },
  };
}

const as = (role: Role) => createCallerFactory(appRouter)(contextFor(role, services())).settings.webhooks;

let n = 0;
async function endpoint(over: { disabled?: boolean } = {}) {
  n++;
  return db.webhookEndpoint.create({
    data: {
      name: `shop-${n}`,
      url: `http://127.0.0.1:9/${n}`,
      secretRef: "env:WH",
      events: ["order.status_changed"],
      createdBy: "test",
      ...(over.disabled
        ? {
            disabledAt: new Date(),
            disabledBy: "system:webhooks",
            disabledReason: "auto-disabled after 3 consecutive failures",
            consecutiveFailures: 3,
          }
        : {}),
    },
  });
}

type Status = "PENDING" | "DELIVERING" | "SUCCEEDED" | "FAILED" | "DEAD" | "HELD";
async function delivery(endpointId: string, status: Status) {
  n++;
  return db.webhookDelivery.create({
    data: { endpointId, eventId: `evt-${n}`, eventType: "order.status_changed", payload: { n }, status },
  });
}

async function failure(d: { id: string; endpointId: string; eventId: string }, state: "OPEN" | "RETRYING") {
  return db.failureRecord.create({
    data: {
      flow: "WEBHOOK",
      errorClass: "TRANSIENT",
      state,
      message: "endpoint answered 500",
      payload: { deliveryId: d.id, endpointId: d.endpointId, eventId: d.eventId },
      entityKey: d.eventId,
    },
  });
}

const auditOf = (targetId: string) => db.auditLog.findMany({ where: { targetId }, orderBy: { at: "asc" } });

describe("delete", () => {
  it("is refused below admin, touching nothing", async () => {
    const ep = await endpoint();
    for (const role of ["viewer", "operator"] as const)
      expect(await refusal(as(role).delete({ id: ep.id, reason: "gone for good" }))).toBe("FORBIDDEN");
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).deletedAt).toBeNull();
    expect(await auditOf(ep.id)).toEqual([]);
  });

  it("soft: leaves the list, keeps the delivery log, closes open deliveries and discards their failures, audited with the reason", async () => {
    const ep = await endpoint();
    const other = await endpoint();
    const done = await delivery(ep.id, "SUCCEEDED");
    const failing = await delivery(ep.id, "FAILED");
    const dead = await delivery(ep.id, "DEAD");
    const retrying = await delivery(ep.id, "PENDING");
    const openFailure = await failure(dead, "OPEN");
    const retryingFailure = await failure(retrying, "RETRYING");
    const othersFailure = await failure(await delivery(other.id, "DEAD"), "OPEN");

    const res = await as("admin").delete({ id: ep.id, reason: "storefront retired" });
    expect(res).toEqual({ id: ep.id, deleted: true, deliveriesClosed: 2, failuresDiscarded: 2 });

    expect((await as("viewer").list()).map((e) => e.id)).toEqual(
      expect.not.arrayContaining([ep.id]) as unknown as string[],
    );
    expect((await as("viewer").list()).map((e) => e.id)).toContain(other.id);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect([row.deletedBy, row.deleteReason, row.active]).toEqual([
      "admin@example.test",
      "storefront retired",
      false,
    ]);
    const log = await as("viewer").deliveries({ endpointId: ep.id, pageSize: 50 });
    expect(log.total).toBe(4);
    const statusOf = async (id: string) =>
      (await db.webhookDelivery.findUniqueOrThrow({ where: { id } })).status;
    expect(await statusOf(done.id)).toBe("SUCCEEDED");
    expect(await statusOf(failing.id)).toBe("DEAD");
    expect(await statusOf(retrying.id)).toBe("DEAD");
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: failing.id } })).lastError).toBe(
      "endpoint deleted: storefront retired",
    );
    const states = await db.failureRecord.findMany({
      where: { id: { in: [openFailure.id, retryingFailure.id, othersFailure.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(states.map((f) => [f.state, f.discardReason])).toEqual([
      ["DISCARDED", "endpoint deleted: storefront retired"],
      ["DISCARDED", "endpoint deleted: storefront retired"],
      ["OPEN", null],
    ]);
    const audit = await auditOf(ep.id);
    expect(audit.map((a) => [a.action, a.actorEmail, a.reason])).toEqual([
      ["webhook_endpoint.delete", "admin@example.test", "storefront retired"],
    ]);
    expect(audit[0]?.after).toMatchObject({ deleted: true, deliveriesClosed: 2 });

    // Gone is gone: no second delete, no edit, no re-enable, no retry of its deliveries.
    expect(await refusal(as("admin").delete({ id: ep.id, reason: "again" }))).toBe("WEBHOOK_ENDPOINT_GONE");
    expect(
      await refusal(
        as("admin").update({
          id: ep.id,
          name: "x1",
          url: "http://127.0.0.1:9/x",
          events: ["stock.changed"],
          secretRef: "env:WH",
          active: true,
        }),
      ),
    ).toBe("WEBHOOK_ENDPOINT_GONE");
    expect(await refusal(as("operator").retryDelivery({ id: dead.id }))).toBe("WEBHOOK_ENDPOINT_GONE");
    expect(enqueued).toEqual([]);
  });
});

describe("deactivate", () => {
  it("needs a reason: without one nothing changes; with one the endpoint is inactive and the audit row keeps it", async () => {
    const ep = await endpoint();
    const edit = {
      id: ep.id,
      name: ep.name,
      url: ep.url,
      events: ["order.status_changed" as const],
      secretRef: "env:WH",
    };
    for (const why of [undefined, "", "no"]) {
      const err = await as("admin")
        .update({ ...edit, active: false, ...(why === undefined ? {} : { reason: why }) })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TRPCError);
      expect(err).toMatchObject({ code: "BAD_REQUEST", message: DEACTIVATE_NEEDS_REASON });
    }
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).active).toBe(true);
    expect(await auditOf(ep.id)).toEqual([]);

    await as("admin").update({ ...edit, active: false, reason: "storefront in maintenance" });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).active).toBe(false);
    // Activating again (or editing an inactive one) needs none.
    await as("admin").update({ ...edit, active: true });
    expect((await auditOf(ep.id)).map((a) => [a.action, a.reason])).toEqual([
      ["webhook_endpoint.update", "storefront in maintenance"],
      ["webhook_endpoint.update", null],
    ]);
  });
});

describe("re-enable", () => {
  it("a viewer cannot; an operator's one click clears the disable, resets the count, sends the held deliveries and is audited", async () => {
    const ep = await endpoint({ disabled: true });
    const held = [await delivery(ep.id, "HELD"), await delivery(ep.id, "HELD")];
    await delivery(ep.id, "SUCCEEDED");

    expect(await refusal(as("viewer").enable({ id: ep.id }))).toBe("FORBIDDEN");
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).disabledAt).not.toBeNull();

    const res = await as("operator").enable({ id: ep.id });
    expect(res).toEqual({ id: ep.id, enabled: true, released: 2, notQueued: [] });
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect([row.disabledAt, row.disabledReason, row.consecutiveFailures]).toEqual([null, null, 0]);
    expect(enqueued.map((j) => [j.queue, j.name, (j.data as { deliveryId: string }).deliveryId])).toEqual(
      held.map((d) => [Queues.webhooks, JobNames.deliverWebhook, d.id]),
    );
    // Fresh job ids: the delivery's own id may still be in BullMQ's completed set.
    for (const [i, j] of enqueued.entries()) expect(j.jobId).toMatch(new RegExp(`^${held[i]?.id}-release-`));
    const audit = await auditOf(ep.id);
    expect(audit.map((a) => [a.action, a.actorRole, a.actorEmail])).toEqual([
      ["webhook_endpoint.enable", "OPERATOR", "operator@example.test"],
    ]);
    expect(audit[0]?.before).toMatchObject({
      disabled: true,
      disabledBy: "system:webhooks",
      disabledReason: "auto-disabled after 3 consecutive failures",
      consecutiveFailures: 3,
    });
    expect(audit[0]?.after).toEqual({ disabled: false, consecutiveFailures: 0, heldDeliveries: 2 });

    expect(await refusal(as("operator").enable({ id: ep.id }))).toBe("WEBHOOK_ENDPOINT_NOT_DISABLED");
  });
});

describe("per-delivery retry", () => {
  it("a viewer is refused before anything is read", async () => {
    const ep = await endpoint();
    const d = await delivery(ep.id, "DEAD");
    expect(await refusal(as("viewer").retryDelivery({ id: d.id }))).toBe("FORBIDDEN");
    expect(enqueued).toEqual([]);
    expect(await auditOf(d.id)).toEqual([]);
  });

  it("with an open failure: through the failure state table (OPEN → RETRYING), audited on the failure", async () => {
    const ep = await endpoint();
    const d = await delivery(ep.id, "DEAD");
    const f = await failure(d, "OPEN");
    const res = await as("operator").retryDelivery({ id: d.id, reason: "receiver fixed" });
    expect(res).toMatchObject({ deliveryId: d.id, failureId: f.id, state: "RETRYING" });
    expect(retried).toEqual([d.id]);
    expect((await db.failureRecord.findUniqueOrThrow({ where: { id: f.id } })).state).toBe("RETRYING");
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("PENDING");
    expect((await auditOf(f.id)).map((a) => [a.action, a.targetType, a.reason])).toEqual([
      ["webhook_delivery.retry", "failure", "receiver fixed"],
    ]);
    // A failure already being retried is not retried twice.
    expect(await refusal(as("operator").retryDelivery({ id: d.id }))).toBe("FAILURE_NOT_OPEN");
    expect(retried).toEqual([d.id]);
  });

  it("without a failure: a DEAD delivery is queued again and set PENDING, audited; a delivered or scheduled one is refused", async () => {
    const ep = await endpoint();
    const d = await delivery(ep.id, "DEAD");
    const res = await as("operator").retryDelivery({ id: d.id });
    expect(res).toMatchObject({ deliveryId: d.id, failureId: null, state: "PENDING" });
    expect(enqueued.map((j) => (j.data as { deliveryId: string }).deliveryId)).toEqual([d.id]);
    expect(enqueued[0]?.jobId).toMatch(new RegExp(`^${d.id}-retry-`));
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("PENDING");
    expect((await auditOf(d.id)).map((a) => [a.action, a.targetType, a.before])).toEqual([
      ["webhook_delivery.retry", "webhook_delivery", { status: "DEAD", attempts: 0, lastError: null }],
    ]);

    for (const status of ["SUCCEEDED", "FAILED", "PENDING"] as const) {
      const other = await delivery(ep.id, status);
      expect(await refusal(as("operator").retryDelivery({ id: other.id })), status).toBe(
        "DELIVERY_NOT_RETRYABLE",
      );
    }
    expect(enqueued).toHaveLength(1);
  });

  it("is refused while the endpoint is auto-disabled (re-enable sends it)", async () => {
    const ep = await endpoint({ disabled: true });
    const d = await delivery(ep.id, "HELD");
    expect(await refusal(as("admin").retryDelivery({ id: d.id }))).toBe("WEBHOOK_ENDPOINT_DISABLED");
    expect(enqueued).toEqual([]);
  });
});

describe("the delivery log", () => {
  it("lists HELD deliveries and shows one with its request, response and failure", async () => {
    const ep = await endpoint({ disabled: true });
    const d = await db.webhookDelivery.create({
      data: {
        endpointId: ep.id,
        eventId: "evt-log",
        eventType: "order.status_changed",
        payload: { a: 1 },
        status: "HELD",
        lastRequest: { method: "POST", headers: { "webhook-signature": "[REDACTED]" }, body: "{}" },
        lastResponse: { status: 500, body: "nope" },
      },
    });
    const list = await as("viewer").deliveries({ endpointId: ep.id, status: "HELD" });
    expect(list.rows.map((r) => [r.id, r.status])).toEqual([[d.id, "HELD"]]);
    expect(list.rows[0]).not.toHaveProperty("lastResponse");
    const one = await as("viewer").delivery({ id: d.id });
    expect(one?.lastResponse).toEqual({ status: 500, body: "nope" });
    expect(one?.failure).toBeNull();
  });
});
