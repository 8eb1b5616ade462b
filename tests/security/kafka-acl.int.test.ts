/**
 * The local broker as an attacker on this machine meets it (issue #17, item 10): no plaintext,
 * no anonymous client, no wrong password, and a principal may write only where the ACL policy
 * (packages/messaging/src/acls.ts) grants it — checked by producing, with nothing written to
 * `orders` by any refused attempt.
 */
import { randomUUID } from "node:crypto";
import { type KafkaConnection, kafkaConnection, loadEnv } from "@icp/config";
import { deadLetterTopic, Topics } from "@icp/domain";
import { createKafka, KafkaPrincipals } from "@icp/messaging";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asPrincipal } from "../../scripts/stack/principals";

const env = loadEnv();
const admin = kafkaConnection(env);

/** One send, no retries, a short timeout: the first answer is the verdict. */
async function produce(kafka: Kafka, topic: string): Promise<"written" | string> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  try {
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      timeout: 5_000,
      messages: [{ key: "acl-test", value: randomUUID() }],
    });
    return "written";
  } catch (e) {
    const err = e as Error & { type?: string; cause?: Error & { type?: string } };
    return `${err.name}${err.type ? ` ${err.type}` : ""}${err.cause?.type ? ` ${err.cause.type}` : ""}: ${err.message}`;
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}

const client = (c: KafkaConnection, id: string) =>
  createKafka({ ...c, clientId: `acl-test-${id}`, retries: 0 });
const raw = (id: string, extra: Partial<ConstructorParameters<typeof Kafka>[0]>) =>
  new Kafka({
    clientId: `acl-test-${id}`,
    brokers: admin.brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    retry: { retries: 0 },
    ...extra,
  });

let ordersEnd: () => Promise<string>;
let before: string;

beforeAll(async () => {
  expect(admin.sasl, "the local stack runs Kafka with SASL (source .local/stack.env)").toBeTruthy();
  const a = client(admin, "admin").admin();
  await a.connect();
  ordersEnd = async () =>
    (await a.fetchTopicOffsets(Topics.orders))
      .map((p) => p.high)
      .reduce((x, y) => String(BigInt(x) + BigInt(y)), "0");
  before = await ordersEnd();
  afterAllDisconnect = () => a.disconnect();
});
let afterAllDisconnect: () => Promise<void> = async () => undefined;
afterAll(() => afterAllDisconnect());

describe("the local Kafka refuses who it does not know", () => {
  it("refuses a plaintext client (no TLS, no SASL)", async () => {
    const verdict = await produce(raw("plaintext", {}), Topics.orders);
    expect(verdict).not.toBe("written");
    expect(verdict).toMatch(
      /KafkaJS(Connection|ConnectionClosed|NumberOfRetriesExceeded|RequestTimeout|NonRetriable)/,
    );
  });

  it("refuses a TLS client that does not authenticate", async () => {
    const verdict = await produce(client({ ...admin, sasl: false }, "tls-anonymous"), Topics.orders);
    // The broker closes a connection that skips the SASL handshake.
    expect(verdict).toMatch(/Closed connection/);
  });

  it("refuses a known principal with the wrong password", async () => {
    const wrong = asPrincipal(admin, KafkaPrincipals.console);
    const verdict = await produce(
      client({ ...wrong, sasl: wrong.sasl && { ...wrong.sasl, password: "not-the-password" } }, "wrong-pw"),
      Topics.orders,
    );
    expect(verdict).toMatch(/KafkaJSSASLAuthenticationError|SASL SCRAM SHA512 authentication failed/);
  });
});

describe("each principal writes only where the policy grants it", () => {
  it("refuses SAP's event bridge on orders, and the worker on SAP's event topics", async () => {
    const sap = await produce(
      client(asPrincipal(admin, KafkaPrincipals.sapEvents), "sap-on-orders"),
      Topics.orders,
    );
    expect(sap).toMatch(/TOPIC_AUTHORIZATION_FAILED|not authorized/i);
    const worker = await produce(
      client(asPrincipal(admin, KafkaPrincipals.worker), "worker-on-status"),
      Topics.orderStatus,
    );
    expect(worker).toMatch(/TOPIC_AUTHORIZATION_FAILED|not authorized/i);
    const consoleOnDlq = await produce(
      client(asPrincipal(admin, KafkaPrincipals.console), "console-on-dlq"),
      deadLetterTopic(Topics.orders),
    );
    expect(consoleOnDlq).toMatch(/TOPIC_AUTHORIZATION_FAILED|not authorized/i);
  });

  it("lets a principal write where it may (the same client code: the refusals above are the ACLs')", async () => {
    // The worker's own dead-letter topic (nothing consumes it: a dead letter needs no handling
    // until an operator looks). The console writing `orders` as icp-console is the browser
    // suite's every order: it runs the console as that principal.
    expect(
      await produce(
        client(asPrincipal(admin, KafkaPrincipals.worker), "worker-ok"),
        deadLetterTopic(Topics.inventory),
      ),
    ).toBe("written");
    const sap = client(asPrincipal(admin, KafkaPrincipals.sapEvents), "sap-describe").admin();
    await sap.connect();
    try {
      expect((await sap.fetchTopicOffsets(Topics.orderStatus)).length).toBe(6);
      await expect(sap.fetchTopicOffsets(Topics.orders)).rejects.toThrow(
        /not authorized|TOPIC_AUTHORIZATION_FAILED/i,
      );
    } finally {
      await sap.disconnect();
    }
  });

  it("lets the console describe any consumer group (the Kafka page), and SAP's event bridge none", async () => {
    const group = `acl-test-${randomUUID()}`;
    // kafkajs' admin needs a retry to fill its broker pool before a group lookup.
    const admins = (p: KafkaConnection, id: string) =>
      createKafka({ ...p, clientId: `acl-test-${id}`, retries: 2 }).admin();
    const consoleAdmin = admins(asPrincipal(admin, KafkaPrincipals.console), "console-groups");
    const sapAdmin = admins(asPrincipal(admin, KafkaPrincipals.sapEvents), "sap-groups");
    await Promise.all([consoleAdmin.connect(), sapAdmin.connect()]);
    try {
      expect((await consoleAdmin.describeGroups([group])).groups[0]?.groupId).toBe(group);
      // Its coordinator lookup is refused (GROUP_AUTHORIZATION_FAILED); kafkajs reports that so.
      const refused = await sapAdmin.describeGroups([group]).then(
        () => "described",
        (e: Error & { cause?: Error & { type?: string } }) => `${e.name}: ${e.cause?.type ?? e.message}`,
      );
      expect(refused).toMatch(/GROUP_AUTHORIZATION_FAILED|KafkaJSGroupCoordinatorNotFound/);
    } finally {
      await Promise.all([consoleAdmin.disconnect(), sapAdmin.disconnect()]);
    }
  });

  it("wrote nothing to orders in all the refused attempts", async () => {
    expect(await ordersEnd()).toBe(before);
  });
});
