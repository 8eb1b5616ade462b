/**
 * Helpers for the manifest tests: install/locate the offline toolchain (scripts/k8s-tools.sh),
 * render a kustomization, validate with kubeconform against the generated schemas.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { parseAllDocuments } from "yaml";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const BIN = resolve(ROOT, ".local/bin");

// biome-ignore lint/suspicious/noExplicitAny: manifests are free-form JSON.
export type Loose = any;
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [k: string]: Loose;
};

export interface Toolchain {
  kustomize: string;
  kubeconform: string;
  schemaDir: string;
  seconds: number;
}

/** Runs scripts/k8s-tools.sh; throws with its output when a tool cannot be installed. */
export function ensureTools(): Toolchain {
  const started = Date.now();
  const r = spawnSync("bash", [resolve(ROOT, "scripts/k8s-tools.sh")], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 14 * 60_000,
  });
  if (r.status !== 0) {
    throw new Error(
      `scripts/k8s-tools.sh failed (exit ${r.status ?? r.signal}): the offline manifest toolchain (kustomize, kubeconform, ` +
        `Kubernetes/CRD schemas from the Go module proxy) could not be installed. These tests need Go and the Go module proxy.\n` +
        `${r.stderr}\n${r.stdout}`,
    );
  }
  const schemaDir = r.stdout.trim().split("\n").at(-1) ?? "";
  return {
    kustomize: resolve(BIN, "kustomize"),
    kubeconform: resolve(BIN, "kubeconform"),
    schemaDir,
    seconds: (Date.now() - started) / 1000,
  };
}

export function kustomizeBuild(tools: Toolchain, dir: string): string {
  const r = spawnSync(tools.kustomize, ["build", resolve(ROOT, dir)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`kustomize build ${dir} failed:\n${r.stderr}`);
  return r.stdout;
}

export function parseManifests(yamlText: string): K8sObject[] {
  return parseAllDocuments(yamlText)
    .map((d) => d.toJSON() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

export interface KubeconformResult {
  status: number | null;
  summary: { valid: number; invalid: number; errors: number; skipped: number };
  problems: string[];
}

/** kubeconform -strict on the given YAML (stdin); unknown kinds are errors (no -ignore-missing-schemas). */
export function kubeconform(tools: Toolchain, yamlText: string): KubeconformResult {
  const location = `${tools.schemaDir}/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}{{ .StrictSuffix }}.json`;
  const r = spawnSync(
    tools.kubeconform,
    ["-strict", "-summary", "-output", "json", "-schema-location", location, "-"],
    {
      input: yamlText,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  let parsed: {
    resources?: { filename: string; kind: string; name: string; status: string; msg: string }[];
    summary?: KubeconformResult["summary"];
  };
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw new Error(`kubeconform output is not JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const problems = (parsed.resources ?? [])
    .filter((x) => x.status !== "statusValid")
    .map((x) => `${x.kind}/${x.name}: ${x.status} ${x.msg}`);
  return {
    status: r.status,
    summary: parsed.summary ?? { valid: 0, invalid: 0, errors: 0, skipped: 0 },
    problems,
  };
}

/** GitHub/GitLab-style heading anchors of a markdown file. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of markdown.split("\n")) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (!m?.[1]) continue;
    anchors.add(
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-"),
    );
  }
  return anchors;
}
