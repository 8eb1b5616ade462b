import { TOPIC_SPECS } from "@icp/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureTools, type K8sObject, kustomizeBuild, parseManifests } from "./lib/render";

/**
 * Issue 18: the worker's replica bounds against the partitions and the one SAP cap that every
 * replica shares (apps/worker/src/sap-slots, docs/scaling.md), in each overlay as rendered.
 */
const ENVS = ["beta", "stage", "prod"] as const;
const rendered: Partial<Record<(typeof ENVS)[number], K8sObject[]>> = {};

beforeAll(() => {
  const tools = ensureTools();
  for (const env of ENVS) rendered[env] = parseManifests(kustomizeBuild(tools, `k8s/overlays/${env}`));
}, 15 * 60_000);

describe.each(ENVS)("overlay %s: worker replicas, partitions and the shared SAP cap", (env) => {
  it("never more replicas than partitions, nor than SAP slots (each replica can hold one at once)", () => {
    const objs = rendered[env] ?? [];
    const so = objs.find((o) => o.kind === "ScaledObject" && o.metadata?.name === "icp-worker");
    expect(so, "the worker's ScaledObject").toBeDefined();
    const max = Number(so?.spec?.maxReplicaCount);
    const min = Number(so?.spec?.minReplicaCount);
    expect(min).toBeGreaterThanOrEqual(1);
    expect(min).toBeLessThanOrEqual(max);
    // the topics its consumer groups read (the triggers name them)
    const topics = ((so?.spec?.triggers ?? []) as { metadata: { topic: string } }[]).map(
      (t) => t.metadata.topic,
    );
    expect(topics.length).toBeGreaterThan(0);
    const partitions = Math.min(...topics.map((t) => TOPIC_SPECS.find((s) => s.name === t)?.partitions ?? 0));
    expect(max).toBeLessThanOrEqual(partitions);
    const config = objs.find(
      (o) => o.kind === "ConfigMap" && String(o.metadata?.name).startsWith("icp-config"),
    );
    const cap = Number((config?.data as Record<string, string> | undefined)?.SAP_MAX_CONCURRENCY);
    expect(cap, "SAP_MAX_CONCURRENCY in the rendered ConfigMap").toBeGreaterThanOrEqual(1);
    expect(max).toBeLessThanOrEqual(cap);
  });
});
