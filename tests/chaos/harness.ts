import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { promisify } from "node:util";
import { kafkaConnection, loadEnv } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import { type OrderSubmitted, orderSubmittedRecord, storefrontStatusOf, Topics } from "@icp/domain";
import { createKafka, createProducer, KafkaPrincipals } from "@icp/messaging";
import { ReadModel } from "@icp/read-model";
import { DEFAULT_RESILIENCE, SapClient } from "@icp/sap-client";
import {
  createSandbox,
  type FaultConfig,
  KafkaEventPublisher,
  type Sandbox,
  type SandboxOptions,
} from "@icp/sap-sandbox";
import type { Admin, Kafka, Producer } from "kafkajs";
import { expect } from "vitest";
import { asPrincipal, principalEnv } from "../../scripts/stack/principals";
import { eventually, type TestStack, testStack } from "../integration/harness";

/**
 * The chaos suite's shared harness. Each scenario file (`*.chaos.test.ts`) starts one
 * `ChaosRun`: an SAP sandbox in the test process publishing SAP's business events to Kafka, an
 * isolated slice of the real local stack (its own PostgreSQL and MongoDB databases, Redis
 * database and consumer groups), and two or more workers as real, supervised processes. It
 * breaks the stack's servers on purpose (`Services`), so it runs alone, on a stack of its own
 * (see scripts/chaos.sh), and at the end `verify` checks every invariant against SAP's own
 * records and prints the scenario's line of counts.
 *
 * Sizes: CHAOS_ORDERS orders per scenario (CI's short form: a few hundred; `npm run
 * test:chaos`: 10,000); CHAOS_WORKERS worker processes (2 by default).
 */
/** The chaos workers' SAP commit window, and how long after the client's timeout a late create commits. */
export const LATE_COMMIT_WINDOW_MS = 15_000;
export const LATE_COMMIT_MS = 6_000;

export const ROOT = resolve(import.meta.dirname, "../..");
export const N = Number(process.env.CHAOS_ORDERS ?? 400);
/** The long form: faults held as long as a real incident would hold them. */
export const FULL = N > 2_000;
export const WORKERS = Math.max(2, Number(process.env.CHAOS_WORKERS ?? 2));
const sh = promisify(execFile);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

export const makeLog =
  (scenario: string) =>
  (msg: string): void =>
    console.log(`[chaos ${scenario} ${new Date().toISOString().slice(11, 19)}] ${msg}`);

// ---------------------------------------------------------------------------------------------
// The stack's servers, by their pid files (scripts/stack.sh). Only servers of this checkout's
// .local/ are ever signalled.

export type Service = "redis" | "kafka" | "ferretdb" | "postgres";

