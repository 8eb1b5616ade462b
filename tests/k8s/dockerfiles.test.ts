/**
 * There is no container engine (and no hadolint) on the developers' or CI machines, so the
 * Dockerfiles are checked structurally: multi-stage, pinned Node 24 base, non-root runtime,
 * health check, no secrets in ARG/ENV, every workspace manifest copied before `npm ci`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./lib/render";

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile → instructions (comments dropped, backslash continuations joined). */
function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let buf = "";
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (!buf && (line.trim() === "" || line.trim().startsWith("#"))) continue;
    if (buf && line.trim().startsWith("#")) continue;
    if (line.endsWith("\\")) {
      buf += `${line.slice(0, -1)} `;
      continue;
    }
    buf += line;
    const m = /^\s*([A-Za-z]+)\s+([\s\S]*)$/.exec(buf);
    if (m?.[1] && m[2] !== undefined) out.push({ op: m[1].toUpperCase(), args: m[2].trim() });
    buf = "";
  }
  return out;
}

const IMAGES = ["console", "worker", "sap-sandbox"] as const;
const workspaceManifests = ["apps", "packages"].flatMap((dir) =>
  readdirSync(resolve(ROOT, dir))
    .filter((d) => existsSync(resolve(ROOT, dir, d, "package.json")))
    .map((d) => `${dir}/${d}/package.json`),
);

describe.each(IMAGES)("apps/%s/Dockerfile", (app) => {
  const file = resolve(ROOT, `apps/${app}/Dockerfile`);
  const text = readFileSync(file, "utf8");
  const ins = parseDockerfile(text);
  const froms = ins.filter((i) => i.op === "FROM");
  const stages = froms.map((f) => /\bAS\s+(\S+)/i.exec(f.args)?.[1]);
  const lastStageStart = ins.lastIndexOf(froms.at(-1) as Instruction);
  const runtime = ins.slice(lastStageStart);

  it("is multi-stage and every base image is a pinned Node 24 slim image or an earlier stage", () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    froms.forEach((f, i) => {
      const image = f.args.split(/\s+/)[0] ?? "";
      if (stages.slice(0, i).includes(image)) return;
      expect(image, f.args).toMatch(/^node:24\.\d+\.\d+-bookworm-slim(@sha256:[a-f0-9]{64})?$/);
    });
    const nvmrc = readFileSync(resolve(ROOT, ".nvmrc"), "utf8").trim();
    expect(text, "the image's Node matches .nvmrc").toContain(`node:${nvmrc}-`);
  });

  it("runs as a non-root user in the final stage", () => {
    const users = runtime.filter((i) => i.op === "USER");
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)?.args ?? "";
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(user).toMatch(/^\d+(:\d+)?$/); // numeric, so runAsNonRoot can verify it
  });

  it("has a HEALTHCHECK, an EXPOSEd port and the Vault env entrypoint", () => {
    expect(runtime.some((i) => i.op === "HEALTHCHECK")).toBe(true);
    expect(runtime.some((i) => i.op === "EXPOSE")).toBe(true);
    expect(runtime.find((i) => i.op === "ENTRYPOINT")?.args).toContain("/usr/local/bin/icp-entrypoint");
    expect(text).toContain("/vault/secrets/*.env");
  });

  it("keeps secrets out of ARG and ENV", () => {
    for (const i of ins.filter((x) => x.op === "ARG" || x.op === "ENV")) {
      expect(i.args, `${i.op} ${i.args}`).not.toMatch(
        /PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE|CREDENTIAL|DATABASE_URL|AUTH_/i,
      );
    }
  });

  it("installs from the lockfile with every workspace manifest present, production deps in the runtime", () => {
    const runs = ins.filter((i) => i.op === "RUN").map((i) => i.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(
      runs.some((r) => /\bnpm install\b(?![^&]*--prefix)/.test(r)),
      "no lockfile-less install of the app",
    ).toBe(false);
    const copies = ins.filter((i) => i.op === "COPY").map((i) => i.args);
    for (const m of ["package.json", "package-lock.json", ...workspaceManifests]) {
      expect(
        copies.some((c) => c.split(/\s+/).includes(m)),
        `${m} is copied before npm ci`,
      ).toBe(true);
    }
    if (app !== "console")
      expect(runs.some((r) => /npm ci --omit=dev --workspace @icp\//.test(r))).toBe(true);
  });

  it("never uses a :latest tag", () => {
    expect(text).not.toMatch(/:latest\b/);
  });
});

describe("console image", () => {
  const text = readFileSync(resolve(ROOT, "apps/console/Dockerfile"), "utf8");
  it("builds with ICP_BUILD_PROFILE=release (the local dev sign-in is compiled out)", () => {
    expect(text).toMatch(/ICP_BUILD_PROFILE=release/);
    expect(text).not.toMatch(/ICP_BUILD_PROFILE=local/);
  });
  it("ships the Next.js standalone server", () => {
    expect(text).toContain(".next/standalone");
    expect(text).toMatch(/CMD \["node", "apps\/console\/server\.js"\]/);
  });
});

describe(".dockerignore", () => {
  const lines = readFileSync(resolve(ROOT, ".dockerignore"), "utf8").split("\n");
  it.each(["**/node_modules", ".git", ".local", ".env", "**/.env", "**/.next"])("excludes %s", (entry) => {
    expect(lines).toContain(entry);
  });
});

describe("parseDockerfile", () => {
  it("joins continuations and drops comments", () => {
    const ins = parseDockerfile("# c\nFROM a AS b\nRUN x \\\n  # inner\n  && y\n");
    expect(ins).toEqual([
      { op: "FROM", args: "a AS b" },
      { op: "RUN", args: "x    && y" },
    ]);
  });
});
