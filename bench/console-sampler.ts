/**
 * The console's Overview page, refreshed every BENCH_EVERY_MS by a process of its own (as the
 * console is one): the tRPC procedures the page and its pipeline panel call, through
 * `appRouter.createCaller` with the services the console builds (consoleApiServices in
 * apps/console/src/server/api-services.ts) over connections of its own — a Kafka admin, BullMQ
 * queues on Redis, Prisma on PostgreSQL, the SAP health check. No Next build and no HTTP layer: the figure is the
 * procedures and the stores behind them.
 *
 * Started by bench/console-load.ts with `--conditions=react-server` (the adapters import
 * "server-only"); the environment is the benchmark's stack, BENCH_GROUP_SUFFIX names the
 * benchmark worker's consumer groups. Writes one JSON line per refresh to stdout.
 */
import { loadEnv } from "@icp/config";
import { openConsoleCaller } from "./console-services";

/** One refresh of the dashboard, as the sampler reports it. */
export interface DashboardSample {
  /** Start of the refresh (ms since the epoch). */
  at: number;
  /** Until the last procedure answered. */
  ms: number;
  procs: Record<string, number>;
  errors: string[];
}

const env = loadEnv();
const EVERY_MS = Number(process.env.BENCH_EVERY_MS ?? 250);
const consoleApi = await openConsoleCaller(
  env,
  process.env.BENCH_GROUP_SUFFIX ? { groupSuffix: process.env.BENCH_GROUP_SUFFIX } : {},
);
const caller = consoleApi.caller;

/** What the Overview page (apps/console/src/components/overview-view.tsx) asks for on each refresh. */
const DASHBOARD: [string, () => Promise<unknown>][] = [
  ["overview.alerts", () => caller.overview.alerts()],
  ["overview.flows", () => caller.overview.flows()],
  ["overview.sap", () => caller.overview.sap()],
  ["kafka.lagHistory", () => caller.kafka.lagHistory({ minutes: 60 })],
  ["queues.history", () => caller.queues.history({ minutes: 60 })],
  ["pipeline.health", () => caller.pipeline.health()],
];

async function refresh(): Promise<DashboardSample> {
  const at = Date.now();
  const t0 = performance.now();
  const procs: Record<string, number> = {};
  const errors: string[] = [];
  await Promise.all(
    DASHBOARD.map(async ([name, call]) => {
      const p0 = performance.now();
      try {
        await call();
      } catch (err) {
        errors.push(`${name}: ${(err as Error).message}`);
      }
      procs[name] = performance.now() - p0;
    }),
  );
  return { at, ms: performance.now() - t0, procs, errors };
}

let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});
// Warm up: connections, Prisma's first queries, the admin's metadata.
for (let i = 0; i < 3; i++) await refresh();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
let next = performance.now();
while (!stopping) {
  const sample = await refresh();
  process.stdout.write(`${JSON.stringify(sample)}\n`);
  next += EVERY_MS;
  const wait = next - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  else next = performance.now();
}
await consoleApi.close();
process.exit(0);
