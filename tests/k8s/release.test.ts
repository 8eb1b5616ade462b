/**
 * What a release needs from the rendered manifests beyond schema validity (issue 21): every image
 * carries the overlay's tag (and the pipeline's, after `kustomize edit set image`), Rollouts
 * leave their replica count to HPA/KEDA, the worker's memory fits its measured footprint, the
 * console drains before it stops, KEDA never scales past the partitions, and the alerts,
 * analyses, dashboard and runbook select labels and values that exist.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { TOPIC_SPECS } from "@icp/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  ensureTools,
  type K8sObject,
  kustomizeBuild,
  type Loose,
  parseManifests,
  ROOT,
  type Toolchain,
} from "./lib/render";
import { BASE_WORKER_ENV, workerHeapCapMb } from "./lib/worker-heap";

const ENVS = ["beta", "stage", "prod"] as const;
type Env = (typeof ENVS)[number];
const WORKLOAD_KINDS = new Set(["Deployment", "Rollout", "StatefulSet", "DaemonSet", "Job", "CronJob"]);

let tools: Toolchain;
const rendered: Partial<Record<Env, K8sObject[]>> = {};
let setupError: unknown;
const temp: string[] = [];

beforeAll(() => {
  try {
    tools = ensureTools();
    for (const env of ENVS) rendered[env] = parseManifests(kustomizeBuild(tools, `k8s/overlays/${env}`));
  } catch (err) {
    setupError = err;
  }
}, 15 * 60_000);
beforeEach(() => {
  if (setupError) throw setupError;
});
afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

const objs = (env: Env) => rendered[env] ?? [];
const byName = (env: Env, kind: string, name: string): K8sObject => {
  const o = objs(env).find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`${env}: ${kind}/${name} not rendered`);
  return o;
};
const podSpecLabels = (o: K8sObject): Record<string, string> => o.spec.template.metadata?.labels ?? {};
const podSpec = (o: K8sObject): Loose =>
  o.kind === "CronJob" ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec;
/** Every container image of every workload, with where it was found. */
function images(objects: K8sObject[]): { where: string; image: string }[] {
  return objects
    .filter((o) => WORKLOAD_KINDS.has(o.kind))
    .flatMap((o) =>
      [...(podSpec(o).initContainers ?? []), ...podSpec(o).containers].map((c: Loose) => ({
        where: `${o.kind}/${o.metadata.name} ${c.name}`,
        image: String(c.image),
      })),
    );
}
const overlayImages = (env: Env) =>
  (
    parse(readFileSync(resolve(ROOT, `k8s/overlays/${env}/kustomization.yaml`), "utf8")) as {
      images: { name: string; newName: string; newTag: string }[];
    }
  ).images;
const bytes = (q: string): number => {
  const m = /^(\d+)(Mi|Gi)$/.exec(q);
  if (!m) throw new Error(`unexpected quantity ${q}`);
  return Number(m[1]) * (m[2] === "Gi" ? 1024 : 1) * 2 ** 20;
};

