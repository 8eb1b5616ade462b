/**
 * The environment each Kubernetes workload gets, parsed with its deployable's real schema
 * (packages/config: consoleEnv, workerEnv, migrateEnv, sandboxEnv), so the manifests, the
 * deploy doc and the code cannot drift apart:
 *   what a pod sees = its ConfigMap(s) (envFrom) + its env entries + the keys of its Vault
 *   secret, which Vault Agent renders to /vault/secrets/app.env and the image entrypoint
 *   exports — and those keys are the ones docs/deploy.md lists for the workload's Vault path.
 * A key the schema requires in beta/stage/prod that none of these provides fails the test; so
 * does a key the doc lists that the workload does not need.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { deployables, type EnvSource } from "@icp/config";
import { sandboxFromEnv } from "@icp/sap-sandbox";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureTools, type K8sObject, kustomizeBuild, type Loose, parseManifests, ROOT } from "./lib/render";

const ENVS = ["beta", "stage", "prod"] as const;
type DeployEnv = (typeof ENVS)[number];
const WORKLOAD_KINDS = new Set(["Deployment", "Rollout", "StatefulSet", "DaemonSet", "Job", "CronJob"]);
/** Which deployable's schema a workload (by app.kubernetes.io/name) starts with. */
const DEPLOYABLE_OF: Record<string, keyof typeof deployables> = {
  "icp-console": "console",
  "icp-worker": "worker",
  "icp-db-migrate": "migrate",
  "icp-sap-sandbox": "sandbox",
};
const VAULT_SECRET_ANNOTATION = "vault.hashicorp.com/agent-inject-secret-app.env";

/**
 * The deploy doc's "What each Vault secret must hold" table: `kv/data/icp/<env>/<workload>` →
 * the keys (in backticks) of its row.
 */
export function vaultKeysFromDoc(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of markdown.split("\n")) {
    const m = /^\|\s*`kv\/data\/icp\/<env>\/([a-z0-9-]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!m?.[1] || m[2] === undefined) continue;
    rows.set(
      m[1],
      [...m[2].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((k) => k[1] ?? ""),
    );
  }
  return rows;
}

/** A value of the right form for `key` (Vault holds real ones; this test checks presence). */
function placeholderFor(deployable: keyof typeof deployables, key: string): string {
  const field = (deployables[deployable].schema.shape as Record<string, Loose>)[key];
  const candidates = [
    `https://vault-placeholder.invalid/${key.toLowerCase()}/${"x".repeat(32)}`,
    "VAULTVALUE",
  ];
  const fits = candidates.find((c) => !field || field.safeParse(c).success);
  if (!fits) throw new Error(`no placeholder value fits ${key} of the ${deployable} schema`);
  return fits;
}

interface Workload {
  env: DeployEnv;
  object: K8sObject;
  name: string;
  deployable: keyof typeof deployables;
  /** What the manifests give the container, by key → where it comes from. */
  manifestEnv: EnvSource;
  /** The workload's Vault secret (the last segment of its path), if it has one. */
  vaultSecret?: string;
}

function podSpec(o: K8sObject): Loose {
  return o.kind === "CronJob" ? o.spec.jobTemplate.spec.template : o.spec.template;
}

function workloadsOf(env: DeployEnv, objects: K8sObject[]): Workload[] {
  const configMaps = new Map(
    objects.filter((o) => o.kind === "ConfigMap").map((o) => [o.metadata.name, (o.data ?? {}) as EnvSource]),
  );
  const configMap = (name: string) => {
    const data = configMaps.get(name);
    if (!data) throw new Error(`${env}: ConfigMap ${name} is referenced but not rendered`);
    return data;
  };
  return objects
    .filter((o) => WORKLOAD_KINDS.has(o.kind))
    .map((object) => {
      const template = podSpec(object);
      const name = template.metadata?.labels?.["app.kubernetes.io/name"] ?? object.metadata.name;
      const deployable = DEPLOYABLE_OF[name];
      if (!deployable)
        throw new Error(`${env}: workload ${object.kind}/${name} names no deployable in DEPLOYABLE_OF`);
      const container = template.spec.containers[0];
      const manifestEnv: EnvSource = {};
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef) Object.assign(manifestEnv, configMap(from.configMapRef.name));
        else throw new Error(`${env}: ${name} takes env from something other than a ConfigMap`);
      }
      for (const e of container.env ?? []) {
        if (e.value !== undefined) manifestEnv[e.name] = String(e.value);
        else if (e.valueFrom?.configMapKeyRef) {
          const ref = e.valueFrom.configMapKeyRef;
          manifestEnv[e.name] = configMap(ref.name)[ref.key];
        } else if (e.valueFrom?.fieldRef || e.valueFrom?.resourceFieldRef)
          manifestEnv[e.name] = "from-the-pod";
        else throw new Error(`${env}: ${name} sets ${e.name} from a source this test does not know`);
      }
      const secretPath: string | undefined = template.metadata?.annotations?.[VAULT_SECRET_ANNOTATION];
      const w: Workload = { env, object, name, deployable, manifestEnv };
      if (secretPath) {
        expect(secretPath, `${env}: ${name}'s Vault path`).toMatch(
          new RegExp(`^kv/data/icp/${env}/[a-z0-9-]+$`),
        );
        w.vaultSecret = secretPath.split("/").at(-1);
      }
      return w;
    });
}

/** The pod's whole environment: manifests plus the Vault keys the doc lists. */
function podEnv(w: Workload, vaultDoc: Map<string, string[]>): { env: EnvSource; vaultKeys: string[] } {
  const vaultKeys = w.vaultSecret ? (vaultDoc.get(w.vaultSecret) ?? []) : [];
  const env: EnvSource = { ...w.manifestEnv };
  for (const key of vaultKeys) env[key] = placeholderFor(w.deployable, key);
  return { env, vaultKeys };
}

