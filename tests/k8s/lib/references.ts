/**
 * Cross-object references in one rendered overlay: what a pod template, a Gateway or route, a
 * monitor, a Rollout or an autoscaler names must be an object the same overlay renders — or one of the few
 * objects made outside the repository (ALLOWED_EXTERNAL, each with who makes it). And every
 * container image must be one the overlay's `images:` sets, with its tag. Pure functions, so the
 * checks are tested against broken fixtures (tests/k8s/references.test.ts).
 */
import type { K8sObject, Loose } from "./render";

export interface Reference {
  /** where the name was found, e.g. `Rollout/icp-worker container worker envFrom[0].configMapRef` */
  from: string;
  kind: string;
  namespace: string;
  name: string;
  /** a key the referenced ConfigMap/Secret must have (configMapKeyRef/secretKeyRef) */
  key?: string;
}

/**
 * Objects the manifests name that something other than this repository creates. Kept short: each
 * entry says who creates the object and when it applies.
 */
export interface ExternalObject {
  kind: string;
  name: RegExp;
  who: string;
  /** the reference is allowed only when this holds for the referring object */
  when?: (referrer: K8sObject) => boolean;
}
export const ALLOWED_EXTERNAL: readonly ExternalObject[] = [
  {
    kind: "Secret",
    name: /^icp-(beta|stage|prod)-tls$/,
    who: "cert-manager, for a Gateway (listener certificateRefs) that names a (cluster) issuer in its annotations",
    when: (o) =>
      o.kind === "Gateway" &&
      Boolean(
        o.metadata.annotations?.["cert-manager.io/cluster-issuer"] ||
          o.metadata.annotations?.["cert-manager.io/issuer"],
      ),
  },
  {
    kind: "Secret",
    name: /^icp-metrics-token$/,
    who: "the platform, synced from Vault (docs/deploy.md: METRICS_TOKEN), for Prometheus' scrape of the console",
    when: (o) => o.kind === "ServiceMonitor",
  },
  {
    kind: "Secret",
    name: /^otel-collector-elasticsearch$/,
    who: "the platform team (e.g. the Vault Secrets Operator; docs/deploy.md), for the log shipper in namespace logging",
    when: (o) => o.kind === "DaemonSet" && o.metadata.namespace === "logging",
  },
];

const WORKLOAD_KINDS = new Set(["Deployment", "Rollout", "StatefulSet", "DaemonSet", "Job", "CronJob"]);
export const isWorkload = (o: K8sObject): boolean => WORKLOAD_KINDS.has(o.kind);
export function podTemplateSpec(o: K8sObject): Loose {
  return o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template?.spec : o.spec?.template?.spec;
}
const id = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
const nsOf = (o: K8sObject) => o.metadata.namespace ?? "";

type AddReference = (
  o: K8sObject,
  from: string,
  kind: string,
  name: unknown,
  key?: unknown,
  namespace?: string,
) => void;

/**
 * Gateway API: listener certificates; a route's parents (the listener by sectionName, checked
 * as a "key" of the Gateway) and backends (the port as a "key" of the Service); a policy's
 * targets. Core-group Services and Secrets only; other backend kinds are not used here.
 */
function gatewayApiReferences(o: K8sObject, add: AddReference): void {
  if (o.kind === "Gateway")
    for (const l of o.spec?.listeners ?? [])
      for (const [i, c] of (l.tls?.certificateRefs ?? []).entries())
        if ((c.group ?? "") === "" && (c.kind ?? "Secret") === "Secret")
          add(o, `listeners ${l.name} tls.certificateRefs[${i}]`, "Secret", c.name, undefined, c.namespace);
  if (o.kind === "HTTPRoute" || o.kind === "GRPCRoute") {
    for (const [i, p] of (o.spec?.parentRefs ?? []).entries())
      add(o, `parentRefs[${i}]`, p.kind ?? "Gateway", p.name, p.sectionName, p.namespace);
    for (const [i, rule] of (o.spec?.rules ?? []).entries())
      for (const [j, b] of (rule.backendRefs ?? []).entries())
        if ((b.group ?? "") === "" && (b.kind ?? "Service") === "Service")
          add(
            o,
            `rules[${i}].backendRefs[${j}]`,
            "Service",
            b.name,
            b.port === undefined ? undefined : String(b.port),
            b.namespace,
          );
  }
  if (o.kind === "BackendTrafficPolicy" || o.kind === "ClientTrafficPolicy" || o.kind === "SecurityPolicy")
    for (const [i, t] of (o.spec?.targetRefs ?? (o.spec?.targetRef ? [o.spec.targetRef] : [])).entries())
      add(o, `targetRefs[${i}]`, t.kind, t.name);
  // The Argo Rollouts Gateway API plugin on a canary: the HTTPRoutes whose weights it sets.
  const plugin =
    o.kind === "Rollout"
      ? o.spec?.strategy?.canary?.trafficRouting?.plugins?.["argoproj-labs/gatewayAPI"]
      : undefined;
  for (const route of [
    ...(plugin?.httpRoute ? [{ name: plugin.httpRoute }] : []),
    ...(plugin?.httpRoutes ?? []),
  ])
    add(
      o,
      "trafficRouting.plugins.gatewayAPI.httpRoutes",
      "HTTPRoute",
      route.name,
      undefined,
      plugin.namespace,
    );
}