describe.each(ENVS)("overlay %s: images", (env) => {
  it("every image is one the overlay names, with the overlay's tag (not the base's placeholder)", () => {
    const wanted = new Map(overlayImages(env).map((i) => [i.newName, i.newTag]));
    const found = images(objs(env));
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const { where, image } of found) {
      const [name, tag] = image.split(":");
      expect(wanted.has(name ?? ""), `${where}: ${image} is an image the overlay sets`).toBe(true);
      expect(tag, `${where}: ${image}`).toBe(wanted.get(name ?? ""));
      expect(image).not.toContain("0.0.0-unset");
    }
  });

  it("after deploy.sh's `kustomize edit set image`, every image carries the release tag", () => {
    const work = mkdtempSync(join(tmpdir(), "icp-images-"));
    temp.push(work);
    for (const d of ["base", "components", "overlays"])
      cpSync(resolve(ROOT, "k8s", d), join(work, d), { recursive: true });
    const sets = ["icp-console=reg.test/icp/console:abc123", "icp-worker=reg.test/icp/worker:abc123"];
    if (env === "beta") sets.push("icp-sap-sandbox=reg.test/icp/sap-sandbox:abc123");
    const edit = spawnSync(tools.kustomize, ["edit", "set", "image", ...sets], {
      cwd: join(work, "overlays", env),
      encoding: "utf8",
    });
    expect(edit.status, edit.stderr).toBe(0);
    const build = spawnSync(tools.kustomize, ["build", join(work, "overlays", env)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(build.status, build.stderr).toBe(0);
    for (const { where, image } of images(parseManifests(build.stdout)))
      expect(image, where).toMatch(/^reg\.test\/icp\/(console|worker|sap-sandbox):abc123$/);
  });
});

describe.each(ENVS)("overlay %s: scaling, resources, termination", (env) => {
  it("Rollouts that HPA/KEDA scale carry no spec.replicas (server-side apply would fight the autoscaler)", () => {
    const scaled = objs(env)
      .filter((o) => o.kind === "HorizontalPodAutoscaler" || o.kind === "ScaledObject")
      .map((o) => o.spec.scaleTargetRef.name as string);
    expect(scaled.sort()).toEqual(["icp-console", "icp-worker"]);
    for (const name of scaled) expect(byName(env, "Rollout", name).spec.replicas, name).toBeUndefined();
  });

  it("KEDA never scales the worker past the partitions of its topics", () => {
    const so = byName(env, "ScaledObject", "icp-worker");
    for (const t of so.spec.triggers as { metadata: { topic: string } }[]) {
      const partitions = TOPIC_SPECS.find((s) => s.name === t.metadata.topic)?.partitions;
      expect(partitions, t.metadata.topic).toBeDefined();
      expect(so.spec.maxReplicaCount, t.metadata.topic).toBeLessThanOrEqual(partitions ?? 0);
    }
  });

  it("the worker's memory fits its measured footprint (431 MiB steady, 517 MiB peak) with headroom", () => {
    const c = podSpec(byName(env, "Rollout", "icp-worker")).containers[0];
    expect(bytes(c.resources.requests.memory)).toBeGreaterThanOrEqual(431 * 2 ** 20 * 1.15);
    expect(bytes(c.resources.limits.memory)).toBeGreaterThanOrEqual(517 * 2 ** 20 * 1.4);
  });

  it("the worker caps V8's old space, and the cap with what it holds outside it fits the limit", () => {
    const c = podSpec(byName(env, "Rollout", "icp-worker")).containers[0];
    const heapMb = workerHeapCapMb(c.env);
    // ~240 MiB outside the old space (idle RSS 241 MiB with a 256 MiB cap: bench/results.md §3)
    expect((heapMb + 240) * 2 ** 20).toBeLessThanOrEqual(bytes(c.resources.limits.memory));
    // bench 3 measures the worker with the base manifest's cap: an overlay must not quietly differ
    expect(heapMb).toBe(workerHeapCapMb(BASE_WORKER_ENV));
  });

  it("the console keeps serving for a while after termination starts (preStop), within the grace period", () => {
    const spec = podSpec(byName(env, "Rollout", "icp-console"));
    const preStop = spec.containers[0].lifecycle?.preStop;
    expect(preStop, "console preStop").toBeDefined();
    const seconds = Number(preStop.sleep?.seconds ?? /^\d+$/.exec(preStop.exec?.command?.at(-1) ?? "")?.[0]);
    expect(seconds).toBeGreaterThanOrEqual(5);
    expect(seconds).toBeLessThan(spec.terminationGracePeriodSeconds - 10);
  });
});

describe.each(ENVS)("overlay %s: SAP reachability", (env) => {
  it("the console and the worker may reach SAP_BASE_URL's port (the worker calls SAP, the console's Overview checks it)", () => {
    const config = objs(env).find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith("icp-config-"));
    const sapUrl = new URL(String(config?.data.SAP_BASE_URL));
    const port = Number(sapUrl.port || (sapUrl.protocol === "https:" ? 443 : 80));
    for (const name of ["icp-console", "icp-worker"]) {
      const labels: Record<string, string> = podSpecLabels(byName(env, "Rollout", name));
      const policies = objs(env).filter(
        (o) =>
          o.kind === "NetworkPolicy" &&
          Object.entries((o.spec.podSelector?.matchLabels ?? {}) as Record<string, string>).every(
            ([k, v]) => labels[k] === v,
          ),
      );
      const ports = policies.flatMap((p) =>
        (p.spec.egress ?? []).flatMap((e: { ports?: { port: number }[] }) =>
          (e.ports ?? []).map((x) => x.port),
        ),
      );
      expect(ports, `${name} egress to ${sapUrl.host}`).toContain(port);
    }
  });
});