/** Problems starting the workload's deployable on this environment, with the app's own parser. */
function problems(w: Workload, env: EnvSource): string[] {
  const found = deployables[w.deployable].problems(env);
  if (w.deployable === "sandbox" && found.length === 0) {
    try {
      sandboxFromEnv(deployables.sandbox.parse(env));
    } catch (e) {
      found.push((e as Error).message);
    }
  }
  return found;
}

const DEPLOY_DOC = readFileSync(resolve(ROOT, "docs/deploy.md"), "utf8");
const rendered: Partial<Record<DeployEnv, Workload[]>> = {};
let setupError: unknown;

beforeAll(() => {
  try {
    const tools = ensureTools();
    for (const env of ENVS) {
      rendered[env] = workloadsOf(env, parseManifests(kustomizeBuild(tools, `k8s/overlays/${env}`)));
    }
  } catch (err) {
    setupError = err;
  }
}, 15 * 60_000);

beforeEach(() => {
  if (setupError) throw setupError;
});

describe("the deploy doc's Vault table", () => {
  it("has a row for each workload with a Vault secret, listing keys the schema knows", () => {
    const doc = vaultKeysFromDoc(DEPLOY_DOC);
    expect([...doc.keys()].sort()).toEqual(["console", "migrate", "sap-sandbox", "worker"]);
    for (const workloads of Object.values(rendered)) {
      for (const w of workloads ?? []) {
        if (!w.vaultSecret) continue;
        const keys = doc.get(w.vaultSecret);
        expect(keys, `docs/deploy.md lists kv/data/icp/<env>/${w.vaultSecret}`).toBeDefined();
        for (const key of keys ?? [])
          expect(deployables[w.deployable].keys, `${w.name} reads ${key}`).toContain(key);
      }
    }
  });

  it("is read as the doc means it (a parser check)", () => {
    const rows = vaultKeysFromDoc(
      "| path | keys |\n| --- | --- |\n| `kv/data/icp/<env>/worker` | `DATABASE_URL`, `REDIS_URL` (plus `lower` notes) |\n",
    );
    expect(rows).toEqual(new Map([["worker", ["DATABASE_URL", "REDIS_URL"]]]));
  });
});

describe.each(ENVS)("%s: every workload starts with the environment it is given", (env) => {
  const workloads = () => rendered[env] ?? [];

  it("renders the console, the worker and the migration Job (and the sandbox in beta only)", () => {
    const names = workloads()
      .map((w) => w.name)
      .sort();
    expect(names).toEqual(
      env === "beta"
        ? ["icp-console", "icp-db-migrate", "icp-sap-sandbox", "icp-worker"]
        : ["icp-console", "icp-db-migrate", "icp-worker"],
    );
  });

  it("parses each workload's ConfigMap, env entries and documented Vault keys with its deployable's schema", () => {
    const vaultDoc = vaultKeysFromDoc(DEPLOY_DOC);
    for (const w of workloads()) {
      const { env: podEnvironment } = podEnv(w, vaultDoc);
      expect(podEnvironment.ICP_ENVIRONMENT, `${w.name} runs as ${env}`).toBe(env);
      expect(problems(w, podEnvironment), `${env}: ${w.name} (${w.deployable} env)`).toEqual([]);
    }
  });

  it("needs every Vault key the doc lists: dropping any one stops the workload from starting", () => {
    const vaultDoc = vaultKeysFromDoc(DEPLOY_DOC);
    for (const w of workloads()) {
      const { env: full, vaultKeys } = podEnv(w, vaultDoc);
      for (const key of vaultKeys) {
        const { [key]: _dropped, ...without } = full;
        expect(problems(w, without), `${env}: ${w.name} without ${key}`).toEqual([
          expect.stringMatching(new RegExp(`^${key}: required in ${env}`)),
        ]);
      }
    }
  });

  it("does not start the console, the worker, the migration Job or the sandbox when the doc forgets a key", () => {
    const vaultDoc = vaultKeysFromDoc(DEPLOY_DOC);
    const forgotten = new Map(vaultDoc);
    forgotten.set(
      "console",
      (vaultDoc.get("console") ?? []).filter((k) => k !== "SIGNING_KEY_SECRET"),
    );
    forgotten.set("worker", []);
    forgotten.set("migrate", []);
    forgotten.set("sap-sandbox", []);
    for (const w of workloads().filter((x) => x.vaultSecret)) {
      const found = problems(w, podEnv(w, forgotten).env);
      expect(found.length, `${env}: ${w.name} with keys missing from the doc`).toBeGreaterThan(0);
      if (w.deployable === "console")
        expect(found).toEqual([expect.stringMatching(/^SIGNING_KEY_SECRET: required/)]);
      else if (w.deployable === "sandbox")
        expect(found).toContainEqual(expect.stringMatching(/^KAFKA_SASL_PASSWORD: required/));
      else expect(found).toContainEqual(expect.stringMatching(/^DATABASE_URL: required/));
    }
  });

  it("gives the worker and the migration Job no console secret", () => {
    const vaultDoc = vaultKeysFromDoc(DEPLOY_DOC);
    for (const w of workloads().filter((x) => x.deployable === "worker" || x.deployable === "migrate")) {
      const { vaultKeys } = podEnv(w, vaultDoc);
      for (const key of [
        "AUTH_SECRET",
        "METRICS_TOKEN",
        "SIGNING_KEY_SECRET",
        "OIDC_CLIENT_ID",
        "OIDC_CLIENT_SECRET",
      ])
        expect(vaultKeys, `${w.name} must not need ${key}`).not.toContain(key);
    }
  });
});
