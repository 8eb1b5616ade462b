import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { faultBodyFromArgs } from "../cli";
import type { Sandbox } from "../sandbox";
import { admin, basicAuth, salesOrderPayload, sapClient, startTestSandbox } from "../testing";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await admin(sandbox, "DELETE", "faults");
});
const product = () => sapClient(sandbox, "API_PRODUCT_SRV");
const setFaults = async (config: Record<string, unknown>) => {
  const res = await admin(sandbox, "PUT", "faults", config);
  expect(res.status, await res.clone().text()).toBe(200);
};

describe("fault injection", () => {
  it("validates the fault config", async () => {
    const res = await admin(sandbox, "PUT", "faults", { errorRate: 2, errorStatus: 418, bogus: 1 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { problems: string[] }).problems).toHaveLength(3);
  });

  it("adds latency", async () => {
    await setFaults({ latencyMs: 150, jitterMs: 20 });
    const t = performance.now();
    expect((await product().get("A_Product('TG11')")).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(145);
  });

  it.each([500, 502, 503, 504])("answers %i at error rate 1, in SAP's error format", async (status) => {
    await setFaults({ errorRate: 1, errorStatus: status });
    const res = await product().get("A_Product('TG11')");
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("/IWFND/CM_BEC/026");
  });

  it("fails about the configured share of requests", async () => {
    await setFaults({ errorRate: 0.5, errorStatus: 503 });
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () =>
        product()
          .get("A_Product('TG11')")
          .then((r) => r.status),
      ),
    );
    const failed = statuses.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);
  });

  it("answers 429 with Retry-After", async () => {
    await setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const res = await product().get("A_Product('TG11')");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
  });

  it("hangs until the client gives up", async () => {
    await setFaults({ timeoutRate: 1 });
    const t = performance.now();
    const aborted = await fetch(`${sandbox.url}/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product('TG11')`, {
      headers: { authorization: basicAuth() },
      signal: AbortSignal.timeout(300),
    }).catch((e: unknown) => (e as Error).name);
    expect(aborted).toBe("TimeoutError");
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
  });

  it("commits a create but loses the response", async () => {
    const client = sapClient(sandbox, "API_SALES_ORDER_SRV");
    await client.csrf();
    await setFaults({ lostResponseRate: 1, scope: { service: "API_SALES_ORDER_SRV", method: "POST" } });
    const before = sandbox.stats.ordersCreated;
    const outcome = await client
      .send("POST", "A_SalesOrder", salesOrderPayload({ PurchaseOrderByCustomer: "LOST-1" }))
      .then(
        () => "answered",
        () => "socket closed",
      );
    expect(outcome).toBe("socket closed");
    expect(sandbox.stats.ordersCreated).toBe(before + 1);
    await admin(sandbox, "DELETE", "faults");
    const found = await client.json<{ d: { results: unknown[] } }>(
      "A_SalesOrder?$filter=PurchaseOrderByCustomer eq 'LOST-1'",
    );
    expect(found.d.results).toHaveLength(1);
  });

  it("caps concurrency with 503 and records the maximum seen", async () => {
    await admin(sandbox, "DELETE", "stats");
    await setFaults({ maxConcurrency: 2, latencyMs: 100 });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () =>
        product()
          .get("A_Product('TG11')")
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    const stats = (await (await admin(sandbox, "GET", "stats")).json()) as {
      maxConcurrency: number;
      maxAdmitted: number;
      faultsInjected: Record<string, number>;
    };
    expect(stats.maxConcurrency).toBeGreaterThanOrEqual(3);
    // Admitted past the cap: never more than it; the rest were refused and counted.
    expect(stats.maxAdmitted).toBe(2);
    expect(stats.faultsInjected.concurrency).toBe(statuses.filter((s) => s === 503).length);
  });

  it("simulates a full outage", async () => {
    await setFaults({ outage: true });
    expect((await product().get("A_Product('TG11')")).status).toBe(503);
  });

  it("only hits requests in scope", async () => {
    await setFaults({ errorRate: 1, errorStatus: 500, scope: { service: "API_SALES_ORDER_SRV" } });
    expect((await product().get("A_Product('TG11')")).status).toBe(200);
    expect((await sapClient(sandbox, "API_SALES_ORDER_SRV").get("A_SalesOrder")).status).toBe(500);
    await setFaults({ errorRate: 1, errorStatus: 502, scope: { pathPrefix: "A_ProductDescription" } });
    expect((await product().get("A_Product('TG11')")).status).toBe(200);
    expect((await product().get("A_ProductDescription")).status).toBe(502);
  });

  it("CLI flags map onto the admin payload", () => {
    expect(
      faultBodyFromArgs([
        "--latency",
        "200",
        "--error-rate",
        "0.5",
        "--status",
        "503",
        "--service",
        "API_SALES_ORDER_SRV",
        "--outage",
      ]),
    ).toEqual({
      latencyMs: 200,
      errorRate: 0.5,
      errorStatus: 503,
      outage: true,
      scope: { service: "API_SALES_ORDER_SRV" },
    });
  });
});
