import type { KafkaMessageView } from "@icp/api";
import { replayRouter } from "@icp/api/routers/replay/router";
import { contextFor, fakeServices } from "@icp/api/testing";
import { createCallerFactory, router } from "@icp/api/trpc";
import { kafkaConnection } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import {
  ConsumerGroups,
  jobOf,
  NO_SETTINGS,
  type OrderSubmitted,
  orderSubmittedRecord,
  type QueueName,
  type ReplayPosition,
  replayJob,
  Topics,
} from "@icp/domain";
import {
  committedOffsets,
  createKafka,
  createProducer,
  redisConnection,
  resolveRange,
  scanRanges,
} from "@icp/messaging";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { startWorker, type WorkerApp } from "@icp/worker";
import { Queue } from "bullmq";
import type { Admin, Consumer, Kafka, Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type TestStack, testStack } from "./harness";

/**
 * Targeted replay on the real stack: orders on Kafka booked by the worker in the SAP sandbox
 * (over HTTP), then replayed — through a throw-away group feeding the orders queue, and by
 * moving the worker's own consumer group back — with the console's tRPC router as the entry.
 */
let stack: TestStack;
let sandbox: Sandbox;
let worker: WorkerApp | undefined;
let db: Db;
let kafka: Kafka;
let admin: Admin;
let producer: Producer;
const queues = new Map<string, Queue>();
let customer = "";
let materials: string[] = [];
/** The 21 orders, on one partition: 20 SAP books, one SAP refuses (an unknown material). */
const PARTITION = 0;
const tag = `rp${Date.now().toString(36)}`;
const ids = Array.from({ length: 20 }, (_, i) => `${tag}-${i + 1}`);
const refused = `${tag}-x`;
let range = { by: "offsets" as const, topic: "orders", partition: PARTITION, fromOffset: "0", toOffset: "0" };

const sapAuth = () =>
  `Basic ${Buffer.from(`${stack.env.SAP_USERNAME}:${stack.env.SAP_PASSWORD}`).toString("base64")}`;
/** How many sales orders the sandbox holds, over its OData API. */
async function salesOrderCount(): Promise<number> {
  const res = await fetch(`${sandbox.url}/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder/$count`, {
    headers: { authorization: sapAuth(), "sap-client": stack.env.SAP_CLIENT },
  });
  expect(res.status).toBe(200);
  return Number(await res.text());
}

function view(topic: string, partition: number, m: Parameters<Parameters<typeof scanRanges>[3]>[1][number]) {
  const headers: Record<string, string> = {};
  const cloudEvent: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    const s = String(Array.isArray(v) ? v[0] : v);
    headers[k] = s;
    if (k.startsWith("ce_")) cloudEvent[k.slice(3)] = s;
  }
  const raw = m.value?.toString("utf8") ?? "";
  return {
    topic,
    partition,
    offset: m.offset,
    timestamp: new Date(Number(m.timestamp)),
    key: m.key?.toString("utf8") ?? null,
    cloudEvent,
    headers,
    body: raw ? (JSON.parse(raw) as unknown) : null,
    size: raw.length,
  } satisfies KafkaMessageView;
}

/** A replay's run: these replays are far under the approval threshold (replay rule, 1000 messages). */
async function startReplay(input: Parameters<ReturnType<typeof consoleApi>["replay"]["start"]>[0]) {
  const res = await consoleApi().replay.start(input);
  if ("pendingApproval" in res) throw new Error("the replay was held for approval");
  return res;
}

/** The console's router over the real database, Kafka and Redis (the worker's group suffix applied). */
function consoleApi() {
  const suffixed = (g: string) => `${g}.${stack.groupSuffix}`;
  const services = fakeServices({
    db,
    kafka: {
      ...fakeServices().kafka,
      resolveRange: (r) => resolveRange(admin, r),
      readRange: async (topic, ranges, limit) => {
        const out: KafkaMessageView[] = [];
        await scanRanges(
          kafka,
          topic,
          ranges,
          (p, ms) => {
            for (const m of ms) if (out.length < limit) out.push(view(topic, p, m));
            return out.length < limit;
          },
          { timeoutMs: 20_000, groupPrefix: "it-replay-dry", admin },
        );
        return out;
      },
      groupPosition: async (groupId, topic) => {
        const [d] = (await admin.describeGroups([suffixed(groupId)])).groups;
        const committed = await committedOffsets(admin, suffixed(groupId), topic);
        return { members: d?.members.length ?? 0, committed };
      },
    },
    queues: {
      ...fakeServices().queues,
      enqueue: async (job) => {
        const q =
          queues.get(job.queue) ?? new Queue(job.queue, { connection: redisConnection(stack.env.REDIS_URL) });
        queues.set(job.queue, q);
        await q.add(job.name, job.data, job.opts);
      },
    },
  });
  return createCallerFactory(router({ replay: replayRouter }))(contextFor("operator", services));
}

