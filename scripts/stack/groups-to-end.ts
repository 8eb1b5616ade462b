/**
 * Moves the worker's consumer groups to the current end of their topics, so a worker started
 * next takes only what is produced from now on. scripts/test.sh runs it before the browser
 * tests: the integration and chaos suites leave thousands of orders on the shared topics,
 * which are not the browser tests' business. Refuses (and says so) while a group has members.
 *   ./scripts/node.sh tsx scripts/stack/groups-to-end.ts
 */
import { kafkaConnection, loadEnv } from "@icp/config";
import { ConsumerGroups, Topics } from "@icp/domain";
import { createKafka, groupsToEnd } from "@icp/messaging";

const env = loadEnv();
const kafka = createKafka({ ...kafkaConnection(env), clientId: "icp-groups-to-end" });
const admin = kafka.admin();
await admin.connect();
try {
  const pairs: [string, string][] = [
    [ConsumerGroups.ordersToSap, Topics.orders],
    [ConsumerGroups.orderStatusToStorefront, Topics.orderStatus],
    [ConsumerGroups.inventoryToStorefront, Topics.inventory],
  ];
  const moved = await groupsToEnd(
    admin,
    pairs.map(([base, topic]) => ({
      groupId: `${base}${env.KAFKA_GROUP_SUFFIX ? `.${env.KAFKA_GROUP_SUFFIX}` : ""}`,
      topic,
    })),
  );
  for (const { groupId, topic, behind } of moved)
    console.log(`  ${groupId.padEnd(34)} → end of ${topic} (${behind} messages behind it)`);
} catch (err) {
  console.error(`could not move the consumer groups: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await admin.disconnect();
}
