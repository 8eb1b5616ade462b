/**
 * k8s/deploy.sh against a running control plane (issue 21): the real script, run with the real
 * kubectl (v1.37, built from the Go module proxy), kustomize and the kubectl-argo-rollouts plugin,
 * against kube-apiserver + kine, kube-controller-manager, kube-scheduler, kwok (fake nodes that
 * play the kubelet: pods are scheduled, become Running/Ready, Job pods complete or fail) and the
 * Argo Rollouts controller — all built by `scripts/k8s-apiserver.sh --deploy`, cached in .local/bin.
 *
 * The overlay deployed is prod, as rendered from a copy of k8s/ with three test-only patches (the
 * test's `test-cluster` patches in the copy's kustomization, nothing else changed):
 * - the console canary's `trafficRouting` (the Argo Rollouts Gateway API plugin) is removed: the
 *   plugin is not on the Go module proxy, so it cannot be built here, and the controller refuses a
 *   Rollout naming a plugin it has not loaded. The canary then runs its steps by replica counts;
 *   the HTTPRoute weights are not exercised (tests/k8s/overlays.test.ts and references.test.ts
 *   check the routes the plugin would drive);
 * - pauses of 5–10 minutes become 2 s and the analyses measure every 2 s;
 * - the analyses query a Prometheus stand-in in this process (the real HTTP API shape: `up` of
 *   a pod-template hash is 1 — none for an empty hash —, the error ratios have no samples), so
 *   the worker's pre- and post-promotion analyses and the console's background analysis really
 *   run, with the arguments the controller resolves, and pass.
 *
 * Shown: a first release (migrations, then both Rollouts Healthy; no preview to promote), a second
 * release that stops at the worker's blue/green pause and is promoted after its analysis passed,
 * and a failed migration that fails the deploy fast (well under the 900 s migration timeout) and
 * changes no Rollout. If anything cannot be built or started, every test fails with the reason.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { type Cluster, ensureApiserver, installCrds, startCluster, why } from "./lib/apiserver";
import { type ControlPlane, controlPlaneTools, stagesOf, startControlPlane } from "./lib/control-plane";
import { ensureTools, type K8sObject, kustomizeBuild, type Loose, parseManifests, ROOT } from "./lib/render";

const ENV = "prod";
const NS = `icp-${ENV}`;
const REGISTRY = "registry.example.com/icp";
const FAILING_MIGRATION_TAG = "migration-fails"; // fixtures/kwok-job-stages.yaml fails this image's Job pods

let cluster: Cluster | undefined;
let plane: ControlPlane | undefined;
let prometheus: Server | undefined;
const queries: string[] = [];
let work = "";
let bin = "";
let setupError: unknown;
const timings: string[] = [];

/** A Prometheus HTTP API stand-in: `up…` is 1, every ratio has no samples (a quiet environment). */
function startPrometheus(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    // The Prometheus client POSTs the query form-encoded (GET only as a fallback).
    let body = "";
    req.on("data", (b: Buffer) => {
      body += b.toString("utf8");
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const query = url.searchParams.get("query") ?? new URLSearchParams(body).get("query") ?? "";
      queries.push(query);
      const now = Date.now() / 1000;
      // `up` has samples only for a real pod-template hash: an empty or unresolved one (a
      // misspelt podTemplateHashValue resolves to "") selects no series, as in Prometheus.
      const up = /^\s*min\(up\{.*rollouts_pod_template_hash="[0-9a-z]+"/.test(query);
      const result = up ? [{ metric: {}, value: [now, "1"] }] : [];
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "success", data: { resultType: "vector", result } }));
    });
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}` });
    }),
  );
}

/** The copy of k8s/ deploy.sh runs from, with the test-only patches described above. */
function prepareK8sCopy(dir: string, promUrl: string, rendered: K8sObject[]): void {
  cpSync(resolve(ROOT, "k8s"), dir, { recursive: true });
  const kfile = join(dir, "overlays", ENV, "kustomization.yaml");
  const k = parse(readFileSync(kfile, "utf8"));
  const consoleRollout = rendered.find((o) => o.kind === "Rollout" && o.metadata.name === "icp-console");
  if (!consoleRollout) throw new Error("no console Rollout rendered");
  const steps = (consoleRollout.spec.strategy.canary.steps as Loose[]).map((s) =>
    s.pause ? { pause: { duration: "2s" } } : s,
  );
  const ops = (o: Loose[]) => JSON.stringify(o);
  k.patches = [
    ...(k.patches ?? []),
    {
      target: { kind: "Rollout", name: "icp-console" },
      patch: ops([
        { op: "remove", path: "/spec/strategy/canary/trafficRouting" },
        { op: "replace", path: "/spec/strategy/canary/steps", value: steps },
      ]),
    },
    ...rendered
      .filter((o) => o.kind === "AnalysisTemplate")
      .map((t) => ({
        target: { kind: "AnalysisTemplate", name: t.metadata.name },
        patch: ops([
          ...(t.spec.args as Loose[])
            .map((a, i) => [a, i] as const)
            .filter(([a]) => a.name === "prometheus")
            .map(([, i]) => ({ op: "replace", path: `/spec/args/${i}/value`, value: promUrl })),
          ...(t.spec.metrics as Loose[]).map((_, i) => ({
            op: "replace",
            path: `/spec/metrics/${i}/interval`,
            value: "2s",
          })),
        ]),
      })),
  ];
  writeFileSync(kfile, stringify(k));
}

beforeAll(async () => {
  try {
    const manifestTools = ensureTools();
    const t0 = Date.now();
    const tools = await ensureApiserver(["--deploy"]);
    const cp = controlPlaneTools(tools);
    timings.push(`toolchain ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    const t1 = Date.now();
    cluster = await startCluster(tools);
    await installCrds(
      cluster,
      tools.crds.flatMap((f) => parseManifests(readFileSync(f, "utf8"))),
    );
    plane = await startControlPlane(
      cluster,
      cp,
      stagesOf(readFileSync(resolve(ROOT, "tests/k8s/fixtures/kwok-job-stages.yaml"), "utf8")),
    );
    timings.push(`control plane up ${((Date.now() - t1) / 1000).toFixed(1)}s`);
    const prom = await startPrometheus();
    prometheus = prom.server;
    work = mkdtempSync(join(tmpdir(), "icp-deploy-cluster-"));
    const rendered = parseManifests(kustomizeBuild(manifestTools, `k8s/overlays/${ENV}`));
    prepareK8sCopy(join(work, "k8s"), prom.url, rendered);
    bin = join(work, "bin");
    mkdirSync(bin);
    symlinkSync(cp.kubectl, join(bin, "kubectl"));
    symlinkSync(cp.kubectlArgoRollouts, join(bin, "kubectl-argo-rollouts"));
    symlinkSync(manifestTools.kustomize, join(bin, "kustomize"));
  } catch (err) {
    setupError = err;
  }
}, 45 * 60_000);
afterAll(async () => {
  prometheus?.close();
  await plane?.stop();
  await cluster?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
  console.log(`[deploy-cluster] ${timings.join(", ")}`);
}, 120_000);
beforeEach(() => {
  if (setupError) throw setupError;
});

