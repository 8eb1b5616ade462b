/**
 * A real kube-apiserver for the manifest tests: kine (the etcd API on SQLite in a temporary
 * directory) as its store, bound to loopback on free ports, a static bearer token for a
 * system:masters user, RBAC authorization, service-account signing keys, and admission with
 * PodSecurity. Binaries come from scripts/k8s-apiserver.sh (built from the Go module proxy,
 * cached under .local/bin by version). No controllers run: objects are stored and admitted, pods
 * are never scheduled.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { K8sObject, Loose } from "./render";
import { ROOT } from "./render";

export interface ApiserverTools {
  kubeApiserver: string;
  kine: string;
  kubernetesVersion: string;
  crds: string[];
  seconds: number;
  /** every KEY=VALUE line the script printed (with --deploy: KUBECTL, KWOK, ROLLOUTS_CONTROLLER …) */
  values: (key: string) => string[];
}

/**
 * Runs scripts/k8s-apiserver.sh (builds on first use: minutes, so asynchronously, with the
 * script's progress kept for the error); throws with its output when it fails.
 */
export async function ensureApiserver(args: string[] = []): Promise<ApiserverTools> {
  const started = Date.now();
  const child = spawn("bash", [resolve(ROOT, "scripts/k8s-apiserver.sh"), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => {
    stdout += b.toString("utf8");
  });
  child.stderr.on("data", (b: Buffer) => {
    stderr = (stderr + b.toString("utf8")).slice(-16_000);
  });
  const killer = setTimeout(() => child.kill("SIGTERM"), 40 * 60_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((ok) =>
    child.once("close", (c, s) => ok([c, s])),
  );
  clearTimeout(killer);
  if (code !== 0) {
    throw new Error(
      `scripts/k8s-apiserver.sh ${args.join(" ")} failed (exit ${code ?? signal}): the Kubernetes binaries could not be built from the ` +
        `Go module proxy. These tests need Go and the Go module proxy.\n${stderr.slice(-8000)}\n${stdout}`,
    );
  }
  const values = (key: string) =>
    stdout
      .split("\n")
      .filter((l) => l.startsWith(`${key}=`))
      .map((l) => l.slice(key.length + 1));
  const one = (key: string): string => {
    const v = values(key)[0];
    if (!v) throw new Error(`scripts/k8s-apiserver.sh printed no ${key}=:\n${stdout}`);
    return v;
  };
  return {
    kubeApiserver: one("KUBE_APISERVER"),
    kine: one("KINE"),
    kubernetesVersion: one("KUBERNETES_VERSION"),
    crds: values("CRD"),
    seconds: (Date.now() - started) / 1000,
    values,
  };
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/** `299 - "text with \"quotes\""` (RFC 7234 warn-text, as the API server writes it) → the text. */
export function warningText(header: string): string {
  const m = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(header);
  return m?.[1] ? m[1].replace(/\\(.)/g, "$1") : header;
}

export interface ApiResponse {
  status: number;
  body: Loose;
  /** `Warning` headers: PodSecurity's "would violate" on workloads, deprecations, unknown fields */
  warnings: string[];
}

/** A small REST client for the API server (bearer token, the server's own CA). */
export class Kube {
  private readonly agent: Agent;
  constructor(
    readonly url: string,
    private readonly token: string,
    ca: string,
  ) {
    this.agent = new Agent({ ca, keepAlive: true, maxSockets: 4 });
  }

  request(
    method: string,
    path: string,
    body?: unknown,
    contentType = "application/json",
  ): Promise<ApiResponse> {
    const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
    return new Promise((ok, fail) => {
      const req = request(
        `${this.url}${path}`,
        {
          method,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: "application/json",
            ...(payload === undefined ? {} : { "content-type": contentType }),
          },
          timeout: 60_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: Loose = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON (e.g. /readyz answers text)
            }
            const w = res.headers.warning;
            ok({
              status: res.statusCode ?? 0,
              body: parsed,
              warnings: (Array.isArray(w) ? w : w ? [w] : []).map(warningText),
            });
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out`)));
      req.on("error", fail);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

interface ResourceInfo {
  resource: string;
  namespaced: boolean;
}

/** Kind → REST resource, from the server's discovery documents. */
export class Discovery {
  private map = new Map<string, ResourceInfo>();
  constructor(private readonly kube: Kube) {}

  async refresh(): Promise<void> {
    const next = new Map<string, ResourceInfo>();
    const groupVersions = ["v1"];
    const apis = await this.kube.request("GET", "/apis");
    for (const g of apis.body?.groups ?? [])
      for (const v of g.versions ?? []) groupVersions.push(v.groupVersion as string);
    await Promise.all(
      groupVersions.map(async (gv) => {
        const r = await this.kube.request("GET", gv === "v1" ? "/api/v1" : `/apis/${gv}`);
        if (r.status !== 200) return;
        for (const res of r.body?.resources ?? []) {
          if (String(res.name).includes("/")) continue; // subresources
          next.set(`${gv}|${res.kind}`, { resource: res.name, namespaced: Boolean(res.namespaced) });
        }
      }),
    );
    this.map = next;
  }

  has(apiVersion: string, kind: string): boolean {
    return this.map.has(`${apiVersion}|${kind}`);
  }

  /** The object's URL path (without query). */
  path(o: Pick<K8sObject, "apiVersion" | "kind" | "metadata">, withName = true): string {
    const info = this.map.get(`${o.apiVersion}|${o.kind}`);
    if (!info) throw new Error(`the API server serves no ${o.kind} in ${o.apiVersion}`);
    const base = o.apiVersion.includes("/") ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
    const ns = info.namespaced ? `/namespaces/${o.metadata.namespace ?? "default"}` : "";
    return `${base}${ns}/${info.resource}${withName ? `/${o.metadata.name}` : ""}`;
  }
}

export interface ApplyResult extends ApiResponse {
  object: string;
}

/** Server-side apply (field manager `icp-tests`, strict field validation), optionally dry-run. */
export async function serverSideApply(
  kube: Kube,
  discovery: Discovery,
  o: K8sObject,
  opts: { dryRun?: boolean } = {},
): Promise<ApplyResult> {
  const query = `?fieldManager=icp-tests&force=true&fieldValidation=Strict${opts.dryRun ? "&dryRun=All" : ""}`;
  const r = await kube.request("PATCH", discovery.path(o) + query, o, "application/apply-patch+yaml");
  return { ...r, object: `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}` };
}

/** The reason an API answer failed, as one line (Status message, or the body). */
export function why(r: ApiResponse): string {
  return `${r.status} ${typeof r.body === "object" && r.body?.message ? r.body.message : JSON.stringify(r.body)}`;
}

export interface Cluster {
  kube: Kube;
  discovery: Discovery;
  /** what a client (kubectl, a controller) needs: the server, a system:masters token, its CA */
  url: string;
  token: string;
  caFile: string;
  /** the service-account signing key (kube-controller-manager's token controller signs with it) */
  saKeyFile: string;
  /** the cluster's temporary directory (removed by stop()) */
  dir: string;
  /** the last lines kine and kube-apiserver wrote, for failure messages */
  logs(): string;
  stop(): Promise<void>;
}

/** Keeps the last `keep` lines a child writes, prefixed with its name. */
export function tail(lines: string[], child: ChildProcess, name: string, keep = 400): void {
  const add = (b: Buffer) => {
    for (const l of b.toString("utf8").split("\n")) if (l) lines.push(`${name}: ${l}`);
    if (lines.length > keep) lines.splice(0, lines.length - keep);
  };
  child.stdout?.on("data", add);
  child.stderr?.on("data", add);
}

/** SIGTERM, then SIGKILL after 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  child.kill("SIGTERM");
  const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(t);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts kine + kube-apiserver and waits for /readyz (or throws with their logs). */
export async function startCluster(tools: ApiserverTools, readyTimeoutMs = 180_000): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), "icp-apiserver-"));
  const lines: string[] = [];
  const children: ChildProcess[] = [];
  // If the test process dies without stop() (a crash, the runner's timeout), take them along.
  const onExit = () => {
    for (const c of children) c.kill("SIGKILL");
  };
  process.once("exit", onExit);
  const stop = async () => {
    for (const c of [...children].reverse()) await stopChild(c);
    process.removeListener("exit", onExit);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const kinePort = await freePort();
    const apiPort = await freePort();
    const token = randomBytes(24).toString("hex");
    writeFileSync(join(dir, "tokens.csv"), `${token},icp-tests,icp-tests-uid,"system:masters"\n`, {
      mode: 0o600,
    });
    const sa = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    writeFileSync(join(dir, "sa.key"), sa.privateKey, { mode: 0o600 });
    writeFileSync(join(dir, "sa.pub"), sa.publicKey);

    const kine = spawn(
      tools.kine,
      [
        "--listen-address",
        `127.0.0.1:${kinePort}`,
        "--endpoint",
        `sqlite://${join(dir, "state.db")}?_journal=WAL&cache=shared&_busy_timeout=30000`,
        "--metrics-bind-address",
        "0",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    children.push(kine);
    tail(lines, kine, "kine");

    const apiserver = spawn(
      tools.kubeApiserver,
      [
        `--etcd-servers=http://127.0.0.1:${kinePort}`,
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        `--secure-port=${apiPort}`,
        `--cert-dir=${join(dir, "certs")}`, // self-signed serving certificate for 127.0.0.1/localhost
        `--token-auth-file=${join(dir, "tokens.csv")}`,
        "--anonymous-auth=false",
        "--authorization-mode=RBAC",
        "--enable-admission-plugins=NamespaceLifecycle,ServiceAccount,PodSecurity,LimitRanger,ResourceQuota,DefaultStorageClass,MutatingAdmissionWebhook,ValidatingAdmissionPolicy,ValidatingAdmissionWebhook",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        `--service-account-key-file=${join(dir, "sa.pub")}`,
        `--service-account-signing-key-file=${join(dir, "sa.key")}`,
        "--service-cluster-ip-range=10.96.0.0/16",
        "--endpoint-reconciler-type=none",
        "--profiling=false",
        "--v=0",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    children.push(apiserver);
    tail(lines, apiserver, "kube-apiserver");

    const url = `https://127.0.0.1:${apiPort}`;
    const deadline = Date.now() + readyTimeoutMs;
    let kube: Kube | undefined;
    let last = "no answer yet";
    while (Date.now() < deadline) {
      for (const c of children)
        if (c.exitCode !== null || c.signalCode !== null)
          throw new Error(`${c === kine ? "kine" : "kube-apiserver"} exited (${c.exitCode ?? c.signalCode})`);
      await sleep(500);
      if (!kube) {
        try {
          kube = new Kube(url, token, readFileSync(join(dir, "certs", "apiserver.crt"), "utf8"));
        } catch {
          continue; // certificate not written yet
        }
      }
      try {
        const r = await kube.request("GET", "/readyz");
        if (r.status === 200) {
          const discovery = new Discovery(kube);
          await discovery.refresh();
          const k = kube;
          return {
            kube: k,
            discovery,
            url,
            token,
            caFile: join(dir, "certs", "apiserver.crt"),
            saKeyFile: join(dir, "sa.key"),
            dir,
            logs: () => lines.join("\n"),
            stop: async () => {
              k.close();
              await stop();
            },
          };
        }
        last = `${r.status} ${String(r.body).slice(-500)}`;
      } catch (err) {
        last = String(err);
      }
    }
    throw new Error(`kube-apiserver not ready after ${readyTimeoutMs / 1000}s (last /readyz: ${last})`);
  } catch (err) {
    const logs = lines.slice(-60).join("\n");
    await stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- last log lines ---\n${logs}`);
  }
}

/** Creates the CustomResourceDefinitions in the given files and waits until they serve. */
export async function installCrds(cluster: Cluster, objects: K8sObject[], timeoutMs = 60_000): Promise<void> {
  const { kube, discovery } = cluster;
  for (const crd of objects) {
    const r = await serverSideApply(kube, discovery, crd);
    if (r.status >= 300) throw new Error(`CRD ${crd.metadata.name}: ${why(r)}`);
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await discovery.refresh();
    const missing = objects.flatMap((crd) =>
      (crd.spec.versions as Loose[])
        .filter((v) => v.served)
        .map((v) => `${crd.spec.group}/${v.name}|${crd.spec.names.kind}`)
        .filter((k) => {
          const [apiVersion = "", kind = ""] = k.split("|");
          return !discovery.has(apiVersion, kind);
        }),
    );
    if (missing.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`CRDs not served after ${timeoutMs / 1000}s: ${missing.join(", ")}`);
    await sleep(500);
  }
}
