import { Queues } from "@icp/domain";
import { redisConnection } from "@icp/messaging";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, it } from "vitest";
import { ChaosRun, expectInvariants, FULL, N, sleep } from "./harness";

/**
 * Freeze: one of two workers is stopped with SIGSTOP — not killed — for three BullMQ locks
 * (5 s each) while it holds a backlog of order jobs, then continued. Its jobs' locks expire,
 * the other worker takes them over; when the frozen one wakes it must not send its creates
 * (issue 23, finding 1: 7 and 4 duplicate SAP sales orders in two runs of 1,500). SAP's own
 * duplicate purchase-order check is switched off, so only the worker's fence can keep the
 * count of SAP sales orders per storefront order at one.
 */
const LOCK_MS = 5_000;
const FREEZE_MS = 3 * LOCK_MS;
const ORDERS = Math.max(200, Math.round(N * 0.6));
let chaos: ChaosRun;

beforeAll(async () => {
  chaos = await ChaosRun.start({
    scenario: "freeze",
    // SAP's duplicate purchase-order check is customizing, not a given: off here, so what is
    // proved is the worker's own fence (with it on, SAP would refuse the second create).
    sandbox: { salesDocumentTypes: { OR: { purchaseOrderCheck: "off" } } },
    workerEnv: { WORKER_LOCK_MS: String(LOCK_MS) },
  });
}, 300_000);
afterAll(async () => chaos?.close(), 300_000);

describe(`freeze: one of two workers SIGSTOPped for ${FREEZE_MS / 1000} s (lock ${LOCK_MS / 1000} s) with a backlog`, () => {
  it("books every order exactly once: a worker that wakes after losing its lock sends no create", async () => {
    const accepted = new Set<string>();
    const queue = new Queue(Queues.orders, { connection: redisConnection(chaos.stack.env.REDIS_URL) });
    // SAP is slow, so each worker holds many jobs in flight (between lookup and create, or
    // waiting for one of the SAP client's slots) when it is frozen.
    chaos.sandbox.faults.set({ latencyMs: 300, jitterMs: 300, scope: { service: "API_SALES_ORDER_SRV" } });
    const seconds = FULL ? 120 : 20;
    const traffic = chaos.traffic(0, ORDERS, seconds, accepted);
    // Freeze once the queue has a backlog: with jobs waiting, both workers run at their full
    // concurrency (SAP_MAX_CONCURRENCY × 2 = 16 each), half of them waiting for an SAP slot.
    const until = Date.now() + seconds * 500;
    let active = 0;
    while (Date.now() < until) {
      active = await queue.getActiveCount();
      if (active >= 24 && (await queue.getWaitingCount()) > 0) break;
      await sleep(200);
    }
    chaos.log(`SIGSTOP worker 0 (${active} order jobs active across workers)`);
    chaos.workers.signal(0, "SIGSTOP");
    await sleep(FREEZE_MS);
    chaos.log("SIGCONT worker 0");
    chaos.workers.signal(0, "SIGCONT");
    await traffic;
    chaos.sandbox.faults.clear();
    await queue.close();
    chaos.log(`traffic done: ${accepted.size} orders acknowledged by Kafka`);

    await chaos.settle(accepted);
    const figures = await chaos.verify(accepted);
    chaos.print(figures, {
      "freeze / lock": `${FREEZE_MS / 1000} s / ${LOCK_MS / 1000} s`,
      "active at freeze": active,
    });
    expectInvariants(figures);
  });
});