interface Run {
  status: number | null;
  out: string;
  seconds: number;
}
/** Runs the copy's deploy.sh (asynchronously: the Prometheus stand-in answers from this process). */
function deploy(args: string[], timeoutMs = 10 * 60_000): Promise<Run> {
  const started = Date.now();
  return new Promise((ok) => {
    const child = spawn("bash", [join(work, "k8s", "deploy.sh"), ...args], {
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        KUBECONFIG: plane?.kubeconfig ?? "",
        REGISTRY,
        DEPLOY_POLL_SECONDS: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString("utf8");
    });
    child.stderr.on("data", (b: Buffer) => {
      out += b.toString("utf8");
    });
    const killer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.once("close", (status) => {
      clearTimeout(killer);
      const seconds = (Date.now() - started) / 1000;
      timings.push(`deploy ${args.join(" ")}: ${seconds.toFixed(1)}s`);
      ok({ status, out, seconds });
    });
  });
}

const get = async (path: string): Promise<Loose> => {
  const r = await (cluster as Cluster).kube.request("GET", path);
  expect(r.status, `${path}: ${why(r)}`).toBe(200);
  return r.body;
};
const rollout = (name: string) => get(`/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts/${name}`);
const replicaSet = async (name: string, hash: string): Promise<Loose> =>
  (
    await get(`/apis/apps/v1/namespaces/${NS}/replicasets?labelSelector=rollouts-pod-template-hash%3D${hash}`)
  ).items.find((rs: Loose) => rs.metadata.ownerReferences?.[0]?.name === name);
const imageOf = (o: Loose): string => o.spec.template.spec.containers[0].image;
/** Running and Ready pods of a workload, by image. */
async function readyPods(app: string): Promise<string[]> {
  const pods = await get(`/api/v1/namespaces/${NS}/pods?labelSelector=app.kubernetes.io%2Fname%3D${app}`);
  return (pods.items as Loose[])
    .filter(
      (p) =>
        !p.metadata.deletionTimestamp &&
        p.status.phase === "Running" &&
        p.status.conditions?.some((c: Loose) => c.type === "Ready" && c.status === "True"),
    )
    .map((p) => `${p.spec.containers[0].image}@${p.spec.nodeName}`);
}
const conditions = (o: Loose): string[] =>
  (o.status?.conditions ?? []).filter((c: Loose) => c.status === "True").map((c: Loose) => c.type);
const why2 = (r: Run) => {
  const logs = (plane?.logs() ?? "").split("\n");
  const rollouts = logs.filter(
    (l) => l.startsWith("argo-rollouts:") && /level=(warn|error)|Degraded|[Aa]borted|phase/.test(l),
  );
  return `exit ${r.status} after ${r.seconds.toFixed(1)}s\n${r.out}\n--- Argo Rollouts (warnings, phases) ---\n${rollouts.slice(-40).join("\n")}\n--- control plane ---\n${logs.slice(-30).join("\n")}`;
};

