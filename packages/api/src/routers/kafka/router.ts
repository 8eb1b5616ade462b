import { Topics } from "@icp/domain";
import { z } from "zod";
import { procedureFor, router } from "../../trpc";
import { historyWindow, lagHistory } from "../overview/history";

const topicName = z
  .string()
  .trim()
  .min(1)
  .max(249)
  .regex(/^[a-zA-Z0-9._-]+$/, "Not a Kafka topic name.")
  // Kafka's own topics (__consumer_offsets, __transaction_state) hold every group's offsets and
  // every producer's transactions: not for the console's readers (issue 17: 9).
  .refine((t) => !t.startsWith("__"), "Kafka's internal topics cannot be browsed.");

export const kafkaRouter = router({
  topics: procedureFor("console.read").query(({ ctx }) => ctx.services.kafka.topics()),
  groups: procedureFor("console.read").query(({ ctx }) => ctx.services.kafka.groups()),
  /** Lag over time per group/topic (summed over partitions) from LagSample rows, bucketed. */
  lagHistory: procedureFor("console.read")
    .input(historyWindow)
    // The Overview's query: newest window, bucketed in SQL (not the first rows oldest first).
    .query(({ ctx, input }) => lagHistory(ctx.services.db, input.minutes)),
  messages: procedureFor("console.read")
    .input(
      z
        .object({
          topic: topicName,
          partition: z.number().int().min(0).max(1_000),
          fromOffset: z.string().regex(/^\d+$/).optional(),
          fromTime: z.coerce.date().optional(),
          limit: z.number().int().min(1).max(200).default(20),
        })
        .refine((v) => v.fromOffset !== undefined || v.fromTime !== undefined, {
          message: "Give an offset or a time.",
        }),
    )
    .query(({ ctx, input }) =>
      ctx.services.kafka.read({
        topic: input.topic,
        partition: input.partition,
        start:
          input.fromOffset !== undefined
            ? { fromOffset: input.fromOffset }
            : { fromTime: input.fromTime as Date },
        limit: input.limit,
      }),
    ),
  /** Messages on `orders` (key = order id) for one storefront order. */
  findOrder: procedureFor("console.read")
    .input(
      z.object({
        orderId: z.string().trim().min(1).max(200),
        scanLimit: z.number().int().min(10).max(20_000).default(2_000),
      }),
    )
    .query(({ ctx, input }) =>
      ctx.services.kafka.findByKey({ topic: Topics.orders, key: input.orderId, scanLimit: input.scanLimit }),
    ),
});
