import "server-only";
import { randomUUID } from "node:crypto";
import type { GroupInfo, KafkaBrowser, KafkaMessageView, TopicInfo } from "@icp/api";
import type { Admin, Kafka, KafkaMessage } from "kafkajs";

interface Range {
  partition: number;
  /** inclusive */
  from: string;
  /** exclusive */
  to: string;
}

const textOf = (v: Buffer | string | (Buffer | string)[] | undefined): string =>
  v === undefined ? "" : Array.isArray(v) ? v.map((x) => x.toString()).join(",") : v.toString();

export function decodeMessage(topic: string, partition: number, m: KafkaMessage): KafkaMessageView {
  const headers: Record<string, string> = {};
  const cloudEvent: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    const s = textOf(v);
    headers[k] = s;
    if (k.startsWith("ce_")) cloudEvent[k.slice(3)] = s;
  }
  const raw = m.value?.toString("utf8") ?? "";
  let body: unknown = raw;
  try {
    body = raw ? JSON.parse(raw) : null;
  } catch {
    // not JSON: show the text
  }
  return {
    topic,
    partition,
    offset: m.offset,
    timestamp: new Date(Number(m.timestamp)),
    key: m.key ? m.key.toString("utf8") : null,
    cloudEvent,
    headers,
    body,
    size: m.value?.length ?? 0,
  };
}

/**
 * Browses topics with short-lived consumers under a random group id that never commits, so
 * reading (and replay's dry run) cannot move a live consumer group. The group is deleted after.
 */