const order = (orderId: string, skus: string[]): OrderSubmitted => ({
  orderId,
  customerId: customer,
  currency: "EUR",
  lines: skus.slice(0, 2).map((sku, i) => ({ sku, quantity: i + 1 })),
  submittedAt: new Date().toISOString(),
  apiClientId: "it-replay",
});

async function runToEnd(id: string) {
  return eventually(
    async () => {
      const run = await db.replayRun.findUnique({ where: { id } });
      return run && ["SUCCEEDED", "FAILED", "CANCELLED"].includes(run.state) ? run : null;
    },
    "the replay run to end",
    120_000,
  );
}

beforeAll(async () => {
  sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: 60,
    customers: 20,
    tickMs: 0,
    adminToken: "it-admin",
  });
  stack = await testStack({ SAP_BASE_URL: sandbox.url, SAP_TIMEOUT_MS: "3000" });
  db = createPrisma(stack.env.DATABASE_URL);
  kafka = createKafka({ ...kafkaConnection(stack.env), clientId: "it-replay" });
  admin = kafka.admin();
  await admin.connect();
  producer = createProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  for (const q of queues.values()) await q.close();
  await producer?.disconnect();
  await admin?.disconnect();
  await worker?.close();
  await db?.close();
  await sandbox?.close();
  await stack?.close();
});

