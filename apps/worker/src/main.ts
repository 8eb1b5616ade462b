import { EnvError, loadWorkerEnv, type WorkerEnv } from "@icp/config";
import { createLogger, logProcessWarnings } from "@icp/observability";
import { startWorker } from "./app";

// The worker's env (packages/config `workerEnv`): no console secret is needed to start.
let env: WorkerEnv;
try {
  env = loadWorkerEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  process.stderr.write(`[worker] ${error.message}\n`);
  process.exit(1);
}

// Node's warnings (deprecations, MaxListenersExceeded, kafkajs' TimeoutNegativeWarning while it
// connects) as ECS records, not Node's stderr text — from the first line, start-up included.
const logger = createLogger({ service: "worker", level: env.LOG_LEVEL, environment: env.ICP_ENVIRONMENT });
logProcessWarnings(logger);

// Stores that refuse or drop connections at start-up are retried with a bounded backoff by
// their clients (the read model's connect, kafkajs, BullMQ); what still fails ends the process
// with one clear line and a non-zero code, so Kubernetes restarts it with its own backoff.
const startedAt = Date.now();
const app = await startWorker(env, {
  ...(env.KAFKA_GROUP_SUFFIX ? { groupSuffix: env.KAFKA_GROUP_SUFFIX } : {}),
  lockDurationMs: env.WORKER_LOCK_MS,
}).catch((err: unknown) => {
  logger.fatal(
    { err, "event.duration": (Date.now() - startedAt) * 1e6 },
    `worker could not start after ${Math.round((Date.now() - startedAt) / 1000)} s: ${
      (err as Error)?.message ?? String(err)
    } (a store it needs stayed unreachable through the start-up retries); exiting`,
  );
  process.exit(1);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, "signal received");
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
