/**
 * Benchmark 7 — every console page on 30 days of a busy shop (issue 18).
 *
 * The database: BENCH_SCALE_URL (one `npm run seed:scale` already filled), else a database of
 * its own, migrated and seeded here (scripts/seed-scale.ts at BENCH_SCALE, default 1: 1M orders,
 * 10M events, 100k failures, 300k deliveries, 100k audit entries, a sweep every 5 s for 30
 * days) and dropped afterwards unless BENCH_SCALE_KEEP=1.
 *
 * The load: bench 5's console load — bench/console-sampler.ts in a process of its own refreshing
 * the Overview every 250 ms against the seeded database — runs throughout.
 *
 * Measured: each page as the console loads it (apps/console/src/components/*-view.tsx: the
 * procedures the page asks for at once, in parallel, through the console's own services and
 * `appRouter.createCaller`), BENCH_SCALE_ROUNDS times (default 60) one after the other: the
 * page's time is its slowest procedure. Beside it, its raw baseline in the same run: the exact
 * SQL statements (text and parameters, captured at the pg pool under Prisma) the page sent,
 * replayed through a plain `pg` pool in parallel the same number of times — what the page costs
 * in PostgreSQL alone. Kafka admin and BullMQ calls have no SQL and are in the page's time only.
 *
 *   npm run bench -- console-scale ; env BENCH_SCALE_URL, BENCH_SCALE, BENCH_SCALE_ROUNDS, BENCH_SCALE_KEEP
 */
import { type LocalEnv, parseEnv } from "@icp/config";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { KafkaPrincipals } from "@icp/messaging";
import pg from "pg";
import { seedScale } from "../scripts/seed-scale";
import { principalEnv } from "../scripts/stack/principals";
import type { DashboardSample } from "./console-sampler";
import { openConsoleCaller } from "./console-services";
import { type NodeChild, startNode } from "./processes";
import { machine, markdownTable, percentile, table, writeSection } from "./report";

const ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 60);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const TARGET_MS = 300;

type Caller = Awaited<ReturnType<typeof openConsoleCaller>>["caller"];
type Page = { page: string; calls: [string, (c: Caller) => Promise<unknown>][] };

// ── SQL capture at the pg pool Prisma's adapter queries through ──────────────────────────────
type Stmt = { text: string; values: unknown[] };
let capture: Stmt[] | null = null;
const poolQuery = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const q = args[0] as { text?: string; values?: unknown[] } | string;
  if (capture) {
    if (typeof q === "string") capture.push({ text: q, values: (args[1] as unknown[]) ?? [] });
    else if (q?.text) capture.push({ text: q.text, values: q.values ?? [] });
  }
  return poolQuery.apply(this, args);
} as typeof pg.Pool.prototype.query;

