/**
 * k8s/deploy.sh against a scripted cluster: tests/k8s/lib/fake-kubectl.sh stands in for kubectl
 * and the Argo Rollouts plugin (it prints what they print and blocks where they block, in virtual
 * time), with the real kustomize. A first release, a later one that stops at the worker's
 * blue/green pause (promoted or left waiting), a failed pre-promotion analysis and a failed
 * migration, which must stop the deploy at once with nothing but the non-Rollout objects applied.
 *
 * Kept beside tests/k8s/deploy.cluster.test.ts, which runs the same script against a real control
 * plane (kubectl, the plugin, the Argo Rollouts controller): that one proves the first release,
 * the promoted second release and the failed migration for real (and so the outputs this
 * stand-in prints); this one covers, in a second, the paths that are slow or need a failing
 * Prometheus there — a pause left unpromoted, a Degraded pre-promotion analysis, beta's sandbox
 * image — and the exact command lines deploy.sh issues.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { ensureTools, ROOT, type Toolchain } from "./lib/render";

let tools: Toolchain;
let setupError: unknown;
const temp: string[] = [];
beforeAll(() => {
  try {
    tools = ensureTools();
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

type Scenario = "first" | "second" | "second-bad" | "migrate-fail";
function deploy(scenario: Scenario, args: string[]) {
  const state = mkdtempSync(join(tmpdir(), "icp-deploy-"));
  temp.push(state);
  const bin = join(state, "bin");
  mkdirSync(bin);
  symlinkSync(resolve(ROOT, "tests/k8s/lib/fake-kubectl.sh"), join(bin, "kubectl"));
  symlinkSync(tools.kustomize, join(bin, "kustomize"));
  const started = Date.now();
  const r = spawnSync("bash", [resolve(ROOT, "k8s/deploy.sh"), ...args], {
    encoding: "utf8",
    timeout: 60_000,
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      FAKE_STATE: state,
      FAKE_SCENARIO: scenario,
      DEPLOY_POLL_SECONDS: "0",
    },
  });
  const calls = readFileSync(join(state, "calls.log"), "utf8").trim().split("\n");
  return {
    status: r.status,
    out: `${r.stdout}${r.stderr}`,
    calls,
    state,
    seconds: (Date.now() - started) / 1000,
  };
}
/** The Services of the last full apply, each with whether it named a selector. */
function appliedServices(state: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const d of parseAllDocuments(readFileSync(join(state, "applied-all.yaml"), "utf8"))) {
    const o = d.toJS() as { kind?: string; metadata?: { name?: string }; spec?: { selector?: unknown } };
    if (o?.kind === "Service" && o.metadata?.name) out[o.metadata.name] = o.spec?.selector !== undefined;
  }
  return out;
}
const MANAGED = ["icp-console", "icp-console-canary", "icp-worker", "icp-worker-preview"];
const applied = (calls: string[], what: "all" | "others") =>
  calls.filter((c) => c.startsWith(`APPLIED-IMAGE ${what} `)).map((c) => c.split(" ")[2]);
/** Nothing blocked until a timeout and no command the fake does not know. */
function expectClean(calls: string[]) {
  expect(calls.filter((c) => /^(BLOCKED|UNEXPECTED)/.test(c))).toEqual([]);
}

