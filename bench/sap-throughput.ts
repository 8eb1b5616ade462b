/**
 * Benchmark 1 — SAP throughput efficiency.
 *
 * SAP is modelled as real S/4HANA behaves for us: each sales-order create (the deep-insert
 * POST: pricing, ATP and credit check) takes L ms, reads are fast, and we may hold at most C
 * calls at once (SAP_MAX_CONCURRENCY: dialog work processes set aside for us). The ceiling
 * is then C / L creates per second. A backlog of N orders on Kafka is pushed through the real
 * worker (Kafka → BullMQ → SAP client → ledger), and we report achieved / ceiling, the
 * end-to-end latency of each order (produced → SAP document booked), and the sandbox's own
 * count of the most creates it ever admitted at once — the proof that the cap held. The worker
 * runs as 3 processes of its own (BENCH_SAP_WORKERS), as replicas do: one cap C shared by all
 * of them through Redis (apps/worker/src/sap-slots), not C each. The run itself lives in
 * bench/sap-load.ts, which benchmark 5 reuses.
 *
 *   npm run bench -- sap [orders] ; env BENCH_SAP_LATENCY_MS (250), BENCH_SAP_CONCURRENCY (8),
 *   BENCH_SAP_WORKERS (3; 0 = one worker in the benchmark's process)
 */
import { machine, markdownTable, table, writeSection } from "./report";
import { runSapLoad } from "./sap-load";

const N = Number(process.argv[2] ?? process.env.BENCH_ORDERS ?? 5_000);
const L = Number(process.env.BENCH_SAP_LATENCY_MS ?? 250);
const C = Number(process.env.BENCH_SAP_CONCURRENCY ?? 8);
const P = Number(process.env.BENCH_SAP_WORKERS ?? 3);

const { rows, ok } = await runSapLoad({ orders: N, latencyMs: L, concurrency: C, processes: P });
console.log(table(rows.map(([k, v]) => [k, v.replaceAll("**", "")])));
writeSection(
  "sap-throughput",
  `## 1. SAP throughput efficiency\n\n${machine()}\n\n${markdownTable(rows)}\n\nSAP is the sandbox in the benchmark's process${P > 0 ? `; the worker is ${P} processes of its own, each configured with SAP_MAX_CONCURRENCY = ${C}, which since issue 18 is one cap for all of them (Redis leases; each process with its own per-process semaphore would have let ${P * C} creates reach SAP)` : ""}; Kafka, Redis, PostgreSQL and FerretDB are the local stack's real servers. Each order is one deep-insert create (${L} ms); the lookup by PurchaseOrderByCustomer runs only for orders a create was already sent for (retries, crash recovery), so none here.`,
);
if (!ok) process.exitCode = 1;