function pages(ids: { order: string; failure: string; audit: string; sku: string }): Page[] {
  return [
    {
      page: "Overview (1 h)",
      calls: [
        ["overview.flows", (c) => c.overview.flows()],
        ["overview.alerts", (c) => c.overview.alerts()],
        ["overview.sap", (c) => c.overview.sap()],
        ["overview.lagHistory 1 h", (c) => c.overview.lagHistory({ minutes: 60 })],
        ["overview.thresholds", (c) => c.overview.thresholds()],
        ["queues.history 1 h", (c) => c.queues.history({ minutes: 60 })],
        ["pipeline.health", (c) => c.pipeline.health()],
      ],
    },
    {
      page: "Overview charts 24 h",
      calls: [
        ["overview.lagHistory 24 h", (c) => c.overview.lagHistory({ minutes: 1440 })],
        ["queues.history 24 h", (c) => c.queues.history({ minutes: 1440 })],
      ],
    },
    {
      page: "Overview charts 7 d",
      calls: [
        ["overview.lagHistory 7 d", (c) => c.overview.lagHistory({ minutes: 7 * 1440 })],
        ["queues.history 7 d", (c) => c.queues.history({ minutes: 7 * 1440 })],
      ],
    },
    {
      page: "Orders",
      calls: [["orders.list p1", (c) => c.orders.list({ page: 1, pageSize: 25 })]],
    },
    {
      page: "Orders, search by SKU",
      calls: [["orders.list q=SKU", (c) => c.orders.list({ page: 1, pageSize: 25, q: ids.sku })]],
    },
    {
      page: "Orders, page 400",
      calls: [["orders.list p400", (c) => c.orders.list({ page: 400, pageSize: 25 })]],
    },
    {
      page: "Order trace",
      calls: [["orders.trace", (c) => c.orders.trace({ storefrontOrderId: ids.order })]],
    },
    {
      page: "Failures (inbox)",
      calls: [
        ["failures.list", (c) => c.failures.list({ page: 1, pageSize: 25 })],
        ["failures.sapErrorCodes", (c) => c.failures.sapErrorCodes()],
      ],
    },
    {
      page: "Failures, grouped by SAP code",
      calls: [["failures.groups", (c) => c.failures.groups({ by: "sapErrorCode" })]],
    },
    {
      page: "Failure detail",
      calls: [["failures.get", (c) => c.failures.get({ id: ids.failure })]],
    },
    {
      page: "Audit",
      calls: [
        ["audit.list", (c) => c.audit.list({ page: 1, pageSize: 25 })],
        ["audit.actions", (c) => c.audit.actions()],
      ],
    },
    {
      page: "Audit detail",
      calls: [["audit.get", (c) => c.audit.get({ id: ids.audit })]],
    },
    {
      page: "Kafka",
      calls: [
        ["kafka.topics", (c) => c.kafka.topics()],
        ["kafka.groups", (c) => c.kafka.groups()],
      ],
    },
    {
      page: "Queues",
      calls: [
        ["queues.list", (c) => c.queues.list()],
        [
          "queues.jobs",
          (c) => c.queues.jobs({ queue: "orders-to-sap", state: "failed", page: 1, pageSize: 20 }),
        ],
      ],
    },
    {
      page: "Resync",
      calls: [
        ["resync.active", (c) => c.resync.active()],
        ["resync.list", (c) => c.resync.list({ page: 1, pageSize: 20 })],
      ],
    },
    {
      page: "Replay",
      calls: [["replay.list", (c) => c.replay.list({ page: 1, pageSize: 15 })]],
    },
    {
      page: "Settings",
      calls: [
        ["settings.apiClients.list", (c) => c.settings.apiClients.list({ page: 1, pageSize: 20 })],
        ["settings.webhooks.list", (c) => c.settings.webhooks.list()],
        ["settings.webhooks.deliveries", (c) => c.settings.webhooks.deliveries({ page: 1, pageSize: 15 })],
        ["settings.users", (c) => c.settings.users()],
      ],
    },
  ];
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

let database: TestDatabase | undefined;
let sampler: NodeChild | undefined;
let raw: pg.Pool | undefined;
let consoleApi: Awaited<ReturnType<typeof openConsoleCaller>> | undefined;
try {
  let url = process.env.BENCH_SCALE_URL;
  const seedRows: [string, string][] = [];
  if (!url) {
    database = await createTestDatabase();
    await migrate(database.url, MIGRATIONS_DIR);
    url = database.url;
    console.log(`console-scale: seeding 30 days at scale ${SCALE} into ${database.name} …`);
    const t0 = performance.now();
    const seeded = await seedScale(url, { scale: SCALE, days: 30, log: (l) => console.log(`  ${l}`) });
    seedRows.push([
      "seed (this run)",
      `${seeded.orders} orders, ${seeded.events} events, ${seeded.failures} failures, ${seeded.lagSamples} lag + ${seeded.queueSamples} queue samples in ${((performance.now() - t0) / 1000).toFixed(0)} s (${Object.entries(
        seeded.ms,
      )
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)} s`)
        .join(", ")})`,
    ]);
  }
  const envSource = { ...process.env, ...principalEnv(KafkaPrincipals.console), DATABASE_URL: url };
  const env: LocalEnv = parseEnv(envSource);
  raw = new pg.Pool({ connectionString: url, max: 5 });
  const counts = (
    await raw.query<Record<string, string>>(
      `select (select count(*) from order_link) as orders, (select count(*) from order_event) as events,
              (select count(*) from failure_record) as failures, (select count(*) from lag_sample) as lag,
              (select count(*) from queue_sample) as queue, (select count(*) from audit_log) as audit,
              (select count(*) from webhook_delivery) as deliveries,
              pg_size_pretty(pg_database_size(current_database())) as size`,
    )
  ).rows[0] as Record<string, string>;
  const idRow = (
    await raw.query<{ order: string; failure: string; audit: string }>(
      `select (select storefront_order_id from order_link order by received_at desc limit 1 offset 5000) as order,
              (select id::text from failure_record where state = 'OPEN' order by created_at desc limit 1) as failure,
              (select id::text from audit_log order by at desc limit 1 offset 100) as audit`,
    )
  ).rows[0];
  if (!idRow) throw new Error("the seeded database is empty");
  const ids = { ...idRow, sku: "TG0042" };

  // The existing console load: the Overview refreshed every 250 ms by a process of its own.
  const loadSamples: DashboardSample[] = [];
  const child = startNode(
    "bench/console-sampler.ts",
    { ...envSource, LOG_LEVEL: "warn", KAFKAJS_NO_PARTITIONER_WARNING: "1" },
    { nodeArgs: ["--conditions=react-server"], stdout: "pipe" },
  );
  sampler = child;
  await new Promise<void>((resolve, reject) => {
    child.child.once("exit", (code) =>
      reject(new Error(`console sampler exited (${code}):\n${child.stderrTail()}`)),
    );
    let buf = "";
    child.child.stdout?.on("data", (c: Buffer) => {
      buf += c.toString("utf8");
      for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
        const msg = JSON.parse(buf.slice(0, i)) as DashboardSample | { ready: true };
        buf = buf.slice(i + 1);
        if ("ready" in msg) resolve();
        else loadSamples.push(msg);
      }
    });
  });

  consoleApi = await openConsoleCaller(env);
  const caller = consoleApi.caller;
  const results: {
    page: string;
    p50: number;
    p99: number;
    rawP50: number;
    rawP99: number;
    statements: number;
    procs: { name: string; p99: number }[];
    slowest: { text: string; ms: number }[];
    errors: string[];
  }[] = [];
  const loadFrom = Date.now();
  for (const p of pages(ids)) {
    const errors: string[] = [];
    const run = () =>
      Promise.all(
        p.calls.map(async ([name, call]) => {
          const t0 = performance.now();
          try {
            await call(caller);
          } catch (err) {
            errors.push(`${name}: ${(err as Error).message.slice(0, 200)}`);
          }
          return [name, performance.now() - t0] as const;
        }),
      );
    // Warm (connections, plans), then capture one load's SQL.
    await run();
    capture = [];
    await run();
    const statements = capture;
    capture = null;
    const pageMs: number[] = [];
    const procMs = new Map<string, number[]>();
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      const per = await run();
      pageMs.push(performance.now() - t0);
      for (const [name, v] of per) procMs.set(name, [...(procMs.get(name) ?? []), v]);
    }
    // The raw baseline: the same statements, straight to PostgreSQL, in parallel, as often.
    const pool = raw;
    const replay = () => Promise.all(statements.map((s) => pool.query({ text: s.text, values: s.values })));
    await replay();
    const rawMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) rawMs.push(await timed(replay));
    const perStmt = await Promise.all(
      statements.map(async (s) => ({
        text: s.text,
        ms: await timed(() => pool.query({ text: s.text, values: s.values })),
      })),
    );
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const r = {
      page: p.page,
      p50: percentile(sorted(pageMs), 50),
      p99: percentile(sorted(pageMs), 99),
      rawP50: percentile(sorted(rawMs), 50),
      rawP99: percentile(sorted(rawMs), 99),
      statements: statements.length,
      procs: [...procMs.entries()].map(([name, xs]) => ({ name, p99: percentile(sorted(xs), 99) })),
      slowest: perStmt.sort((a, b) => b.ms - a.ms).slice(0, 2),
      errors: [...new Set(errors)],
    };
    results.push(r);
    console.log(
      `  ${p.page.padEnd(32)} p50 ${ms(r.p50).padStart(7)}  p99 ${ms(r.p99).padStart(7)}   raw SQL (${r.statements}) p50 ${ms(r.rawP50).padStart(7)}  p99 ${ms(r.rawP99).padStart(7)}${r.errors.length ? `  ERRORS ${r.errors.join("; ")}` : ""}`,
    );
  }
  const loadTo = Date.now();
  await sampler.stop();
  sampler = undefined;
  const during = loadSamples.filter((s) => s.at >= loadFrom && s.at <= loadTo).map((s) => s.ms);
  during.sort((a, b) => a - b);
  const loadErrors = loadSamples.flatMap((s) => s.errors);

  const worst = results.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const rows: [string, string][] = [
    [
      "database",
      `${counts.orders} orders, ${counts.events} order events, ${counts.failures} failures, ${counts.deliveries} webhook deliveries, ${counts.audit} audit entries, ${counts.lag} lag + ${counts.queue} queue samples (5 s sweeps); ${counts.size}`,
    ],
    ...seedRows,
    [
      "console load (bench 5's)",
      `Overview refreshed every 250 ms in its own process on the same database: ${during.length} refreshes during the run, p50 ${ms(percentile(during, 50))} / p99 ${ms(percentile(during, 99))}, ${loadErrors.length} errors`,
    ],
    ["rounds per page", `${ROUNDS}, one after the other; a page = its procedures in parallel`],
    ...results.map((r): [string, string] => [
      r.page,
      `p50 ${ms(r.p50)} / p99 **${ms(r.p99)}** · raw SQL (${r.statements} stmts) p50 ${ms(r.rawP50)} / p99 ${ms(r.rawP99)}${r.errors.length ? ` · ERRORS: ${r.errors.join("; ")}` : ""}`,
    ]),
    ["slowest page p99", `**${ms(worst.p99)}** (${worst.page}; target < ${TARGET_MS} ms)`],
    [
      "slowest procedures (p99)",
      results
        .flatMap((r) => r.procs)
        .sort((a, b) => b.p99 - a.p99)
        .slice(0, 8)
        .map((p) => `${p.name} ${ms(p.p99)}`)
        .join("; "),
    ],
  ];
  console.log(table(rows.map(([k, v]) => [k, v.replaceAll("**", "")])));
  for (const r of results)
    for (const s of r.slowest)
      if (s.ms > 50)
        console.log(`  slow SQL on ${r.page} (${ms(s.ms)}): ${s.text.replace(/\s+/g, " ").slice(0, 300)}`);
  writeSection(
    "console-scale",
    `## 7. Console pages on 30 days of data\n\n${machine()}\n\n${markdownTable(rows)}\n\nSeeded by \`npm run seed:scale\` (scripts/seed-scale.ts). Each page's procedures ran through \`appRouter.createCaller\` with the console's own services (bench/console-services.ts) on the local stack (Kafka admin and BullMQ for the live panels; their time is in the page figure, not in the raw one). Raw SQL = the statements the page sent, captured at the pg pool under Prisma, replayed through a plain pg pool. Charts of 24 h and 7 d read the minute rollups; 1 h reads the raw 5 s samples.`,
  );
  if (results.some((r) => r.errors.length > 0) || loadErrors.length > 0) process.exitCode = 1;
} finally {
  await sampler?.stop();
  await consoleApi?.close();
  await raw?.end();
  if (database && process.env.BENCH_SCALE_KEEP !== "1") await database.drop();
}
