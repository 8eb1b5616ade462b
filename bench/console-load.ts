/**
 * Benchmark 5 — the console's dashboard under load.
 *
 * The Overview page's refresh (alerts: consumer lag, topics, failures, SAP health; flows;
 * SAP; lag and queue history; the pipeline panel's live lag and BullMQ counts) is called every
 * 250 ms by bench/console-sampler.ts — a process of its own, as the console is — through
 * `appRouter.createCaller` with the console's real adapters over the local stack's Kafka,
 * Redis and PostgreSQL. First with the pipeline idle (the floor, same run), then while
 * benchmark 1's load runs (bench/sap-load.ts: a backlog of orders pushed through the worker
 * into a slowed SAP, the worker sampling lag and queues every 10 s as in production).
 * Reported: refresh p50/p99 under load (target p99 < 200 ms) and p99 under load ÷ p99 idle.
 *
 *   npm run bench -- console [orders] ; env BENCH_CONSOLE_IDLE_S (10), BENCH_SAP_LATENCY_MS (250),
 *   BENCH_SAP_CONCURRENCY (8)
 */
import { createInterface } from "node:readline";
import { KafkaPrincipals } from "@icp/messaging";
import { principalEnv } from "../scripts/stack/principals";
import type { DashboardSample } from "./console-sampler";
import { envVars, type NodeChild, startNode } from "./processes";
import { machine, markdownTable, percentile, table, writeSection } from "./report";
import { runSapLoad } from "./sap-load";

const ORDERS = Number(process.argv[2] ?? process.env.BENCH_ORDERS ?? 2_000);
const L = Number(process.env.BENCH_SAP_LATENCY_MS ?? 250);
const C = Number(process.env.BENCH_SAP_CONCURRENCY ?? 8);
const IDLE_S = Number(process.env.BENCH_CONSOLE_IDLE_S ?? 10);
const EVERY_MS = 250;

const samples: DashboardSample[] = [];
let sampler: NodeChild | undefined;
let idleFrom = 0;
let loadFrom = 0;
let loadTo = 0;

try {
  const sap = await runSapLoad(
    { orders: ORDERS, latencyMs: L, concurrency: C, sampleEveryMs: 10_000 },
    {
      async beforeLoad({ stack }) {
        const child = startNode(
          "bench/console-sampler.ts",
          {
            ...process.env,
            ...envVars(stack.env),
            ...principalEnv(KafkaPrincipals.console),
            BENCH_GROUP_SUFFIX: stack.groupSuffix,
            BENCH_EVERY_MS: String(EVERY_MS),
            LOG_LEVEL: "warn",
            KAFKAJS_NO_PARTITIONER_WARNING: "1",
          },
          { nodeArgs: ["--conditions=react-server"], stdout: "pipe" },
        );
        sampler = child;
        const out = child.child.stdout;
        if (!out) throw new Error("the console sampler has no stdout");
        const ready = new Promise<void>((resolve, reject) => {
          child.child.once("exit", (code) =>
            reject(new Error(`console sampler exited (${code}):\n${child.stderrTail()}`)),
          );
          const lines = createInterface({ input: out });
          lines.on("line", (line) => {
            const msg = JSON.parse(line) as DashboardSample | { ready: true };
            if ("ready" in msg) resolve();
            else samples.push(msg);
          });
        });
        await ready;
        console.log(`console: dashboard every ${EVERY_MS} ms, ${IDLE_S} s idle first …`);
        idleFrom = Date.now();
        await new Promise((r) => setTimeout(r, IDLE_S * 1000));
        loadFrom = Date.now();
      },
      async afterLoad() {
        loadTo = Date.now();
        await sampler?.stop();
      },
    },
  );

  const idle = samples.filter((s) => s.at >= idleFrom && s.at < loadFrom);
  const load = samples.filter((s) => s.at >= loadFrom && s.at <= loadTo);
  const sorted = (xs: DashboardSample[], pick: (s: DashboardSample) => number | undefined) =>
    xs
      .map(pick)
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b);
  const idleMs = sorted(idle, (s) => s.ms);
  const loadMs = sorted(load, (s) => s.ms);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const errors = [...idle, ...load].flatMap((s) => s.errors);
  const procs = Object.keys(load[0]?.procs ?? idle[0]?.procs ?? {});
  const perProc = procs
    .map((name) => {
      const xs = sorted(load, (s) => s.procs[name]);
      return { name, p50: percentile(xs, 50), p99: percentile(xs, 99) };
    })
    .sort((a, b) => b.p99 - a.p99);
  const ratio = percentile(loadMs, 99) / Math.max(1, percentile(idleMs, 99));

  const rows: [string, string][] = [
    [
      "load: benchmark 1's run",
      `${ORDERS} orders, create ${L} ms, cap ${C}: ${sap.throughput.toFixed(1)} orders/s (efficiency ${sap.efficiency.toFixed(3)}) over ${((loadTo - loadFrom) / 1000).toFixed(0)} s`,
    ],
    ["dashboard refresh", `${procs.length} procedures in parallel: ${procs.join(", ")}`],
    ["refreshes measured: idle / under load", `${idle.length} / ${load.length} (every ${EVERY_MS} ms)`],
    ["errors", errors.length ? `${errors.length}: ${[...new Set(errors)].slice(0, 3).join("; ")}` : "0"],
    ["idle: p50 / p99", `${ms(percentile(idleMs, 50))} / ${ms(percentile(idleMs, 99))}`],
    [
      "under load: p50 / p99 / max",
      `${ms(percentile(loadMs, 50))} / **${ms(percentile(loadMs, 99))}** / ${ms(loadMs.at(-1) ?? 0)} (target p99 < 200 ms)`,
    ],
    ["ratio p99 under load / p99 idle", `**${ratio.toFixed(2)}**`],
    [
      "per procedure under load, p50 / p99 (slowest first)",
      perProc.map((p) => `${p.name} ${ms(p.p50)} / ${ms(p.p99)}`).join("; "),
    ],
  ];
  console.log(table(rows.map(([k, v]) => [k, v.replaceAll("**", "")])));
  writeSection(
    "console-load",
    `## 5. Console dashboard under load\n\n${machine()}\n\n${markdownTable(rows)}\n\nThe procedures ran in their own process through \`appRouter.createCaller\` with the console's adapters (apps/console/src/server: Kafka admin, BullMQ queues, SAP health) on the local stack's Kafka, Redis and PostgreSQL; no Next.js and no HTTP in the figure. The load ran in the benchmark's process (worker and SAP sandbox) on the same machine. Lag is read for the benchmark worker's consumer groups.`,
  );
  if (!sap.ok || load.length === 0 || errors.length > 0) {
    // Say why: the load's own figures (every order booked once, cap held) or the sampler's.
    if (!sap.ok)
      console.error(`the load did not book every order exactly once within the cap:\n${table(sap.rows)}`);
    if (errors.length > 0) console.error(`dashboard errors: ${errors.slice(0, 5).join("; ")}`);
    process.exitCode = 1;
  }
} finally {
  await sampler?.stop();
}
