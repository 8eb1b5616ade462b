/**
 * Benchmark 2 — order intake.
 *
 * `POST /api/storefront/v1/orders` under load (autocannon in its own process, keep-alive,
 * C connections, a fresh Idempotency-Key per request, a mix of products and customers),
 * against the floor it stands on: a raw kafkajs producer sending the same orders as the same
 * CloudEvents with the same acks, C sends in flight, in the same run. At several load levels,
 * since the API's group commit does better the more requests arrive together and the raw
 * producer does not; the headline compares the best of each. The API does more per order
 * (token check, rate limit, idempotency record, customer and catalog checks, ledger row,
 * read-model order, then the same Kafka send), so the ratio says what that costs. The handler
 * is served by node:http here, as the tests serve it; Next's own routing is not in the figure.
 * Beside them, the same server and load against a handler that does no work: the HTTP floor,
 * the most any API could answer here.
 *
 * Before the first level, both run unmeasured for BENCH_WARMUP_SECONDS at that level (JIT, pools,
 * the stores' caches and plans), as the raw producer would otherwise run warm after a cold API.
 *
 *   npm run bench -- intake [seconds per run] ; env BENCH_CONNECTIONS (levels, "20,64,256"),
 *   BENCH_WARMUP_SECONDS (5), BENCH_CPU_PROFILE (a file: a CPU profile of the API at the last level)
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
import { machine, markdownTable, percentile, table, writeSection } from "./report";

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
/** Load levels: concurrent requests for the API, sends in flight for the raw producer. */
const LEVELS = (process.env.BENCH_CONNECTIONS ?? "20,64,256").split(",").map(Number);
/** Seconds of unmeasured load before the first level, for the API and the raw producer each. */
const WARMUP_S = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const ROOT = resolve(import.meta.dirname, "..");

// A catalogue and customer base big enough that the order checks see many keys.
const sandbox = await createSandbox({
  port: 0,
  logLevel: "silent",
  products: 1_000,
  customers: 200,
  tickMs: 0,
});
const stack = await testStack({
  SAP_BASE_URL: sandbox.url,
  ORDERS_BACKPRESSURE_HIGH: "1000000",
  ORDERS_BACKPRESSURE_LOW: "1",
});
// The worker fills the read model (catalog, stock, customers), then stops: intake alone is measured.
const worker = await startWorker(stack.env, { groupSuffix: stack.groupSuffix, http: false });
for (const entity of ["PRODUCTS", "STOCK", "CUSTOMERS"] as const)
  await resyncNow(worker.db, stack.env.REDIS_URL, entity);
// The order mix: every product with stock to spare and every open customer, in turn, so the
// checks see many keys as a shop's traffic would (not one SKU that every request shares).
const skus = (
  await worker.rm.stock
    .aggregate<{ _id: string; q: number }>([
      { $group: { _id: "$sku", q: { $sum: "$quantity" } } },
      { $match: { q: { $gt: 1_000 } } },
    ])
    .toArray()
).map((s) => s._id);
const customers = (await worker.rm.customers.find({ blocked: false }).toArray()).map((c) => c._id);
if (skus.length === 0 || customers.length === 0)
  throw new Error("no stocked product or open customer after the resync");
const mix = Array.from({ length: Math.max(skus.length, customers.length) * 2 }, (_, i) => ({
  customerId: customers[i % customers.length] as string,
  lines: [{ sku: skus[i % skus.length] as string, quantity: 1 + (i % 2) }],
}));
await createApiClient(worker.db, {
  clientId: "bench",
  name: "Benchmark",
  secret: "bench-secret",
  scopes: ["orders:write"],
  rateLimitPerMinute: 10_000_000,
});
// Statistics for the store's planner, as a running shop's store has them: FerretDB answers
// dbStats by running ANALYZE on the database's tables (MongoDB only reads its counters). Freshly
// filled, the tables have none until autovacuum's next round (up to a minute), and without them
// PostgreSQL answered ~43 % of the stock lookups by reading the whole stock table (3,423
// sequential scans of 3,000 rows in one 15 s run at 20 connections, pg_stat_user_tables).
await worker.rm.db.command({ dbStats: 1 });
await worker.close();
// The API with its own connections, as the console process has them.
const server = await startStorefrontApi(stack.env, {
  name: "bench-intake",
  rateLimitPrefix: `bench:${stack.groupSuffix}:`,
});
const { db, producer } = server;

