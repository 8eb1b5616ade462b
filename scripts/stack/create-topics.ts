/**
 * Creates every topic in TOPIC_SPECS on the local broker, idempotently: missing topics are
 * created with their partition count; existing ones are left alone, but a partition count
 * that differs from the spec is reported (and fails the run, since keyed ordering depends on
 * it). Run by scripts/stack.sh after Kafka is healthy; also usable on its own:
 *   ./scripts/node.sh tsx scripts/stack/create-topics.ts
 */
import { type KafkaConnection, kafkaConnection, loadEnv } from "@icp/config";
import { TOPIC_SPECS } from "@icp/domain/topics";
import { applyAclPolicy, createKafka } from "@icp/messaging";

export interface TopicCheck {
  name: string;
  want: number;
  have: number | undefined;
  created: boolean;
}

export async function ensureTopics(
  connection: KafkaConnection,
  clientId = "icp-stack",
): Promise<TopicCheck[]> {
  const admin = createKafka({ ...connection, clientId }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = TOPIC_SPECS.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1 })),
      });
    }
    const meta = await admin.fetchTopicMetadata({ topics: TOPIC_SPECS.map((t) => t.name) });
    const have = new Map(meta.topics.map((t) => [t.name, t.partitions.length]));
    const created = new Set(missing.map((t) => t.name));
    return TOPIC_SPECS.map((t) => ({
      name: t.name,
      want: t.partitions,
      have: have.get(t.name),
      created: created.has(t.name),
    }));
  } finally {
    await admin.disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const connection = kafkaConnection(loadEnv());
    const checks = await ensureTopics(connection);
    const bad = checks.filter((c) => c.have !== c.want);
    for (const c of checks) {
      const state = c.created ? "created" : c.have === c.want ? "exists" : "MISMATCH";
      console.log(
        `  topic ${c.name.padEnd(18)} partitions ${String(c.have ?? "-").padStart(2)}/${c.want}  ${state}`,
      );
    }
    if (bad.length > 0) {
      console.error(
        `[stack] ERROR: partition count differs from TOPIC_SPECS for ${bad.map((c) => c.name).join(", ")}; ` +
          "delete the topic (or reset .local/kafka) to recreate it",
      );
      process.exit(1);
    }
    if (connection.sasl) {
      // The brokers authorise every request: apply the principals' grants (as the stack's admin).
      const admin = createKafka({ ...connection, clientId: "icp-stack-acls" }).admin();
      await admin.connect();
      try {
        const acls = await applyAclPolicy(admin);
        console.log(`  acls   ${acls.total} grants (${acls.created} created, ${acls.deleted} removed)`);
      } finally {
        await admin.disconnect();
      }
    }
  } catch (err) {
    console.error(
      `[stack] ERROR: could not create topics or ACLs: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  }
}