export const Services = {
  pid(svc: Service): number {
    const pid = Number(readFileSync(resolve(ROOT, ".local/run", `${svc}.pid`), "utf8").trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid for ${svc}`);
    return pid;
  },
  signal(svc: Service, signal: NodeJS.Signals): void {
    process.kill(Services.pid(svc), signal);
  },
  /** SIGKILL, as a crash would, and wait until the process is gone. */
  async kill(svc: Service): Promise<void> {
    const pid = Services.pid(svc);
    try {
      process.kill(pid, "SIGCONT");
      process.kill(pid, "SIGKILL");
    } catch {
      return;
    }
    for (let i = 0; i < 200; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await sleep(50);
    }
    throw new Error(`${svc} (pid ${pid}) survived SIGKILL`);
  },
  /** Start whatever is stopped and wait until everything is healthy. */
  async up(): Promise<void> {
    await sh("bash", [resolve(ROOT, "scripts/stack.sh"), "up"], { timeout: 240_000 });
  },
  async restart(svc: Service, opts: { kill?: boolean } = {}): Promise<void> {
    await sh("bash", [resolve(ROOT, "scripts/stack.sh"), "restart", svc, ...(opts.kill ? ["--kill"] : [])], {
      timeout: 240_000,
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Workers as real processes, supervised the way Kubernetes supervises them.

export class WorkerPool {
  readonly procs: (ChildProcess | undefined)[] = [];
  unexpectedExits = 0;
  private closed = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: (i: number) => string,
    private readonly log: (msg: string) => void,
  ) {
    // Workers run detached in process groups of their own: never leave them behind.
    process.once("exit", () => this.stopAll());
  }

  /** Starts `count` workers and waits until each one answers its liveness probe. */
  async startAll(count: number): Promise<void> {
    await Promise.all(Array.from({ length: count }, (_, i) => this.start(i)));
    await Promise.all(this.ports.map((_, i) => this.waitLive(i)));
  }

  readonly ports: number[] = [];

  /** Waits until worker i answers /health/live (its HTTP server starts once everything runs). */
  async waitLive(i: number, timeoutMs = 120_000): Promise<void> {
    await eventually(
      // A worker restarted meanwhile listens on a port of its own: ask the current one.
      async () => (await fetch(`http://127.0.0.1:${this.ports[i]}/health/live`)).ok,
      `worker ${i} to be live`,
      timeoutMs,
      500,
    );
  }

  async start(i: number): Promise<void> {
    const file = this.logFile(i);
    mkdirSync(dirname(file), { recursive: true });
    const out = openSync(file, "a");
    this.ports[i] = await freePort();
    // The pinned Node running this suite, with tsx's loader, as scripts/stack.sh runs its tools.
    const child = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], {
      cwd: ROOT,
      env: { ...this.env, ...principalEnv(KafkaPrincipals.worker), WORKER_HTTP_PORT: String(this.ports[i]) },
      stdio: ["ignore", out, out],
      detached: true,
    });
    closeSync(out);
    this.procs[i] = child;
    child.on("exit", (code, signal) => {
      if (this.closed || this.procs[i] !== child || signal === "SIGKILL" || signal === "SIGTERM") return;
      this.unexpectedExits++;
      const errors = readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => /"(error|fatal|ERROR)"|Error:/.test(l))
        .slice(-3)
        .map((l) => l.slice(0, 600));
      this.log(
        `worker ${i} exited ${code ?? signal} unasked; restarting it. Last errors:\n${errors.join("\n")}`,
      );
      void this.start(i);
    });
  }

  /** Signals worker i's whole process group (the worker and anything it started). */
  signal(i: number, signal: NodeJS.Signals): void {
    const child = this.procs[i];
    if (!child?.pid) return;
    if (signal === "SIGKILL" || signal === "SIGTERM") this.procs[i] = undefined;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }

  stopAll(): void {
    this.closed = true;
    for (let i = 0; i < this.procs.length; i++) {
      this.signal(i, "SIGCONT");
      this.signal(i, "SIGKILL");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One scenario's run.

export interface ChaosRunOptions {
  scenario: string;
  /** Sandbox options on top of the suite's (120 products, 40 customers, 1 s ticks). */
  sandbox?: Partial<SandboxOptions>;
  /**
   * Faults SAP has from its first moment (before its simulation publishes anything): a clock
   * that runs behind from the start, not one that jumps back under data already stamped.
   */
  sandboxFaults?: FaultConfig;
  /** Worker env on top of the suite's (5 s BullMQ lock, 10 attempts from 250 ms). */
  workerEnv?: Record<string, string>;
  workers?: number;
}

/** The per-scenario line of counts the issue asks for, plus what explains them. */
export interface Figures {
  accepted: number;
  booked: number;
  failedVisible: number;
  duplicates: number;
  lost: number;
  /** The ledger's SAP sales order is not SAP's order for that purchase order, or a failure SAP did book. */
  ledgerNotSap: number;
  readModelNotLedger: number;
  statusNotSap: number;
  stockNotSap: number | null;
  historyBackwards: number | null;
}

export class ChaosRun {
  readonly run = `CH${randomBytes(3).toString("hex").toUpperCase()}`;
  readonly log: (msg: string) => void;
  sandbox!: Sandbox;
  stack!: TestStack;
  db!: Db;
  rm!: ReadModel;
  kafka!: Kafka;
  producer!: Producer;
  admin!: Admin;
  sap!: SapClient;
  workers!: WorkerPool;
  workerEnv!: NodeJS.ProcessEnv;
  customers: string[] = [];
  materials: string[] = [];
  /** Extra SAP orders for one storefront order that were cancelled afterwards (the reconciler). */
  duplicatesCancelled = 0;
  /** The open order failures `verify` found, by class and message. */
  readonly failureKinds = new Map<string, number>();
  readonly started = Date.now();

  private constructor(readonly opts: ChaosRunOptions) {
    this.log = makeLog(opts.scenario);
  }

  static async start(opts: ChaosRunOptions): Promise<ChaosRun> {
    const r = new ChaosRun(opts);
    try {
      await r.init();
    } catch (err) {
      // The test never gets the run to close: leave no worker or sandbox behind.
      await r.close().catch(() => undefined);
      throw err;
    }
    return r;
  }

  private async init() {
    const { scenario } = this.opts;
    this.sandbox = await createSandbox({
      port: 0,
      logLevel: "silent",
      products: 120,
      customers: 40,
      tickMs: 1_000,
      adminToken: "chaos",
      systemId: "S4X",
      publisher: new KafkaEventPublisher(
        createKafka({
          // As SAP's event bridge, so the brokers' ACLs apply to its writes.
          ...asPrincipal(kafkaConnection(loadEnv()), KafkaPrincipals.sapEvents),
          clientId: `chaos-sap-${this.run}`,
          retries: 3,
        }),
      ),
      // Orders move through their stages (each emitting SAP's event); nothing is cancelled or
      // changed, so SAP's final state is a pure function of its header.
      ...this.opts.sandbox,
      simulation: {
        advanceProbability: 0.3,
        modifyProbability: 0,
        cancelProbability: 0,
        receiptsPerTick: 0,
        masterDataChangeProbability: 0,
        ...this.opts.sandbox?.simulation,
      },
    });
    if (this.opts.sandboxFaults) this.sandbox.faults.set(this.opts.sandboxFaults);
    // A create SAP commits after the 5 s client timeout (the late-commit fault, 6 s after the
    // client gave up) is visible within the 15 s commit window: the worker must find it, not
    // create it again (docs/sap-fidelity.md section 8).
    this.stack = await testStack({
      SAP_BASE_URL: this.sandbox.url,
      SAP_TIMEOUT_MS: "5000",
      SAP_COMMIT_WINDOW_MS: String(LATE_COMMIT_WINDOW_MS),
    });
    this.db = createPrisma(this.stack.env.DATABASE_URL);
    this.rm = await ReadModel.connect(this.stack.env.MONGODB_URL, { appName: `chaos-${scenario}` });
    this.kafka = createKafka({ ...kafkaConnection(this.stack.env), clientId: `chaos-${this.run}` });
    this.producer = createProducer(this.kafka);
    await this.producer.connect();
    this.admin = this.kafka.admin();
    await this.admin.connect();
    this.workerEnv = {
      ...process.env,
      ...Object.fromEntries(
        Object.entries(this.stack.env).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]),
      ),
      KAFKA_GROUP_SUFFIX: this.stack.groupSuffix,
      LOG_LEVEL: "error",
      WORKER_LOCK_MS: "5000",
      ORDER_ATTEMPTS: "10",
      ORDER_BACKOFF_MS: "250",
      KAFKAJS_NO_PARTITIONER_WARNING: "1",
      ...this.opts.workerEnv,
    };
    this.sap = new SapClient({
      ...DEFAULT_RESILIENCE,
      baseUrl: this.sandbox.url,
      client: this.stack.env.SAP_CLIENT,
      language: "EN",
      auth: {
        kind: "basic",
        username: this.stack.env.SAP_USERNAME,
        password: this.stack.env.SAP_PASSWORD,
      },
    });
    const bp = await this.sap.customers.page({ top: 40, skip: 0 });
    this.customers = bp.items
      .filter((c) => !c.BusinessPartnerIsBlocked && !c.to_Customer?.OrderIsBlockedForCustomer)
      .map((c) => c.Customer)
      .filter((c): c is string => Boolean(c))
      .slice(0, 5);
    const stock = await this.sap.stock.page({ top: 300, skip: 0 });
    this.materials = [...new Set(stock.items.map((s) => s.Material))].slice(0, 30);
    if (this.customers.length === 0 || this.materials.length < 6)
      throw new Error("the sandbox has no orderable customer or too few products");
    const logFile = (i: number) => resolve(ROOT, `.local/logs/chaos-${scenario}-worker-${i}.log`);
    for (let i = 0; i < (this.opts.workers ?? WORKERS); i++) {
      mkdirSync(dirname(logFile(i)), { recursive: true });
      writeFileSync(logFile(i), "");
    }
    this.workers = new WorkerPool(this.workerEnv, logFile, this.log);
    await this.workers.startAll(this.opts.workers ?? WORKERS);
  }

  async close(): Promise<void> {
    this.workers?.stopAll();
    this.sandbox?.faults.clear();
    // A fault that left a server stopped or frozen must not outlive the scenario.
    for (const svc of ["redis", "kafka", "ferretdb"] as const) {
      try {
        Services.signal(svc, "SIGCONT");
      } catch {
        // not running: `up` below starts it
      }
    }
    await Services.up().catch((err: unknown) => this.log(`stack up after the scenario failed: ${err}`));
    await this.producer?.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
    await this.sap?.close().catch(() => undefined);
    await this.sandbox?.close();
    await this.rm?.close().catch(() => undefined);
    await this.db?.close();
    await this.stack?.close().catch((err: unknown) => this.log(`stack slice cleanup failed: ${err}`));
  }

  /** Order i of this run: client-chosen id, two lines over the run's materials. */
  order(i: number): OrderSubmitted {
    const m = this.materials;
    return {
      orderId: `${this.run}-${i}`,
      customerId: this.customers[i % this.customers.length]!,
      currency: "EUR",
      lines: [
        { sku: m[i % m.length]!, quantity: 1 + (i % 3) },
        { sku: m[(i + 11) % m.length]!, quantity: 1 },
      ],
      submittedAt: new Date().toISOString(),
      apiClientId: "chaos",
    };
  }

  /**
   * Accepts orders as the storefront intake does (the read model's RECEIVED order, then the
   * Kafka record), retrying until the broker acknowledges them. Returns their ids.
   */
  async submit(
    orders: OrderSubmitted[],
    extra: { key: string; value: string | Buffer; headers: Record<string, string> }[] = [],
  ): Promise<string[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.rm.ordersReceived(
          orders.map((o) => ({
            _id: o.orderId,
            apiClientId: o.apiClientId,
            customerId: o.customerId,
            currency: o.currency,
            lines: o.lines,
            createdAt: new Date(),
          })),
        );
        break;
      } catch (err) {
        if (attempt % 10 === 1)
          this.log(`read model refused the orders (${(err as Error).message}); retrying`);
        await sleep(500);
      }
    }
    const messages = [...orders.map((o) => orderSubmittedRecord(o)), ...extra];
    for (let attempt = 1; ; attempt++) {
      try {
        await this.producer.send({ topic: Topics.orders, acks: -1, messages });
        return orders.map((o) => o.orderId);
      } catch (err) {
        if (attempt % 10 === 1) this.log(`produce failed (${(err as Error).message}); retrying`);
        await sleep(500);
      }
    }
  }

  /** Traffic: `count` orders from number `from` on, in batches of 25 spread evenly over `seconds`. */
  async traffic(from: number, count: number, seconds: number, accepted: Set<string>): Promise<void> {
    const batches = Math.ceil(count / 25);
    const t0 = Date.now();
    for (let b = 0; b < batches; b++) {
      const orders: OrderSubmitted[] = [];
      for (let i = from + b * 25; i < from + Math.min(count, (b + 1) * 25); i++) orders.push(this.order(i));
      for (const id of await this.submit(orders)) accepted.add(id);
      const due = t0 + ((b + 1) * seconds * 1000) / batches;
      await sleep(Math.max(0, due - Date.now()));
    }
  }

  /** Waits until every accepted order is booked (ledger CREATED) or a visible, open failure. */
  async settle(accepted: Set<string>, timeoutMs = FULL ? 900_000 : 240_000, ids?: string[]): Promise<void> {
    const list = ids ?? [...accepted];
    await eventually(
      async () => {
        const created = await this.db.orderLink.count({
          where: { storefrontOrderId: { in: list }, state: "CREATED" },
        });
        const failed = await this.db.failureRecord.count({
          where: { flow: "ORDERS", state: "OPEN", errorClass: { not: "POISON" }, entityKey: { in: list } },
        });
        this.log(`settling: ${created} booked, ${failed} failed, of ${list.length}`);
        return created + failed >= list.length;
      },
      "every accepted order to be booked or failed",
      timeoutMs,
      2_000,
    ).catch((err: unknown) => this.log(`${(err as Error).message}; verifying what there is`));
  }

  /** SAP's sales orders by the storefront order id they carry (PurchaseOrderByCustomer). */
  sapOrdersByPo(ids: Set<string>): Map<string, Record<string, unknown>[]> {
    const byPo = new Map<string, Record<string, unknown>[]>();
    for (const so of this.sandbox.store.table("API_SALES_ORDER_SRV", "A_SalesOrder").scan()) {
      const po = String(so.PurchaseOrderByCustomer ?? "");
      if (!ids.has(po)) continue;
      byPo.set(po, [...(byPo.get(po) ?? []), so as Record<string, unknown>]);
    }
    return byPo;
  }

  /** SAP's storefront status of one of its sales order rows (header + items). */
  sapStatusOf(so: Record<string, unknown>): string {
    const items = this.sandbox.store.table("API_SALES_ORDER_SRV", "A_SalesOrderItem");
    return storefrontStatusOf({
      ...(so as Record<string, string | null>),
      items: [...items.where({ SalesOrder: so.SalesOrder })].map((i) => ({
        SalesDocumentRjcnReason: (i.SalesDocumentRjcnReason as string | null) ?? null,
      })),
    } as Parameters<typeof storefrontStatusOf>[0]);
  }

  /**
   * Every invariant against SAP's own records: each accepted order booked once (or a visible
   * failure SAP does not have), no second SAP sales order per purchase order, and — once SAP's
   * back office stops and its events drain — read model = ledger = SAP for every booked
   * order's status; optionally stock = SAP and status histories in time order.
   */
  async verify(
    acceptedIds: Iterable<string>,
    opts: { stock?: boolean; history?: boolean; convergeMs?: number } = {},
  ): Promise<Figures> {
    const accepted = new Set(acceptedIds);
    const byPo = this.sapOrdersByPo(accepted);
    const duplicates = [...byPo.values()].reduce((n, sos) => n + Math.max(0, sos.length - 1), 0);
    // Of the extra orders, those the reconciler cancelled (every item rejected) afterwards.
    this.duplicatesCancelled = [...byPo.values()]
      .filter((sos) => sos.length > 1)
      .reduce((n, sos) => n + sos.filter((so) => this.sapStatusOf(so) === "CANCELLED").length, 0);
    const list = [...accepted];
    const links = await this.db.orderLink.findMany({
      where: { storefrontOrderId: { in: list } },
      select: { storefrontOrderId: true, state: true, sapSalesOrder: true },
    });
    const linkById = new Map(links.map((l) => [l.storefrontOrderId, l]));
    const openFailures = new Set(
      (
        await this.db.failureRecord.findMany({
          where: { flow: "ORDERS", state: "OPEN", errorClass: { not: "POISON" }, entityKey: { in: list } },
          select: { entityKey: true, errorClass: true, message: true },
        })
      ).map((f) => {
        const why = `${f.errorClass}: ${f.message.slice(0, 100)}`;
        this.failureKinds.set(why, (this.failureKinds.get(why) ?? 0) + 1);
        return f.entityKey;
      }),
    );
    let lost = 0;
    let ledgerNotSap = 0;
    let failedVisible = 0;
    let booked = 0;
    for (const id of accepted) {
      const link = linkById.get(id);
      const inSap = byPo.get(id);
      if (link?.state === "CREATED") {
        booked++;
        if (!inSap?.some((so) => so.SalesOrder === link.sapSalesOrder)) ledgerNotSap++;
      } else if (openFailures.has(id)) {
        failedVisible++;
        if (inSap) ledgerNotSap++;
      } else lost++;
    }

    // Statuses: stop SAP's back office, let its events drain, then wait for the three to agree.
    this.sandbox.simulation.stop();
    await this.sandbox.flushEvents();
    const counts = async () => {
      // SAP's rows as they are now (the store replaces a row on each change), by sales order.
      const now = this.sapOrdersByPo(accepted);
      const sapStatus = new Map<string, string>();
      for (const sos of now.values())
        for (const so of sos) sapStatus.set(String(so.SalesOrder), this.sapStatusOf(so));
      const rows = await this.db.orderLink.findMany({
        where: { storefrontOrderId: { in: list }, state: "CREATED" },
        select: { storefrontOrderId: true, sapStatus: true, sapSalesOrder: true },
      });
      const docs = await this.rm.orders
        .find(
          { _id: { $in: rows.map((r) => r.storefrontOrderId) } },
          { projection: { status: 1, history: 1 } },
        )
        .toArray();
      const rmById = new Map(docs.map((d) => [d._id, d]));
      let statusNotSap = 0;
      let readModelNotLedger = 0;
      let historyBackwards = 0;
      const examples: string[] = [];
      for (const r of rows) {
        const doc = rmById.get(r.storefrontOrderId);
        const sap = sapStatus.get(r.sapSalesOrder ?? "");
        if (r.sapStatus !== sap) statusNotSap++;
        if (doc?.status !== r.sapStatus) {
          readModelNotLedger++;
          if (examples.length < 3)
            examples.push(
              `${r.storefrontOrderId}: SAP ${sap}, ledger ${r.sapStatus}, read model ${doc?.status}`,
            );
        }
        const at = (doc?.history ?? []).map((h) => new Date(h.at).getTime());
        if (at.some((t, i) => i > 0 && t < (at[i - 1] ?? 0))) historyBackwards++;
      }
      return { statusNotSap, readModelNotLedger, historyBackwards, examples };
    };
    let c = await counts();
    const deadline = Date.now() + (opts.convergeMs ?? (FULL ? 300_000 : 90_000));
    while ((c.statusNotSap > 0 || c.readModelNotLedger > 0) && Date.now() < deadline) {
      await sleep(3_000);
      c = await counts();
    }
    if (c.examples.length) this.log(`read model ≠ ledger, e.g.\n  ${c.examples.join("\n  ")}`);
    const stockNotSap = opts.stock ? await this.stockMismatches() : null;
    return {
      accepted: accepted.size,
      booked,
      failedVisible,
      duplicates,
      lost,
      ledgerNotSap,
      readModelNotLedger: c.readModelNotLedger,
      statusNotSap: c.statusNotSap,
      stockNotSap,
      historyBackwards: opts.history ? c.historyBackwards : null,
    };
  }

  /** Stock levels in the read model that differ from SAP's, after the stock events drained. */
  async stockMismatches(convergeMs = FULL ? 180_000 : 60_000): Promise<number> {
    const count = async () => {
      const docs = await this.rm.stock.find({}).toArray();
      const sap = new Map<string, number>();
      for (const row of this.sandbox.store.table("API_MATERIAL_STOCK_SRV", "A_MatlStkInAcctMod").scan()) {
        // What the storefront may sell: unrestricted-use own stock, not consignment or a
        // customer's sales-order stock (docs/sap-fidelity.md, stock).
        if (row.InventoryStockType !== "01" || (row.InventorySpecialStockType ?? "") !== "") continue;
        const k = `${row.Material}|${row.Plant}`;
        sap.set(k, (sap.get(k) ?? 0) + Number(row.MatlWrhsStkQtyInMatlBaseUnit ?? 0));
      }
      let bad = 0;
      for (const [k, q] of sap) {
        const doc = docs.find((d) => d._id === k);
        if ((doc?.quantity ?? 0) !== q) bad++;
      }
      return { bad, of: sap.size };
    };
    let c = await count();
    const deadline = Date.now() + convergeMs;
    while (c.bad > 0 && Date.now() < deadline) {
      await sleep(3_000);
      c = await count();
    }
    this.log(`stock: ${c.bad} of ${c.of} product/plant levels differ from SAP`);
    return c.bad;
  }

  /** The per-scenario line of counts the issue asks for, and a few lines of context. */
  print(f: Figures, extra: Record<string, string | number> = {}): void {
    const line = [
      `accepted ${f.accepted}`,
      `booked ${f.booked}`,
      `duplicates ${f.duplicates}`,
      `lost ${f.lost}`,
      `read model ≠ ledger ${f.readModelNotLedger}`,
      `stock ≠ SAP ${f.stockNotSap ?? "n/a"}`,
    ].join(", ");
    const more = {
      "visible failures": `${f.failedVisible}${this.failureKinds.size ? ` ${JSON.stringify(Object.fromEntries(this.failureKinds))}` : ""}`,
      "ledger ≠ SAP (order)": f.ledgerNotSap,
      "duplicates cancelled afterwards": this.duplicatesCancelled,
      "second creates SAP refused (V4/115)": this.sandbox.stats.duplicatePurchaseOrdersRefused ?? 0,
      "ledger status ≠ SAP": f.statusNotSap,
      ...(f.historyBackwards !== null ? { "histories running backwards": f.historyBackwards } : {}),
      "worker exits nobody asked for": this.workers.unexpectedExits,
      "SAP events published / send failures retried": `${this.sandbox.stats.eventsPublished} / ${this.sandbox.stats.eventPublishFailures}`,
      ...extra,
      "wall time": `${Math.round((Date.now() - this.started) / 1000)} s`,
    };
    console.log(
      `CHAOS ${this.opts.scenario}: ${line}\n${Object.entries(more)
        .map(([k, v]) => `  ${k.padEnd(44)} ${v}`)
        .join("\n")}`,
    );
  }
}

