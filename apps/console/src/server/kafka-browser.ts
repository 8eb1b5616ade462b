import "server-only";
import type { GroupInfo, KafkaBrowser, KafkaMessageView, TopicInfo } from "@icp/api";
import { committedOffsets, resolveRange, scanRanges } from "@icp/messaging";
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
    const out: KafkaMessageView[] = [];
    if (limit <= 0) return out;
    await scanRanges(
      kafka(),
      topic,
      ranges,
      (partition, messages) => {
        for (const m of messages) if (out.length < limit) out.push(decodeMessage(topic, partition, m));
        return out.length < limit;
      },
      { timeoutMs, groupPrefix: "icp-console-browse", admin: await admin() },
    );
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
    resolveRange: async (range) => resolveRange(await admin(), range),
    readRange: (topic, ranges, limit) => readRanges(topic, ranges, limit, 15_000),
    async groupPosition(groupId, topic) {
      const a = await admin();
      const [described, committed] = await Promise.all([
        a.describeGroups([groupId]),
        committedOffsets(a, groupId, topic),
      ]);
      return { members: described.groups[0]?.members.length ?? 0, committed };
    },
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
