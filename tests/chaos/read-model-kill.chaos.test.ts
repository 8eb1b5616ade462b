import { afterAll, beforeAll, describe, it } from "vitest";
import { ChaosRun, expectInvariants, FULL, N, Services, sleep } from "./harness";

/**
 * Read-model kill: FerretDB (the storefront's MongoDB read model) is killed with SIGKILL for
 * ~20 s while SAP's back office ships and bills orders and its status events flow, then
 * started again. After settling, every order's read-model status must equal the ledger's
 * sapStatus and SAP's own status (issue 23, finding 3: 39 of 548 orders stayed PROCESSING in
 * the storefront while SAP and the ledger said BILLED, with no failure record).
 */
const ORDERS = Math.max(200, Math.round(N * 0.6));
const OUTAGE_MS = FULL ? 25_000 : 20_000;
let chaos: ChaosRun;

beforeAll(async () => {
  chaos = await ChaosRun.start({
    scenario: "read-model-kill",
    // SAP moves orders on quickly, so many status events fall inside the outage.
    sandbox: { simulation: { advanceProbability: 0.5 } },
  });
}, 300_000);
afterAll(async () => chaos?.close(), 300_000);

describe(`read-model kill: FerretDB SIGKILLed for ${OUTAGE_MS / 1000} s while statuses flow`, () => {
  it("leaves every order's storefront status equal to the ledger's and SAP's once the read model is back", async () => {
    const accepted = new Set<string>();
    const seconds = FULL ? 90 : 20;
    const traffic = chaos.traffic(0, ORDERS, seconds, accepted);
    await sleep(seconds * 600);
    chaos.log("SIGKILL FerretDB");
    await Services.kill("ferretdb");
    await sleep(OUTAGE_MS);
    chaos.log("start FerretDB again");
    await Services.up();
    await traffic;
    chaos.log(`traffic done: ${accepted.size} orders acknowledged by Kafka`);
    // Statuses keep flowing a while after the outage, as they do in production.
    await sleep(FULL ? 30_000 : 5_000);
    await chaos.settle(accepted);
    const figures = await chaos.verify(accepted);
    chaos.print(figures, { "read-model outage": `${OUTAGE_MS / 1000} s` });
    expectInvariants(figures);
  });
});
