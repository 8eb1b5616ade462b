/**
 * Proves each server of the local stack (scripts/stack.sh up) works over a real connection:
 * PostgreSQL, Redis, Kafka (KRaft) and FerretDB. No mocks. Every test uses names unique to
 * this run, so it can be re-run against a long-lived stack.
 */
import { randomUUID } from "node:crypto";
import { kafkaConnection, loadEnv } from "@icp/config";
import { TOPIC_SPECS, Topics } from "@icp/domain/topics";
import { createKafka } from "@icp/messaging";
import { Redis } from "ioredis";
import type { Consumer, Producer } from "kafkajs";
import { MongoClient } from "mongodb";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const env = loadEnv();
const run = randomUUID().slice(0, 8);

describe("local stack: PostgreSQL", () => {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("answers queries as role icp in database icp, with a working table round trip", async () => {
    const who = await client.query<{ user: string; db: string; version: string }>(
      "select current_user as user, current_database() as db, current_setting('server_version') as version",
    );
    expect(who.rows[0]).toMatchObject({ user: "icp", db: "icp" });
    expect(who.rows[0]?.version).toMatch(/^15\./);

    const table = `stack_probe_${run}`;
    await client.query(`create temp table ${table} (id int primary key, body jsonb not null)`);
    await client.query(`insert into ${table} values ($1, $2)`, [1, { ok: true }]);
    const row = await client.query(`select body from ${table} where id = $1`, [1]);
    expect(row.rows[0]?.body).toEqual({ ok: true });
  });

  it("has the ferretdb database FerretDB stores into", async () => {
    const dbs = await client.query("select datname from pg_database where datname = 'ferretdb'");
    expect(dbs.rowCount).toBe(1);
  });
});

describe("local stack: Redis", () => {
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  beforeAll(() => redis.connect());
  afterAll(async () => {
    await redis.quit();
  });

  it("sets and gets, with the eviction policy BullMQ requires", async () => {
    const key = `stack:probe:${run}`;
    expect(await redis.set(key, "hello", "EX", 60)).toBe("OK");
    expect(await redis.get(key)).toBe("hello");
    const policy = (await redis.config("GET", "maxmemory-policy")) as string[];
    expect(policy[1]).toBe("noeviction");
    await redis.del(key);
  });
});

