import { loadSandboxEnv } from "@icp/config";
import { createKafka } from "@icp/messaging";
import { createLogger, kafkajsLogCreator, logProcessWarnings } from "@icp/observability";
import { sandboxFromEnv } from "./config";
import { KafkaEventPublisher } from "./events/kafka-publisher";
import { createSandbox } from "./sandbox";

const { config, kafka, kafkaClientId } = sandboxFromEnv(loadSandboxEnv(), process.argv.slice(2));
const log = createLogger({
  service: "sap-sandbox",
  level: config.options.logLevel ?? "info",
});
logProcessWarnings(log);
const started = Date.now();
const sandbox = await createSandbox({
  ...config.options,
  ...(config.events === "kafka"
    ? {
        publisher: new KafkaEventPublisher(
          createKafka({
            ...kafka,
            clientId: `${kafkaClientId}-sap-sandbox`,
            retries: 3,
            logCreator: kafkajsLogCreator(log),
          }),
        ),
      }
    : {}),
});
log.info(
  {
    // ECS field names: `url` is an object in ECS (the console logs url.path), so a plain `url`
    // here would be refused by the log data stream's mapping (tests/logging's fake ES checks it).
    "url.full": sandbox.url,
    products: config.options.products,
    customers: config.options.customers,
    // Always an object, so the field has one mapping whether events are on or off.
    events:
      config.events === "kafka"
        ? { enabled: true, brokers: kafka.brokers, tls: Boolean(kafka.ssl), sasl: Boolean(kafka.sasl) }
        : { enabled: false },
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
