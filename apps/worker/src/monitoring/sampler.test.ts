import type { Db } from "@icp/db";
import { createLogger, createMetrics } from "@icp/observability";
import { describe, expect, it } from "vitest";
import { PipelineSampler } from "./sampler";

function sampler(open: { flow: string; errorClass: string; n: number }[], sapErrors: number) {
  const db = {
    failureRecord: {
      groupBy: async () =>
        open.map((o) => ({ flow: o.flow, errorClass: o.errorClass, _count: { _all: o.n } })),
    },
    orderEvent: { count: async () => sapErrors },
  } as unknown as Db;
  return new PipelineSampler({ db, admin: {} as never, queues: [], logger: createLogger({ service: "t" }) });
}

async function gauge(metrics: ReturnType<typeof createMetrics>, name: string) {
  const m = (await metrics.registry.getMetricsAsJSON()).find((x) => x.name === name);
  return (m?.values ?? []) as { labels: Record<string, string>; value: number }[];
}

describe("the sampler's failure gauges", () => {
  it("exports unhandled dead letters as open POISON failures, and SAP create errors of the last minute", async () => {
    const metrics = createMetrics("worker");
    await sampler(
      [
        { flow: "ORDERS", errorClass: "POISON", n: 2 },
        { flow: "ORDERS", errorClass: "TRANSIENT", n: 5 },
      ],
      7,
    ).sampleFailures(metrics);
    const open = await gauge(metrics, "icp_failures_open");
    expect(open.find((v) => v.labels.error_class === "POISON")?.value).toBe(2);
    expect(open.find((v) => v.labels.error_class === "TRANSIENT")?.value).toBe(5);
    expect((await gauge(metrics, "icp_sap_create_errors_last_minute"))[0]?.value).toBe(7);
  });

  it("drops to 0 once the dead letters are handled, so the alert clears", async () => {
    const metrics = createMetrics("worker");
    await sampler([{ flow: "ORDERS", errorClass: "POISON", n: 2 }], 0).sampleFailures(metrics);
    await sampler([], 0).sampleFailures(metrics);
    const poison = (await gauge(metrics, "icp_failures_open")).filter(
      (v) => v.labels.error_class === "POISON",
    );
    expect(poison.map((v) => v.value)).toEqual([0]);
  });
});