/** The label matchers of a PromQL expression: [label, op, value]. */
function matchers(expr: string): [string, string, string][] {
  return [...expr.matchAll(/\b([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)].map(
    (m) => [m[1] ?? "", m[2] ?? "", (m[3] ?? "").replace(/\\\\/g, "\\")] as [string, string, string],
  );
}
const selectsValue = (op: string, pattern: string, value: string) =>
  op === "=" ? value === pattern : op === "=~" ? new RegExp(`^(?:${pattern})$`).test(value) : false;
/** The numerator of a ratio: what counts as a failure. */
const failureSelector = (expr: string) => {
  const numerator = expr.split(/\n\s*\/\s*\n/)[0] ?? "";
  const outcome = matchers(numerator).find(([l]) => l === "outcome");
  expect(outcome, `an outcome matcher in ${numerator}`).toBeDefined();
  return outcome as [string, string, string];
};

describe("alerts, analyses and the dashboard select what is scraped", () => {
  const prod = () => objs("prod");
  it("the SAP error alert and the worker analysis count timeouts as failures (not successes)", () => {
    const rules = prod()
      .filter((o) => o.kind === "PrometheusRule")
      .flatMap((r) =>
        (r.spec.groups as { rules: { alert?: string; expr: string }[] }[]).flatMap((g) => g.rules),
      );
    const sapAlert = rules.find((r) => r.alert === "IcpSapErrorRateHigh");
    const analysis = byName("prod", "AnalysisTemplate", "icp-worker-preview-health").spec.metrics.find(
      (m: { name: string }) => m.name === "sap-error-ratio",
    ).provider.prometheus.query as string;
    const checks: [string, string][] = [
      ["IcpSapErrorRateHigh", String(sapAlert?.expr)],
      ["icp-worker-preview-health sap-error-ratio", analysis],
    ];
    for (const [where, expr] of checks) {
      const [, op, pattern] = failureSelector(expr);
      for (const failure of ["error", "timeout"])
        expect(selectsValue(op, pattern, failure), `${where} counts outcome=${failure}`).toBe(true);
      for (const fine of ["success", "rejected"])
        expect(selectsValue(op, pattern, fine), `${where} does not count outcome=${fine}`).toBe(false);
    }
  });

  it("a `service` matcher names a Kubernetes Service a ServiceMonitor scrapes (the operator overwrites the app's own label)", () => {
    const sm = byName("prod", "ServiceMonitor", "icp-console");
    const scraped = prod()
      .filter((o) => o.kind === "Service")
      .filter((s) =>
        Object.entries(sm.spec.selector.matchLabels as Record<string, string>).every(
          ([k, v]) => s.metadata.labels?.[k] === v,
        ),
      )
      .filter((s) =>
        (sm.spec.selector.matchExpressions ?? []).every(
          (e: { key: string; operator: string }) =>
            e.operator !== "DoesNotExist" || !(e.key in (s.metadata.labels ?? {})),
        ),
      )
      .map((s) => s.metadata.name);
    expect(scraped).toEqual(["icp-console"]);
    const dash = JSON.parse(readFileSync(resolve(ROOT, "k8s/base/dashboards/icp-pipeline.json"), "utf8")) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const exprs = [
      ...dash.panels.flatMap((p) => p.targets.map((t) => [p.title, t.expr] as const)),
      ...prod()
        .filter((o) => o.kind === "PrometheusRule")
        .flatMap((r) =>
          (r.spec.groups as { rules: { alert?: string; expr: string }[] }[]).flatMap((g) =>
            g.rules.map((x) => [String(x.alert), String(x.expr)] as const),
          ),
        ),
    ];
    let checked = 0;
    for (const [where, expr] of exprs)
      for (const [label, op, value] of matchers(expr))
        if (label === "service") {
          checked++;
          expect(op, where).toBe("=");
          expect(scraped, `${where}: service="${value}"`).toContain(value);
        }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it("the error-log panel groups by labels the collector's counter carries", () => {
    const dash = readFileSync(resolve(ROOT, "k8s/base/dashboards/icp-pipeline.json"), "utf8");
    const conf = parse(readFileSync(resolve(ROOT, "k8s/platform/logging/config.yaml"), "utf8")) as {
      connectors: {
        signaltometrics: { logs: { name: string; include_resource_attributes: { key: string }[] }[] };
      };
    };
    const counter = conf.connectors.signaltometrics.logs.find(
      (m) => m.name === "log_metric_counter_icp_error_logs",
    );
    // Prometheus label names of the resource attributes; k8s_namespace_name becomes `namespace`
    // by the ServiceMonitor's relabelling (k8s/platform/logging/monitoring.yaml).
    const monitor = readFileSync(resolve(ROOT, "k8s/platform/logging/monitoring.yaml"), "utf8");
    expect(monitor).toMatch(/sourceLabels: \[k8s_namespace_name\][\s\S]*targetLabel: namespace/);
    const carried = new Set(
      (counter?.include_resource_attributes ?? []).map((a) =>
        a.key === "k8s.namespace.name" ? "namespace" : a.key.replace(/\./g, "_"),
      ),
    );
    const panel = (
      JSON.parse(dash) as { panels: { targets: { expr: string; legendFormat?: string }[] }[] }
    ).panels
      .flatMap((p) => p.targets)
      .find((t) => t.expr.includes("log_metric_counter_icp_error_logs"));
    const by = /sum by \(([^)]*)\)/.exec(panel?.expr ?? "")?.[1]?.split(/\s*,\s*/) ?? [];
    expect(by.length).toBeGreaterThan(0);
    for (const l of by) expect(carried.has(l), `label ${l}`).toBe(true);
    for (const m of (panel?.legendFormat ?? "").matchAll(/\{\{(\w+)\}\}/g)) expect(by).toContain(m[1]);
  });

  it("the runbook filters service.name by the values the apps log", () => {
    const logged = new Set<string>();
    for (const f of ["apps/console/src/server/logger.ts", "apps/worker/src/main.ts"])
      for (const m of readFileSync(resolve(ROOT, f), "utf8").matchAll(
        /createLogger\(\{\s*service:\s*"([^"]+)"/g,
      ))
        logged.add(m[1] ?? "");
    expect([...logged].sort()).toEqual(["console", "worker"]);
    const runbook = readFileSync(resolve(ROOT, "docs/runbook.md"), "utf8");
    const used = [...runbook.matchAll(/service\.name:([a-z][\w-]*)/g)].map((m) => m[1] ?? "");
    const listed = /filter `service\.name` \(([^)]*)\)/.exec(runbook)?.[1] ?? "";
    used.push(...[...listed.matchAll(/`([a-z][\w-]*)`/g)].map((m) => m[1] ?? ""));
    expect(used.length).toBeGreaterThanOrEqual(3);
    for (const v of used) expect(logged, `runbook service.name ${v}`).toContain(v);
  });
});
