import { connect } from "node:net";
import { Topics } from "@icp/domain";
import { Kafka } from "kafkajs";
import { describe, expect, it } from "vitest";
import { SapEventTypes, salesOrderEvent } from "./business-events";
import { KafkaEventPublisher } from "./kafka-publisher";

const BROKER = "127.0.0.1:59092";

async function brokerListening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port: 59092 });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const available = await brokerListening();

describe.skipIf(!available)(
  `KafkaEventPublisher against a real broker (skipped: nothing listens on ${BROKER})`,
  () => {
    it("publishes a SalesOrder event in CloudEvents binary mode, keyed by sales order", async () => {
      const publisher = new KafkaEventPublisher([BROKER], "sandbox-int-test");
      const salesOrder = `INT${Date.now()}`;
      const kafka = new Kafka({ clientId: "sandbox-int-test-consumer", brokers: [BROKER] });
      const consumer = kafka.consumer({ groupId: `sandbox-int-${salesOrder}` });
      try {
        await publisher.publish([
          salesOrderEvent(SapEventTypes.salesOrderCreated, salesOrder, "S4H", Date.now()),
        ]);
        await consumer.connect();
        await consumer.subscribe({ topic: Topics.orderStatus, fromBeginning: true });
        const received = await new Promise<{ key: string; headers: Record<string, string>; value: string }>(
          (resolve) => {
            void consumer.run({
              eachMessage: async ({ message }) => {
                if (message.key?.toString() !== salesOrder) return;
                const headers = Object.fromEntries(
                  Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
                );
                resolve({ key: salesOrder, headers, value: message.value?.toString() ?? "" });
              },
            });
          },
        );
        expect(received.headers.ce_type).toBe(SapEventTypes.salesOrderCreated);
        expect(received.headers.ce_specversion).toBe("1.0");
        expect(JSON.parse(received.value)).toEqual({ SalesOrder: salesOrder });
      } finally {
        await consumer.disconnect();
        await publisher.close();
      }
    });
  },
);