describe("local stack: Kafka", () => {
  const kafka = createKafka({ ...kafkaConnection(env), clientId: `stack-test-${run}` });
  const admin = kafka.admin();
  let producer: Producer;
  let consumer: Consumer;
  beforeAll(async () => {
    await admin.connect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await admin.disconnect();
  });

  it("has every topic of TOPIC_SPECS with its partition count, and no auto-creation", async () => {
    const meta = await admin.fetchTopicMetadata({ topics: TOPIC_SPECS.map((t) => t.name) });
    const partitions = Object.fromEntries(meta.topics.map((t) => [t.name, t.partitions.length]));
    expect(partitions).toEqual(Object.fromEntries(TOPIC_SPECS.map((t) => [t.name, t.partitions])));
    expect(TOPIC_SPECS).toHaveLength(6);

    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 4 /* BROKER */, name: "1", configNames: ["auto.create.topics.enable"] }],
    });
    expect(configs.resources[0]?.configEntries[0]?.configValue).toBe("false");
  });

  it("produces keyed messages; a consumer group consumes and commits; admin shows committed vs end offsets", async () => {
    const topic = Topics.orders;
    const groupId = `stack-test-${run}`;
    const key = `order-${run}`;
    const values = [0, 1, 2].map((i) => JSON.stringify({ run, i }));

    const before = await admin.fetchTopicOffsets(topic);
    const sent = await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key, value })) });
    const partition = sent[0]?.partition;
    expect(partition).toBeDefined();
    // one key → one partition, in order
    expect(new Set(sent.map((r) => r.partition)).size).toBe(1);

    const startOffset = before.find((p) => p.partition === partition)?.offset ?? "0";
    consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    await consumer.connect();
    // A new group starts from the beginning; only this run's key counts.
    await consumer.subscribe({ topic, fromBeginning: true });
    const got: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumed only ${got.length}/3 messages`)), 45_000);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ message, partition: p }) => {
            if (p !== partition || message.key?.toString() !== key) return;
            got.push(message.value?.toString() ?? "");
            // Commit only after the effect (here: remembering the value) is done.
            await consumer.commitOffsets([
              { topic, partition: p, offset: (BigInt(message.offset) + 1n).toString() },
            ]);
            if (got.length === values.length) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    await done;
    expect(got).toEqual(values);

    const end = await admin.fetchTopicOffsets(topic);
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const endOffset = end.find((p) => p.partition === partition)?.offset;
    const committedOffset = committed[0]?.partitions.find((p) => p.partition === partition)?.offset;
    expect(endOffset).toBe((BigInt(startOffset) + 3n).toString());
    expect(committedOffset).toBe(endOffset); // lag 0 on our partition
    // partitions the group never touched have no committed offset (-1) while their end offset may be > 0
    const others = committed[0]?.partitions.filter((p) => p.partition !== partition) ?? [];
    expect(others.every((p) => p.offset === "-1")).toBe(true);

    await consumer.disconnect();
    // One more message the group has not consumed yet: lag = end - committed = 1.
    await producer.send({ topic, acks: -1, messages: [{ key, value: "unconsumed" }] });
    const end2 = await admin.fetchTopicOffsets(topic);
    const endOffset2 = end2.find((p) => p.partition === partition)?.offset;
    const committed2 = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committedOffset2 = committed2[0]?.partitions.find((p) => p.partition === partition)?.offset;
    expect(BigInt(endOffset2 ?? "0") - BigInt(committedOffset2 ?? "0")).toBe(1n);
    await admin.deleteGroups([groupId]);
  });
});

describe("local stack: FerretDB (MongoDB wire protocol) with the official driver", () => {
  const client = new MongoClient(env.MONGODB_URL, { serverSelectionTimeoutMS: 5_000 });
  const collection = () =>
    client
      .db()
      .collection<{ _id: string; name: string; stock?: number; tags?: string[] }>(`stack_probe_${run}`);
  beforeAll(() => client.connect());
  afterAll(async () => {
    await collection()
      .drop()
      .catch(() => {});
    await client.close();
  });

  it("is FerretDB on the storefront database", async () => {
    expect(client.db().databaseName).toBe("storefront");
    const info = await client.db().admin().command({ buildInfo: 1 });
    expect(info.ferretdbVersion).toBe("v1.24.2");
  });

  it("inserts, finds, upserts, indexes and bulk-writes", async () => {
    const c = collection();
    await c.insertOne({ _id: "p1", name: "Pump", stock: 3, tags: ["a"] });
    expect(await c.findOne({ _id: "p1" })).toEqual({ _id: "p1", name: "Pump", stock: 3, tags: ["a"] });

    const up1 = await c.updateOne({ _id: "p2" }, { $set: { name: "Valve", stock: 1 } }, { upsert: true });
    expect(up1.upsertedCount).toBe(1);
    const up2 = await c.updateOne({ _id: "p2" }, { $inc: { stock: 4 } }, { upsert: true });
    expect(up2.modifiedCount).toBe(1);
    expect((await c.findOne({ _id: "p2" }))?.stock).toBe(5);

    const idx = await c.createIndex({ name: 1 }, { unique: true, name: "name_unique" });
    expect(idx).toBe("name_unique");
    expect((await c.indexes()).map((i) => i.name)).toContain("name_unique");
    await expect(c.insertOne({ _id: "dup", name: "Pump" })).rejects.toMatchObject({ code: 11000 });

    const bulk = await c.bulkWrite(
      [
        { insertOne: { document: { _id: "p3", name: "Hose", stock: 0 } } },
        { updateOne: { filter: { _id: "p1" }, update: { $set: { stock: 10 } } } },
        { updateOne: { filter: { _id: "p4" }, update: { $set: { name: "Seal", stock: 7 } }, upsert: true } },
        { deleteOne: { filter: { _id: "p2" } } },
      ],
      { ordered: true },
    );
    expect(bulk.insertedCount).toBe(1);
    expect(bulk.matchedCount).toBe(1);
    expect(bulk.upsertedCount).toBe(1);
    expect(bulk.deletedCount).toBe(1);

    const all = await c.find({}, { sort: { _id: 1 } }).toArray();
    expect(all.map((d) => [d._id, d.stock])).toEqual([
      ["p1", 10],
      ["p3", 0],
      ["p4", 7],
    ]);
    expect(await c.countDocuments({ stock: { $gt: 0 } })).toBe(2);
  });

  it("gives the tables FerretDB creates indexes its equality lookups use (scripts/stack/ferretdb-indexes.sql)", async () => {
    const db = client.db(`gin_probe_${run}`);
    const pgUrl = new URL(env.DATABASE_URL);
    pgUrl.pathname = "/ferretdb";
    const sql = new pg.Client({ connectionString: pgUrl.toString() });
    await sql.connect();
    try {
      const c = db.collection<{ _id: string; sku: string; n: number }>("things");
      await c.insertMany(Array.from({ length: 3000 }, (_, n) => ({ _id: `T${n}`, sku: `S${n % 1000}`, n })));
      await c.createIndex({ sku: 1 });
      const meta = await sql.query<{ table: string }>(
        `select _jsonb->>'table' as table from ${pg.escapeIdentifier(db.databaseName)}._ferretdb_database_metadata where _jsonb->>'_id' = 'things'`,
      );
      const table = `${pg.escapeIdentifier(db.databaseName)}.${pg.escapeIdentifier(meta.rows[0]?.table ?? "")}`;
      const gin = await sql.query<{ def: string }>(
        "select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = $1::regclass and pg_get_indexdef(indexrelid) like '% USING gin %'",
        [table],
      );
      // One per field, without a pending list (fastupdate off: see the SQL file).
      expect(gin.rows.map((r) => r.def.replace(/^.* USING /, "").replace(/'(off)'/, "$1")).sort()).toEqual([
        "gin (((_jsonb -> '_id'::text)) jsonb_path_ops) WITH (fastupdate=off)",
        "gin (((_jsonb -> 'sku'::text)) jsonb_path_ops) WITH (fastupdate=off)",
      ]);
      // FerretDB's pushdown of {_id: v} is `_jsonb->'_id' @> v`: the planner now takes the index.
      await sql.query(`analyze ${table}`);
      const plan = await sql.query<{ "QUERY PLAN": string }>(
        `explain select _jsonb from ${table} where _jsonb->'_id' @> '"T42"'`,
      );
      expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Index Scan|Bitmap Index Scan/);
      expect(await c.findOne({ _id: "T42" })).toEqual({ _id: "T42", sku: "S42", n: 42 });
      expect(await c.countDocuments({ sku: "S42" })).toBe(3);
    } finally {
      await db.dropDatabase().catch(() => {});
      await sql.end();
    }
  });
});
