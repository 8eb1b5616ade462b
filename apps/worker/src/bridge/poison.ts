import type { Db, Flow, Prisma } from "@icp/db";
import type { PoisonMessage } from "./topic-to-queue";

/**
 * A dead-lettered message becomes a POISON failure record, keyed by its Kafka coordinates so a
 * redelivery of the same message updates the record instead of adding another.
 */
export function recordPoison(db: Db, flow: Flow) {
  return async (p: PoisonMessage): Promise<void> => {
    const payload: Prisma.InputJsonValue = {
      key: p.key,
      value: p.value,
      headers: p.headers,
      eventType: p.eventType ?? null,
      eventId: p.eventId ?? null,
    };
    await db.failureRecord.upsert({
      where: {
        kafkaTopic_kafkaPartition_kafkaOffset: {
          kafkaTopic: p.topic,
          kafkaPartition: p.partition,
          kafkaOffset: BigInt(p.offset),
        },
      },
      create: {
        flow,
        errorClass: "POISON",
        message: p.reason,
        payload,
        entityKey: p.key,
        kafkaTopic: p.topic,
        kafkaPartition: p.partition,
        kafkaOffset: BigInt(p.offset),
      },
      update: { message: p.reason, updatedAt: new Date() },
    });
  };
}
