import { ConsumerGroups, deadLetterTopic, Topics } from "@icp/domain";
import kafkajs, { type AclEntry, type Admin } from "kafkajs";

// kafkajs is CommonJS and assigns these enums in a way Node's ESM named-export detection does
// not see; they are read from the default export.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

/**
 * Who may do what on Kafka: one principal per deployable, and the grants each needs — nothing
 * else. The brokers refuse what is not granted (`allow.everyone.if.no.acl.found=false`), so an
 * unauthenticated client, or a principal writing where it has no grant, is refused. The local
 * stack applies this policy (scripts/stack/create-topics.ts); a production cluster's operator
 * applies the same grants (docs/security.md lists them; tests/security/kafka-acl.int.test.ts
 * proves the refusals on the local broker).
 */
export const KafkaPrincipals = {
  /** The console process, which also hosts the storefront API: the writer of `orders`. */
  console: "icp-console",
  /** The worker: reads every topic, writes the dead-letter topics. */
  worker: "icp-worker",
  /** SAP's event bridge (the sandbox locally): writes SAP's business events. */
  sapEvents: "icp-sap-events",
} as const;
export type KafkaPrincipal = (typeof KafkaPrincipals)[keyof typeof KafkaPrincipals];

type Operation = "READ" | "WRITE" | "DESCRIBE" | "DELETE";

export interface AclGrant {
  principal: KafkaPrincipal;
  resource: "topic" | "group" | "cluster";
  /** Literal name, or a prefix when `prefixed`. */
  name: string;
  prefixed?: boolean;
  operations: readonly Operation[];
  /** Why the principal needs it (docs/security.md repeats it). */
  why: string;
}

const businessTopics = [Topics.orders, Topics.orderStatus, Topics.inventory] as const;
const deadLetters = businessTopics.map(deadLetterTopic);
const { console: consolePrincipal, worker, sapEvents } = KafkaPrincipals;
/** Every consumer group the worker runs starts with this ("icp.orders-to-sap", "icp.replay.<run>"). */
const WORKER_GROUP_PREFIX = ConsumerGroups.ordersToSap.slice(0, ConsumerGroups.ordersToSap.indexOf(".") + 1);

export const ACL_POLICY: readonly AclGrant[] = [
  {
    principal: consolePrincipal,
    resource: "topic",
    name: Topics.orders,
    operations: ["WRITE", "DESCRIBE"],
    why: "the storefront API publishes accepted orders",
  },
  ...[Topics.orderStatus, Topics.inventory].map(
    (name): AclGrant => ({
      principal: consolePrincipal,
      resource: "topic",
      name,
      operations: ["WRITE"],
      why: "an operator's retry of a dead letter re-publishes it to its source topic",
    }),
  ),
  ...[...businessTopics, ...deadLetters].map(
    (name): AclGrant => ({
      principal: consolePrincipal,
      resource: "topic",
      name,
      operations: ["READ", "DESCRIBE"],
      why: "the topic browser, replay's dry run and the lag figures",
    }),
  ),
  {
    principal: consolePrincipal,
    resource: "group",
    name: "icp-console-browse-",
    prefixed: true,
    operations: ["READ", "DESCRIBE", "DELETE"],
    why: "the browser's throw-away groups (never committed, deleted after)",
  },
  {
    principal: consolePrincipal,
    resource: "group",
    name: "*",
    operations: ["DESCRIBE"],
    why: "every consumer group's members and committed offsets: the Kafka page and lag",
  },
  {
    principal: consolePrincipal,
    resource: "cluster",
    name: "kafka-cluster",
    operations: ["DESCRIBE"],
    why: "the broker list and the consumer groups list",
  },
  ...[...businessTopics, ...deadLetters].map(
    (name): AclGrant => ({
      principal: worker,
      resource: "topic",
      name,
      operations: ["READ", "DESCRIBE"],
      why: "consumes the topics into its queues; replays and redrives read them",
    }),
  ),
  ...deadLetters.map(
    (name): AclGrant => ({
      principal: worker,
      resource: "topic",
      name,
      operations: ["WRITE"],
      why: "dead-letters messages it cannot parse or validate",
    }),
  ),
  {
    principal: worker,
    resource: "topic",
    name: Topics.orders,
    operations: ["WRITE"],
    why: "the reconciler re-produces an order the storefront API recorded but whose produce never landed",
  },
  {
    principal: worker,
    resource: "group",
    name: WORKER_GROUP_PREFIX,
    prefixed: true,
    operations: ["READ", "DESCRIBE", "DELETE"],
    why: "its consumer groups and replay runs' throw-away groups",
  },
  {
    principal: worker,
    resource: "group",
    name: "icp-redrive-",
    prefixed: true,
    operations: ["READ", "DESCRIBE", "DELETE"],
    why: "the stranded-order redrive's throw-away groups",
  },
  {
    principal: worker,
    resource: "cluster",
    name: "kafka-cluster",
    operations: ["DESCRIBE"],
    why: "its health check describes the cluster",
  },
  ...[Topics.orderStatus, Topics.inventory].map(
    (name): AclGrant => ({
      principal: sapEvents,
      resource: "topic",
      name,
      operations: ["WRITE", "DESCRIBE"],
      why: "SAP's order status and stock events",
    }),
  ),
];

const resourceTypes = {
  topic: AclResourceTypes.TOPIC,
  group: AclResourceTypes.GROUP,
  cluster: AclResourceTypes.CLUSTER,
} as const;

/** The policy as the broker's ACL entries: one per principal × resource × operation. */
export function aclEntries(policy: readonly AclGrant[] = ACL_POLICY): AclEntry[] {
  return policy.flatMap((g) =>
    g.operations.map((op) => ({
      principal: `User:${g.principal}`,
      host: "*",
      resourceType: resourceTypes[g.resource],
      resourceName: g.name,
      resourcePatternType: g.prefixed ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
      operation: AclOperationTypes[op],
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
}

const keyOf = (a: AclEntry) =>
  [
    a.principal,
    a.host,
    a.resourceType,
    a.resourceName,
    a.resourcePatternType,
    a.operation,
    a.permissionType,
  ].join("|");

/**
 * Makes the broker's ACLs for our principals equal the policy: grants missing are created,
 * grants no longer in the policy are deleted (a removed grant must stop working). Needs a
 * client authorised to alter ACLs (a super user). Returns what changed.
 */
export async function applyAclPolicy(
  admin: Admin,
  policy: readonly AclGrant[] = ACL_POLICY,
): Promise<{ created: number; deleted: number; total: number }> {
  const wanted = aclEntries(policy);
  const principals = [...new Set(Object.values(KafkaPrincipals))].map((p) => `User:${p}`);
  const existing: AclEntry[] = [];
  for (const principal of principals) {
    const res = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      principal,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    for (const r of res.resources)
      for (const acl of r.acls)
        existing.push({
          ...acl,
          resourceType: r.resourceType,
          resourceName: r.resourceName,
          resourcePatternType: r.resourcePatternType,
        });
  }
  const have = new Set(existing.map(keyOf));
  const want = new Set(wanted.map(keyOf));
  const missing = wanted.filter((a) => !have.has(keyOf(a)));
  const stale = existing.filter((a) => !want.has(keyOf(a)));
  if (missing.length) await admin.createAcls({ acl: missing });
  if (stale.length) await admin.deleteAcls({ filters: stale });
  return { created: missing.length, deleted: stale.length, total: wanted.length };
}
