/**
 * Both pipeline definitions must parse and describe the same pipeline: the same stages in the
 * same order (`.ci/run` = make test, then images, then beta → stage → gate → prod).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./lib/render";

const EXPECTED = ["test", "build-images", "deploy-beta", "deploy-stage", "approve-prod", "deploy-prod"];

type Job = {
  stage?: string;
  script?: string[];
  image?: string;
  environment?: { name?: string; action?: string; deployment_tier?: string };
  rules?: { when?: string }[];
  extends?: string;
  needs?: string[];
};
const gitlab = parse(readFileSync(resolve(ROOT, ".gitlab-ci.yml"), "utf8")) as Record<string, unknown> & {
  stages: string[];
};
/** GitLab jobs with `extends` templates merged in (one level is all this file uses). */
const jobs: [string, Job][] = Object.entries(gitlab)
  .filter(
    ([name, v]) =>
      !name.startsWith(".") &&
      typeof v === "object" &&
      v !== null &&
      !Array.isArray(v) &&
      name !== "variables" &&
      name !== "default" &&
      name !== "workflow",
  )
  .map(([name, v]) => {
    const job = v as Job;
    const base = job.extends ? (gitlab[job.extends] as Job) : {};
    return [name, { ...base, ...job }] as [string, Job];
  })
  .filter(([, j]) => j.stage !== undefined);
