import { Kafka, logLevel, type Producer } from "kafkajs";
import type { BusinessEventMessage, EventPublisher } from "./business-events";

/** Publishes business events to Kafka with kafkajs; connects lazily on first publish. */
export class KafkaEventPublisher implements EventPublisher {
  private readonly producer: Producer;
  private connecting: Promise<void> | undefined;

  constructor(brokers: string[], clientId = "icp-sap-sandbox") {
    const kafka = new Kafka({ clientId, brokers, logLevel: logLevel.WARN, retry: { retries: 3 } });
    this.producer = kafka.producer({
      allowAutoTopicCreation: true,
      idempotent: true,
      maxInFlightRequests: 1,
    });
  }

  private connect(): Promise<void> {
    this.connecting ??= this.producer.connect();
    return this.connecting;
  }

  async publish(messages: BusinessEventMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, BusinessEventMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await this.producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, ms]) => ({
        topic,
        messages: ms.map((m) => ({ key: m.key, headers: m.headers, value: JSON.stringify(m.body) })),
      })),
    });
  }

  async close(): Promise<void> {
    if (this.connecting) {
      await this.connecting.catch(() => undefined);
      await this.producer.disconnect();
    }
  }
}
