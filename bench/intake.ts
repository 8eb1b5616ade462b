/**
 * Benchmark 2 — order intake.
 *
 * `POST /api/storefront/v1/orders` under load (autocannon in its own process, keep-alive,
 * C connections, a fresh Idempotency-Key per request), against the floor it stands on: a raw
 * kafkajs producer sending the same CloudEvents with the same acks, C sends in flight, in the
 * same run. The API does more per order (token check, rate limit, idempotency record, customer
 * and catalog checks, ledger row, read-model order, then the same Kafka send), so the ratio
 * says what that costs. The handler is served by node:http here, as the tests serve it; Next's
 * own routing is not in the figure. Between the two, the same server and load against a
 * handler that does no work: the HTTP floor, the most any API could answer here.
 *
 *   npm run bench -- intake [seconds] ; env BENCH_CONNECTIONS (20), BENCH_CPU_PROFILE (a file)
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { type OrderSubmitted, orderSubmittedRecord, Topics } from "@icp/domain";
import { createSandbox } from "@icp/sap-sandbox";
import { groupCommitStats, singleFlightStats } from "@icp/storefront-api";
import { startWorker } from "@icp/worker";
import { resyncNow, testStack } from "../tests/integration/harness";
import {
  clientCredentialsToken,
  createApiClient,
  serveFetchHandler,
  startStorefrontApi,
} from "../tests/integration/storefront-server";
import { coresBusy, cpuByProcess } from "./processes";
import { machine, markdownTable, table, writeSection } from "./report";

/** With BENCH_CPU_PROFILE=file, a V8 CPU profile of this process during the API run only. */
async function startProfile(file: string | undefined) {
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile of the API run: ${file}`);
    },
  };
}

const SECONDS = Number(process.argv[2] ?? process.env.BENCH_SECONDS ?? 20);
const C = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ROOT = resolve(import.meta.dirname, "..");

const sandbox = await createSandbox({ port: 0, logLevel: "silent", products: 60, customers: 20, tickMs: 0 });
const stack = await testStack({
  SAP_BASE_URL: sandbox.url,
  ORDERS_BACKPRESSURE_HIGH: "1000000",
  ORDERS_BACKPRESSURE_LOW: "1",
});
// The worker fills the read model (catalog, stock, customers), then stops: intake alone is measured.
const worker = await startWorker(stack.env, { groupSuffix: stack.groupSuffix, http: false });
for (const entity of ["PRODUCTS", "STOCK", "CUSTOMERS"] as const)
  await resyncNow(worker.db, stack.env.REDIS_URL, entity);
const stocked = await worker.rm.stock
  .aggregate<{ _id: string; q: number }>([
    { $group: { _id: "$sku", q: { $sum: "$quantity" } } },
    { $match: { q: { $gt: 1_000 } } },
    { $limit: 1 },
  ])
  .toArray();
const sku = stocked[0]?._id;
const customer = (await worker.rm.customers.findOne({ blocked: false }))?._id;
if (!sku || !customer) throw new Error("no stocked product or open customer after the resync");
await createApiClient(worker.db, {
  clientId: "bench",
  name: "Benchmark",
  secret: "bench-secret",
  scopes: ["orders:write"],
  rateLimitPerMinute: 10_000_000,
});
await worker.close();
// The API with its own connections, as the console process has them.
const server = await startStorefrontApi(stack.env, {
  name: "bench-intake",
  rateLimitPrefix: `bench:${stack.groupSuffix}:`,
});
const { db, producer } = server;

try {
  const access_token = await clientCredentialsToken(server.url, "bench", "bench-secret");

  const load = async (url: string) =>
    JSON.parse(
      (
        await promisify(execFile)(
          process.execPath,
          [
            resolve(ROOT, "bench/load.mjs"),
            url,
            access_token,
            JSON.stringify({ customerId: customer, lines: [{ sku, quantity: 1 }] }),
            String(C),
            String(SECONDS),
          ],
          { maxBuffer: 64 * 2 ** 20 },
        )
      ).stdout,
    ) as {
      latency: { p50: number; p99: number };
      "2xx": number;
      non2xx: number;
      errors: number;
      cpuMs: number;
    };

  // 1. The API, from another process.
  console.log(`intake: ${SECONDS} s at ${C} connections against POST /orders …`);
  // The API runs in this process: how busy its event loop and how much CPU per order.
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const machine0 = cpuByProcess("API (bench process)");
  const profiling = await startProfile(process.env.BENCH_CPU_PROFILE);
  const ac = await load(`${server.url}/orders`);
  await profiling?.stop();
  const busy = coresBusy(machine0, cpuByProcess("API (bench process)"), SECONDS);
  const elu = performance.eventLoopUtilization(elu0).utilization;
  const cpu = process.cpuUsage(cpu0);
  const batches = groupCommitStats();
  const reads = singleFlightStats();
  const apiRps = ac["2xx"] / SECONDS;
  const cpuPerOrderMs = (cpu.user + cpu.system) / 1000 / Math.max(1, ac["2xx"]);
  const accepted = await db.orderLink.count();

  // 1b. The HTTP floor: the same server and load, a handler that reads the body and answers
  //     202 without any work. What this machine's HTTP alone allows.
  const bare = await serveFetchHandler(async (req) => {
    await req.arrayBuffer();
    return Response.json({ status: "RECEIVED" }, { status: 202 });
  });
  let floor: Awaited<ReturnType<typeof load>>;
  try {
    console.log(`HTTP floor: ${SECONDS} s at ${C} connections against a handler that does nothing …`);
    floor = await load(`${bare.url}/orders`);
  } finally {
    bare.close();
  }
  const floorRps = floor["2xx"] / SECONDS;

  // 2. The floor: the same events, straight to Kafka, C sends in flight.
  console.log(`raw producer: ${SECONDS} s with ${C} sends in flight …`);
  const latencies: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (Date.now() < until) {
        const orderId = `RAW-${n++}`;
        const data: OrderSubmitted = {
          orderId,
          customerId: customer,
          currency: "EUR",
          lines: [{ sku, quantity: 1 }],
          submittedAt: new Date().toISOString(),
          apiClientId: "bench",
        };
        const rec = orderSubmittedRecord(data);
        const t0 = performance.now();
        await producer.send({
          topic: Topics.orders,
          acks: -1,
          messages: [rec],
        });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const rawRps = latencies.length / SECONDS;

  const rows: [string, string][] = [
    ["load", `${SECONDS} s each, ${C} concurrent requests / sends`],
    ["API: orders accepted (202) per second", apiRps.toFixed(1)],
    ["API: latency p50 / p99", `${ac.latency.p50} ms / ${ac.latency.p99} ms`],
    ["API: non-2xx answers / errors", `${ac.non2xx} / ${ac.errors}`],
    ["API: ledger rows written", String(accepted)],
    [
      "API process: event loop utilisation / CPU per accepted order",
      `${elu.toFixed(2)} / ${cpuPerOrderMs.toFixed(1)} ms`,
    ],
    [
      "API run: cores busy by process (2 cores in all)",
      [...busy, ["autocannon (load generator)", ac.cpuMs / 1000 / SECONDS] as [string, number]]
        .map(([name, cores]) => `${name} ${cores.toFixed(2)}`)
        .join(", "),
    ],
    [
      "API: mean orders per round trip (group commit)",
      Object.entries(batches)
        .map(([name, b]) => `${name} ${(b.items / Math.max(1, b.batches)).toFixed(1)}`)
        .join(", "),
    ],
    [
      "API: reads asked for per read made (requests sharing one in flight)",
      Object.entries(reads)
        .map(([name, r]) => `${name} ${(r.gets / Math.max(1, r.loads)).toFixed(1)}`)
        .join(", "),
    ],
    [
      "HTTP floor (same server and load, handler does no work): answers per second, p50 / p99",
      `${floorRps.toFixed(1)}, ${floor.latency.p50} ms / ${floor.latency.p99} ms`,
    ],
    ["raw kafkajs producer: messages per second", rawRps.toFixed(1)],
    ["raw producer: latency p50 / p99", `${pct(50).toFixed(1)} ms / ${pct(99).toFixed(1)} ms`],
    ["ratio API / raw producer", `**${(apiRps / rawRps).toFixed(3)}** (target ≥ 0.5)`],
    ["ratio HTTP floor / raw producer (the most any API could reach here)", (floorRps / rawRps).toFixed(3)],
  ];
  console.log(table(rows.map(([k, v]) => [k, v.replaceAll("**", "")])));
  writeSection(
    "intake",
    `## 2. Order intake\n\n${machine()}\n\n${markdownTable(rows)}\n\nautocannon ran as a separate process on the same 2 cores; the API and the raw producer share the local stack's Kafka, PostgreSQL, Redis and FerretDB. Per order the API does what the raw producer does (one Kafka send) and more: the token and client check, the rate limit in Redis, the idempotency key, the customer, catalog and stock checks in FerretDB, the ledger row with its event, then the ledger's Kafka position with its event and the stored answer (one statement), and the read model's order. Concurrent requests share these round trips (group commit; "orders per round trip" above), so there are fewer of them the higher the load. On this VM a loopback socket write costs the writer the receiver's work too (about 0.2 ms per write to PostgreSQL, measured by CPU profile), and all of it shares two cores with the stores and the load generator ("cores busy" above).`,
  );
} finally {
  await server.close();
  await sandbox.close();
  await stack.close();
}
