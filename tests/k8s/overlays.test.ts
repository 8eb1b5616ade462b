/**
 * Renders every kustomization under k8s/ with kustomize and validates every resource with
 * kubeconform -strict against schemas generated offline (scripts/k8s-tools.sh), then checks
 * the rules the deployment must keep. A missing tool fails the suite (never skips it).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  ensureTools,
  headingAnchors,
  type K8sObject,
  kubeconform,
  kustomizeBuild,
  type Loose,
  parseManifests,
  ROOT,
  type Toolchain,
} from "./lib/render";

const ENVS = ["beta", "stage", "prod"] as const;
type Env = (typeof ENVS)[number];
const TARGETS: Record<string, string> = {
  beta: "k8s/overlays/beta",
  stage: "k8s/overlays/stage",
  prod: "k8s/overlays/prod",
  logging: "k8s/platform/logging",
};
const WORKLOAD_KINDS = new Set(["Deployment", "Rollout", "StatefulSet", "DaemonSet", "Job", "CronJob"]);

let tools: Toolchain;
const rendered: Record<string, { text: string; objects: K8sObject[] }> = {};

let setupError: unknown;

beforeAll(() => {
  try {
    tools = ensureTools();
    for (const [name, dir] of Object.entries(TARGETS)) {
      const text = kustomizeBuild(tools, dir);
      rendered[name] = { text, objects: parseManifests(text) };
    }
  } catch (err) {
    setupError = err;
  }
}, 15 * 60_000);

// A missing tool or a broken kustomization fails every test with the installer's message
// (a failing beforeAll would only mark them skipped).
beforeEach(() => {
  if (setupError) throw setupError;
});

const objs = (target: string) => rendered[target]?.objects ?? [];
const ofKind = (target: string, kind: string) => objs(target).filter((o) => o.kind === kind);
const byName = (target: string, kind: string, name: string) => {
  const o = objs(target).find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`${target}: ${kind}/${name} not rendered`);
  return o;
};
function podTemplate(o: K8sObject): {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: Loose;
} {
  return o.kind === "CronJob" ? o.spec.jobTemplate.spec.template : o.spec.template;
}
function selects(
  selector: { matchLabels?: Record<string, string> } | undefined,
  labels: Record<string, string> = {},
): boolean {
  const m = selector?.matchLabels ?? {};
  return Object.keys(m).length > 0 && Object.entries(m).every(([k, v]) => labels[k] === v);
}

describe("k8s manifests render and validate offline (kustomize + kubeconform -strict)", () => {
  it.each(Object.keys(TARGETS))(
    "%s: every resource is valid against its schema; unknown kinds fail",
    (target) => {
      const r = kubeconform(tools, rendered[target]?.text ?? "");
      expect(r.problems, r.problems.join("\n")).toEqual([]);
      expect(r.summary.valid).toBe(objs(target).length);
      expect(r.summary.valid).toBeGreaterThan(5);
    },
    // kubeconform over a whole overlay: ~1 s alone, several on a loaded 2-core machine.
    60_000,
  );

  it("the validation really is strict: an unknown field, a wrong type and an unknown kind are rejected", () => {
    const bad = rendered.prod?.text
      .replace("imagePullPolicy: IfNotPresent", "imagePullPolicyy: IfNotPresent")
      .replace("minReplicaCount:", "minReplicaCounts:")
      .concat("\n---\napiVersion: example.com/v1\nkind: Unknown\nmetadata:\n  name: x\n");
    const r = kubeconform(tools, bad ?? "");
    expect(r.summary.invalid).toBeGreaterThanOrEqual(2);
    expect(r.summary.errors).toBe(1);
    expect(r.problems.join("\n")).toMatch(/imagePullPolicyy/);
    expect(r.problems.join("\n")).toMatch(/minReplicaCounts/);
    expect(r.problems.join("\n")).toMatch(/could not find schema for Unknown/);
  }, 60_000);
});

describe.each(ENVS)("overlay %s", (env: Env) => {
  const ns = `icp-${env}`;

  it("puts every namespaced resource in its own namespace", () => {
    const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding"]);
    for (const o of objs(env))
      if (!clusterScoped.has(o.kind)) expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(ns);
    expect(ofKind(env, "Namespace").map((n) => n.metadata.name)).toEqual([ns]);
    expect(ofKind(env, "Namespace")[0]?.metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe(
      "restricted",
    );
  });

  it(env === "beta" ? "may include the SAP sandbox" : "does not include the SAP sandbox", () => {
    const sandbox = objs(env).filter((o) => JSON.stringify(o).includes("sap-sandbox"));
    const config = byName(
      env,
      "ConfigMap",
      ofKind(env, "ConfigMap").find((c) => c.metadata.name.startsWith("icp-config"))?.metadata.name ?? "",
    );
    if (env === "beta") {
      expect(sandbox.map((o) => o.kind)).toContain("Deployment");
    } else {
      expect(sandbox.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
      expect(config.data.SAP_BASE_URL).toMatch(/^https:\/\//);
    }
  });

  it("sets ICP_ENVIRONMENT and keeps secrets out of the ConfigMap", () => {
    const config = ofKind(env, "ConfigMap").find((c) => c.metadata.name.startsWith("icp-config-"));
    expect(config, "icp-config is generated with a content hash").toBeDefined();
    expect(config?.data.ICP_ENVIRONMENT).toBe(env);
    expect(config?.data.NODE_ENV).toBe("production");
    expect(config?.data.DEV_LOGIN).toBe("off");
    for (const key of Object.keys(config?.data ?? {})) {
      expect(key, "secrets come from Vault, not ConfigMaps").not.toMatch(
        /PASSWORD|SECRET|TOKEN|DATABASE_URL|REDIS_URL|MONGODB_URL|_KEY$/,
      );
    }
    expect(ofKind(env, "Secret")).toEqual([]);
  });

  it("gives every container probes, resources and a locked-down security context", () => {
    const workloads = objs(env).filter((o) => WORKLOAD_KINDS.has(o.kind));
    expect(workloads.length).toBeGreaterThanOrEqual(3);
    for (const w of workloads) {
      const pod = podTemplate(w).spec;
      const where = `${w.kind}/${w.metadata.name}`;
      expect(pod.securityContext?.runAsNonRoot, where).toBe(true);
      expect(pod.securityContext?.seccompProfile?.type, where).toBe("RuntimeDefault");
      expect(pod.hostNetwork ?? false, where).toBe(false);
      for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
        const at = `${where} container ${c.name}`;
        if (w.kind !== "Job" && w.kind !== "CronJob") {
          expect(c.readinessProbe, `${at} readinessProbe`).toBeDefined();
          expect(c.livenessProbe, `${at} livenessProbe`).toBeDefined();
          expect(c.startupProbe, `${at} startupProbe`).toBeDefined();
        }
        expect(c.resources?.requests?.cpu, `${at} cpu request`).toBeDefined();
        expect(c.resources?.requests?.memory, `${at} memory request`).toBeDefined();
        expect(c.resources?.limits?.memory, `${at} memory limit`).toBeDefined();
        expect(c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot, at).toBe(true);
        expect(c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser, at).not.toBe(0);
        expect(c.securityContext?.readOnlyRootFilesystem, at).toBe(true);
        expect(c.securityContext?.allowPrivilegeEscalation, at).toBe(false);
        expect(c.securityContext?.capabilities?.drop, at).toContain("ALL");
        expect(c.securityContext?.privileged ?? false, at).toBe(false);
      }
    }
  });

  it("pins every image to a version (never latest, never untagged)", () => {
    for (const w of objs(env).filter((o) => WORKLOAD_KINDS.has(o.kind))) {
      for (const c of podTemplate(w).spec.containers) {
        expect(c.image, `${w.metadata.name}/${c.name}`).toMatch(
          /^[a-z0-9.-]+(:\d+)?\/[a-z0-9./-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$/,
        );
        expect(c.image).not.toMatch(/:latest$/);
      }
    }
  });

  it("covers every Deployment and Rollout with a PodDisruptionBudget", () => {
    const pdbs = ofKind(env, "PodDisruptionBudget");
    for (const w of objs(env).filter((o) => o.kind === "Deployment" || o.kind === "Rollout")) {
      const labels = podTemplate(w).metadata?.labels;
      const pdb = pdbs.filter((p) => selects(p.spec.selector, labels));
      expect(pdb.length, `${w.kind}/${w.metadata.name} has exactly one PDB`).toBe(1);
    }
  });

  it("denies all traffic by default and only then allows specific flows", () => {
    const nps = ofKind(env, "NetworkPolicy");
    const deny = nps.find(
      (n) =>
        Object.keys(n.spec.podSelector ?? {}).length === 0 &&
        n.spec.policyTypes?.includes("Ingress") &&
        n.spec.policyTypes?.includes("Egress") &&
        !n.spec.ingress &&
        !n.spec.egress,
    );
    expect(deny, "a default-deny NetworkPolicy").toBeDefined();
    // Each app workload has its own policy.
    for (const w of objs(env).filter((o) => WORKLOAD_KINDS.has(o.kind))) {
      const labels = podTemplate(w).metadata?.labels;
      expect(
        nps.some((n) => selects(n.spec.podSelector, labels)),
        `${w.kind}/${w.metadata.name} has a NetworkPolicy`,
      ).toBe(true);
    }
    // Console ingress only from the edge (Envoy Gateway's proxies) and Prometheus.
    const consoleNp = byName(env, "NetworkPolicy", "icp-console");
    const sources = consoleNp.spec.ingress.flatMap(
      (r: { from: { namespaceSelector: { matchLabels: Record<string, string> } }[] }) =>
        r.from.map((f) => f.namespaceSelector.matchLabels["kubernetes.io/metadata.name"]),
    );
    expect(sources.sort()).toEqual(["envoy-gateway-system", "monitoring"]);
    // Egress ports the apps need: Postgres, Redis, Kafka, Mongo, HTTPS (SAP/OIDC), DNS.
    const egressPorts = new Set(
      nps.flatMap((n) =>
        (n.spec.egress ?? []).flatMap((e: { ports?: { port: number }[] }) =>
          (e.ports ?? []).map((p) => p.port),
        ),
      ),
    );
    for (const port of [5432, 6379, 9092, 27017, 443, 53, 8200])
      expect(egressPorts.has(port), `egress port ${port}`).toBe(true);
  });

  it("serves HTTPS only through a Gateway, with cert-manager, HSTS headers and per-IP rate limits (storefront API stricter)", () => {
    expect(ofKind(env, "Ingress")).toEqual([]); // ingress-nginx is retired upstream
    const gateways = ofKind(env, "Gateway");
    expect(gateways.map((g) => g.metadata.name)).toEqual(["icp-edge"]);
    const gw = gateways[0] as K8sObject;
    const host = env === "prod" ? "icp.example.com" : `icp.${env}.example.com`;
    expect(gw.metadata.annotations?.["cert-manager.io/cluster-issuer"]).toBe("letsencrypt-prod");
    const https = gw.spec.listeners.find((l: { name: string }) => l.name === "https");
    expect(https).toMatchObject({ protocol: "HTTPS", port: 443, hostname: host, tls: { mode: "Terminate" } });
    expect(https.tls.certificateRefs).toEqual([{ group: "", kind: "Secret", name: `icp-${env}-tls` }]);
    for (const l of gw.spec.listeners) expect(l.hostname, l.name).toBe(host);
    // Plain HTTP: one route on the http listener, and it only redirects to https.
    const routes = ofKind(env, "HTTPRoute");
    const onHttp = routes.filter((r) =>
      r.spec.parentRefs.some((p: { sectionName?: string }) => p.sectionName === "http"),
    );
    expect(onHttp.map((r) => r.metadata.name)).toEqual(["icp-https-redirect"]);
    expect(onHttp[0]?.spec.rules).toEqual([
      { filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] },
    ]);
    for (const r of routes) {
      expect(r.spec.hostnames, r.metadata.name).toEqual([host]);
      expect(
        r.spec.parentRefs.every((p: { sectionName?: string }) => p.sectionName),
        r.metadata.name,
      ).toBe(true);
    }
    const served = routes.filter((r) => r !== onHttp[0]);
    expect(served.map((r) => r.metadata.name).sort()).toEqual(["icp-console", "icp-storefront-api"]);
    for (const r of served)
      for (const rule of r.spec.rules) {
        const set = rule.filters.find((f: { type: string }) => f.type === "ResponseHeaderModifier")
          ?.responseHeaderModifier.set;
        expect(
          Object.fromEntries(set.map((h: { name: string; value: string }) => [h.name, h.value])),
          r.metadata.name,
        ).toMatchObject({
          "Strict-Transport-Security": expect.stringMatching(/max-age=31536000/),
          "X-Content-Type-Options": "nosniff",
        });
      }
    const api = byName(env, "HTTPRoute", "icp-storefront-api");
    expect(api.spec.rules[0].matches[0].path).toEqual({ type: "PathPrefix", value: "/api/storefront" });
    // Per-client-IP limits: one BackendTrafficPolicy per served route, the storefront API's stricter.
    const limitOf = (route: string) => {
      const p = ofKind(env, "BackendTrafficPolicy").filter((b) =>
        b.spec.targetRefs.some(
          (t: { kind: string; name: string }) => t.kind === "HTTPRoute" && t.name === route,
        ),
      );
      expect(p.length, route).toBe(1);
      const rule = p[0]?.spec.rateLimit.local.rules[0];
      expect(rule.clientSelectors[0].sourceCIDR).toEqual({ type: "Distinct", value: "0.0.0.0/0" });
      expect(rule.limit.unit).toBe("Second");
      return rule.limit.requests as number;
    };
    expect(limitOf("icp-storefront-api")).toBeGreaterThan(0);
    expect(limitOf("icp-storefront-api")).toBeLessThan(limitOf("icp-console"));
  });

  it("reads secrets from this environment's Vault path and role, rendered to /vault/secrets/app.env", () => {
    const withVault = objs(env).filter(
      (o) => (o.kind === "Rollout" || o.kind === "Job") && o.metadata.name.startsWith("icp-"),
    );
    expect(withVault.map((o) => o.metadata.name).sort()).toEqual([
      "icp-console",
      "icp-db-migrate",
      "icp-worker",
    ]);
    for (const o of withVault) {
      const a = podTemplate(o).metadata?.annotations ?? {};
      const wl = o.metadata.name.replace(/^icp-(db-)?/, "");
      expect(a["vault.hashicorp.com/agent-inject"]).toBe("true");
      expect(a["vault.hashicorp.com/role"]).toBe(`icp-${wl}-${env}`);
      expect(a["vault.hashicorp.com/agent-inject-secret-app.env"]).toBe(`kv/data/icp/${env}/${wl}`);
      expect(a["vault.hashicorp.com/agent-inject-template-app.env"]).toContain(
        `secret "kv/data/icp/${env}/${wl}"`,
      );
      expect(JSON.stringify(a)).not.toMatch(/\bENV\b/);
    }
  });

  it("rolls the console out as a canary 10 → 30 → 60 → 100 % gated by the 5xx analysis", () => {
    const ro = byName(env, "Rollout", "icp-console");
    const canary = ro.spec.strategy.canary;
    const weights = canary.steps
      .filter((s: { setWeight?: number }) => s.setWeight !== undefined)
      .map((s: { setWeight: number }) => s.setWeight);
    expect(weights).toEqual([10, 30, 60, 100]);
    expect(canary.steps.filter((s: { pause?: unknown }) => s.pause).length).toBe(3);
    expect(byName(env, "Service", canary.stableService)).toBeDefined();
    expect(byName(env, "Service", canary.canaryService)).toBeDefined();
    // The Gateway API plugin moves weight on routes whose rules name both Services.
    const routes = canary.trafficRouting.plugins["argoproj-labs/gatewayAPI"].httpRoutes;
    expect(routes.map((r: { name: string }) => r.name).sort()).toEqual(["icp-console", "icp-storefront-api"]);
    for (const { name } of routes)
      for (const rule of byName(env, "HTTPRoute", name).spec.rules)
        expect(rule.backendRefs.map((b: { name: string }) => b.name).sort(), name).toEqual(
          [canary.stableService, canary.canaryService].sort(),
        );
    for (const t of canary.analysis.templates)
      expect(
        byName(env, "AnalysisTemplate", t.templateName).spec.metrics[0].provider.prometheus.query,
      ).toMatch(/envoy_response_code_class="5"/);
  });

  it("rolls the worker out blue/green with a manual promotion after pre-promotion analysis", () => {
    const bg = byName(env, "Rollout", "icp-worker").spec.strategy.blueGreen;
    expect(bg.autoPromotionEnabled).toBe(false);
    expect(byName(env, "Service", bg.activeService)).toBeDefined();
    expect(byName(env, "Service", bg.previewService)).toBeDefined();
    for (const t of bg.prePromotionAnalysis.templates)
      expect(byName(env, "AnalysisTemplate", t.templateName)).toBeDefined();
  });

  it("autoscales the console on CPU and the worker on the lag of its three consumer groups", () => {
    const hpa = byName(env, "HorizontalPodAutoscaler", "icp-console");
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: "Rollout", name: "icp-console" });
    expect(hpa.spec.metrics[0].resource.name).toBe("cpu");
    const so = byName(env, "ScaledObject", "icp-worker");
    expect(so.spec.scaleTargetRef).toMatchObject({ kind: "Rollout", name: "icp-worker" });
    const triggers = so.spec.triggers.map(
      (t: { type: string; metadata: Record<string, string> }) =>
        `${t.type}:${t.metadata.consumerGroup}:${t.metadata.topic}`,
    );
    expect(triggers.sort()).toEqual([
      "kafka:icp.inventory-to-storefront:inventory",
      "kafka:icp.order-status-to-storefront:order-status",
      "kafka:icp.orders-to-sap:orders",
    ]);
    expect(so.spec.minReplicaCount).toBeLessThanOrEqual(so.spec.maxReplicaCount);
    expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
  });

  it("scrapes console and worker metrics and alerts with runbook links that resolve", () => {
    const sm = byName(env, "ServiceMonitor", "icp-console");
    expect(ofKind(env, "Service").some((s) => selects(sm.spec.selector, s.metadata.labels))).toBe(true);
    const pm = byName(env, "PodMonitor", "icp-worker");
    expect(
      selects(pm.spec.selector, podTemplate(byName(env, "Rollout", "icp-worker")).metadata?.labels),
    ).toBe(true);

    const anchors = headingAnchors(readFileSync(resolve(ROOT, "docs/runbook.md"), "utf8"));
    const rules = ofKind(env, "PrometheusRule").flatMap((r) =>
      r.spec.groups.flatMap((g: { rules: unknown[] }) => g.rules),
    ) as {
      alert?: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    }[];
    const alerts = rules.filter((r) => r.alert);
    expect(alerts.map((a) => a.alert).sort()).toEqual(
      [
        "IcpDeadLetterNotEmpty",
        "IcpDriftFindingsOpen",
        "IcpDuplicateSalesOrder",
        "IcpErrorLogRateHigh",
        "IcpKafkaBrokerUnresponsive",
        "IcpOrdersStuck",
        "IcpKafkaLagGrowing",
        "IcpSapCircuitOpen",
        "IcpSapErrorRateHigh",
        "IcpTimeToDrainHigh",
        "IcpWorkerDown",
      ].sort(),
    );
    for (const a of alerts) {
      const url = a.annotations?.runbook_url ?? "";
      const anchor = /docs\/runbook\.md#(.+)$/.exec(url)?.[1];
      expect(anchor, `${a.alert} runbook_url points into docs/runbook.md`).toBeDefined();
      expect(anchors.has(anchor ?? ""), `docs/runbook.md has a heading for #${anchor}`).toBe(true);
      expect(["warning", "critical"]).toContain(a.labels?.severity);
      expect(a.annotations?.summary).toBeTruthy();
    }
  });
});

describe("environment differences", () => {
  // The Rollouts carry no replicas (HPA/KEDA own them): the floor is the autoscaler's minimum.
  const replicas = (env: Env, name: string) =>
    name === "icp-console"
      ? (byName(env, "HorizontalPodAutoscaler", name).spec.minReplicas as number)
      : (byName(env, "ScaledObject", name).spec.minReplicaCount as number);
  it("prod runs more replicas than stage, stage at least as many as beta", () => {
    for (const name of ["icp-console", "icp-worker"]) {
      expect(replicas("prod", name)).toBeGreaterThan(replicas("stage", name));
      expect(replicas("stage", name)).toBeGreaterThanOrEqual(replicas("beta", name));
    }
  });
  it("prod has the strictest disruption budgets and spreads across zones strictly", () => {
    for (const name of ["icp-console", "icp-worker"]) {
      expect(byName("prod", "PodDisruptionBudget", name).spec.minAvailable).toBeGreaterThanOrEqual(2);
      expect(byName("prod", "PodDisruptionBudget", name).spec.minAvailable).toBeLessThan(
        replicas("prod", name),
      );
      expect(
        podTemplate(byName("prod", "Rollout", name)).spec.topologySpreadConstraints[0].whenUnsatisfiable,
      ).toBe("DoNotSchedule");
    }
  });
  it("beta logs at debug, stage and prod at info", () => {
    const level = (env: Env) =>
      ofKind(env, "ConfigMap").find((c) => c.metadata.name.startsWith("icp-config-"))?.data.LOG_LEVEL;
    expect([level("beta"), level("stage"), level("prod")]).toEqual(["debug", "info", "info"]);
  });
});

describe("platform logging (OpenTelemetry Collector → Elasticsearch)", () => {
  // What the config does with real lines is tests/logging/shipper.int.test.ts (the collector run).
  it("ships the icp namespaces' logs (ECS) and the apps' spans, and counts error records for the alert", () => {
    const cm = ofKind("logging", "ConfigMap").find((c) =>
      c.metadata.name.startsWith("otel-collector-config"),
    );
    const conf = parseYaml(cm?.data["config.yaml"] ?? "") as Loose;
    expect(conf.receivers.filelog.include).toEqual([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the collector's own ${env:…} syntax
      "${env:OTELCOL_LOG_ROOT:-}/var/log/pods/icp-*_*_*/*/*.log",
    ]);
    expect(conf.receivers.filelog.operators[0].type).toBe("container");
    expect(conf.exporters.elasticsearch.logs_index).toBe("logs-icp-default");
    expect(conf.connectors.signaltometrics.logs[0].name).toBe("log_metric_counter_icp_error_logs");
    expect(conf.service.pipelines.logs.exporters).toEqual(["elasticsearch", "signaltometrics"]);
    expect(conf.service.pipelines.traces.receivers).toEqual(["otlp"]);
    const alertExpr = JSON.stringify(ofKind("prod", "PrometheusRule"));
    expect(alertExpr).toContain("log_metric_counter_icp_error_logs");
    const ds = byName("logging", "DaemonSet", "otel-collector");
    const c = ds.spec.template.spec.containers[0];
    // The contrib image of the release scripts/otelcol.sh builds and tests/logging runs.
    const release = /OTELCOL_VERSION="v([\d.]+)"/.exec(
      readFileSync(resolve(ROOT, "scripts/otelcol.sh"), "utf8"),
    )?.[1];
    expect(c.image).toBe(`otel/opentelemetry-collector-contrib:${release}`);
    // The apps' OTLP endpoint is this collector's Service.
    const cfg = ofKind("prod", "ConfigMap").find((x) => x.metadata.name.startsWith("icp-config-"));
    expect(cfg?.data.OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://otel-collector.logging.svc:4318");
    expect(byName("logging", "Service", "otel-collector").spec.ports.map((p: Loose) => p.port)).toContain(
      4318,
    );
    expect(c.readinessProbe && c.livenessProbe && c.resources?.limits?.memory).toBeTruthy();
    expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(c.securityContext.capabilities.drop).toContain("ALL");
    expect(JSON.stringify(c.env)).not.toMatch(/"value":"[^"]*password/i);
  });
});

describe("Grafana dashboard and alerts query metrics the code exports", () => {
  // Every series the code registers (histograms add _bucket/_sum/_count), plus the error-log
  // counter the log shipper (OpenTelemetry Collector) derives from the logs.
  const exported = async () => {
    const { createMetrics } = await import("@icp/observability");
    const names = new Set<string>(["log_metric_counter_icp_error_logs"]);
    for (const m of await createMetrics("test").registry.getMetricsAsJSON()) {
      names.add(m.name);
      if (String(m.type) === "histogram")
        for (const s of ["_bucket", "_sum", "_count"]) names.add(`${m.name}${s}`);
    }
    return names;
  };
  const metricNames = (expr: string) =>
    [...expr.matchAll(/\b((?:icp|log_metric_counter)_[a-z0-9_]+)\b/g)].map((m) => m[1]!);

  it.each(ENVS)("%s ships the dashboard ConfigMap for Grafana's sidecar, with valid JSON", (env) => {
    const cm = byName(env, "ConfigMap", "icp-grafana-dashboard");
    expect(cm.metadata.labels?.grafana_dashboard).toBe("1");
    const dash = JSON.parse((cm as Loose).data["icp-pipeline.json"]) as { uid: string; panels: unknown[] };
    expect(dash.uid).toBe("icp-pipeline");
    expect(dash.panels.length).toBeGreaterThanOrEqual(10);
  });

  it("every dashboard panel queries only metrics that exist", async () => {
    const names = await exported();
    const dash = JSON.parse(readFileSync(resolve(ROOT, "k8s/base/dashboards/icp-pipeline.json"), "utf8")) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    for (const p of dash.panels) {
      expect(p.targets.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets) {
        const used = metricNames(t.expr);
        expect(used.length, `${p.title}: ${t.expr}`).toBeGreaterThan(0);
        for (const n of used) expect(names.has(n), `${p.title}: unknown metric ${n}`).toBe(true);
      }
    }
  });

  it("every alert rule queries only metrics that exist", async () => {
    const names = await exported();
    const rules = ofKind("prod", "PrometheusRule").flatMap((r) =>
      ((r as Loose).spec.groups as { rules: { alert?: string; expr: string }[] }[]).flatMap((g) => g.rules),
    );
    expect(rules.length).toBeGreaterThan(3);
    for (const r of rules) {
      for (const n of metricNames(String(r.expr)))
        expect(names.has(n), `${r.alert}: unknown metric ${n}`).toBe(true);
    }
  });

  it("the dead-letter alert counts unhandled dead letters (open POISON failures the worker exports), not Kafka's retained offsets", async () => {
    const names = await exported();
    const rule = ofKind("prod", "PrometheusRule")
      .flatMap((r) =>
        ((r as Loose).spec.groups as { rules: { alert?: string; expr: string }[] }[]).flatMap((g) => g.rules),
      )
      .find((r) => r.alert === "IcpDeadLetterNotEmpty");
    const expr = String(rule?.expr);
    expect(expr).not.toMatch(/kafka_topic_partition_current_offset/);
    expect(expr).toMatch(/icp_failures_open\{[^}]*error_class="POISON"/);
    expect(names.has("icp_failures_open")).toBe(true);
  });
});
