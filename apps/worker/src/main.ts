import { loadEnv } from "@icp/config";
import { startWorker } from "./app";

const env = loadEnv();
const app = await startWorker(env, {
  ...(env.KAFKA_GROUP_SUFFIX ? { groupSuffix: env.KAFKA_GROUP_SUFFIX } : {}),
  lockDurationMs: env.WORKER_LOCK_MS,
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