describe("k8s/deploy.sh", () => {
  it("first release: migrations, then both Rollouts Healthy (no preview to promote)", () => {
    const r = deploy("first", ["stage", "abc123", "--promote-worker"]);
    expect(r.status, r.out).toBe(0);
    expectClean(r.calls);
    const i = (re: RegExp) => r.calls.findIndex((c) => re.test(c));
    expect(i(/^delete job icp-db-migrate/)).toBeLessThan(i(/^apply .*--selector/));
    expect(i(/^get job\/icp-db-migrate/)).toBeLessThan(i(/^apply (?!.*--selector)/));
    expect(r.calls.some((c) => c.startsWith("argo rollouts promote"))).toBe(false);
    expect(r.out).toMatch(/worker is Healthy/);
    expect(applied(r.calls, "all")).toEqual([
      "registry.example.com/icp/console:abc123",
      "registry.example.com/icp/worker:abc123",
      "registry.example.com/icp/worker:abc123",
    ]);
    // The first release creates the Rollouts' Services with their selectors.
    const services = appliedServices(r.state);
    for (const name of MANAGED) expect(services[name], name).toBe(true);
  });

  it("beta also tags the SAP sandbox with the release", () => {
    const r = deploy("first", ["beta", "abc123"]);
    expect(r.status, r.out).toBe(0);
    const images = applied(r.calls, "all");
    expect(images).toContain("registry.example.com/icp/sap-sandbox:abc123");
    for (const image of images) expect(image).toMatch(/:abc123$/);
  });

  it("a later release waits for the blue/green pause, promotes and waits for Healthy", () => {
    const r = deploy("second", ["prod", "def456", "--promote-worker"]);
    expect(r.status, r.out).toBe(0);
    expectClean(r.calls);
    const promote = r.calls.indexOf("argo rollouts promote icp-worker -n icp-prod");
    expect(promote).toBeGreaterThan(0);
    expect(r.calls.slice(promote + 1).some((c) => c.startsWith("argo rollouts status icp-worker"))).toBe(
      true,
    );
    expect(r.out).toMatch(/worker promoted/);
    expect(r.seconds).toBeLessThan(30);
    // Services the Rollouts controller manages are applied without their selector (it owns it).
    expect(r.out).toMatch(
      /selectors left to Argo Rollouts on: icp-console icp-console-canary icp-worker icp-worker-preview/,
    );
    // …in what was actually applied: those four without a selector, any other Service with one.
    const services = appliedServices(r.state);
    for (const name of MANAGED) expect(services[name], name).toBe(false);
    for (const [name, has] of Object.entries(services))
      if (!MANAGED.includes(name)) expect(has, name).toBe(true);
  });

  it("without --promote-worker a later release ends at the pause and says how to promote", () => {
    const r = deploy("second", ["stage", "def456"]);
    expect(r.status, r.out).toBe(0);
    expectClean(r.calls);
    expect(r.calls.some((c) => c.startsWith("argo rollouts promote"))).toBe(false);
    expect(r.out).toMatch(/kubectl argo rollouts promote icp-worker -n icp-stage/);
  });

  it("a failed pre-promotion analysis (Degraded) fails the deploy", () => {
    const r = deploy("second-bad", ["stage", "def456", "--promote-worker"]);
    expect(r.status, r.out).toBe(1);
    expectClean(r.calls);
    expect(r.out).toMatch(/icp-worker is Degraded/);
  });

  it("a failed migration fails fast, shows the Job's logs and applies no Rollout", () => {
    const r = deploy("migrate-fail", ["prod", "def456", "--promote-worker"]);
    expect(r.status, r.out).toBe(1);
    expectClean(r.calls); // in particular no `kubectl wait` sitting out its 15 minutes
    expect(r.calls.some((c) => c.startsWith("logs job/icp-db-migrate"))).toBe(true);
    expect(r.out).toMatch(/MIGRATION_FAILED/);
    expect(applied(r.calls, "all")).toEqual([]);
    expect(r.calls.some((c) => c.startsWith("argo rollouts"))).toBe(false);
    expect(r.seconds).toBeLessThan(30);
  });

  it("the stand-in blocks where the plugin blocks: watching a paused blue/green runs into the timeout", () => {
    const state = mkdtempSync(join(tmpdir(), "icp-fake-"));
    temp.push(state);
    const env = { ...process.env, FAKE_STATE: state, FAKE_SCENARIO: "second" };
    const fake = resolve(ROOT, "tests/k8s/lib/fake-kubectl.sh");
    const w = spawnSync(fake, ["argo", "rollouts", "status", "icp-worker", "-n", "x", "--timeout", "20m"], {
      encoding: "utf8",
      env,
    });
    expect(w.status).toBe(1);
    expect(w.stdout.trim().split("\n").at(-1)).toBe("Paused - BlueGreenPause");
    expect(w.stderr).toMatch(/exceeded timeout/);
    const once = spawnSync(fake, ["argo", "rollouts", "status", "icp-worker", "-n", "x", "--watch=false"], {
      encoding: "utf8",
      env,
    });
    expect(once.stdout.trim()).toBe("Paused - BlueGreenPause"); // not "Paused"
  });
});