interface LoadResult {
  latency: { p50: number; p99: number };
  "2xx": number;
  non2xx: number;
  errors: number;
  cpuMs: number;
}

/** Which store each group commit and shared read of the intake talks to. */
const STORE_OF: Record<string, string> = {
  "api-client": "PostgreSQL",
  "idempotency.begin": "PostgreSQL",
  "intake.key+ledger": "PostgreSQL",
  "intake.ledger": "PostgreSQL",
  "intake.positions": "PostgreSQL",
  "intake.kafka": "Kafka",
  "intake.read-model": "FerretDB",
  "intake.product": "FerretDB",
  "intake.stock": "FerretDB",
  "intake.customer": "FerretDB",
};

/** Round trips per accepted order, per store: batches flushed plus reads made, over the orders. */
function roundTripsPerOrder(stats: [string, Record<string, number>][], orders: number): string {
  const per = new Map<string, number>();
  for (const [name, st] of stats) {
    const store = STORE_OF[name] ?? `other (${name})`;
    per.set(store, (per.get(store) ?? 0) + (st.batches ?? st.loads ?? 0));
  }
  return [...per].map(([store, n]) => `${store} ${(n / Math.max(1, orders)).toFixed(3)}`).join(", ");
}

/** Deltas of named counters between two snapshots. */
function since<T extends Record<string, number>>(before: Record<string, T>, after: Record<string, T>) {
  return Object.entries(after).map(([name, a]) => {
    const b = before[name];
    return [name, Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b?.[k] ?? 0)]))] as [
      string,
      Record<string, number>,
    ];
  });
}

