/**
 * Benchmark 3 — full product resync.
 *
 * The SAP sandbox holds N products (generated on demand from their index, so N costs SAP no
 * memory until read). A full PRODUCTS resync runs through the real worker code path — a
 * SyncRun row and a job on the master-data queue, as the console's "Resync" button and the
 * harness's resyncNow start it — with the worker as its own process: per page of 500 it reads
 * the products (with descriptions), their PR00 prices (40 materials per call) and the
 * products' image attachments (`$batch`) from SAP, and writes the page into the read model in
 * MongoDB (FerretDB). It runs twice: into an empty read model (a first load: inserts), then
 * over the loaded one (every product exists and none changed: the read model skips them by
 * their content hashes). The worker's peak RSS is the kernel's
 * VmHWM of that process, with VmRSS sampled every 100 ms alongside.
 *
 * The floor, in the same run: the very documents the resync wrote (same shape: searchText,
 * updatedAt and all), inserted with plain `insertMany`, 500 per call (the resync's page), into
 * a fresh database with the read model's indexes. Reported: resync products/s ÷ insertMany
 * docs/s (target ≥ 0.5); the second run over the unchanged catalogue against the same floor
 * (target ≥ 1.0, issue 18), with the products it wrote (0 expected). Memory: the worker's RSS
 * at each quarter of a run shows whether it grows with the catalogue (it must stay flat: the
 * 1,000,000-product target is peak RSS < 600 MiB).
 *
 *   npm run bench -- resync [products] ; env BENCH_RESYNC_PAGE (500: raw insertMany batch)
 */
import { randomBytes } from "node:crypto";
import { loadEnv } from "@icp/config";
import { createPrisma } from "@icp/db";
import { jobOf, NO_SETTINGS, Queues, resyncJob } from "@icp/domain";
import { KafkaPrincipals, redisConnection } from "@icp/messaging";
import type { ProductDoc } from "@icp/read-model";
import { Collections, ReadModel } from "@icp/read-model";
import { createSandbox } from "@icp/sap-sandbox";
import { Job, Queue } from "bullmq";
import { MongoClient } from "mongodb";
import { principalEnv } from "../scripts/stack/principals";
import { testStack } from "../tests/integration/harness";
import { BASE_WORKER_ENV, workerHeapCapMb } from "../tests/k8s/lib/worker-heap";
import { envVars, freePort, memoryOf, mib, startNode, waitHttp } from "./processes";
import { machine, markdownTable, progress, table, writeSection } from "./report";

const N = Number(process.argv[2] ?? process.env.BENCH_RESYNC_PRODUCTS ?? 100_000);
const BATCH = Number(process.env.BENCH_RESYNC_PAGE ?? 500);

console.log(`resync: SAP sandbox with ${N.toLocaleString("en")} products …`);
const sandbox = await createSandbox({ port: 0, logLevel: "silent", products: N, customers: 20, tickMs: 0 });
// BENCH_REDIS_DB: a Redis database of the benchmark's own (the harness's first one, 2, is every
// test file's first, and a test starting elsewhere on a shared stack flushes it under the run).
const redisOverride = process.env.BENCH_REDIS_DB
  ? {
      REDIS_URL: Object.assign(new URL(loadEnv().REDIS_URL), {
        pathname: `/${process.env.BENCH_REDIS_DB}`,
      }).toString(),
    }
  : {};
const stack = await testStack({ SAP_BASE_URL: sandbox.url, SAMPLE_EVERY_MS: "60000", ...redisOverride });
const port = await freePort();
// The worker runs with its deployment's V8 old-space cap (NODE_OPTIONS in k8s/base/worker.yaml):
// uncapped, V8 on this 24 GiB machine collects so lazily that RSS shows garbage, not what the
// resync keeps. BENCH_RESYNC_HEAP_MB overrides it (a number, or "none": V8's own default).
const HEAP_MB =
  process.env.BENCH_RESYNC_HEAP_MB === "none"
    ? undefined
    : (process.env.BENCH_RESYNC_HEAP_MB ?? String(workerHeapCapMb(BASE_WORKER_ENV)));
