/**
 * Everything around the API server (lib/apiserver.ts) that makes objects *run*, for the test of
 * k8s/deploy.sh: kube-controller-manager (Jobs, ReplicaSets, garbage collection, namespaces,
 * service-account tokens, endpoints), kube-scheduler, kwok (fake nodes: it plays the kubelet,
 * moving pods through their lifecycle per its Stage objects) and the Argo Rollouts controller.
 * All built from the Go module proxy by `scripts/k8s-apiserver.sh --deploy`, cached in .local/bin.
 * They talk to the API server with the harness' system:masters token through one kubeconfig.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { type ApiserverTools, type Cluster, freePort, stopChild, tail, why } from "./apiserver";
import { parseManifests } from "./render";

export interface ControlPlaneTools {
  kubeControllerManager: string;
  kubeScheduler: string;
  kubectl: string;
  kwok: string;
  rolloutsController: string;
  kubectlArgoRollouts: string;
  /** kwok's own Stage files (node-initialize, pod-ready, pod-delete) */
  kwokStages: string[];
}

export function controlPlaneTools(tools: ApiserverTools): ControlPlaneTools {
  const one = (key: string): string => {
    const v = tools.values(key)[0];
    if (!v) throw new Error(`scripts/k8s-apiserver.sh --deploy printed no ${key}=`);
    return v;
  };
  return {
    kubeControllerManager: one("KUBE_CONTROLLER_MANAGER"),
    kubeScheduler: one("KUBE_SCHEDULER"),
    kubectl: one("KUBECTL"),
    kwok: one("KWOK"),
    rolloutsController: one("ROLLOUTS_CONTROLLER"),
    kubectlArgoRollouts: one("KUBECTL_ARGO_ROLLOUTS"),
    kwokStages: tools.values("KWOK_STAGE"),
  };
}

/** A kubeconfig for the harness' API server (bearer token, its CA). */
export function writeKubeconfig(cluster: Cluster, file = join(cluster.dir, "kubeconfig")): string {
  writeFileSync(
    file,
    stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        { name: "icp-test", cluster: { server: cluster.url, "certificate-authority": cluster.caFile } },
      ],
      users: [{ name: "icp-test", user: { token: cluster.token } }],
      contexts: [{ name: "icp-test", context: { cluster: "icp-test", user: "icp-test" } }],
      "current-context": "icp-test",
    }),
    { mode: 0o600 },
  );
  return file;
}

// What kube-controller-manager runs: what Jobs, ReplicaSets (the Rollouts' too), garbage
// collection, namespaces and pods' service-account tokens need. Left out on purpose: the
// node-lifecycle controller (kwok's fake nodes send no heartbeats, so it would taint and evict),
// the HPA controller (no metrics API: the Rollouts keep their default replica count) and the
// volume/certificate/IPAM controllers nothing here uses.
const CONTROLLERS = [
  "job-controller",
  "replicaset-controller",
  "deployment-controller",
  "garbage-collector-controller",
  "namespace-controller",
  "serviceaccount-controller",
  "serviceaccount-token-controller",
  "root-ca-certificate-publisher-controller",
  "endpoints-controller",
  "endpointslice-controller",
  "ttl-after-finished-controller",
  "pod-garbage-collector-controller",
  "disruption-controller",
];

export interface ControlPlane {
  kubeconfig: string;
  logs(): string;
  stop(): Promise<void>;
}

/** Fake nodes kwok manages, one per zone (prod spreads the pods over zones with DoNotSchedule). */
export const NODES = ["a", "b", "c"].map((z) => ({
  name: `kwok-node-${z}`,
  zone: `eu-central-1${z}`,
}));

/**
 * Starts the controllers, kwok and Argo Rollouts against the cluster and creates the fake nodes.
 * `extraStages`: kwok Stage objects (YAML) beside kwok's own node/pod stages.
 */