/** Every reference to another object that the rendered objects make. */
export function collectReferences(objects: readonly K8sObject[]): Reference[] {
  const refs: Reference[] = [];
  const add: AddReference = (o, from, kind, name, key, namespace) => {
    if (typeof name !== "string") return;
    refs.push({
      from: `${id(o)} ${from}`,
      kind,
      namespace: namespace ?? nsOf(o),
      name,
      ...(typeof key === "string" ? { key } : {}),
    });
  };
  for (const o of objects) {
    if (isWorkload(o)) {
      const spec = podTemplateSpec(o) ?? {};
      // No serviceAccountName means the namespace's `default` account, which this repo never uses.
      add(o, "serviceAccountName", "ServiceAccount", spec.serviceAccountName ?? "default");
      for (const [i, s] of (spec.imagePullSecrets ?? []).entries())
        add(o, `imagePullSecrets[${i}]`, "Secret", s?.name);
      for (const [i, v] of (spec.volumes ?? []).entries()) {
        if (v.configMap && !v.configMap.optional)
          add(o, `volumes[${i}].configMap`, "ConfigMap", v.configMap.name);
        if (v.secret && !v.secret.optional) add(o, `volumes[${i}].secret`, "Secret", v.secret.secretName);
        for (const [j, src] of (v.projected?.sources ?? []).entries()) {
          if (src.configMap && !src.configMap.optional)
            add(o, `volumes[${i}].projected.sources[${j}].configMap`, "ConfigMap", src.configMap.name);
          if (src.secret && !src.secret.optional)
            add(o, `volumes[${i}].projected.sources[${j}].secret`, "Secret", src.secret.name);
        }
      }
      const containers: Loose[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
      for (const c of containers) {
        const where = `container ${c.name}`;
        for (const [i, e] of (c.envFrom ?? []).entries()) {
          if (e.configMapRef && !e.configMapRef.optional)
            add(o, `${where} envFrom[${i}].configMapRef`, "ConfigMap", e.configMapRef.name);
          if (e.secretRef && !e.secretRef.optional)
            add(o, `${where} envFrom[${i}].secretRef`, "Secret", e.secretRef.name);
        }
        for (const e of c.env ?? []) {
          const cm = e.valueFrom?.configMapKeyRef;
          const sec = e.valueFrom?.secretKeyRef;
          if (cm && !cm.optional)
            add(o, `${where} env ${e.name} configMapKeyRef`, "ConfigMap", cm.name, cm.key);
          if (sec && !sec.optional)
            add(o, `${where} env ${e.name} secretKeyRef`, "Secret", sec.name, sec.key);
        }
      }
    }
    gatewayApiReferences(o, add);
    if (o.kind === "ServiceMonitor" || o.kind === "PodMonitor") {
      const endpoints: Loose[] = o.spec?.endpoints ?? o.spec?.podMetricsEndpoints ?? [];
      for (const [i, e] of endpoints.entries()) {
        const auth = e.authorization?.credentials;
        if (auth) add(o, `endpoints[${i}].authorization.credentials`, "Secret", auth.name, auth.key);
        const bearer = e.bearerTokenSecret;
        if (bearer?.name) add(o, `endpoints[${i}].bearerTokenSecret`, "Secret", bearer.name, bearer.key);
        for (const part of ["username", "password"] as const) {
          const ref = e.basicAuth?.[part];
          if (ref) add(o, `endpoints[${i}].basicAuth.${part}`, "Secret", ref.name, ref.key);
        }
      }
    }
    if (o.kind === "Rollout") {
      const canary = o.spec?.strategy?.canary;
      const blueGreen = o.spec?.strategy?.blueGreen;
      for (const f of ["canaryService", "stableService"] as const)
        add(o, `canary.${f}`, "Service", canary?.[f]);
      for (const f of ["activeService", "previewService"] as const)
        add(o, `blueGreen.${f}`, "Service", blueGreen?.[f]);
      const analyses: [string, Loose][] = [
        ["canary.analysis", canary?.analysis],
        ["blueGreen.prePromotionAnalysis", blueGreen?.prePromotionAnalysis],
        ["blueGreen.postPromotionAnalysis", blueGreen?.postPromotionAnalysis],
        ...(canary?.steps ?? []).map((s: Loose, i: number): [string, Loose] => [
          `canary.steps[${i}].analysis`,
          s.analysis,
        ]),
      ];
      for (const [where, a] of analyses)
        for (const t of a?.templates ?? [])
          add(
            o,
            where,
            t.clusterScope ? "ClusterAnalysisTemplate" : "AnalysisTemplate",
            t.templateName,
            undefined,
            t.clusterScope ? "" : undefined,
          );
    }
    if (o.kind === "HorizontalPodAutoscaler" || o.kind === "ScaledObject") {
      const t = o.spec?.scaleTargetRef;
      if (t) add(o, "scaleTargetRef", t.kind ?? "Deployment", t.name);
    }
    if (o.kind === "ScaledObject")
      for (const [i, tr] of (o.spec?.triggers ?? []).entries())
        if (tr.authenticationRef)
          add(
            o,
            `triggers[${i}].authenticationRef`,
            tr.authenticationRef.kind ?? "TriggerAuthentication",
            tr.authenticationRef.name,
          );
    if (o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding") {
      const role = o.spec?.roleRef ?? o.roleRef;
      if (role)
        add(o, "roleRef", role.kind, role.name, undefined, role.kind === "ClusterRole" ? "" : undefined);
      for (const [i, subj] of (o.subjects ?? []).entries())
        if (subj.kind === "ServiceAccount")
          add(o, `subjects[${i}]`, "ServiceAccount", subj.name, undefined, subj.namespace ?? nsOf(o));
    }
    if (o.kind === "PodDisruptionBudget" || o.kind === "Service") {
      // Selectors are matched by labels, not names: overlays.test.ts checks the PDBs cover workloads.
    }
  }
  return refs;
}

/** What a reference's `key` must name: a ConfigMap/Secret key, a Gateway listener, a Service port. */
function keysOf(o: K8sObject): Set<string> {
  if (o.kind === "Gateway") return new Set((o.spec?.listeners ?? []).map((l: Loose) => String(l.name)));
  if (o.kind === "Service")
    return new Set(
      (o.spec?.ports ?? []).flatMap((p: Loose) => [String(p.port), ...(p.name ? [String(p.name)] : [])]),
    );
  return new Set([
    ...Object.keys(o.data ?? {}),
    ...Object.keys(o.binaryData ?? {}),
    ...Object.keys(o.stringData ?? {}),
  ]);
}

/**
 * References that resolve to nothing the overlay renders (and no allowed external object), and
 * key references to a key the object lacks. Each problem is one readable line.
 */
export function danglingReferences(
  objects: readonly K8sObject[],
  allowed: readonly ExternalObject[] = ALLOWED_EXTERNAL,
): string[] {
  const byId = new Map(objects.map((o) => [`${o.kind}|${nsOf(o)}|${o.metadata.name}`, o]));
  const byName = new Map(objects.map((o) => [`${o.kind}|${o.metadata.name}`, o]));
  const referrers = new Map(objects.map((o) => [id(o), o]));
  const problems: string[] = [];
  for (const r of collectReferences(objects)) {
    const target =
      r.namespace === "" ? byName.get(`${r.kind}|${r.name}`) : byId.get(`${r.kind}|${r.namespace}|${r.name}`);
    if (!target) {
      const referrer = referrers.get(r.from.split(" ")[0] ?? "");
      const external = allowed.find(
        (a) => a.kind === r.kind && a.name.test(r.name) && (!a.when || (referrer && a.when(referrer))),
      );
      if (!external) problems.push(`${r.from} → ${r.kind} ${r.namespace}/${r.name}: not rendered`);
      continue;
    }
    if (r.key !== undefined && !keysOf(target).has(r.key))
      problems.push(
        `${r.from} → ${r.kind} ${r.namespace}/${r.name} has no ${
          r.kind === "Gateway" ? "listener" : r.kind === "Service" ? "port" : "key"
        } ${r.key}`,
      );
  }
  return problems;
}

export interface OverlayImage {
  name: string;
  newName?: string;
  newTag?: string;
}

/** Every container image of every workload, with where it was found. */
export function containerImages(objects: readonly K8sObject[]): { where: string; image: string }[] {
  return objects.filter(isWorkload).flatMap((o) => {
    const spec = podTemplateSpec(o) ?? {};
    return [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c: Loose) => ({
      where: `${id(o)} container ${c.name}`,
      image: String(c.image),
    }));
  });
}