/** Redis's incremental append-only files now (Redis 7's multi-part AOF), with their sizes. */
export function aofFiles(): { path: string; size: number }[] {
  const dir = resolve(ROOT, ".local/redis/data/appendonlydir");
  const manifest = readdirSync(dir).find((n) => n.endsWith(".manifest"));
  if (!manifest) throw new Error(`no AOF manifest in ${dir}`);
  return readFileSync(resolve(dir, manifest), "utf8")
    .split("\n")
    .map((l) => /file (\S+) seq \d+ type i/.exec(l)?.[1])
    .filter((n): n is string => Boolean(n))
    .map((n) => ({ path: resolve(dir, n), size: statSync(resolve(dir, n)).size }));
}

/**
 * The invariants every scenario proves, each its own assertion so a failure names what broke:
 * nothing lost, nothing booked twice, the ledger's SAP order is SAP's, read model = ledger =
 * SAP for every booked order's status, and (where measured) stock = SAP and histories in time
 * order.
 */
export function expectInvariants(f: Figures): void {
  expect.soft(f.lost, "accepted orders neither booked nor a visible failure").toBe(0);
  expect.soft(f.duplicates, "extra SAP sales orders for one storefront order").toBe(0);
  expect.soft(f.ledgerNotSap, "ledger rows whose SAP order is not SAP's").toBe(0);
  expect.soft(f.statusNotSap, "booked orders whose ledger status is not SAP's").toBe(0);
  expect.soft(f.readModelNotLedger, "booked orders whose read-model status is not the ledger's").toBe(0);
  if (f.stockNotSap !== null) expect.soft(f.stockNotSap, "read-model stock levels ≠ SAP").toBe(0);
  if (f.historyBackwards !== null)
    expect.soft(f.historyBackwards, "order status histories running backwards in time").toBe(0);
  expect(f.accepted, "the scenario accepted orders at all").toBeGreaterThan(0);
}
