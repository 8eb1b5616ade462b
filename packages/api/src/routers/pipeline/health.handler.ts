import type { ApiContext } from "../../context";

/** Live Kafka consumer lag per partition and BullMQ counts per queue. */
export async function pipelineHealth({ ctx }: { ctx: ApiContext }) {
  const [lag, queues] = await Promise.all([ctx.services.consumerLag(), ctx.services.queueCounts()]);
  const totalLag = lag.reduce((sum, p) => sum + p.lag, 0);
  return { at: new Date(), totalLag, lag, queues };
}