/**
 * Images that are not exactly `<newName>:<newTag>` of one of the overlay's `images:` entries:
 * a base placeholder left unresolved (`icp-worker`, `icp-worker:0.0.0-unset`), an image the
 * overlay does not set, or the right image with another tag.
 */
export function imageProblems(objects: readonly K8sObject[], overlay: readonly OverlayImage[]): string[] {
  const wanted = new Set(overlay.map((i) => `${i.newName ?? i.name}:${i.newTag ?? ""}`));
  const placeholders = new Set(overlay.map((i) => i.name));
  const problems: string[] = [];
  for (const { where, image } of containerImages(objects)) {
    const name = image.replace(/[:@].*$/, "");
    if (wanted.has(image)) continue;
    if (placeholders.has(name))
      problems.push(`${where}: ${image} is the base's placeholder, not resolved by the overlay`);
    else if (image.includes("0.0.0-unset")) problems.push(`${where}: ${image} carries the unset tag`);
    else if (overlay.some((i) => (i.newName ?? i.name) === name))
      problems.push(
        `${where}: ${image} does not carry the overlay's tag (${[...wanted].filter((w) => w.startsWith(`${name}:`)).join(", ")})`,
      );
    else problems.push(`${where}: ${image} is not an image the overlay sets`);
  }
  return problems;
}