describe("k8s/deploy.sh against a running control plane (kube-controller-manager, scheduler, kwok, Argo Rollouts)", () => {
  it(
    "first release: migrations complete, then both Rollouts become Healthy (no preview to promote)",
    async () => {
      const r = await deploy([ENV, "r1", "--promote-worker"]);
      expect(r.status, why2(r)).toBe(0);
      expect(r.out).toMatch(/worker is Healthy \(first release/);
      expect(r.out).not.toMatch(/kubectl argo rollouts promote/);
      const job = await get(`/apis/batch/v1/namespaces/${NS}/jobs/icp-db-migrate`);
      expect(conditions(job)).toContain("Complete");
      expect(imageOf(job)).toBe(`${REGISTRY}/worker:r1`);
      for (const name of ["icp-console", "icp-worker"]) {
        const ro = await rollout(name);
        expect(ro.status.phase, name).toBe("Healthy");
        expect(imageOf(await replicaSet(name, ro.status.stableRS)), name).toBe(
          `${REGISTRY}/${name.replace("icp-", "")}:r1`,
        );
      }
      expect(
        (await readyPods("icp-worker")).every((p) => p.startsWith(`${REGISTRY}/worker:r1@kwok-node-`)),
      ).toBe(true);
      expect(await readyPods("icp-console")).toEqual([expect.stringMatching(/console:r1@kwok-node-/)]);
    },
    10 * 60_000,
  );

  it(
    "second release: the console canary runs its steps; the worker stops at the blue/green pause and is promoted after its analysis",
    async () => {
      const before = await rollout("icp-worker");
      queries.length = 0;
      const r = await deploy([ENV, "r2", "--promote-worker"]);
      expect(r.status, why2(r)).toBe(0);
      expect(r.out).toMatch(/console is Healthy/);
      expect(r.out).toMatch(/worker promoted/);
      const worker = await rollout("icp-worker");
      expect(worker.status.phase).toBe("Healthy");
      expect(worker.status.stableRS).not.toBe(before.status.stableRS);
      expect(imageOf(await replicaSet("icp-worker", worker.status.stableRS))).toBe(`${REGISTRY}/worker:r2`);
      // The active Service now selects the new ReplicaSet (the promotion switched it).
      const active = await get(`/api/v1/namespaces/${NS}/services/icp-worker`);
      expect(active.spec.selector["rollouts-pod-template-hash"]).toBe(worker.status.stableRS);
      // The pre-promotion analysis ran against the preview's hash, and passed.
      const upQueries = queries.filter((q) => q.includes("min(up{"));
      expect(upQueries.join("\n")).toContain(`rollouts_pod_template_hash="${worker.status.stableRS}"`);
      const runs = await get(`/apis/argoproj.io/v1alpha1/namespaces/${NS}/analysisruns`);
      const workerRuns = (runs.items as Loose[]).filter(
        (a) => a.metadata.ownerReferences?.[0]?.name === "icp-worker",
      );
      expect(workerRuns.map((a) => a.status?.phase)).toContain("Successful");
      expect(workerRuns.map((a) => a.status?.phase)).not.toContain("Failed");
      // The console went through every canary step to the new version.
      const console = await rollout("icp-console");
      expect(console.status.phase).toBe("Healthy");
      expect(console.status.currentStepIndex).toBe(console.spec.strategy.canary.steps.length);
      expect(imageOf(await replicaSet("icp-console", console.status.stableRS))).toBe(
        `${REGISTRY}/console:r2`,
      );
      expect(queries.some((q) => q.includes("envoy_cluster_upstream_rq_xx"))).toBe(true);
    },
    15 * 60_000,
  );

  it(
    "a failed migration fails the deploy fast (well under its 900 s timeout) and changes no Rollout",
    async () => {
      const r = await deploy([ENV, FAILING_MIGRATION_TAG, "--promote-worker"]);
      expect(r.status, why2(r)).toBe(1);
      expect(r.out).toMatch(/migrations Failed: nothing else was changed/);
      expect(r.seconds).toBeLessThan(180);
      const job = await get(`/apis/batch/v1/namespaces/${NS}/jobs/icp-db-migrate`);
      expect(conditions(job)).toContain("Failed");
      expect(imageOf(job)).toBe(`${REGISTRY}/worker:${FAILING_MIGRATION_TAG}`);
      expect(job.status.failed).toBe(job.spec.backoffLimit + 1);
      for (const name of ["icp-console", "icp-worker"]) {
        const ro = await rollout(name);
        expect(imageOf(ro), name).toBe(`${REGISTRY}/${name.replace("icp-", "")}:r2`);
        expect(ro.status.phase, name).toBe("Healthy");
      }
    },
    10 * 60_000,
  );
});
