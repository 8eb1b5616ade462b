import { connect } from "node:net";
import { kafkaConnection, loadEnv } from "@icp/config";
import { Topics } from "@icp/domain";
import { createKafka } from "@icp/messaging";
import { describe, expect, it } from "vitest";
import { salesOrderPayload, sapClient, startTestSandbox } from "../testing";
import { SapEventTypes, salesOrderEvent } from "./business-events";
import { KafkaEventPublisher } from "./kafka-publisher";

const connection = kafkaConnection(loadEnv());
const BROKER = connection.brokers[0] ?? "127.0.0.1:59092";
const kafkaClient = (clientId: string, retries?: number) =>
  createKafka({ ...connection, clientId, ...(retries === undefined ? {} : { retries }) });

async function brokerListening(): Promise<boolean> {
  return new Promise((resolve) => {
    const [host = "127.0.0.1", port = "59092"] = BROKER.split(":");
    const socket = connect({ host, port: Number(port) });
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
  available
    ? `KafkaEventPublisher against the broker at ${BROKER}`
    : `KafkaEventPublisher (skipped: no Kafka broker listens on ${BROKER})`,
  () => {
    it("publishes a SalesOrder event in CloudEvents binary mode, keyed by sales order", async () => {
      const publisher = new KafkaEventPublisher(kafkaClient("sandbox-int-test", 3));
      const salesOrder = `INT${Date.now()}`;
      const kafka = kafkaClient("sandbox-int-test-consumer");
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

    it("a sales order created in the sandbox arrives on order-status with SAP's headers", async () => {
      const sandbox = await startTestSandbox({
        publisher: new KafkaEventPublisher(kafkaClient("sandbox-int-test-2", 3)),
        systemId: "S4I",
      });
      const kafka = kafkaClient("sandbox-int-test-consumer-2");
      const consumer = kafka.consumer({ groupId: `sandbox-int-e2e-${Date.now()}` });
      try {
        const res = await sapClient(sandbox, "API_SALES_ORDER_SRV").send(
          "POST",
          "A_SalesOrder",
          salesOrderPayload(),
        );
        expect(res.status).toBe(201);
        await sandbox.flushEvents();
        const since = Date.now() - 60_000;
        await consumer.connect();
        await consumer.subscribe({ topic: Topics.orderStatus, fromBeginning: true });
        const headers = await new Promise<Record<string, string>>((resolve) => {
          void consumer.run({
            eachMessage: async ({ message }) => {
              const h = Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
              );
              if (h.ce_source === "/default/sap.s4.beh/S4I" && Date.parse(h.ce_time ?? "") >= since)
                resolve(h);
            },
          });
        });
        expect(headers.ce_type).toBe(SapEventTypes.salesOrderCreated);
        expect(headers.ce_datacontenttype).toBe("application/json");
      } finally {
        await consumer.disconnect();
        await sandbox.close();
      }
    });
  },
);
