import { kafkaConnection } from "@icp/config";
import { sapConnection } from "@icp/config/pieces/sap";
import { createPrisma, type Db } from "@icp/db";
/**
 * The core of benchmark 1 (bench/sap-throughput.ts), callable with any backlog so other
 * benchmarks can run its load (benchmark 5 measures the console while it runs).
 *
 * SAP is modelled as real S/4HANA behaves for us: each sales-order create (the deep-insert
 * POST: pricing, ATP and credit check) takes L ms, reads are fast, and we may hold at most C
 * calls at once (SAP_MAX_CONCURRENCY: dialog work processes set aside for us). The ceiling
 * is then C / L creates per second. A backlog of N orders on Kafka is pushed through the real
 * worker (Kafka → BullMQ → SAP client → ledger), and we report achieved / ceiling, the
 * end-to-end latency of each order (produced → SAP document booked), and the sandbox's own
 * count of the most calls it ever had in flight — the proof that the cap held.
 */
import { type OrderSubmitted, orderSubmittedRecord, Topics } from "@icp/domain";
import { createKafka, createProducer, KafkaPrincipals } from "@icp/messaging";
import { DEFAULT_RESILIENCE, SapClient } from "@icp/sap-client";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { startWorker, type WorkerApp } from "@icp/worker";
import type { Producer } from "kafkajs";
import { principalEnv } from "../scripts/stack/principals";
import { type TestStack, testStack } from "../tests/integration/harness";
import { envVars, freePort, memoryOf, mib, type NodeChild, startNode, waitHttp } from "./processes";
import { percentile, progress } from "./report";

export interface SapLoadOptions {
  /** Orders in the backlog (N). */
  orders: number;
  /** SAP create latency (L, ms). */
  latencyMs: number;
  /** SAP concurrency cap (C). */
  concurrency: number;
  /** The worker's lag/queue sampler period (benchmark 1 keeps it out of the way: 60 s). */
  sampleEveryMs?: number;
  /**
   * Worker processes of their own (apps/worker/src/main.ts), sharing the one cap C through
   * Redis as replicas do; 0 (default): one worker inside this process.
   */
  processes?: number;
}

/** What the load runs on, for a benchmark that watches it. */
export interface SapLoadContext {
  stack: TestStack;
  sandbox: Sandbox;
}

export interface SapLoadHooks {
  /** After the worker is up and SAP is slowed, before the backlog is produced. */
  beforeLoad?(ctx: SapLoadContext): Promise<void>;
  /** Once every order is booked (or failed), before the figures are read and all is closed. */
  afterLoad?(ctx: SapLoadContext): Promise<void>;
}

export interface SapLoadResult {
  rows: [string, string][];
  /** Every order booked exactly once and the cap held. */
  ok: boolean;
  ceiling: number;
  throughput: number;
  efficiency: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  peakInFlight: number;
}

export async function runSapLoad(opts: SapLoadOptions, hooks: SapLoadHooks = {}): Promise<SapLoadResult> {
  const { orders: N, latencyMs: L, concurrency: C } = opts;
  const sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: 200,
    customers: 50,
    tickMs: 0,
    adminToken: "bench",
  });
  const admin = sandboxAdmin(sandbox);
  const stack = await testStack({
    SAP_BASE_URL: sandbox.url,
    SAP_MAX_CONCURRENCY: String(C),
    SAP_TIMEOUT_MS: String(Math.max(15_000, L * 20)),
    SAMPLE_EVERY_MS: String(opts.sampleEveryMs ?? 60_000),
  });
  const workers = await startWorkers(stack, opts.processes ?? 0);
  const producer = createProducer(createKafka({ ...kafkaConnection(stack.env), clientId: "bench-sap" }));
  await producer.connect();
  const ctx: SapLoadContext = { stack, sandbox };

  let peakRss = 0;
  const rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);

  try {
    const masterData = await orderableMasterData(workers.sap);

    // SAP's side of the cap: a create past C in flight is refused with 503, as a real system's
    // limit would; the worker must never be refused.
    await admin("faults", "PUT", {
      latencyMs: L,
      maxConcurrency: C,
      scope: { service: "API_SALES_ORDER_SRV", method: "POST", pathPrefix: "A_SalesOrder" },
    });
    await admin("stats", "DELETE");
    await hooks.beforeLoad?.(ctx);

    console.log(
      `SAP throughput: ${N} orders, create latency ${L} ms, SAP cap ${C} → ceiling ${((C * 1000) / L).toFixed(1)}/s`,
    );
    const producedAt = await produceBacklog(producer, N, masterData);
    await waitUntilBooked(workers.db, N, Date.now() + ((N * L) / C) * 4 + 120_000);
    await hooks.afterLoad?.(ctx);
    return await figures(opts, { workers, admin, producedAt, peakRss: () => peakRss });
  } finally {
    clearInterval(rssTimer);
    // A failure to tidy up is reported, never mistaken for the run's result.
    const closers: [string, () => Promise<void>][] = [
      ["the producer", () => producer.disconnect()],
      ["the workers", () => workers.close()],
      ["the sandbox", () => sandbox.close()],
      ["the test stack", () => stack.close()],
    ];
    for (const [what, close] of closers)
      await close().catch((e: unknown) => console.warn(`could not close ${what}: ${(e as Error).message}`));
  }
}

