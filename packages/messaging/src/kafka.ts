import { readFileSync } from "node:fs";
import { type KafkaRecord, TOPIC_SPECS } from "@icp/domain";
import {
  type Admin,
  type ICustomPartitioner,
  type ITopicConfig,
  Kafka,
  type logCreator,
  logLevel,
  Partitioners,
  type Producer,
  type SASLOptions,
} from "kafkajs";
import { mendRequestQueueIdleLoop } from "./kafkajs-idle-loop";

/** Where the brokers are and how to reach them (`kafkaConnection(env)` in @icp/config makes one). */
export interface KafkaConfig {
  brokers: string[];
  clientId: string;
  /** TLS, trusting `caFile` (PEM) or the system's CAs. */
  ssl?: false | { caFile?: string };
  /** SASL/SCRAM as this process's principal. */
  sasl?: false | { mechanism: "scram-sha-256" | "scram-sha-512"; username: string; password: string };
  /** How many times kafkajs retries a failed request (8 unless said). */
  retries?: number;
  /**
   * Where kafkajs logs: the deployables pass `kafkajsLogCreator(logger)` (@icp/observability), so
   * its lines are ECS like theirs; without it kafkajs writes its own JSON to the console.
   */
  logCreator?: logCreator;
}

const caBundles = new Map<string, string>();
function caBundle(file: string): string {
  let pem = caBundles.get(file);
  if (pem === undefined) {
    pem = readFileSync(file, "utf8");
    caBundles.set(file, pem);
  }
  return pem;
}

function saslOptions(s: NonNullable<KafkaConfig["sasl"]> & object): SASLOptions {
  const { username, password } = s;
  return s.mechanism === "scram-sha-256"
    ? { mechanism: "scram-sha-256", username, password }
    : { mechanism: "scram-sha-512", username, password };
}

export function createKafka(cfg: KafkaConfig): Kafka {
  mendRequestQueueIdleLoop();
  const secured = Boolean(cfg.ssl || cfg.sasl);
  return new Kafka({
    clientId: cfg.clientId,
    brokers: cfg.brokers,
    ...(cfg.ssl ? { ssl: cfg.ssl.caFile ? { ca: [caBundle(cfg.ssl.caFile)] } : true } : {}),
    ...(cfg.sasl ? { sasl: saslOptions(cfg.sasl) } : {}),
    // A TLS handshake plus a SCRAM exchange takes more than kafkajs' 1 s default on a busy host.
    ...(secured ? { connectionTimeout: 5_000, authenticationTimeout: 10_000 } : {}),
    logLevel: logLevel.WARN,
    ...(cfg.logCreator ? { logCreator: cfg.logCreator } : {}),
    retry: { initialRetryTime: 200, retries: cfg.retries ?? 8 },
  });
}

/**
 * Connects a kafkajs producer, consumer or admin at start-up, waiting for the brokers while they
 * are unreachable (a broker restarting beside us: kafkajs gives up after its retries, in about
 * ten seconds) with a bounded backoff, each failure logged, until `timeoutMs` (60 s) has passed.
 * A refused logon (SASL) is not waited out: it fails at once.
 */
export async function connectWhenReachable(
  what: string,
  connect: () => Promise<void>,
  opts: { warn?: (fields: Record<string, unknown>, message: string) => void; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (let attempt = 1; ; attempt++) {
    try {
      await connect();
      return;
    } catch (error) {
      const e = error as Error & { cause?: Error };
      const refused = [e.name, e.cause?.name].some((n) => n === "KafkaJSSASLAuthenticationError");
      const delayMs = Math.min(5_000, 500 * 2 ** (attempt - 1));
      if (refused || Date.now() + delayMs > deadline) throw error;
      opts.warn?.(
        { err: error, "kafka.attempt": attempt, "kafka.retry_in_ms": delayMs },
        `${what}: Kafka not reachable (${e.message}); retrying in ${delayMs} ms`,
      );
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

/**
 * The partition kafkajs chose for each message object it sent through a producer made here.
 * The partitioner is kafkajs' own (Java-compatible murmur2 on the key); this only notes its
 * answer, so a batch's per-partition base offsets can be handed back to each message.
 */
const chosenPartition = new WeakMap<object, number>();
const recordingPartitioner: ICustomPartitioner = () => {
  const choose = Partitioners.DefaultPartitioner();
  return (args) => {
    const partition = choose(args);
    chosenPartition.set(args.message, partition);
    return partition;
  };
};

/** Idempotent producer: the broker de-duplicates retried batches, acks from all in-sync replicas. */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: recordingPartitioner,
  });
}

export interface KafkaPosition {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Many records in one produce request (acks from all in-sync replicas), and where each one
 * landed. A partition's records are appended in the order given, so a record's offset is its
 * partition's base offset plus the records before it there. Needs a producer from
 * `createProducer`, whose partitioner notes each message's partition.
 */
export async function sendRecords(
  producer: Producer,
  topic: string,
  records: KafkaRecord[],
): Promise<KafkaPosition[]> {
  const messages = records.map((r) => ({ key: r.key, value: r.value, headers: r.headers }));
  const meta = await producer.send({ topic, acks: -1, messages });
  const base = new Map(meta.map((m) => [m.partition, BigInt(m.baseOffset ?? "-1")]));
  const seen = new Map<number, bigint>();
  return messages.map((m) => {
    const partition = chosenPartition.get(m);
    const first = partition === undefined ? undefined : base.get(partition);
    if (partition === undefined || first === undefined || first < 0n)
      throw new Error(
        `Kafka accepted the batch for ${topic} but its answer does not place every record (partition ${partition ?? "unknown"}); was the producer made by createProducer?`,
      );
    const before = seen.get(partition) ?? 0n;
    seen.set(partition, before + 1n);
    return { topic, partition, offset: String(first + before) };
  });
}

/** Create every project topic that is missing; report (not alter) ones that differ. */
export async function ensureTopics(admin: Admin): Promise<{ created: string[]; mismatched: string[] }> {
  const existing = new Set(await admin.listTopics());
  const toCreate: ITopicConfig[] = TOPIC_SPECS.filter((t) => !existing.has(t.name)).map((t) => ({
    topic: t.name,
    numPartitions: t.partitions,
    replicationFactor: 1,
  }));
  if (toCreate.length) await admin.createTopics({ topics: toCreate, waitForLeaders: true });
  const meta = await admin.fetchTopicMetadata({ topics: TOPIC_SPECS.map((t) => t.name) });
  const mismatched = meta.topics
    .filter((t) => t.partitions.length !== TOPIC_SPECS.find((s) => s.name === t.name)?.partitions)
    .map((t) => t.name);
  return { created: toCreate.map((t) => t.topic), mismatched };
}

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  committed: number;
  end: number;
  lag: number;
}

/**
 * Consumer lag per partition from the admin API: end offset minus committed offset. A group
 * that has never committed on a partition counts its whole log as lag.
 */
export async function consumerLag(admin: Admin, group: string, topics: string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId: group, topics });
  const out: PartitionLag[] = [];
  for (const t of committed) {
    const ends = await admin.fetchTopicOffsets(t.topic);
    for (const p of t.partitions) {
      const endInfo = ends.find((e) => e.partition === p.partition);
      const end = Number(endInfo?.high ?? 0);
      const low = Number(endInfo?.low ?? 0);
      const c = Number(p.offset);
      const effective = c < 0 ? low : c;
      out.push({
        group,
        topic: t.topic,
        partition: p.partition,
        committed: c,
        end,
        lag: Math.max(0, end - effective),
      });
    }
  }
  return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