const worker = startNode(
  "apps/worker/src/main.ts",
  {
    ...process.env,
    ...envVars(stack.env),
    KAFKA_GROUP_SUFFIX: stack.groupSuffix,
    WORKER_HTTP_PORT: String(port),
    LOG_LEVEL: "warn",
    KAFKAJS_NO_PARTITIONER_WARNING: "1",
    // No drift samples during the run: each reads the read model's next keys by `_id` range,
    // which FerretDB 1.x (not MongoDB) answers by reading and sorting the whole collection —
    // at 600,000 products two such reads held FerretDB for 4 minutes (bench/results.md §3).
    DRIFT_SAMPLE_EVERY_MS: "0",
    ...principalEnv(KafkaPrincipals.worker),
  },
  HEAP_MB ? { nodeArgs: [`--max-old-space-size=${HEAP_MB}`] } : {},
);
const db = createPrisma(stack.env.DATABASE_URL);
const rawUrl = new URL(stack.env.MONGODB_URL);
rawUrl.pathname = `/bench_raw_${randomBytes(4).toString("hex")}`;
let raw: ReadModel | undefined;
let reader: MongoClient | undefined;
let workerStopped = false;

try {
  await waitHttp(`http://127.0.0.1:${port}/health/ready`, worker, 90_000);
  const idle = memoryOf(worker.pid);
  sandbox.stats.reset();

  let peakRss = idle?.rss ?? 0;
  let samples = 0;
  const sampler = setInterval(() => {
    const m = memoryOf(worker.pid);
    if (m) {
      peakRss = Math.max(peakRss, m.rss);
      samples++;
    }
  }, 100);

  /** A full PRODUCTS resync as the console starts one, followed until it finishes. */
  async function resync(label: string) {
    const run = await db.syncRun.create({
      data: { entity: "PRODUCTS", mode: "FULL", startedBy: "bench", jobId: null },
    });
    const queue = new Queue(Queues.masterData, { connection: redisConnection(stack.env.REDIS_URL) });
    const added = await queue.add(
      resyncJob.name,
      { runId: run.id },
      jobOf(resyncJob, { runId: run.id }, NO_SETTINGS).opts,
    );
    // No fixed deadline (the run's length is what is measured), but a run that stops moving fails.
    const STALL_MS = 300_000;
    let lastMove = Date.now();
    let lastProcessed = -1;
    /** (time, processed, worker RSS) whenever the count moved: the rate and memory along the run. */
    const trace: [number, number, number][] = [];
    for (;;) {
      const done = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
      progress(label, done.processed, N);
      if (done.processed !== trace.at(-1)?.[1])
        trace.push([Date.now(), done.processed, memoryOf(worker.pid)?.rss ?? 0]);
      if (done.state === "SUCCEEDED") {
        const ms = (done.finishedAt?.getTime() ?? 0) - (done.startedAt?.getTime() ?? 0);
        /** Products per second between the points where the run passed `from` and `to` (fractions of N). */
        const rateBetween = (from: number, to: number) => {
          const a = trace.find(([, n]) => n >= from * N);
          const b = trace.find(([, n]) => n >= to * N);
          return a && b && b[0] > a[0] ? ((b[1] - a[1]) * 1000) / (b[0] - a[0]) : Number.NaN;
        };
        /** The worker's RSS when the run passed each quarter of the catalogue. */
        const rssAt = [0.25, 0.5, 0.75, 1].map((q) => trace.find(([, n]) => n >= q * N)?.[2] ?? 0);
        // the job answers a moment after the run's row says SUCCEEDED
        let result: { written?: number } | undefined;
        for (let i = 0; i < 100 && !result; i++) {
          result = (await Job.fromId(queue, added.id ?? ""))?.returnvalue as { written?: number } | undefined;
          if (!result) await new Promise((r) => setTimeout(r, 100));
        }
        await queue.close();
        return {
          processed: done.processed,
          ms,
          rate: (done.processed * 1000) / Math.max(1, ms),
          early: rateBetween(0.1, 0.3),
          late: rateBetween(0.7, 0.9),
          rssAt,
          written: result?.written ?? Number.NaN,
        };
      }
      if (done.state === "FAILED" || done.state === "CANCELLED") {
        await queue.close();
        throw new Error(`resync ${done.state}: ${done.error ?? ""}\n${worker.stderrTail()}`);
      }
      if (done.processed !== lastProcessed) {
        lastProcessed = done.processed;
        lastMove = Date.now();
      } else if (Date.now() - lastMove > STALL_MS) {
        await queue.close();
        throw new Error(`resync stalled at ${done.processed}/${N} for ${STALL_MS / 1000} s`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // 1. The resync into an empty read model (a first load), then again over the loaded one
  //    (every product exists, so every write is a version-guarded upsert).
  let first: Awaited<ReturnType<typeof resync>>;
  let sapRequests = 0;
  let byService: Record<string, number> = {};
  let again: Awaited<ReturnType<typeof resync>>;
  try {
    first = await resync("products resynced");
    console.log(`first resync: ${first.processed} in ${(first.ms / 1000).toFixed(1)} s`);
    sapRequests = sandbox.stats.requests;
    byService = { ...sandbox.stats.byService };
    again = await resync("resynced again");
    console.log(`second resync: ${again.processed} in ${(again.ms / 1000).toFixed(1)} s`);
  } finally {
    clearInterval(sampler);
  }
  const hwm = memoryOf(worker.pid)?.hwm ?? 0;
  await worker.stop();
  workerStopped = true;
  const resyncRate = first.rate;

  // 2. The floor: the same documents, plain insertMany into a fresh database with the same indexes.
  // Read back with no socket timeout (the read model's 30 s ended this read at 100,000
  // documents on a loaded machine); outside the timed part.
  reader = new MongoClient(stack.env.MONGODB_URL, { appName: "bench-resync-read", socketTimeoutMS: 0 });
  const products = reader.db().collection<ProductDoc>(Collections.products);
  // Neither a count nor a sort: FerretDB answers both by reading (and sorting) every document
  // in its own memory, past the driver's 30 s socket timeout on a loaded machine.
  const stored = await products.estimatedDocumentCount();
  const rawModel = await ReadModel.connect(rawUrl.toString(), { appName: "bench-resync-raw" });
  raw = rawModel;
  await rawModel.ensureIndexes();
  console.log(`raw insertMany: ${stored} documents, ${BATCH} per call …`);
  // Read back a batch, then insert it: only the insertMany calls are timed, and the benchmark
  // holds one batch, not the catalogue (1,000,000 documents would not fit its heap).
  let rawMs = 0;
  let inserted = 0;
  const insert = async (docs: ProductDoc[]) => {
    const t0 = performance.now();
    inserted += (await rawModel.products.insertMany(docs, { ordered: false })).insertedCount;
    rawMs += performance.now() - t0;
    progress("inserted", inserted, stored);
  };
  let batch: ProductDoc[] = [];
  for await (const d of products.find({}, { batchSize: 1000 })) {
    batch.push(d);
    if (batch.length === BATCH) {
      await insert(batch);
      batch = [];
    }
  }
  if (batch.length) await insert(batch);
  const rawRate = (inserted * 1000) / rawMs;
  const ratio = resyncRate / rawRate;
  const calls = Object.entries(byService)
    .sort(([, a], [, b]) => b - a)
    .map(([s, n]) => `${s} ${n.toLocaleString("en")}`)
    .join(", ");

  const rows: [string, string][] = [
    ["products in SAP (sandbox)", N.toLocaleString("en")],
    [
      "resync: products written to the read model",
      `${first.processed.toLocaleString("en")} (${stored} documents)`,
    ],
    ["resync: time (SyncRun started → finished)", `${(first.ms / 1000).toFixed(1)} s`],
    ["resync: products per second", resyncRate.toFixed(0)],
    [
      "resync: products per second while the read model held 10–30% / 70–90% of them",
      `${first.early.toFixed(0)} / ${first.late.toFixed(0)}`,
    ],
    ["resync: SAP requests", `${sapRequests.toLocaleString("en")} (${calls})`],
    [
      "raw insertMany of the same documents",
      `${inserted.toLocaleString("en")} in ${(rawMs / 1000).toFixed(1)} s`,
    ],
    ["raw insertMany: documents per second", rawRate.toFixed(0)],
    ["ratio resync / raw insertMany", `**${ratio.toFixed(3)}** (target ≥ 0.5)`],
    [
      "again over the loaded read model (all upserts): time, products per second",
      `${(again.ms / 1000).toFixed(1)} s, ${again.rate.toFixed(0)} (${again.early.toFixed(0)} / ${again.late.toFixed(0)} at 10–30% / 70–90%)`,
    ],
    [
      "second resync: products written (content changed; the digest check skips the rest)",
      `${again.written} of ${again.processed.toLocaleString("en")} (first run: ${first.written})`,
    ],
    [
      "ratio second resync (unchanged catalogue) / raw insertMany",
      `**${(again.rate / rawRate).toFixed(3)}** (target ≥ 1.0)`,
    ],
    [
      "worker peak RSS (VmHWM of the worker process)",
      `${mib(hwm)}${HEAP_MB ? ` (V8 old space capped at ${HEAP_MB} MiB)` : ""}`,
    ],
    [
      "worker RSS: idle before the run / peak sampled every 100 ms",
      `${mib(idle?.rss ?? 0)} / ${mib(peakRss)} (${samples} samples)`,
    ],
    [
      "worker RSS at 25 / 50 / 75 / 100% of the first run (flat = streaming)",
      first.rssAt.map(mib).join(" / "),
    ],
    ["worker RSS at 25 / 50 / 75 / 100% of the second run", again.rssAt.map(mib).join(" / ")],
  ];
  console.log(table(rows.map(([k, v]) => [k, v.replaceAll("**", "")])));
  writeSection(
    "resync",
    `## 3. Resync\n\n${machine()}\n\n${markdownTable(rows)}\n\nThe worker ran as its own Node process (\`apps/worker/src/main.ts\`), the SAP sandbox in the benchmark's process; both share the machine with the local stack's PostgreSQL, Redis, Kafka and FerretDB. Each resync page of 500 products costs SAP one product read (the fields the storefront uses, \`$select\`), 13 price reads (40 materials each) and 5 \`$batch\` requests of 100 \`GetAllOriginals\` calls for the images; the next page is read while this one is written. A full run writes a page with one \`insertMany\` while most of its products are new, and the ones that exist take the version-guarded upsert (in bulk commands of 50; FerretDB 1.x, see packages/read-model); once a page is mostly known it goes straight to upserts, which is what the second run measures: since issue 18 the read model first compares each product's content hash (SAP's fields and version) with the digest it keeps per bucket of neighbouring ids — a full run reads SAP in key order (\`$orderby=Product\`), so a page of 500 is a few buckets, a few lookups by \`_id\` (in change order a page spanned ~500 buckets, one \`$in\` that FerretDB answers by reading every bucket) and writes only the products that changed — none, here, so the second run is SAP's reads and those lookups. FerretDB's tables carry GIN indexes on \`_id\` (scripts/stack/ferretdb-indexes.sql) so that its \`_id\` lookups are not table scans, as they are not on MongoDB. The raw baseline inserts the documents the first resync wrote, ${BATCH} per \`insertMany\`, into a fresh database with the read model's indexes, after the worker has stopped: each batch is read back from the read model and then inserted, and only the \`insertMany\` calls are timed.`,
  );
  // Targets are reported, not enforced; a resync that lost products is a failure.
  if (first.processed !== N || again.processed !== N || stored !== N || inserted !== N) process.exitCode = 1;
} finally {
  if (!workerStopped) await worker.stop();
  if (raw) {
    await raw.db.dropDatabase().catch(() => undefined);
    await raw.close();
  }
  await reader?.close();
  await db.close();
  await sandbox.close();
  await stack.close();
}