export async function startControlPlane(
  cluster: Cluster,
  tools: ControlPlaneTools,
  extraStages: string,
): Promise<ControlPlane> {
  const kubeconfig = writeKubeconfig(cluster);
  const lines: string[] = [];
  const children: ChildProcess[] = [];
  const onExit = () => {
    for (const c of children) c.kill("SIGKILL");
  };
  process.once("exit", onExit);
  const start = (name: string, bin: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const child = spawn(bin, args, {
      cwd: cluster.dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    children.push(child);
    tail(lines, child, name, 2000);
    child.once("exit", (code, signal) => lines.push(`${name}: exited (${code ?? signal})`));
  };
  const stop = async () => {
    for (const c of [...children].reverse()) await stopChild(c);
    process.removeListener("exit", onExit);
  };
  try {
    start("kube-controller-manager", tools.kubeControllerManager, [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      "--authentication-skip-lookup=true",
      "--bind-address=127.0.0.1",
      `--secure-port=${await freePort()}`,
      "--leader-elect=false",
      `--controllers=${CONTROLLERS.join(",")}`,
      `--service-account-private-key-file=${cluster.saKeyFile}`,
      `--root-ca-file=${cluster.caFile}`,
      "--use-service-account-credentials=false",
      "--concurrent-job-syncs=5",
      "--v=1",
    ]);
    start("kube-scheduler", tools.kubeScheduler, [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      "--authentication-skip-lookup=true",
      "--bind-address=127.0.0.1",
      `--secure-port=${await freePort()}`,
      "--leader-elect=false",
      `--v=${process.env.ICP_SCHED_V ?? 1}`,
    ]);
    const stages = join(cluster.dir, "kwok-stages.yaml");
    writeFileSync(
      stages,
      [...tools.kwokStages.map((f) => readFileSync(f, "utf8")), extraStages]
        .map((d) => d.trim())
        .join("\n---\n"),
    );
    start("kwok", tools.kwok, [
      `--kubeconfig=${kubeconfig}`,
      `--config=${stages}`,
      "--manage-nodes-with-label-selector=type=kwok",
      `--server-address=127.0.0.1:${await freePort()}`,
      "--node-lease-duration-seconds=0",
    ]);
    // The Rollouts controller for the whole cluster; its own config map (argo-rollouts-config)
    // would live in namespace argo-rollouts: absent, so the defaults apply and no plugin is loaded.
    start(
      "argo-rollouts",
      tools.rolloutsController,
      [
        `--kubeconfig=${kubeconfig}`,
        "--leader-elect=false",
        `--metricsport=${await freePort()}`,
        `--healthzPort=${await freePort()}`,
        "--loglevel=info",
        "--logformat=text",
      ],
      { POD_NAMESPACE: "argo-rollouts" },
    );
    for (const n of NODES) {
      const r = await cluster.kube.request("POST", "/api/v1/nodes", {
        apiVersion: "v1",
        kind: "Node",
        metadata: {
          name: n.name,
          labels: {
            type: "kwok",
            "kubernetes.io/hostname": n.name,
            "kubernetes.io/os": "linux",
            "kubernetes.io/arch": "amd64",
            "topology.kubernetes.io/zone": n.zone,
          },
          annotations: { "node.alpha.kubernetes.io/ttl": "0", "kwok.x-k8s.io/node": "fake" },
        },
      });
      if (r.status !== 201) throw new Error(`creating node ${n.name}: ${why(r)}`);
    }
    // Ready: kwok has initialised every node and the namespace "default" has its ServiceAccount
    // (the serviceaccount controller runs).
    const deadline = Date.now() + 120_000;
    for (;;) {
      const dead = children.find((c) => c.exitCode !== null || c.signalCode !== null);
      if (dead) throw new Error(`a control-plane process exited early`);
      const nodes = await cluster.kube.request("GET", "/api/v1/nodes?labelSelector=type%3Dkwok");
      const ready = (nodes.body?.items ?? []).filter(
        (n: { status?: { conditions?: { type: string; status: string }[] } }) =>
          n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
      ).length;
      const sa = await cluster.kube.request("GET", "/api/v1/namespaces/default/serviceaccounts/default");
      if (ready === NODES.length && sa.status === 200) break;
      if (Date.now() > deadline)
        throw new Error(
          `control plane not ready after 120 s (${ready} nodes Ready, default SA ${sa.status})`,
        );
      await new Promise((r) => setTimeout(r, 500));
    }
    // Admission (TaintNodesByCondition) creates every node with the not-ready taint, which only
    // the node-lifecycle controller (left out, above) would lift: lift it as that controller would
    // once kwok reports the node Ready.
    for (const n of NODES) {
      const r = await cluster.kube.request(
        "PATCH",
        `/api/v1/nodes/${n.name}`,
        { spec: { taints: null } },
        "application/merge-patch+json",
      );
      if (r.status !== 200) throw new Error(`untainting node ${n.name}: ${why(r)}`);
    }
    return { kubeconfig, logs: () => lines.join("\n"), stop };
  } catch (err) {
    const logs = lines.slice(-80).join("\n");
    await stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- last log lines ---\n${logs}`);
  }
}

/** kwok Stage objects from a YAML text (checked to be Stages). */
export function stagesOf(text: string): string {
  for (const o of parseManifests(text))
    if (o.kind !== "Stage") throw new Error(`not a kwok Stage: ${o.kind}/${o.metadata.name}`);
  return text;
}