/** The workers under load: one in this process, or processes of their own sharing the cap. */
interface Workers {
  db: Db;
  sap: SapClient;
  /** Peak RSS (VmHWM) of each worker process (empty: the worker runs in this process). */
  peaks(): number[];
  close(): Promise<void>;
}

async function startWorkers(stack: TestStack, processes: number): Promise<Workers> {
  if (processes < 1) {
    const worker: WorkerApp = await startWorker(stack.env, { groupSuffix: stack.groupSuffix, http: false });
    return { db: worker.db, sap: worker.sap.client, peaks: () => [], close: () => worker.close() };
  }
  const children: NodeChild[] = [];
  const started = async () => {
    const port = await freePort();
    const child = startNode("apps/worker/src/main.ts", {
      ...process.env,
      ...envVars(stack.env),
      KAFKA_GROUP_SUFFIX: stack.groupSuffix,
      WORKER_HTTP_PORT: String(port),
      LOG_LEVEL: "warn",
      KAFKAJS_NO_PARTITIONER_WARNING: "1",
      ...principalEnv(KafkaPrincipals.worker),
    });
    children.push(child);
    await waitHttp(`http://127.0.0.1:${port}/health/ready`, child, 180_000);
  };
  const db = createPrisma(stack.env.DATABASE_URL);
  // the bench's own reads of SAP's master data (not under load: before the backlog)
  const sap = new SapClient({ ...DEFAULT_RESILIENCE, ...sapConnection(stack.env), maxConcurrency: 4 });
  try {
    await Promise.all(Array.from({ length: processes }, started));
  } catch (e) {
    await Promise.all(children.map((c) => c.stop()));
    throw e;
  }
  const peaks = new Map<number, number>();
  return {
    db,
    sap,
    peaks: () => children.map((c) => Math.max(peaks.get(c.pid) ?? 0, memoryOf(c.pid)?.hwm ?? 0)),
    async close() {
      for (const c of children) peaks.set(c.pid, memoryOf(c.pid)?.hwm ?? 0);
      await Promise.all(children.map((c) => c.stop()));
      await sap.close();
      await db.close();
    },
  };
}

type SandboxAdmin = (path: string, method: string, body?: unknown) => Promise<Record<string, unknown>>;

