import { afterAll, beforeAll, describe, it } from "vitest";
import { resyncNow } from "../integration/harness";
import { ChaosRun, expectInvariants, FULL, N, sleep } from "./harness";

/**
 * SAP clock skew, both ways: SAP's clock 5 minutes behind ours, and (a separate SAP system)
 * 5 minutes ahead — the sandbox's `clockSkewMs` fault moves everything SAP stamps
 * (LastChangeDateTime, event times, its Date header). A full stock read, then orders whose
 * deliveries move stock, goods receipts and status events; after settling, every stock level
 * in the read model equals SAP's, and no order's status history runs backwards in time
 * (issue 23, finding 4: with SAP behind, 210 of 360 stock levels wrong and all 600 histories
 * backwards).
 */
const SKEW_MS = 5 * 60_000;
const ORDERS = Math.max(100, Math.round(N * 0.3));

describe.each([
  ["behind", -SKEW_MS],
  ["ahead", SKEW_MS],
])("SAP clock 5 min %s the worker's", (name, skew) => {
  let chaos: ChaosRun;
  beforeAll(async () => {
    chaos = await ChaosRun.start({
      scenario: `clock-${name}`,
      // Deliveries take stock out and goods receipts bring it in, each with SAP's event.
      sandbox: { simulation: { advanceProbability: 0.4, receiptsPerTick: 3 } },
      // SAP's clock is skewed from its first event, as a system whose clock is simply off.
      sandboxFaults: { clockSkewMs: skew },
    });
  }, 300_000);
  afterAll(async () => chaos?.close(), 300_000);

  it(`keeps read-model stock equal to SAP's and status histories in time order with SAP ${name}`, async () => {
    // The storefront's stock starts from a full read, as after a deployment or the nightly run.
    await resyncNow(chaos.db, chaos.stack.env.REDIS_URL, "STOCK");
    const accepted = new Set<string>();
    await chaos.traffic(0, ORDERS, FULL ? 60 : 12, accepted);
    chaos.log(`traffic done: ${accepted.size} orders acknowledged by Kafka`);
    await sleep(FULL ? 20_000 : 5_000);
    await chaos.settle(accepted);
    const figures = await chaos.verify(accepted, { stock: true, history: true });
    chaos.print(figures, { "SAP clock skew": `${skew / 60_000} min` });
    expectInvariants(figures);
  });
});