export function kafkaBrowser(kafka: () => Kafka, admin: () => Promise<Admin>): KafkaBrowser {
  async function readRanges(topic: string, ranges: Range[], limit: number, timeoutMs = 8_000) {
    const wanted = ranges.filter((r) => BigInt(r.from) < BigInt(r.to));
    if (wanted.length === 0 || limit <= 0) return [];
    const groupId = `icp-console-browse-${randomUUID()}`;
    const consumer = kafka().consumer({
      groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      allowAutoTopicCreation: false,
    });
    const out: KafkaMessageView[] = [];
    const done = new Set<number>();
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: false });
      let finish: () => void = () => {};
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch }) => {
          const r = wanted.find((w) => w.partition === batch.partition);
          if (!r || done.has(r.partition)) return;
          for (const m of batch.messages) {
            const off = BigInt(m.offset);
            if (off < BigInt(r.from)) continue;
            if (off >= BigInt(r.to) || out.length >= limit) {
              done.add(r.partition);
              break;
            }
            out.push(decodeMessage(topic, batch.partition, m));
            if (off + 1n >= BigInt(r.to)) done.add(r.partition);
          }
          if (out.length >= limit || done.size === wanted.length) finish();
        },
      });
      for (const r of wanted) consumer.seek({ topic, partition: r.partition, offset: r.from });
      await Promise.race([finished, new Promise((res) => setTimeout(res, timeoutMs))]);
    } finally {
      await consumer.disconnect().catch(() => {});
      await admin()
        .then((a) => a.deleteGroups([groupId]))
        .catch(() => {});
    }
    return out
      .sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)))
      .slice(0, limit);
  }

  async function offsetsOf(topic: string) {
    return (await admin()).fetchTopicOffsets(topic);
  }

  return {
    async topics(): Promise<TopicInfo[]> {
      const a = await admin();
      const names = (await a.listTopics()).filter((n) => !n.startsWith("__")).sort();
      const meta = await a.fetchTopicMetadata({ topics: names });
      return Promise.all(
        meta.topics.map(async (t) => {
          const offs = await a.fetchTopicOffsets(t.name);
          const partitions = t.partitions
            .map((p) => {
              const o = offs.find((x) => x.partition === p.partitionId);
              return {
                partition: p.partitionId,
                leader: p.leader,
                replicas: p.replicas.length,
                low: o?.low ?? "0",
                high: o?.high ?? "0",
              };
            })
            .sort((x, y) => x.partition - y.partition);
          return {
            name: t.name,
            partitions,
            messages: partitions.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0),
          };
        }),
      );
    },
    async groups(): Promise<GroupInfo[]> {
      const a = await admin();
      const ids = (await a.listGroups()).groups
        .map((g) => g.groupId)
        .filter((g) => !g.startsWith("icp-console-browse-"))
        .sort();
      if (ids.length === 0) return [];
      const described = await a.describeGroups(ids);
      return Promise.all(
        described.groups.map(async (g) => {
          const committed = await a.fetchOffsets({ groupId: g.groupId });
          const offsets = [];
          for (const t of committed) {
            const ends = await a.fetchTopicOffsets(t.topic);
            for (const p of t.partitions) {
              const e = ends.find((x) => x.partition === p.partition);
              const end = e?.high ?? "0";
              const c = Number(p.offset);
              const base = c < 0 ? Number(e?.low ?? 0) : c;
              offsets.push({
                topic: t.topic,
                partition: p.partition,
                committed: p.offset,
                end,
                lag: Math.max(0, Number(end) - base),
              });
            }
          }
          return {
            groupId: g.groupId,
            state: g.state,
            protocol: g.protocol,
            members: g.members.map((m) => ({
              memberId: m.memberId,
              clientId: m.clientId,
              host: m.clientHost,
              assignments: assignmentsOf(m.memberAssignment),
            })),
            offsets: offsets.sort((x, y) => x.topic.localeCompare(y.topic) || x.partition - y.partition),
          };
        }),
      );
    },
    async read({ topic, partition, start, limit }) {
      const offs = await offsetsOf(topic);
      const p = offs.find((o) => o.partition === partition);
      if (!p) return [];
      let from: string;
      if ("fromOffset" in start) {
        from = BigInt(start.fromOffset) < BigInt(p.low) ? p.low : start.fromOffset;
      } else {
        const byTime = await (await admin()).fetchTopicOffsetsByTimestamp(topic, start.fromTime.getTime());
        from = byTime.find((o) => o.partition === partition)?.offset ?? p.high;
        if (from === "-1") from = p.high;
      }
      return readRanges(topic, [{ partition, from, to: p.high }], limit);
    },
    async findByKey({ topic, key, scanLimit }) {
      const offs = await offsetsOf(topic);
      const ranges = offs.map((o) => {
        const high = BigInt(o.high);
        const low = BigInt(o.low);
        const from = high - BigInt(scanLimit) > low ? high - BigInt(scanLimit) : low;
        return { partition: o.partition, from: from.toString(), to: o.high };
      });
      const all = await readRanges(topic, ranges, scanLimit * ranges.length, 10_000);
      return all.filter((m) => m.key === key);
    },
    async resolveRange(range) {
      const offs = await offsetsOf(range.topic);
      const parts = offs.filter((o) => range.partition === undefined || o.partition === range.partition);
      if ("fromOffset" in range) {
        return parts.map((o) => {
          const low = BigInt(o.low);
          const high = BigInt(o.high);
          const from = BigInt(range.fromOffset) < low ? low : BigInt(range.fromOffset);
          // toOffset is inclusive for the operator; the range end is exclusive.
          const to = BigInt(range.toOffset) + 1n > high ? high : BigInt(range.toOffset) + 1n;
          return { partition: o.partition, from: from.toString(), to: (to < from ? from : to).toString() };
        });
      }
      const a = await admin();
      const [fromOffs, toOffs] = await Promise.all([
        a.fetchTopicOffsetsByTimestamp(range.topic, range.fromTime.getTime()),
        a.fetchTopicOffsetsByTimestamp(range.topic, range.toTime.getTime()),
      ]);
      return parts.map((o) => {
        const f = fromOffs.find((x) => x.partition === o.partition)?.offset ?? "-1";
        const t = toOffs.find((x) => x.partition === o.partition)?.offset ?? "-1";
        return { partition: o.partition, from: f === "-1" ? o.high : f, to: t === "-1" ? o.high : t };
      });
    },
    readRange: (topic, ranges, limit) => readRanges(topic, ranges, limit, 15_000),
  };
}

/** Decode the standard consumer protocol assignment (version, [topic, [partition]]) best-effort. */
function assignmentsOf(buf: Buffer): string[] {
  try {
    let i = 2;
    const topics = buf.readInt32BE(i);
    i += 4;
    const out: string[] = [];
    for (let t = 0; t < topics; t++) {
      const len = buf.readInt16BE(i);
      i += 2;
      const name = buf.toString("utf8", i, i + len);
      i += len;
      const n = buf.readInt32BE(i);
      i += 4;
      for (let p = 0; p < n; p++) {
        out.push(`${name}:${buf.readInt32BE(i)}`);
        i += 4;
      }
    }
    return out;
  } catch {
    return [];
  }
}
