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
    url: sandbox.url,
    products: config.options.products,
    customers: config.options.customers,
    events:
      config.events === "kafka"
        ? { brokers: kafka.brokers, tls: Boolean(kafka.ssl), sasl: Boolean(kafka.sasl) }
        : "off",
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
