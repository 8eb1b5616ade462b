import { randomUUID } from "node:crypto";
import type { Admin, Kafka, KafkaMessage } from "kafkajs";

/** Half-open offset range [from, to) of one partition. */
export interface PartitionRange {
  partition: number;
  from: string;
  to: string;
}

export type RangeRequest =
  | { topic: string; partition?: number; fromOffset: string; toOffset: string }
  | { topic: string; partition?: number; fromTime: Date; toTime: Date };

/**
 * Turn an operator's range (inclusive offsets on one partition, or a time window on one or all
 * partitions) into half-open offset ranges clamped to what the log still holds.
 */
export async function resolveRange(admin: Admin, range: RangeRequest): Promise<PartitionRange[]> {
  const offs = await admin.fetchTopicOffsets(range.topic);
  const parts = offs.filter((o) => range.partition === undefined || o.partition === range.partition);
  if ("fromOffset" in range) {
    return parts.map((o) => {
      const low = BigInt(o.low);
      const high = BigInt(o.high);
      const from = BigInt(range.fromOffset) < low ? low : BigInt(range.fromOffset);
      const to = BigInt(range.toOffset) + 1n > high ? high : BigInt(range.toOffset) + 1n;
      return { partition: o.partition, from: from.toString(), to: (to < from ? from : to).toString() };
    });
  }
  const [fromOffs, toOffs] = await Promise.all([
    admin.fetchTopicOffsetsByTimestamp(range.topic, range.fromTime.getTime()),
    admin.fetchTopicOffsetsByTimestamp(range.topic, range.toTime.getTime()),
  ]);
  return parts.map((o) => {
    const f = fromOffs.find((x) => x.partition === o.partition)?.offset ?? "-1";
    const t = toOffs.find((x) => x.partition === o.partition)?.offset ?? "-1";
    return { partition: o.partition, from: f === "-1" ? o.high : f, to: t === "-1" ? o.high : t };
  });
}

/** A consumer group's committed offset per partition of `topic` (partitions it never committed are absent). */
export async function committedOffsets(
  admin: Admin,
  groupId: string,
  topic: string,
): Promise<Record<number, string>> {
  const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const out: Record<number, string> = {};
  for (const p of t?.partitions ?? []) if (Number(p.offset) >= 0) out[p.partition] = p.offset;
  return out;
}

/**
 * Commit each group's offsets at the current end of its topic, so a consumer started next takes
 * only what is produced from now on; refused by Kafka (kafkajs) while a group has members. The
 * groups are moved side by side: kafkajs' setOffsets joins the group as a paused consumer and
 * waits out one fetch (its maxWaitTime, 5 s) per group, so three in a row cost 15 s. Returns
 * how many messages each group now stands behind.
 */
export async function groupsToEnd(
  admin: Admin,
  groups: { groupId: string; topic: string }[],
): Promise<{ groupId: string; topic: string; behind: number }[]> {
  return Promise.all(
    groups.map(async ({ groupId, topic }) => {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
      });
      return { groupId, topic, behind: ends.reduce((n, e) => n + Number(e.high), 0) };
    }),
  );
}

/**
 * Read offset ranges with a throw-away consumer group that never commits, so live consumer
 * groups are never moved. `onBatch` gets each partition's in-range messages in order and may
 * return false to stop early. Resolves when every range is read, or on timeout.
 */
export async function scanRanges(
  kafka: Kafka,
  topic: string,
  ranges: PartitionRange[],
  onBatch: (
    partition: number,
    messages: KafkaMessage[],
  ) => Promise<boolean | undefined> | boolean | undefined,
  opts: {
    timeoutMs?: number;
    groupPrefix?: string /** Deletes the throw-away group afterwards. */;
    admin?: Admin;
  } = {},
): Promise<{ complete: boolean }> {
  const wanted = ranges.filter((r) => BigInt(r.from) < BigInt(r.to));
  if (wanted.length === 0) return { complete: true };
  const groupId = `${opts.groupPrefix ?? "icp-scan"}-${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    allowAutoTopicCreation: false,
  });
  const done = new Set<number>();
  let stop = false;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, heartbeat }) => {
        const r = wanted.find((w) => w.partition === batch.partition);
        if (!r || done.has(r.partition) || stop) return;
        const inRange: KafkaMessage[] = [];
        for (const m of batch.messages) {
          const off = BigInt(m.offset);
          if (off < BigInt(r.from)) continue;
          if (off >= BigInt(r.to)) break;
          inRange.push(m);
        }
        const last = batch.messages[batch.messages.length - 1];
        if (last && BigInt(last.offset) + 1n >= BigInt(r.to)) done.add(r.partition);
        if (inRange.length && (await onBatch(batch.partition, inRange)) === false) stop = true;
        await heartbeat();
        if (stop || done.size === wanted.length) finish();
      },
    });
    for (const r of wanted) consumer.seek({ topic, partition: r.partition, offset: r.from });
    const timedOut = await Promise.race([
      finished.then(() => false),
      new Promise<boolean>((res) => setTimeout(() => res(true), opts.timeoutMs ?? 60_000)),
    ]);
    return { complete: !timedOut && (stop || done.size === wanted.length) };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await opts.admin?.deleteGroups([groupId]).catch(() => undefined);
  }
}