function sandboxAdmin(sandbox: Sandbox): SandboxAdmin {
  return (path, method, body) =>
    fetch(`${sandbox.url}/sandbox/admin/${path}`, {
      method,
      headers: { authorization: "Bearer bench", "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
}

/** A customer who may order and up to 20 materials with stock, read through the worker's SAP client. */
async function orderableMasterData(sap: SapClient): Promise<{ customer: string; materials: string[] }> {
  const customers = await sap.customers.page({ top: 50, skip: 0 });
  const customer = customers.items.find(
    (c) => !c.BusinessPartnerIsBlocked && !c.to_Customer?.OrderIsBlockedForCustomer,
  )?.Customer;
  const stock = await sap.stock.page({ top: 200, skip: 0 });
  const materials = [...new Set(stock.items.map((s) => s.Material))].slice(0, 20);
  if (!customer || materials.length < 2) throw new Error("sandbox has no orderable master data");
  return { customer, materials };
}

/** Produces N two-line orders to the orders topic, 500 a batch; answers when each was produced. */
async function produceBacklog(
  producer: Producer,
  N: number,
  { customer, materials }: { customer: string; materials: string[] },
): Promise<Map<string, number>> {
  const run = `B${Date.now().toString(36).toUpperCase()}`;
  const producedAt = new Map<string, number>();
  for (let i = 0; i < N; i += 500) {
    const batch: OrderSubmitted[] = [];
    for (let j = i; j < Math.min(N, i + 500); j++) {
      batch.push({
        orderId: `${run}-${j}`,
        customerId: customer,
        currency: "EUR",
        lines: [
          { sku: materials[j % materials.length]!, quantity: 1 + (j % 3) },
          { sku: materials[(j + 7) % materials.length]!, quantity: 1 },
        ],
        submittedAt: new Date().toISOString(),
        apiClientId: "bench",
      });
    }
    const now = Date.now();
    await producer.send({
      topic: Topics.orders,
      acks: -1,
      messages: batch.map((o) => {
        producedAt.set(o.orderId, now);
        const rec = orderSubmittedRecord(o);
        return rec;
      }),
    });
  }
  return producedAt;
}

/** Polls the ledger until every order is booked or failed; throws past the deadline. */
async function waitUntilBooked(db: Db, N: number, deadline: number): Promise<void> {
  for (;;) {
    const created = await db.orderLink.count({ where: { state: "CREATED" } });
    const failed = await db.failureRecord.count({ where: { flow: "ORDERS" } });
    progress("booked in SAP", created, N);
    if (created + failed >= N) break;
    if (Date.now() > deadline) throw new Error(`only ${created}/${N} booked before the deadline`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The run's figures from the ledger and the sandbox's own counters. */
async function figures(
  opts: SapLoadOptions,
  run: { workers: Workers; admin: SandboxAdmin; producedAt: Map<string, number>; peakRss: () => number },
): Promise<SapLoadResult> {
  const { orders: N, latencyMs: L, concurrency: C } = opts;
  const { workers, admin, producedAt, peakRss } = run;
  const db = workers.db;
  const links = await db.orderLink.findMany({
    where: { state: "CREATED" },
    select: { storefrontOrderId: true, sapCreatedAt: true, submitOwner: true },
  });
  const created = links.map((l) => l.sapCreatedAt?.getTime() ?? 0).sort((a, b) => a - b);
  const first = created[0] ?? 0;
  const last = created[created.length - 1] ?? 0;
  const throughput = ((created.length - 1) * 1000) / Math.max(1, last - first);
  const ceiling = (C * 1000) / L;
  const latencies = links
    .map((l) => (l.sapCreatedAt?.getTime() ?? 0) - (producedAt.get(l.storefrontOrderId) ?? 0))
    .sort((a, b) => a - b);
  const pct = (p: number) => percentile(latencies, p);
  const stats = await admin("stats", "GET");
  // The cap governs the creates (the faults' scope); reads, and the console's SAP probes in
  // benchmark 5, pass beside it, as they would beside a real system's work-process limit.
  const peakInFlight = Number(stats.maxAdmitted);
  const peakAll = Number(stats.maxConcurrency);
  const refused = Number((stats.faultsInjected as Record<string, number> | undefined)?.concurrency ?? 0);
  const sapOrders = Number(stats.ordersCreated);
  const failures = await db.failureRecord.count({ where: { flow: "ORDERS" } });
  // which process booked each order: the claim's owner is "<host>:<pid>/<job token>"
  const perProcess = new Map<string, number>();
  for (const l of links) {
    const who = l.submitOwner?.split("/")[0] ?? "?";
    perProcess.set(who, (perProcess.get(who) ?? 0) + 1);
  }
  const processes = opts.processes ?? 0;

  const rows: [string, string][] = [
    ["orders in the backlog", String(N)],
    ["booked in SAP (sales orders the sandbox made)", `${links.length} (${sapOrders})`],
    ["failure records", String(failures)],
    [
      "workers",
      processes > 0
        ? `${processes} processes sharing one cap C through Redis leases (apps/worker/src/sap-slots)`
        : "1, in the benchmark's process",
    ],
    ["SAP model", `create ${L} ms, reads unthrottled, cap C = ${C}`],
    ["ceiling C / L", `${ceiling.toFixed(2)} orders/s`],
    ["achieved (first to last SAP create)", `${throughput.toFixed(2)} orders/s`],
    ["efficiency achieved / ceiling", `**${(throughput / ceiling).toFixed(3)}** (target ≥ 0.95)`],
    [
      "end-to-end latency p50 / p99 (produced → booked; backlog included)",
      `${(pct(50) / 1000).toFixed(1)} s / ${(pct(99) / 1000).toFixed(1)} s`,
    ],
    [
      "peak creates in flight at SAP / refused for the cap (sandbox's count)",
      `${peakInFlight} / ${refused} (cap ${C}: ${peakInFlight <= C && refused === 0 ? "held" : "EXCEEDED"})`,
    ],
    ["peak calls of every kind in flight at SAP", String(peakAll)],
    ["SAP requests (all kinds)", String(stats.requests)],
    ...(processes > 0
      ? ([
          [
            "orders booked per worker process",
            [...perProcess.values()]
              .sort((a, b) => b - a)
              .map(String)
              .join(" / "),
          ],
          ["peak RSS per worker process (VmHWM)", workers.peaks().map(mib).join(" / ")],
          ["peak RSS (bench process: sandbox + client)", mib(peakRss())],
        ] as [string, string][])
      : ([["peak RSS (bench process: worker + sandbox + client)", mib(peakRss())]] as [string, string][])),
  ];
  return {
    rows,
    ok: links.length === N && sapOrders === N && peakInFlight <= C && refused === 0,
    ceiling,
    throughput,
    efficiency: throughput / ceiling,
    latencyP50Ms: pct(50),
    latencyP99Ms: pct(99),
    peakInFlight,
  };
}
