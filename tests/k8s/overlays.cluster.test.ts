/**
 * The overlays applied to a real kube-apiserver (issue 21), built from the Go module proxy by
 * scripts/k8s-apiserver.sh and started on loopback with kine (SQLite) as its store: the CRDs of
 * Argo Rollouts, KEDA, the Prometheus Operator, Gateway API and Envoy Gateway's
 * BackendTrafficPolicy are installed, then every object of
 * overlays/beta, stage and prod is applied with server-side apply and strict field validation, so
 * the API server's own validation, defaulting and admission (NamespaceLifecycle, ServiceAccount,
 * PodSecurity) decide — not our schemas. Every pod template is then created as a Pod (dry-run) in
 * its namespace, whose Pod Security level the overlay's own Namespace object sets to
 * "restricted". Deliberately broken objects prove each check can fail.
 *
 * No controllers run (no scheduler, no kubelet, no controller-manager, no Argo/KEDA/Prometheus
 * operators): this proves the objects are accepted, not that they roll out.
 *
 * If the API server cannot be built or started, every test fails with the reason (never skips).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ApiResponse,
  type ApiserverTools,
  type Cluster,
  ensureApiserver,
  installCrds,
  serverSideApply,
  startCluster,
  why,
} from "./lib/apiserver";
import { isWorkload, podTemplateSpec } from "./lib/references";
import { ensureTools, type K8sObject, kustomizeBuild, type Loose, parseManifests } from "./lib/render";

const ENVS = ["beta", "stage", "prod"] as const;
type Env = (typeof ENVS)[number];

let tools: ApiserverTools;
let cluster: Cluster | undefined;
const rendered: Partial<Record<Env, K8sObject[]>> = {};
let logging: K8sObject[] = [];
let setupError: unknown;
const timings: string[] = [];

beforeAll(async () => {
  try {
    const manifestTools = ensureTools();
    for (const env of ENVS)
      rendered[env] = parseManifests(kustomizeBuild(manifestTools, `k8s/overlays/${env}`));
    logging = parseManifests(kustomizeBuild(manifestTools, "k8s/platform/logging"));
    tools = await ensureApiserver();
    timings.push(`toolchain ${tools.seconds.toFixed(1)}s`);
    const t = Date.now();
    cluster = await startCluster(tools);
    timings.push(`apiserver ready ${((Date.now() - t) / 1000).toFixed(1)}s`);
    const crds = tools.crds.flatMap((f) => parseManifests(readFileSync(f, "utf8")));
    const t2 = Date.now();
    await installCrds(cluster, crds);
    timings.push(`${crds.length} CRDs ${((Date.now() - t2) / 1000).toFixed(1)}s`);
  } catch (err) {
    setupError = err;
  }
}, 45 * 60_000);
afterAll(async () => {
  await cluster?.stop();
  console.log(`[k8s-cluster] ${timings.join(", ")}`);
}, 60_000);
// A failing beforeAll would only mark the tests skipped: fail each with the reason instead.
beforeEach(() => {
  if (setupError) throw setupError;
});

const c = (): Cluster => {
  if (!cluster) throw new Error("no cluster");
  return cluster;
};
const objs = (env: Env): K8sObject[] => structuredClone(rendered[env] ?? []);
const apply = (o: K8sObject, dryRun = false) => serverSideApply(c().kube, c().discovery, o, { dryRun });
const failures = (results: (ApiResponse & { object: string })[]) =>
  results.filter((r) => r.status >= 300).map((r) => `${r.object}: ${why(r)}`);

/** The Pod a controller would create from a workload's template (named after the workload). */
function podFrom(o: K8sObject): K8sObject {
  const template = o.kind === "CronJob" ? o.spec.jobTemplate.spec.template : o.spec.template;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `${o.metadata.name}-probe`.toLowerCase(),
      namespace: o.metadata.namespace,
      labels: template.metadata?.labels,
      annotations: template.metadata?.annotations,
    },
    spec: template.spec,
  };
}
/** Creates the Pod with dryRun=All: every admission plugin runs, nothing is stored. */
const createPod = (pod: K8sObject) =>
  c().kube.request(
    "POST",
    `/api/v1/namespaces/${pod.metadata.namespace}/pods?dryRun=All&fieldValidation=Strict`,
    pod,
  );

/** Namespace first, then what pods name (ServiceAccounts, ConfigMaps), then the rest. */
const ORDER = ["Namespace", "ServiceAccount", "ConfigMap", "Secret"];
const rank = (o: K8sObject) => (ORDER.includes(o.kind) ? ORDER.indexOf(o.kind) : ORDER.length);

