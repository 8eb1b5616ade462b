/**
 * The console's log lines without a Next build: its logger exactly as apps/console wires it
 * (src/server/logger.ts: createLogger service "console"; src/server/auth.ts: next-auth's logger;
 * src/server/services.ts: kafkajs' logCreator; src/instrumentation.ts: Node's warnings), driven
 * through what they log in production — a request with its ids, a next-auth callback error, a real
 * kafkajs client failing to reach a broker, a real process warning, an error with its stack.
 * Writes JSON lines to stdout (as the container's stdout). Usage: tsx console-lines.ts <closedPort>
 */
import {
  createLogger,
  kafkajsLogCreator,
  logProcessWarnings,
  nextAuthLogger,
  withLogContext,
} from "@icp/observability";
import { Kafka, logLevel } from "kafkajs";

const closedPort = Number(process.argv[2]);
const logger = createLogger({ service: "console", level: "info", environment: "beta" });
logProcessWarnings(logger);

withLogContext(
  { requestId: "req-7f3a", traceId: "4bf92f3577b34da6a3ce929d0e0e4736", orderId: "SF-1001" },
  () => {
    logger.info({ "http.request.method": "POST", "url.path": "/api/storefront/v1/orders" }, "order accepted");
    logger.error(
      { err: new Error("connect ECONNREFUSED 10.0.3.7:6379") },
      "storefront API could not reach Redis",
    );
  },
);
const oidc = new Error("expected 200 OK, got: 401 Unauthorized");
oidc.name = "OPError";
nextAuthLogger(logger).error("OAUTH_CALLBACK_ERROR", { error: oidc, providerId: "oidc" });
nextAuthLogger(logger).warn("NEXTAUTH_URL");
process.emitWarning("Closing file descriptor 23 on garbage collection", { type: "Warning", code: "ICP0001" });

const kafka = new Kafka({
  clientId: "icp-console",
  brokers: [`127.0.0.1:${closedPort}`],
  logLevel: logLevel.WARN,
  logCreator: kafkajsLogCreator(logger),
  retry: { retries: 0, initialRetryTime: 50 },
  connectionTimeout: 500,
});
const admin = kafka.admin();
await admin.connect().catch(() => undefined);
await new Promise((r) => setTimeout(r, 200));
logger.info("console lines written");