describe("targeted replay", () => {
  it("the dry run says 'would create' for orders the ledger does not know, and 'already booked' once SAP holds them", async () => {
    // Master data from SAP itself, read through a worker's SAP client once it runs.
    worker = await startWorker(stack.env, {
      groupSuffix: stack.groupSuffix,
      http: false,
      orderAttempts: 3,
      orderBackoffMs: 200,
    });
    const bp = await worker.sap.client.customers.page({ top: 20, skip: 0 });
    customer =
      bp.items.find((c) => !c.BusinessPartnerIsBlocked && !c.to_Customer?.OrderIsBlockedForCustomer)
        ?.Customer ?? "";
    const stock = await worker.sap.client.stock.page({ top: 200, skip: 0 });
    materials = [
      ...new Set(
        stock.items.filter((s) => Number(s.MatlWrhsStkQtyInMatlBaseUnit) > 50).map((s) => s.Material),
      ),
    ].slice(0, 2);
    expect(customer).not.toBe("");
    expect(materials).toHaveLength(2);
    // Stop the worker so the orders sit on Kafka, unknown to the ledger, while the dry run reads them.
    await worker.close();
    worker = undefined;

    const sent = await producer.send({
      topic: Topics.orders,
      acks: -1,
      // One batch to one partition: the 21 offsets are contiguous, whatever else is produced.
      messages: [...ids.map((id) => order(id, materials)), order(refused, ["NO-SUCH-MATERIAL"])].map((o) => ({
        ...orderSubmittedRecord(o),
        partition: PARTITION,
      })),
    });
    const base = BigInt(sent[0]?.baseOffset ?? "0");
    range = { ...range, fromOffset: base.toString(), toOffset: (base + 20n).toString() };

    const before = await consoleApi().replay.dryRun({ range, target: { kind: "QUEUE" } });
    expect(before.count).toBe(21);
    expect(before.verdicts["would-create"]).toBe(21);
    expect(before.rows.map((r) => r.subject)).toEqual([...ids, refused]);

    worker = await startWorker(stack.env, {
      groupSuffix: stack.groupSuffix,
      http: false,
      orderAttempts: 3,
      orderBackoffMs: 200,
    });
    await eventually(
      async () =>
        (await db.orderLink.count({
          where: { storefrontOrderId: { in: ids }, sapSalesOrder: { not: null } },
        })) === 20 &&
        (await db.orderLink.count({ where: { storefrontOrderId: refused, state: "FAILED" } })) === 1,
      "SAP to book 20 orders and refuse one",
      60_000,
    );

    const after = await consoleApi().replay.dryRun({ range, target: { kind: "QUEUE" } });
    expect(after.verdicts).toMatchObject({ "already-booked": 20, "would-retry": 1, "would-create": 0 });
    expect(after.rows.find((r) => r.subject === refused)).toMatchObject({
      verdict: "would-retry",
      orderId: refused,
    });
    expect(after.rows.filter((r) => r.verdict === "already-booked").map((r) => r.orderId)).toEqual(ids);
  });

  it("replaying 20 booked orders through the orders queue creates no SAP sales order and reports 20 no-ops", async () => {
    const salesOrdersBefore = await salesOrderCount();
    const { id } = await startReplay({
      range,
      target: { kind: "QUEUE", queue: "orders-to-sap" satisfies QueueName },
      reason: "it: replay booked orders",
    });
    const run = await runToEnd(id);
    expect(run.state).toBe("SUCCEEDED");
    expect(run.target).toBe("QUEUE");
    expect(run.outcomes).toMatchObject({ created: 0, recorded: 0, "no-op": 20, failed: 1 });
    expect(await salesOrderCount()).toBe(salesOrdersBefore);

    // The run's messages name the orders they touched, each with what the processor did.
    const noOps = await consoleApi().replay.outcomes({ runId: id, outcome: "no-op", pageSize: 50 });
    expect(noOps.total).toBe(20);
    expect(noOps.rows.map((r) => r.orderId).sort()).toEqual([...ids].sort());

    // Each replayed order's timeline shows the replay (through @icp/orders).
    const replayed = await db.orderEvent.findMany({
      where: { kind: "REPLAYED", orderLink: { storefrontOrderId: { in: ids } } },
    });
    expect(replayed).toHaveLength(20);
    for (const e of replayed) expect(e.detail).toMatchObject({ runId: id, outcome: "no-op" });

    // The audit log keeps the start (with its target) and the end with the range read per partition.
    const audit = await db.auditLog.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["replay.start", "replay.finished"]);
    expect(audit[1]?.after).toMatchObject({
      positions: [
        { partition: PARTITION, from: range.fromOffset, to: (BigInt(range.toOffset) + 1n).toString() },
      ],
    });
  });

  it("a named-group replay stops the worker's live consumers, moves the group back over the range and starts them again", async () => {
    const groupId = `${ConsumerGroups.ordersToSap}.${stack.groupSuffix}`;
    const committedBefore = (
      await admin.fetchOffsets({ groupId, topics: [Topics.orders] })
    )[0]?.partitions.find((p) => p.partition === PARTITION)?.offset;
    const dry = await consoleApi().replay.dryRun({
      range,
      target: { kind: "GROUP", group: ConsumerGroups.ordersToSap },
    });
    // The group re-reads from the range's start up to where it stands; the worker is its member.
    expect(dry.group?.members).toBeGreaterThan(0);
    expect(dry.ranges.find((r) => r.partition === PARTITION)).toMatchObject({
      from: range.fromOffset,
      to: committedBefore,
    });
    const salesOrdersBefore = await salesOrderCount();
    const { id } = await startReplay({
      range,
      target: { kind: "GROUP", group: ConsumerGroups.ordersToSap },
      reason: "it: move the order group back",
    });
    const run = await runToEnd(id);
    expect(run.state).toBe("SUCCEEDED");
    expect(run.outcomes).toMatchObject({ created: 0, "no-op": 20 });
    expect(await salesOrderCount()).toBe(salesOrdersBefore);
    const positions = run.positions as unknown as ReplayPosition[];
    expect(positions.find((p) => p.partition === PARTITION)).toMatchObject({
      from: range.fromOffset,
      groupBefore: committedBefore,
      groupAfterMove: range.fromOffset,
      groupAfterReplay: committedBefore,
    });
    // The live consumers are back: a new order is booked.
    const next = `${tag}-after`;
    await producer.send({
      topic: Topics.orders,
      acks: -1,
      messages: [orderSubmittedRecord(order(next, materials))],
    });
    await eventually(
      async () => (await db.orderLink.findUnique({ where: { storefrontOrderId: next } }))?.sapSalesOrder,
      "the restarted group to book a new order",
      30_000,
    );
  });

  it("a named-group replay whose group keeps a member it cannot stop is refused, and the group's offsets do not move", async () => {
    const groupId = `${ConsumerGroups.ordersToSap}.${stack.groupSuffix}`;
    // A consumer of the group outside any worker (a tool, another release): it does not take the stop.
    const stranger: Consumer = kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 1_000 });
    await stranger.connect();
    await stranger.subscribe({ topic: Topics.orders });
    await stranger.run({ autoCommit: false, eachBatch: async () => {} });
    try {
      await eventually(
        async () => ((await admin.describeGroups([groupId])).groups[0]?.members.length ?? 0) >= 2,
        "the stranger to join the group",
        30_000,
      );
      const before = (await admin.fetchOffsets({ groupId, topics: [Topics.orders] }))[0]?.partitions;
      const { id } = await startReplay({
        range,
        target: { kind: "GROUP", group: ConsumerGroups.ordersToSap },
        reason: "it: group with a live stranger",
      });
      const run = await runToEnd(id);
      expect(run.state).toBe("FAILED");
      expect(run.error).toMatch(/^GROUP_LIVE: .*nothing was moved/);
      expect((await admin.fetchOffsets({ groupId, topics: [Topics.orders] }))[0]?.partitions).toEqual(before);
      const audit = await db.auditLog.findFirst({ where: { targetId: id, action: "replay.finished" } });
      expect(audit?.after).toMatchObject({ state: "FAILED" });
    } finally {
      await stranger.disconnect();
    }
    // The worker's own consumers were started again: a new order is booked.
    const next = `${tag}-after-refusal`;
    await producer.send({
      topic: Topics.orders,
      acks: -1,
      messages: [orderSubmittedRecord(order(next, materials))],
    });
    await eventually(
      async () => (await db.orderLink.findUnique({ where: { storefrontOrderId: next } }))?.sapSalesOrder,
      "the worker's consumers to book a new order after the refusal",
      60_000,
    );
  }, 120_000);

  it("a run nobody runs any more ends FAILED and audited once: its job picked up again after a stall, or its job gone", async () => {
    await worker?.close();
    worker = undefined;
    const lostRun = (state: "RUNNING" | "QUEUED", createdAt: Date) =>
      db.replayRun.create({
        data: {
          topic: Topics.orders,
          partition: PARTITION,
          fromOffset: BigInt(range.fromOffset),
          toOffset: BigInt(range.toOffset),
          dryRun: false,
          state,
          target: "QUEUE",
          targetName: "orders-to-sap",
          matched: state === "RUNNING" ? 7 : 0,
          replayed: state === "RUNNING" ? 5 : 0,
          requestedBy: "it",
          reason: "it: lost run",
          createdAt,
          ...(state === "RUNNING" ? { startedAt: createdAt } : {}),
        },
      });
    // A worker killed mid-run leaves its run RUNNING; BullMQ's stall check hands the job (one
    // attempt) to another worker — the same delivery as this job added for a RUNNING run.
    const stalled = await lostRun("RUNNING", new Date());
    const replayQueue =
      queues.get(replayJob.queue) ??
      new Queue(replayJob.queue, { connection: redisConnection(stack.env.REDIS_URL) });
    queues.set(replayJob.queue, replayQueue);
    const job = jobOf(replayJob, { runId: stalled.id }, NO_SETTINGS);
    await replayQueue.add(job.name, job.data, job.opts);
    // Runs whose job no Redis holds (restored without it; the API died between row and job).
    const goneRunning = await lostRun("RUNNING", new Date(Date.now() - 10 * 60_000));
    const goneQueued = await lostRun("QUEUED", new Date(Date.now() - 10 * 60_000));
    // A run as young as the API's row-then-job gap is not touched.
    const young = await lostRun("QUEUED", new Date());

    worker = await startWorker(stack.env, { groupSuffix: stack.groupSuffix, http: false });
    const a = await runToEnd(stalled.id);
    expect(a.state).toBe("FAILED");
    expect(a.error).toMatch(/picked up again after a stall\) after reading 7 message\(s\) and sending 5/);
    for (const r of [goneRunning, goneQueued]) {
      const ended = await runToEnd(r.id);
      expect(ended.error).toMatch(/^the worker lost this replay \(its job is gone\)/);
    }
    expect((await db.replayRun.findUniqueOrThrow({ where: { id: young.id } })).state).toBe("QUEUED");
    const audit = await db.auditLog.findMany({
      where: { targetId: { in: [stalled.id, goneRunning.id, goneQueued.id] }, action: "replay.finished" },
    });
    expect(audit.map((x) => x.targetId).sort()).toEqual([stalled.id, goneRunning.id, goneQueued.id].sort());
    for (const x of audit) expect(x.after).toMatchObject({ state: "FAILED" });
    await db.replayRun.update({ where: { id: young.id }, data: { state: "FAILED", finishedAt: new Date() } });
  }, 120_000);
});