describe.each(ENVS)("overlay %s on a real kube-apiserver", (env) => {
  it("its Namespace object sets Pod Security to restricted (enforce, audit, warn) on the server", async () => {
    const ns = objs(env).filter((o) => o.kind === "Namespace");
    expect(ns.map((o) => o.metadata.name)).toEqual([`icp-${env}`]);
    const r = await apply(ns[0] as K8sObject);
    expect([200, 201], why(r)).toContain(r.status);
    const got = await c().kube.request("GET", `/api/v1/namespaces/icp-${env}`);
    for (const mode of ["enforce", "audit", "warn"])
      expect(got.body.metadata.labels[`pod-security.kubernetes.io/${mode}`], mode).toBe("restricted");
  });

  it("accepts every object with server-side apply, strict field validation and admission, without warnings", async () => {
    const objects = objs(env).sort((a, b) => rank(a) - rank(b));
    const results = [];
    for (const o of objects) results.push(await apply(o));
    expect(failures(results)).toEqual([]);
    expect(results.flatMap((r) => r.warnings.map((w) => `${r.object}: ${w}`))).toEqual([]);
    // Every object is there, read back from the store.
    for (const o of objects) {
      const got = await c().kube.request("GET", c().discovery.path(o));
      expect(got.status, `${o.kind}/${o.metadata.name}: ${why(got)}`).toBe(200);
    }
    const kinds = new Set(objects.map((o) => o.kind));
    for (const k of [
      "Rollout",
      "ScaledObject",
      "ServiceMonitor",
      "PodMonitor",
      "PrometheusRule",
      "AnalysisTemplate",
      "Gateway",
      "HTTPRoute",
      "BackendTrafficPolicy",
    ])
      expect(kinds, k).toContain(k);
    console.log(`[k8s-cluster] ${env}: ${objects.length} objects applied (${[...kinds].length} kinds)`);
  });

  it("applying the same overlay again changes nothing (no field the server rewrites)", async () => {
    // Compared as stored objects without resourceVersion: the Gateway API CRDs default a Gateway's
    // status ("Waiting for controller"), so with no gateway controller running each apply is a
    // no-op write that bumps only resourceVersion. Any changed field (spec, metadata, managedFields,
    // status) still counts.
    const objects = objs(env);
    const stored = (body: Loose) => {
      const { resourceVersion: _rv, ...metadata } = body?.metadata ?? {};
      return JSON.stringify({ ...body, metadata });
    };
    const before = new Map<string, string>();
    for (const o of objects) {
      const got = await c().kube.request("GET", c().discovery.path(o));
      before.set(c().discovery.path(o), stored(got.body));
    }
    const changed: string[] = [];
    for (const o of objects) {
      const r = await apply(o);
      expect(r.status, why(r)).toBe(200);
      if (stored(r.body) !== before.get(c().discovery.path(o))) changed.push(`${o.kind}/${o.metadata.name}`);
    }
    expect(changed).toEqual([]);
  });

  it("admits a Pod from every workload's template under Pod Security restricted (its ServiceAccount exists)", async () => {
    const workloads = objs(env).filter(isWorkload);
    expect(workloads.map((o) => o.kind).sort()).toEqual(
      env === "beta" ? ["Deployment", "Job", "Rollout", "Rollout"] : ["Job", "Rollout", "Rollout"],
    );
    const problems: string[] = [];
    for (const w of workloads) {
      const r = await createPod(podFrom(w));
      if (r.status !== 201) problems.push(`${w.kind}/${w.metadata.name}: ${why(r)}`);
      else if (r.warnings.length) problems.push(`${w.kind}/${w.metadata.name}: ${r.warnings.join("; ")}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("platform/logging (OpenTelemetry Collector) on a real kube-apiserver", () => {
  it("is accepted; its namespace is privileged, and the DaemonSet's host paths are the only Pod Security findings", async () => {
    const objects = structuredClone(logging).sort((a, b) => rank(a) - rank(b));
    const results = [];
    for (const o of objects) results.push(await apply(o));
    expect(failures(results)).toEqual([]);
    // warn=baseline on the namespace reports the log directories the DaemonSet mounts, nothing else.
    const warnings = results.flatMap((r) => r.warnings.map((w) => `${r.object}: ${w}`));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^DaemonSet\/logging\/otel-collector: would violate PodSecurity "baseline:latest": hostPath volumes \(volumes "[^)]*"\)$/,
      ),
    ]);
    const ds = objects.find((o) => o.kind === "DaemonSet") as K8sObject;
    const pod = podFrom(ds);
    const admitted = await createPod(pod);
    expect(admitted.status, why(admitted)).toBe(201);
    // The privileged label is what lets it in: the same Pod in a restricted namespace is refused.
    const ns = objs("beta").find((o) => o.kind === "Namespace") as K8sObject;
    expect([200, 201]).toContain((await apply(ns)).status);
    const sa = objects.find((o) => o.kind === "ServiceAccount") as K8sObject;
    const saApplied = await apply({ ...sa, metadata: { ...sa.metadata, namespace: "icp-beta" } });
    expect(saApplied.status, why(saApplied)).toBeLessThan(300);
    const refused = await createPod({ ...pod, metadata: { ...pod.metadata, namespace: "icp-beta" } });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(
      /violates PodSecurity "restricted:latest".*use restricted volume type "hostPath"/,
    );
  });
});

describe("the cluster checks fail on broken objects", () => {
  const probeNs = async () => {
    const beta = objs("beta");
    const ns = beta.find((o) => o.kind === "Namespace") as K8sObject;
    expect([200, 201]).toContain((await apply(ns)).status);
    return beta;
  };
  const rootish: Loose = {
    runAsUser: 0,
    runAsNonRoot: false,
    allowPrivilegeEscalation: true,
    capabilities: { add: ["NET_ADMIN"] },
  };

  it("Pod Security restricted rejects a pod template that runs as root with privilege escalation", async () => {
    const beta = await probeNs();
    const worker = beta.find((o) => o.kind === "Rollout" && o.metadata.name === "icp-worker") as K8sObject;
    podTemplateSpec(worker).containers[0].securityContext = rootish;
    const r = await createPod(podFrom(worker));
    expect(r.status).toBe(403);
    expect(r.body.message).toMatch(/violates PodSecurity "restricted:latest"/);
    expect(r.body.message).toMatch(/allowPrivilegeEscalation/);
    expect(r.body.message).toMatch(/runAsNonRoot|runAsUser=0/);
  });

  it("a Deployment with such a template is stored, but with PodSecurity's warning (which the apply test refuses)", async () => {
    const beta = await probeNs();
    const sandbox = beta.find((o) => o.kind === "Deployment") as K8sObject;
    podTemplateSpec(sandbox).containers[0].securityContext = rootish;
    const r = await apply(sandbox, true);
    expect(r.status, why(r)).toBe(200);
    expect(r.warnings.join("\n")).toMatch(/would violate PodSecurity "restricted:latest"/);
  });

  it("a Pod whose ServiceAccount does not exist is refused", async () => {
    const beta = await probeNs();
    const migrate = beta.find((o) => o.kind === "Job") as K8sObject;
    podTemplateSpec(migrate).serviceAccountName = "icp-nobody";
    const r = await createPod(podFrom(migrate));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.body.message).toMatch(/icp-nobody/);
  });

  it("server-side apply refuses an unknown field in a Rollout (the CRD's schema) and in a Service (built-in)", async () => {
    const beta = await probeNs();
    const rollout = beta.find((o) => o.kind === "Rollout") as K8sObject;
    rollout.spec.strategy.canary = { ...(rollout.spec.strategy.canary ?? {}), stepz: [] };
    const r1 = await apply(rollout, true);
    // Server-side apply cannot build the typed patch: 500, "field not declared in schema".
    expect(r1.status, why(r1)).toBeGreaterThanOrEqual(400);
    expect(why(r1)).toMatch(/\.spec\.strategy\.canary\.stepz: field not declared in schema/);
    const svc = beta.find((o) => o.kind === "Service") as K8sObject;
    svc.spec.portz = 1;
    const r2 = await apply(svc, true);
    expect(r2.status, why(r2)).toBeGreaterThanOrEqual(400);
    expect(why(r2)).toMatch(/\.spec\.portz: field not declared in schema/);
  });

  it("the API server refuses a Service port out of range and an object in a namespace that does not exist", async () => {
    const beta = await probeNs();
    const svc = beta.find((o) => o.kind === "Service") as K8sObject;
    svc.spec.ports[0].port = 70000;
    const r = await apply(svc, true);
    expect(r.status, why(r)).toBe(422);
    expect(why(r)).toMatch(/70000/);
    const cm = beta.find((o) => o.kind === "ConfigMap") as K8sObject;
    cm.metadata.namespace = "icp-nowhere";
    const r2 = await apply(cm, true);
    expect(r2.status, why(r2)).toBe(404);
  });
});
