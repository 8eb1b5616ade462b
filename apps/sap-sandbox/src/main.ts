import { loadSandboxEnv } from "@icp/config";
import pino from "pino";
import { parseSandboxConfig } from "./config";
import { KafkaEventPublisher } from "./events/kafka-publisher";
import { createSandbox } from "./sandbox";

const log = pino({ name: "sap-sandbox" });
const config = parseSandboxConfig(loadSandboxEnv(), process.argv.slice(2));
const started = Date.now();
const sandbox = await createSandbox({
  ...config.options,
  ...(config.events === "kafka" ? { publisher: new KafkaEventPublisher(config.kafkaBrokers) } : {}),
});
log.info(
  {
    url: sandbox.url,
    products: config.options.products,
    customers: config.options.customers,
    events: config.events === "kafka" ? config.kafkaBrokers : "off",
    tickMs: config.options.tickMs,
    startupMs: Date.now() - started,
  },
  "SAP sandbox listening",
);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "closing SAP sandbox");
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, "close failed");
        process.exit(1);
      },
    );
  });
}
