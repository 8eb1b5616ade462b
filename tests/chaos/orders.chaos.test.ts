import { orderSubmittedRecord, Topics } from "@icp/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChaosRun, expectInvariants, FULL, LATE_COMMIT_MS, N, Services, sleep } from "./harness";

/**
 * The original chaos scenario: N orders (CHAOS_ORDERS) flow from Kafka to the SAP sandbox
 * through two worker processes while, in turn, a worker is killed with SIGKILL mid-batch,
 * Redis and the Kafka broker are restarted, SAP answers half its calls 503, and SAP creates
 * orders but the answers are lost. Every 100th message is poison. Then the invariants are
 * checked against SAP's own records, and the DLQ must hold exactly the poison.
 */
const TRAFFIC_SECONDS = FULL ? 240 : 35;
let chaos: ChaosRun;

beforeAll(async () => {
  chaos = await ChaosRun.start({ scenario: "orders" });
}, 300_000);
afterAll(async () => chaos?.close(), 300_000);

describe(`${N} orders under worker SIGKILL, Redis and Kafka restarts, SAP 503s, lost answers and late commits, poison`, () => {
  it("every accepted order is one SAP sales order or a visible failure; no duplicates; poison only in the DLQ; read model = ledger = SAP", async () => {
    const dlqStart = await chaos.admin.fetchTopicOffsets(`${Topics.orders}.dlq`);
    const accepted = new Set<string>();
    const poison = new Set<string>();
    const faults: string[] = [];
    const started = Date.now();
    const at = (s: number) => started + s * 1000 * (TRAFFIC_SECONDS / 70);
    const wait = (until: number) => sleep(Math.max(0, until - Date.now()));

    // The fault schedule runs beside the traffic.
    const schedule = (async () => {
      await wait(at(6));
      chaos.log("SIGKILL worker 0 mid-batch");
      chaos.workers.signal(0, "SIGKILL");
      faults.push("worker SIGKILL");
      await sleep(2_000);
      await chaos.workers.start(0);
      await wait(at(14));
      chaos.log("restart Redis");
      await Services.restart("redis");
      faults.push("Redis restart");
      await wait(at(22));
      chaos.log("restart the Kafka broker");
      await Services.restart("kafka");
      faults.push("Kafka broker restart");
      await wait(at(28));
      // While orders still arrive (the later windows may find the backlog drained).
      const lateFor = FULL ? 30_000 : 10_000;
      // After the broker restart the group may take half a minute to rejoin under load (CI run F
      // booked nothing in its first 30 s window): held up to 2 minutes for creates to reach it.
      const LATE_WINDOW_CAP_MS = 120_000;
      // Creates SAP commits after the worker gave up on them (issue 22: 7): no answer until the
      // 5 s client timeout, the document committed 6 s later — inside the commit window.
      chaos.log("SAP commits 30% of creates after the client timed out");
      chaos.sandbox.faults.set({
        lateCommitRate: 0.3,
        lateCommitMs: LATE_COMMIT_MS,
        scope: { service: "API_SALES_ORDER_SRV", method: "POST", pathPrefix: "A_SalesOrder" },
      });
      // Held until creates have really been caught by it (a loaded machine may book none for a
      // while after the broker restart), up to LATE_WINDOW_CAP_MS.
      const lateFrom = Date.now();
      const lateCommits = () => chaos.sandbox.stats.faultsInjected.lateCommit ?? 0;
      while (
        Date.now() - lateFrom < lateFor ||
        (lateCommits() < 5 && Date.now() - lateFrom < LATE_WINDOW_CAP_MS)
      )
        await sleep(250);
      chaos.sandbox.faults.clear();
      faults.push(
        `SAP committed 30% of creates ${LATE_COMMIT_MS / 1000} s after the client's timeout, for ${Math.round((Date.now() - lateFrom) / 1000)} s (${lateCommits()} creates)`,
      );
      await wait(at(40));
      // CI's short form keeps the SAP windows short; the full run holds them as long as a real
      // incident would (a minute of 503s).
      const errorsFor = FULL ? 60_000 : 10_000;
      const lostFor = FULL ? 30_000 : 8_000;
      chaos.log("SAP answers 50% of calls with 503");
      chaos.sandbox.faults.set({
        errorRate: 0.5,
        errorStatus: 503,
        scope: { service: "API_SALES_ORDER_SRV" },
      });
      await sleep(errorsFor);
      chaos.sandbox.faults.clear();
      faults.push(`SAP 50% 503 for ${errorsFor / 1000} s`);
      chaos.log("SAP creates orders but 30% of the answers are lost");
      chaos.sandbox.faults.set({
        lostResponseRate: 0.3,
        scope: { service: "API_SALES_ORDER_SRV", method: "POST", pathPrefix: "A_SalesOrder" },
      });
      await sleep(lostFor);
      chaos.sandbox.faults.clear();
      faults.push(`SAP lost 30% of create answers for ${lostFor / 1000} s`);
    })();

    // Traffic: N orders over TRAFFIC_SECONDS, in batches of 25; a poison message every 100.
    const batches = Math.ceil(N / 25);
    for (let b = 0; b < batches; b++) {
      const orders = [];
      const extra = [];
      for (let i = b * 25; i < Math.min(N, (b + 1) * 25); i++) {
        const o = chaos.order(i);
        orders.push(o);
        if (i % 100 === 99) {
          const rec = orderSubmittedRecord(o);
          const key = `${chaos.run}-poison-${i}`;
          extra.push({ key, value: "{not json", headers: { ...rec.headers, ce_id: key } });
          poison.add(key);
        }
      }
      for (const id of await chaos.submit(orders, extra)) accepted.add(id);
      await wait(started + ((b + 1) * TRAFFIC_SECONDS * 1000) / batches);
    }
    await schedule;
    chaos.log(
      `traffic done: ${accepted.size} orders and ${poison.size} poison messages acknowledged by Kafka`,
    );

    await chaos.settle(accepted);
    const dlq = await dlqKeys(dlqStart);
    const figures = await chaos.verify(accepted);
    chaos.print(figures, {
      "poison sent / in DLQ": `${poison.size} / ${dlq.size}`,
      faults: faults.join("; "),
      "creates SAP committed after the client's timeout": chaos.sandbox.stats.faultsInjected.lateCommit ?? 0,
    });
    expect(faults).toHaveLength(6);
    // The late-commit window was not idle: creates did commit behind a timed-out client.
    expect(chaos.sandbox.stats.faultsInjected.lateCommit ?? 0).toBeGreaterThan(0);
    expect([...dlq].sort()).toEqual([...poison].sort());
    expectInvariants(figures);
  });
});

/** This run's keys in the orders DLQ, read from where the topic ended before the run. */
async function dlqKeys(start: { partition: number; high: string }[]): Promise<Set<string>> {
  const topic = `${Topics.orders}.dlq`;
  const end = await chaos.admin.fetchTopicOffsets(topic);
  const toRead = end.reduce(
    (n, p) => n + Number(p.high) - Number(start.find((s) => s.partition === p.partition)?.high ?? 0),
    0,
  );
  const keys = new Set<string>();
  if (toRead === 0) return keys;
  const consumer = chaos.kafka.consumer({ groupId: `chaos-dlq-${chaos.run}` });
  await consumer.connect();
  await consumer.subscribe({ topic });
  let read = 0;
  await new Promise<void>((done) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        read++;
        const key = message.key?.toString() ?? "";
        if (key.startsWith(chaos.run)) keys.add(key);
        if (read >= toRead) done();
      },
    });
    for (const p of start) consumer.seek({ topic, partition: p.partition, offset: p.high });
  });
  await consumer.disconnect();
  return keys;
}