try {
  const access_token = await clientCredentialsToken(server.url, "bench", "bench-secret");
  const load = async (url: string, connections: number, seconds = SECONDS): Promise<LoadResult> =>
    JSON.parse(
      (
        await promisify(execFile)(
          process.execPath,
          [
            resolve(ROOT, "bench/load.mjs"),
            url,
            access_token,
            JSON.stringify(mix),
            String(connections),
            String(seconds),
          ],
          { maxBuffer: 64 * 2 ** 20 },
        )
      ).stdout,
    ) as LoadResult;

  // The HTTP floor: the same server and load, a handler that reads the body and answers 202
  // without any work. What this machine's HTTP alone allows.
  const bare = await serveFetchHandler(async (req) => {
    await req.arrayBuffer();
    return Response.json({ status: "RECEIVED" }, { status: 202 });
  });

  /** The raw producer: `c` sends in flight for `seconds`; each send's latency (ms), sorted. */
  const rawSends = async (c: number, seconds: number, idPrefix: string): Promise<number[]> => {
    const latencies: number[] = [];
    const until = Date.now() + seconds * 1000;
    let n = 0;
    await Promise.all(
      Array.from({ length: c }, async () => {
        while (Date.now() < until) {
          const i = n++;
          const order = mix[i % mix.length] as (typeof mix)[number];
          const data: OrderSubmitted = {
            orderId: `RAW-${idPrefix}-${i}`,
            customerId: order.customerId,
            currency: "EUR",
            lines: order.lines,
            submittedAt: new Date().toISOString(),
            apiClientId: "bench",
          };
          const rec = orderSubmittedRecord(data);
          const t0 = performance.now();
          await producer.send({ topic: Topics.orders, acks: -1, messages: [rec] });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return latencies.sort((a, b) => a - b);
  };

  // Warm-up, not counted: the first level would otherwise measure a cold API (V8's JIT, the
  // pools' first connections, the stores' first plans) against a raw producer warmed by it.
  const first = LEVELS[0] ?? 20;
  let warmup = "none";
  if (WARMUP_S > 0) {
    console.log(`warm-up: ${WARMUP_S} s of the API, then of the raw producer, at ${first} (not counted) …`);
    const api = await load(`${server.url}/orders`, first, WARMUP_S);
    const raw = await rawSends(first, WARMUP_S, "WARM");
    warmup = `${WARMUP_S} s each at ${first}, not counted: API ${(api["2xx"] / WARMUP_S).toFixed(0)}/s, raw producer ${(raw.length / WARMUP_S).toFixed(0)}/s`;
  }

  const levels: { c: number; api: number; raw: number; floor: number; rows: [string, string][] }[] = [];
  for (const C of LEVELS) {
    // 1. The API, from another process (autocannon). The API runs in this process: how busy
    //    its event loop, how much CPU per order, and what every process on the machine did.
    console.log(`intake: ${SECONDS} s at ${C} connections against POST /orders …`);
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const machine0 = cpuByProcess("API (bench process)");
    const batches0 = groupCommitStats();
    const reads0 = singleFlightStats();
    const links0 = await db.orderLink.count();
    const profiling = C === LEVELS.at(-1) ? await startProfile(process.env.BENCH_CPU_PROFILE) : undefined;
    const ac = await load(`${server.url}/orders`, C);
    await profiling?.stop();
    const busy = coresBusy(machine0, cpuByProcess("API (bench process)"), SECONDS);
    const elu = performance.eventLoopUtilization(elu0).utilization;
    const cpu = process.cpuUsage(cpu0);
    // Group commits this level used (a path not taken, e.g. the fallback anchor, has no batches).
    const batches = since(batches0, groupCommitStats()).filter(([, b]) => (b.batches ?? 0) > 0);
    const reads = since(reads0, singleFlightStats());
    const links = (await db.orderLink.count()) - links0;
    const apiRps = ac["2xx"] / SECONDS;
    const cpuPerOrderMs = (cpu.user + cpu.system) / 1000 / Math.max(1, ac["2xx"]);

    console.log(`HTTP floor: ${SECONDS} s at ${C} connections against a handler that does nothing …`);
    const floor = await load(`${bare.url}/orders`, C);
    const floorRps = floor["2xx"] / SECONDS;

    // 2. The baseline: the same order mix as CloudEvents, straight to Kafka, C sends in flight.
    console.log(`raw producer: ${SECONDS} s with ${C} sends in flight …`);
    const latencies = await rawSends(C, SECONDS, String(C));
    const rawRps = latencies.length / SECONDS;

    levels.push({
      c: C,
      api: apiRps,
      raw: rawRps,
      floor: floorRps,
      rows: [
        ["API: orders accepted (202) per second", apiRps.toFixed(1)],
        ["API: latency p50 / p99", `${ac.latency.p50} ms / ${ac.latency.p99} ms`],
        ["API: non-2xx answers / errors", `${ac.non2xx} / ${ac.errors}`],
        ["API: ledger rows written", String(links)],
        [
          "API process: event loop utilisation / CPU per accepted order",
          `${elu.toFixed(2)} / ${cpuPerOrderMs.toFixed(2)} ms`,
        ],
        [
          "API run: cores busy by process (2 cores in all)",
          [...busy, ["autocannon (load generator)", ac.cpuMs / 1000 / SECONDS] as [string, number]]
            .map(([name, cores]) => `${name} ${cores.toFixed(2)}`)
            .join(", "),
        ],
        [
          "API: round trips per accepted order, by store (group commits and reads made)",
          roundTripsPerOrder([...batches, ...reads], ac["2xx"]),
        ],
        [
          "API: mean orders per round trip (group commit)",
          batches
            .map(([name, b]) => `${name} ${((b.items ?? 0) / Math.max(1, b.batches ?? 0)).toFixed(1)}`)
            .join(", "),
        ],
        [
          "API: mean wall time per round trip (group commit)",
          batches
            .map(([name, b]) => `${name} ${((b.flushMs ?? 0) / Math.max(1, b.batches ?? 0)).toFixed(1)} ms`)
            .join(", "),
        ],
        [
          "API: mean wall time per read made",
          reads
            .filter(([, r]) => (r.loads ?? 0) > 0)
            .map(([name, r]) => `${name} ${((r.loadMs ?? 0) / (r.loads ?? 1)).toFixed(1)} ms`)
            .join(", "),
        ],
        [
          "API: reads asked for per read made (requests sharing one in flight)",
          reads
            .map(([name, r]) => `${name} ${((r.gets ?? 0) / Math.max(1, r.loads ?? 0)).toFixed(1)}`)
            .join(", "),
        ],
        [
          "HTTP floor (same server and load, handler does no work): answers per second, p50 / p99",
          `${floorRps.toFixed(1)}, ${floor.latency.p50} ms / ${floor.latency.p99} ms`,
        ],
        ["raw kafkajs producer: messages per second", rawRps.toFixed(1)],
        [
          "raw producer: latency p50 / p99",
          `${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 99).toFixed(1)} ms`,
        ],
        ["ratio API / raw producer", (apiRps / rawRps).toFixed(3)],
      ],
    });
  }
  bare.close();

  const bestRaw = Math.max(...levels.map((l) => l.raw));
  const top = levels.reduce((a, b) => (b.api > a.api ? b : a));
  const summary: [string, string][] = [
    [
      "load",
      `${SECONDS} s per run; levels ${LEVELS.join(", ")} concurrent requests (API) / sends in flight (raw producer)`,
    ],
    ["warm-up (API, then raw producer)", warmup],
    [
      "order mix",
      `${skus.length} products × ${customers.length} customers, one line of 1–2 each, a fresh Idempotency-Key per request`,
    ],
    ...levels.map((l): [string, string] => [
      `ratio API / raw producer at ${l.c}`,
      `${(l.api / l.raw).toFixed(3)} (${l.api.toFixed(0)} / ${l.raw.toFixed(0)} per second)${l.c === 20 ? "; target ≥ 0.4 (issue 18)" : ""}`,
    ]),
    [
      "ratio, API's best level / raw producer's best level",
      `**${(top.api / bestRaw).toFixed(3)}** (${top.api.toFixed(0)} at ${top.c} / ${bestRaw.toFixed(0)}; target ≥ 0.6, issue 18)`,
    ],
    [
      "ratio HTTP floor / raw producer's best (the most any API could reach here)",
      (Math.max(...levels.map((l) => l.floor)) / bestRaw).toFixed(3),
    ],
  ];
  const plain = (rows: [string, string][]) =>
    rows.map(([k, v]): [string, string] => [k, v.replaceAll("**", "")]);
  for (const l of levels) console.log(`\n  at ${l.c}:\n${table(l.rows)}`);
  console.log(`\n${table(plain(summary))}`);
  writeSection(
    "intake",
    [
      `## 2. Order intake\n\n${machine()}\n\n${markdownTable(summary)}`,
      ...levels.map((l) => `### At ${l.c} concurrent requests / sends\n\n${markdownTable(l.rows)}`),
      `autocannon ran as a separate process on the same 2 cores; the API and the raw producer share the local stack's Kafka, PostgreSQL, Redis and FerretDB. The raw producer is the API's own (idempotent, acks from all replicas, one request in flight per broker, as kafkajs allows an idempotent producer), each send one order, as each request is one order. Per order the API does what the raw producer does (one Kafka send) and more: the token and client check, the rate limit in Redis, the idempotency key, the customer, catalog and stock checks in FerretDB, the ledger row with its event, then the ledger's Kafka position with its event and the stored answer (one statement), and the read model's order. Concurrent requests share these round trips (group commit; "orders per round trip"), so the API needs fewer of them the higher the load, while each raw send stays one request: at few connections the API is bound by its six round trips in a row per request, under load by CPU. On this VM a loopback socket write costs the writer the receiver's work too (about 0.2 ms per write to PostgreSQL, by CPU profile), and everything shares two cores with the stores and the load generator ("cores busy").`,
      `Two things of the stores' own decide much of it. The planner's statistics: the read model is filled by a resync just before the run, and FerretDB's \`dbStats\` has PostgreSQL analyse it, as autovacuum would within a minute in a running shop; without statistics ~43 % of the stock lookups read the whole stock table. And the ledger's pages: \`order_link\` and \`idempotency_key\` keep half of each page free (fillfactor 50, migration 20261210100000), so the Kafka position and the stored answer, written right after the insert, are updated in place without touching an index (HOT). Stock answers are kept 1 s (\`STOREFRONT_CHECK_CACHE_MS\`); no stock changes during the run. An order whose checks are all answered from memory binds its key and enters the ledger in one statement; otherwise the key is taken while the checks read, and the ledger row follows.`,
    ].join("\n\n"),
  );
} finally {
  await server.close();
  await sandbox.close();
  await stack.close();
}
