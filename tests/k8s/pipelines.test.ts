/**
 * Both pipeline definitions must parse and describe the same pipeline: the same stages in the
 * same order (the test stages of `.ci/run`, then images, then beta → stage → gate → prod).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./lib/render";

const EXPECTED = [
  "lint",
  "typecheck",
  "unit",
  "integration",
  "browser",
  "build-images",
  "deploy-beta",
  "deploy-stage",
  "approve-prod",
  "deploy-prod",
];

type Job = {
  stage?: string;
  script?: string[];
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

  it("test stages run the same commands as make test", () => {
    const testSh = readFileSync(resolve(ROOT, "scripts/test.sh"), "utf8");
    const cmds: Record<string, RegExp> = {
      lint: /npx biome check --reporter=summary \./,
      typecheck: /npm run --silent typecheck/,
      unit: /npx vitest run --project unit/,
      integration: /npx vitest run --project integration/,
      browser: /npx playwright test/,
    };
    for (const [stage, re] of Object.entries(cmds)) {
      expect(testSh, `scripts/test.sh runs ${stage}`).toMatch(re);
      expect(jenkinsStage(stage), `Jenkins ${stage}`).toMatch(re);
      const gl = jobs.filter(([, j]) => j.stage === stage).flatMap(([, j]) => j.script ?? []);
      expect(gl.join("\n"), `GitLab ${stage}`).toMatch(re);
    }
  });

  it("builds all three images with kaniko, never with a Docker daemon", () => {
    for (const text of [jenkins, readFileSync(resolve(ROOT, ".gitlab-ci.yml"), "utf8")]) {
      expect(text).toContain("/kaniko/executor");
      expect(text).not.toMatch(/docker (build|push)/);
      for (const app of ["console", "worker", "sap-sandbox"]) expect(text).toContain(app);
    }
    expect(jenkinsStage("build-images")).toMatch(/apps\/\$\{app\}\/Dockerfile/);
  });

  it("deploys beta → stage → prod through k8s/deploy.sh with a manual gate before prod", () => {
    for (const env of ["beta", "stage", "prod"]) {
      expect(jenkinsStage(`deploy-${env}`)).toContain(`k8s/deploy.sh ${env}`);
      const gl = jobs.find(([name]) => name === `deploy-${env}`)?.[1];
      expect(gl?.script?.join("\n")).toContain(`k8s/deploy.sh ${env}`);
    }
    expect(jenkinsStage("approve-prod")).toMatch(/\binput\b/);
    const gate = jobs.find(([name]) => name === "approve-prod")?.[1];
    expect(gate?.rules?.some((r) => r.when === "manual")).toBe(true);
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
