import type { Kafka, Producer } from "kafkajs";
import type { BusinessEventMessage, EventPublisher } from "./business-events";

/**
 * Publishes business events to Kafka with kafkajs; connects lazily on first publish. A failed
 * send throws away the producer: after a broker restart an idempotent producer can be left
 * with sequence state the broker no longer accepts (or a connect that failed for good), and
 * the caller's retry then starts from a fresh one. Delivery is at least once; consumers
 * de-duplicate by event id.
 */
export class KafkaEventPublisher implements EventPublisher {
  private producer: Producer | undefined;
  private connecting: Promise<void> | undefined;

  /** `kafka`: made by @icp/messaging's createKafka (TLS and SASL as configured). */
  constructor(private readonly kafka: Kafka) {}

  private async ready(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.kafka.producer({
        allowAutoTopicCreation: true,
        idempotent: true,
        maxInFlightRequests: 1,
      });
      this.connecting = this.producer.connect();
    }
    await this.connecting;
    return this.producer;
  }

  async publish(messages: BusinessEventMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, BusinessEventMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    try {
      const producer = await this.ready();
      await producer.sendBatch({
        topicMessages: [...byTopic].map(([topic, ms]) => ({
          topic,
          messages: ms.map((m) => ({ key: m.key, headers: m.headers, value: JSON.stringify(m.body) })),
        })),
      });
    } catch (err) {
      const broken = this.producer;
      this.producer = undefined;
      this.connecting = undefined;
      await broken?.disconnect().catch(() => undefined);
      throw err;
    }
  }

  async close(): Promise<void> {
    const p = this.producer;
    this.producer = undefined;
    if (p) {
      await this.connecting?.catch(() => undefined);
      await p.disconnect().catch(() => undefined);
    }
  }
}
