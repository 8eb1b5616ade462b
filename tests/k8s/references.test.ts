/**
 * Every name a rendered overlay uses resolves (issue 21): the ConfigMaps, Secrets and
 * ServiceAccounts pod templates name (with the keys they read), the Services, HTTPRoutes and
 * AnalysisTemplates the Rollouts name, the Gateway listeners and Service ports the routes name, the
 * Secrets the Gateway and monitors name,
 * the autoscalers' targets — each is an object of the same overlay, or one of the short list of
 * objects made outside the repository (ALLOWED_EXTERNAL in lib/references.ts). And every image is
 * exactly one the overlay's `images:` sets, with its tag. Each check is run on broken copies too.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  ALLOWED_EXTERNAL,
  collectReferences,
  containerImages,
  danglingReferences,
  imageProblems,
  type OverlayImage,
  podTemplateSpec,
} from "./lib/references";
import { ensureTools, type K8sObject, kustomizeBuild, parseManifests, ROOT } from "./lib/render";

const ENVS = ["beta", "stage", "prod"] as const;
type Env = (typeof ENVS)[number];

const rendered: Partial<Record<Env, K8sObject[]>> = {};
let logging: K8sObject[] = [];
let setupError: unknown;
beforeAll(() => {
  try {
    const tools = ensureTools();
    for (const env of ENVS) rendered[env] = parseManifests(kustomizeBuild(tools, `k8s/overlays/${env}`));
    logging = parseManifests(kustomizeBuild(tools, "k8s/platform/logging"));
  } catch (err) {
    setupError = err;
  }
}, 15 * 60_000);
beforeEach(() => {
  if (setupError) throw setupError;
});

const objs = (env: Env): K8sObject[] => structuredClone(rendered[env] ?? []);
const overlayImages = (env: Env): OverlayImage[] =>
  (
    parse(readFileSync(resolve(ROOT, `k8s/overlays/${env}/kustomization.yaml`), "utf8")) as {
      images: OverlayImage[];
    }
  ).images;
const find = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name.startsWith(name));
  if (!o) throw new Error(`${kind}/${name} not rendered`);
  return o;
};

describe.each(ENVS)("overlay %s: references", (env) => {
  it("resolves every ConfigMap, Secret, ServiceAccount, Service, Gateway, HTTPRoute, AnalysisTemplate and scale target it names", () => {
    const objects = objs(env);
    const refs = collectReferences(objects);
    // Not vacuous: the overlay names objects of each kind the check covers.
    const kinds = new Set(refs.map((r) => r.kind));
    for (const k of [
      "ConfigMap",
      "Secret",
      "ServiceAccount",
      "Service",
      "Gateway",
      "HTTPRoute",
      "AnalysisTemplate",
      "Rollout",
    ])
      expect(kinds, `references to a ${k}`).toContain(k);
    expect(refs.filter((r) => r.key !== undefined).length).toBeGreaterThanOrEqual(1);
    expect(danglingReferences(objects)).toEqual([]);
  });

  it("takes nothing from outside but the allow-list's cert-manager TLS Secret and the Vault-synced metrics token", () => {
    const objects = objs(env);
    const unresolved = danglingReferences(objects, []);
    expect(unresolved.length).toBeGreaterThan(0);
    for (const line of unresolved)
      expect(line).toMatch(/→ Secret icp-\w+\/(icp-\w+-tls|icp-metrics-token): not rendered$/);
    expect(ALLOWED_EXTERNAL.length).toBeLessThanOrEqual(3);
  });

  it("every image is the overlay's, with the overlay's tag", () => {
    const objects = objs(env);
    expect(containerImages(objects).length).toBeGreaterThanOrEqual(env === "beta" ? 4 : 3);
    expect(imageProblems(objects, overlayImages(env))).toEqual([]);
  });
});

describe("platform/logging: references", () => {
  it("resolves its ServiceAccount and ConfigMap; only the Elasticsearch credentials come from outside", () => {
    const refs = collectReferences(logging);
    expect(new Set(refs.map((r) => r.kind))).toEqual(new Set(["ServiceAccount", "ConfigMap", "Secret"]));
    expect(danglingReferences(logging)).toEqual([]);
    expect(danglingReferences(logging, [])).toEqual([
      expect.stringContaining("ES_USER secretKeyRef → Secret logging/otel-collector-elasticsearch"),
      expect.stringContaining("ES_PASSWORD secretKeyRef → Secret logging/otel-collector-elasticsearch"),
    ]);
    // The old shipper's ServiceAccount, and a config ConfigMap that is not rendered.
    const broken = structuredClone(logging);
    const ds = find(broken, "DaemonSet", "otel-collector");
    ds.spec.template.spec.serviceAccountName = "fluent-bit";
    ds.spec.template.spec.volumes[0].configMap.name = "fluent-bit-config";
    expect(danglingReferences(broken)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("ServiceAccount logging/fluent-bit"),
        expect.stringContaining("ConfigMap logging/fluent-bit-config"),
      ]),
    );
  });
});

describe("the reference checks fail on broken manifests", () => {
  it("a ConfigMap that was renamed, and a key it lacks", () => {
    const objects = objs("beta");
    const cm = find(objects, "ConfigMap", "icp-config-");
    cm.metadata.name = "icp-config-renamed";
    expect(
      danglingReferences(objects).some((p) =>
        /envFrom\[0\]\.configMapRef → ConfigMap icp-beta\/icp-config-.*not rendered/.test(p),
      ),
    ).toBe(true);

    const again = objs("beta");
    const cm2 = find(again, "ConfigMap", "icp-config-");
    delete cm2.data.KAFKA_SSL;
    expect(danglingReferences(again)).toEqual([
      expect.stringMatching(
        /Deployment\/icp-sap-sandbox container .* env KAFKA_SSL configMapKeyRef → ConfigMap .* has no key KAFKA_SSL/,
      ),
    ]);
  });

  it("a Secret nobody makes, in env, envFrom, a volume and an imagePullSecret", () => {
    const objects = objs("stage");
    const spec = podTemplateSpec(find(objects, "Rollout", "icp-worker"));
    spec.containers[0].env.push({ name: "X", valueFrom: { secretKeyRef: { name: "icp-x", key: "k" } } });
    spec.containers[0].envFrom.push({ secretRef: { name: "icp-y" } });
    spec.volumes.push({ name: "z", secret: { secretName: "icp-z" } });
    spec.imagePullSecrets = [{ name: "regcred" }];
    const problems = danglingReferences(objects);
    expect(problems).toHaveLength(4);
    for (const n of ["icp-x", "icp-y", "icp-z", "regcred"])
      expect(problems.join("\n")).toContain(`Secret icp-stage/${n}`);
    // The allow-list does not cover a TLS Secret a Gateway names without cert-manager.
    const plain = objs("stage");
    const gw = find(plain, "Gateway", "icp-edge");
    delete gw.metadata.annotations?.["cert-manager.io/cluster-issuer"];
    expect(danglingReferences(plain)).toEqual([
      expect.stringContaining(
        "Gateway/icp-edge listeners https tls.certificateRefs[0] → Secret icp-stage/icp-stage-tls: not rendered",
      ),
    ]);
  });

  it("a ServiceAccount that does not exist, or none named at all", () => {
    const objects = objs("prod");
    podTemplateSpec(find(objects, "Job", "icp-db-migrate")).serviceAccountName = "icp-migrations";
    delete podTemplateSpec(find(objects, "Rollout", "icp-console")).serviceAccountName;
    const problems = danglingReferences(objects);
    expect(problems).toEqual([
      expect.stringContaining("Rollout/icp-console serviceAccountName → ServiceAccount icp-prod/default"),
      expect.stringContaining(
        "Job/icp-db-migrate serviceAccountName → ServiceAccount icp-prod/icp-migrations",
      ),
    ]);
  });

  it("a Rollout's Service, HTTPRoute or analysis, and an autoscaler's target", () => {
    const objects = objs("prod");
    const console = find(objects, "Rollout", "icp-console");
    console.spec.strategy.canary.canaryService = "icp-console-preview";
    console.spec.strategy.canary.trafficRouting.plugins["argoproj-labs/gatewayAPI"].httpRoutes.push({
      name: "icp-api",
    });
    find(
      objects,
      "Rollout",
      "icp-worker",
    ).spec.strategy.blueGreen.prePromotionAnalysis.templates[0].templateName = "x";
    find(objects, "ScaledObject", "icp-worker").spec.scaleTargetRef.name = "icp-worker-v2";
    const problems = danglingReferences(objects).join("\n");
    for (const s of [
      "canary.canaryService → Service icp-prod/icp-console-preview",
      "trafficRouting.plugins.gatewayAPI.httpRoutes → HTTPRoute icp-prod/icp-api",
      "prePromotionAnalysis → AnalysisTemplate icp-prod/x",
      "scaleTargetRef → Rollout icp-prod/icp-worker-v2",
    ])
      expect(problems).toContain(s);
  });

  it("an HTTPRoute's parent Gateway or listener, its backend Service or port, and a policy's target route", () => {
    const objects = objs("prod");
    const ui = find(objects, "HTTPRoute", "icp-console");
    ui.spec.rules[0].backendRefs[1].name = "icp-console-next";
    ui.spec.rules[0].backendRefs[0].port = 3000; // the container port, not the Service's
    find(objects, "HTTPRoute", "icp-https-redirect").spec.parentRefs[0].sectionName = "plain";
    find(objects, "HTTPRoute", "icp-storefront-api").spec.parentRefs[0].name = "icp-gateway";
    find(objects, "BackendTrafficPolicy", "icp-storefront-api-edge-limits").spec.targetRefs[0].name =
      "icp-api";
    expect(danglingReferences(objects).sort()).toEqual(
      [
        "BackendTrafficPolicy/icp-storefront-api-edge-limits targetRefs[0] → HTTPRoute icp-prod/icp-api: not rendered",
        "HTTPRoute/icp-https-redirect parentRefs[0] → Gateway icp-prod/icp-edge has no listener plain",
        "HTTPRoute/icp-console rules[0].backendRefs[0] → Service icp-prod/icp-console has no port 3000",
        "HTTPRoute/icp-console rules[0].backendRefs[1] → Service icp-prod/icp-console-next: not rendered",
        "HTTPRoute/icp-storefront-api parentRefs[0] → Gateway icp-prod/icp-gateway: not rendered",
      ].sort(),
    );
  });

  it("a placeholder image, the unset tag, another tag, an image the overlay does not set", () => {
    const images = overlayImages("prod");
    for (const [image, why] of [
      ["icp-worker", "placeholder"],
      ["icp-worker:0.0.0-unset", "placeholder"],
      ["registry.example.com/icp/worker:0.0.0-unset", "unset tag"],
      ["registry.example.com/icp/worker:0.1.0-rc", "does not carry the overlay's tag"],
      ["registry.example.com/icp/worker", "does not carry the overlay's tag"],
      ["docker.io/library/busybox:1.36", "not an image the overlay sets"],
    ] as const) {
      const objects = objs("prod");
      podTemplateSpec(find(objects, "Job", "icp-db-migrate")).containers[0].image = image;
      const problems = imageProblems(objects, images);
      expect(problems, image).toHaveLength(1);
      expect(problems[0], image).toContain(why);
    }
  });
});