const jenkins = readFileSync(resolve(ROOT, "Jenkinsfile"), "utf8");
const jenkinsStages = [...jenkins.matchAll(/^\s*stage\('([^']+)'\)\s*\{/gm)].map((m) => m[1]);

/** The body of one Jenkins stage: from its header to the next stage header. */
function jenkinsStage(name: string): string {
  const start = jenkins.indexOf(`stage('${name}')`);
  const next = jenkins.indexOf("stage('", start + 1);
  return jenkins.slice(start, next === -1 ? undefined : next);
}

describe("pipelines", () => {
  it(".gitlab-ci.yml declares the expected stages, each with at least one job", () => {
    expect(gitlab.stages).toEqual(EXPECTED);
    for (const stage of EXPECTED)
      expect(
        jobs.some(([, j]) => j.stage === stage),
        `a job in stage ${stage}`,
      ).toBe(true);
  });

  it("the Jenkinsfile is declarative, balanced, and names the same stages in the same order", () => {
    expect(jenkins).toMatch(/^pipeline \{/m);
    const opens = (jenkins.match(/\{/g) ?? []).length;
    const closes = (jenkins.match(/\}/g) ?? []).length;
    expect(opens).toBe(closes);
    expect(jenkinsStages).toEqual(EXPECTED);
    expect(jenkinsStages).toEqual(gitlab.stages);
  });

  it("the test stage is make test itself (.ci/run), so a pipeline cannot test less than it", () => {
    expect(readFileSync(resolve(ROOT, ".ci/run"), "utf8")).toMatch(/^exec make test$/m);
    expect(readFileSync(resolve(ROOT, "Makefile"), "utf8")).toMatch(/^test:.*\n\t.*scripts\/test\.sh/m);
    expect(jenkinsStage("test")).toMatch(/sh '\.ci\/run'/);
    const gl = jobs.filter(([, j]) => j.stage === "test").flatMap(([, j]) => j.script ?? []);
    expect(gl).toEqual([".ci/run"]);
    // and no pipeline job runs a test suite of its own beside it
    const everything = [jenkins, ...jobs.flatMap(([, j]) => j.script ?? [])].join("\n");
    expect(everything).not.toMatch(/vitest run|playwright test|biome check/);
  });

  it("builds all three images with buildah through scripts/release-image.sh, never kaniko or a Docker daemon", () => {
    for (const text of [jenkins, readFileSync(resolve(ROOT, ".gitlab-ci.yml"), "utf8")]) {
      expect(text).not.toMatch(/kaniko/);
      expect(text).not.toMatch(/docker (build|push)/);
      for (const app of ["console", "worker", "sap-sandbox"]) expect(text).toContain(app);
    }
    expect(jenkinsStage("build-images")).toMatch(/scripts\/release-image\.sh \$\{app\} /);
    expect(jenkinsStage("build-images")).toMatch(/credentialsId: 'cosign-key'/);
    const gl = jobs.find(([name]) => name === "build-images")?.[1];
    expect(gl?.script?.join("\n")).toMatch(/scripts\/release-image\.sh "\$APP"/);
    const script = readFileSync(resolve(ROOT, "scripts/release-image.sh"), "utf8");
    expect(script).toMatch(/^buildah bud /m);
    expect(script).not.toMatch(/\/kaniko\/executor|docker build/);
    expect(spawnSync("bash", ["-n", resolve(ROOT, "scripts/release-image.sh")]).status).toBe(0);
  });

  /**
   * scripts/release-image.sh with stand-ins for buildah, skopeo, trivy and cosign that record
   * their arguments (the real tools and registries are not reachable here; the pipeline runs
   * them): what it passes between the steps is checked, not what the tools do.
   */
  function releaseWithStandIns(opts: { scanFails?: boolean } = {}) {
    const dir = mkdtempSync(join(tmpdir(), "icp-release-"));
    const log = join(dir, "calls.log");
    const manifest =
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}';
    const stub = (name: string, body: string) => {
      writeFileSync(join(dir, name), `#!/usr/bin/env bash\necho "${name} $*" >> "${log}"\n${body}\n`);
      chmodSync(join(dir, name), 0o755);
    };
    stub("skopeo", `printf '%s' '${manifest}'`);
    stub("buildah", 'if [ "$1" = push ]; then printf "sha256:%064d" 7 > "$3"; fi');
    stub(
      "trivy",
      opts.scanFails ? 'for a in "$@"; do [ "$a" = "--exit-code" ] && exit 1; done; exit 0' : "exit 0",
    );
    stub("cosign", "exit 0");
    const r = spawnSync(
      "bash",
      [
        resolve(ROOT, "scripts/release-image.sh"),
        "worker",
        "registry.example.com/icp",
        "abc12345",
        "abc12345ffff",
      ],
      { encoding: "utf8", env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } },
    );
    const calls = readFileSync(log, "utf8").trim().split("\n");
    rmSync(dir, { recursive: true, force: true });
    const baseDigest = createHash("sha256").update(manifest).digest("hex");
    return { r, calls, baseDigest };
  }

  it("release-image.sh: base pinned by its digest, pushed digest scanned, SBOM'd, signed and attested", () => {
    const { r, calls, baseDigest } = releaseWithStandIns();
    expect(r.status, r.stderr).toBe(0);
    const pushed = `registry.example.com/icp/worker@sha256:${"7".padStart(64, "0")}`;
    const bud = calls.find((c) => c.startsWith("buildah bud")) ?? "";
    // The Dockerfile's default base (a tag) is built by digest.
    expect(bud).toContain(`--build-arg NODE_IMAGE=node:24.21.0-bookworm-slim@sha256:${baseDigest}`);
    expect(bud).toContain("apps/worker/Dockerfile");
    expect(calls).toContain(`skopeo inspect --raw docker://docker.io/library/node:24.21.0-bookworm-slim`);
    expect(calls).toContainEqual(expect.stringMatching(/^trivy image .*--format cyclonedx .*worker@sha256:/));
    expect(calls).toContain(
      `trivy image --quiet --exit-code 1 --ignore-unfixed --severity HIGH,CRITICAL ${pushed}`,
    );
    expect(calls).toContain(`cosign sign --yes --key env://COSIGN_PRIVATE_KEY ${pushed}`);
    expect(calls).toContainEqual(
      expect.stringMatching(/^cosign attest .*--type cyclonedx .*worker\.cdx\.json/),
    );
    // Order: build, push, SBOM, scan, sign.
    const at = (p: string) => calls.findIndex((c) => c.startsWith(p));
    expect(at("buildah bud")).toBeLessThan(at("buildah push"));
    expect(at("buildah push")).toBeLessThan(at("trivy"));
    expect(at("trivy image --quiet --exit-code")).toBeLessThan(at("cosign sign"));
  });

  it("release-image.sh: a failed scan stops the release before anything is signed", () => {
    const { r, calls } = releaseWithStandIns({ scanFails: true });
    expect(r.status).not.toBe(0);
    expect(calls.some((c) => c.startsWith("cosign"))).toBe(false);
  });

  it("the Dockerfiles' default base is the public tag; the pipeline pins it (no registry here to read a digest)", () => {
    for (const app of ["console", "worker", "sap-sandbox"]) {
      const df = readFileSync(resolve(ROOT, `apps/${app}/Dockerfile`), "utf8");
      const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(df)?.[1] ?? "";
      // Either pinned in the file or pinned by the pipeline (release-image.sh, checked above).
      expect(
        base.includes("@sha256:") || /^node:24\.\d+\.\d+-bookworm-slim$/.test(base),
        `${app}: ${base}`,
      ).toBe(true);
      expect(df).toMatch(/^FROM \$\{NODE_IMAGE\}/m);
    }
  });

  it("deploys beta → stage → prod through k8s/deploy.sh with a manual gate before prod", () => {
    for (const env of ["beta", "stage", "prod"]) {
      expect(jenkinsStage(`deploy-${env}`)).toContain(`k8s/deploy.sh ${env}`);
      const gl = jobs.find(([name]) => name === `deploy-${env}`)?.[1];
      expect(gl?.script?.join("\n")).toContain(`k8s/deploy.sh ${env}`);
    }
    expect(jenkinsStage("approve-prod")).toMatch(/\binput\b/);
    // Only the release managers' group may approve in Jenkins.
    expect(jenkinsStage("approve-prod")).toMatch(/submitter: 'icp-release-managers'/);
    const gate = jobs.find(([name]) => name === "approve-prod")?.[1];
    expect(gate?.rules?.some((r) => r.when === "manual")).toBe(true);
    // GitLab: the gate and the deployment are jobs of the protected environment prod (only its
    // deployers can play them; the deployment waits for the environment's required approval).
    expect(gate?.environment).toMatchObject({ name: "prod", deployment_tier: "production" });
    expect(jobs.find(([name]) => name === "deploy-prod")?.[1].environment).toMatchObject({
      name: "prod",
      deployment_tier: "production",
    });
    expect(jobs.find(([name]) => name === "deploy-prod")?.[1].needs).toContain("approve-prod");
    expect(jenkinsStage("deploy-prod")).toContain("k8s/deploy.sh prod --rollback");
  });

  it("k8s/deploy.sh is valid bash and refuses unknown environments and the latest tag", () => {
    expect(spawnSync("bash", ["-n", resolve(ROOT, "k8s/deploy.sh")]).status).toBe(0);
    const bad = spawnSync("bash", [resolve(ROOT, "k8s/deploy.sh"), "qa", "1.0.0"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    const latest = spawnSync("bash", [resolve(ROOT, "k8s/deploy.sh"), "prod", "latest"], {
      encoding: "utf8",
    });
    expect(latest.status).toBe(2);
    expect(latest.stderr).toMatch(/bad image tag/);
  });
});
