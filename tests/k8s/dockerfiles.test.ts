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

interface Stage {
  name: string | undefined;
  /** This stage's instructions, FROM first. */
  ins: Instruction[];
  /** The stage it is built on, when that is an earlier stage. */
  parent: Stage | undefined;
}

function stagesOf(ins: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const i of ins) {
    if (i.op === "FROM") {
      const [base] = i.args.split(/\s+/);
      stages.push({
        name: /\bAS\s+(\S+)/i.exec(i.args)?.[1],
        ins: [i],
        parent: stages.find((st) => st.name === base),
      });
    } else stages.at(-1)?.ins.push(i);
  }
  return stages;
}

/** The build-context paths a COPY (not --from) brings in. */
const copySources = (i: Instruction) =>
  i.op === "COPY" && !/--from=/.test(i.args)
    ? i.args
        .split(/\s+/)
        .filter((a) => !a.startsWith("--"))
        .slice(0, -1)
    : [];

/** Whether `path` (from the build context) is in the stage before its instruction `before`. */
function present(stage: Stage, before: number, path: string): boolean {
  const here = stage.ins.slice(0, before).flatMap(copySources);
  const covers = (src: string) =>
    src === "." || src === "./" || path === src || path.startsWith(src.endsWith("/") ? src : `${src}/`);
  if (here.some(covers)) return true;
  return stage.parent ? present(stage.parent, stage.parent.ins.length, path) : false;
}

const runs = (stage: Stage) =>
  stage.ins.map((i, at) => ({ i, at })).filter(({ i }) => i.op === "RUN" && /\bnpm ci\b/.test(i.args));

interface Manifest {
  name: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifestOf = (path: string) => JSON.parse(readFileSync(resolve(ROOT, path), "utf8")) as Manifest;
/** Workspace install lifecycle scripts (npm ci runs them): where, the script, the files it runs. */
const lifecycle = ["apps", "packages"].flatMap((dir) =>
  readdirSync(resolve(ROOT, dir))
    .filter((d) => existsSync(resolve(ROOT, dir, d, "package.json")))
    .flatMap((d) => {
      const m = manifestOf(`${dir}/${d}/package.json`);
      return ["preinstall", "install", "postinstall"]
        .filter((k) => m.scripts?.[k])
        .map((k) => ({
          workspace: `${dir}/${d}`,
          manifest: m,
          script: m.scripts?.[k] ?? "",
          files: [...(m.scripts?.[k] ?? "").matchAll(/\bnode\s+(\S+)/g)].map((x) => `${dir}/${d}/${x[1]}`),
        }));
    }),
);
/** Packages a script file loads (require/import/require.resolve of a bare name). */
const loads = (file: string) =>
  [
    ...readFileSync(resolve(ROOT, file), "utf8").matchAll(
      /(?:require(?:\.resolve)?\(|from\s+|import\()\s*["']((?:@[^/"']+\/)?[^./"'][^/"']*)/g,
    ),
  ]
    .map((x) => x[1] ?? "")
    .filter((n) => !n.startsWith("node:"));

/** Workspaces an app needs at run time, transitively (@icp/* dependencies). */
function workspaceDeps(app: string): Set<string> {
  const byName = new Map(
    ["apps", "packages"].flatMap((dir) =>
      readdirSync(resolve(ROOT, dir))
        .filter((d) => existsSync(resolve(ROOT, dir, d, "package.json")))
        .map(
          (d) =>
            [manifestOf(`${dir}/${d}/package.json`).name, manifestOf(`${dir}/${d}/package.json`)] as const,
        ),
    ),
  );
  const seen = new Set<string>();
  const visit = (m: Manifest | undefined) => {
    for (const dep of Object.keys(m?.dependencies ?? {}))
      if (byName.has(dep) && !seen.has(dep)) {
        seen.add(dep);
        visit(byName.get(dep));
      }
  };
  visit(manifestOf(`apps/${app}/package.json`));
  return seen;
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

  it("is multi-stage and every base image is a pinned Node 24 slim image (by default) or an earlier stage", () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    // `FROM ${NODE_IMAGE}`: the global ARG's default is the public image (scripts/images.sh
    // passes its local rebuild as a build argument).
    const defaults = new Map(
      ins
        .slice(0, ins.indexOf(froms[0] as Instruction))
        .filter((i) => i.op === "ARG")
        .map((i) => i.args.split("=") as [string, string | undefined]),
    );
    froms.forEach((f, i) => {
      const named = f.args.split(/\s+/)[0] ?? "";
      if (stages.slice(0, i).includes(named)) return;
      const arg = /^\$\{?(\w+)\}?$/.exec(named)?.[1];
      const image = arg ? (defaults.get(arg) ?? "") : named;
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
      expect(runs.some((r) => /npm ci\b(?=.*--omit=dev)(?=.*--workspace @icp\/)/.test(r))).toBe(true);
  });

  it("every stage that runs `npm ci` has every workspace manifest before it (npm ci refuses a partial workspace set)", () => {
    for (const stage of stagesOf(ins))
      for (const { at } of runs(stage))
        for (const m of ["package.json", "package-lock.json", ...workspaceManifests])
          expect(present(stage, at, m), `stage ${stage.name}: ${m} before npm ci`).toBe(true);
  });

  it("every `npm ci` can run the install scripts it runs (or skips them with --ignore-scripts)", () => {
    expect(lifecycle.length, "@icp/db has a postinstall").toBeGreaterThan(0);
    for (const stage of stagesOf(ins))
      for (const { i, at } of runs(stage)) {
        if (/--ignore-scripts\b/.test(i.args)) continue;
        for (const l of lifecycle) {
          for (const f of l.files)
            expect(
              present(stage, at, f),
              `stage ${stage.name}: ${l.workspace} "${l.script}" needs ${f}`,
            ).toBe(true);
          if (/--omit[= ]dev\b/.test(i.args))
            for (const f of l.files)
              for (const dep of loads(f))
                expect(
                  Object.keys(l.manifest.devDependencies ?? {}),
                  `stage ${stage.name}: ${f} loads ${dep}, which --omit=dev leaves out`,
                ).not.toContain(dep);
        }
      }
  });

  it("generates the Prisma client in the image when the app uses @icp/db, after the sources are in", () => {
    if (!workspaceDeps(app).has("@icp/db")) return;
    const all = stagesOf(ins);
    const generating = all.flatMap((stage) =>
      stage.ins
        .map((i, at) => ({ i, at }))
        .filter(
          ({ i }) =>
            i.op === "RUN" && /npm run db:generate|packages\/db\/scripts\/generate\.mjs/.test(i.args),
        )
        .map(({ at }) => ({ stage, at })),
    );
    expect(generating.length, "a RUN npm run db:generate").toBeGreaterThan(0);
    for (const { stage, at } of generating) {
      for (const f of [
        "packages/db/scripts/generate.mjs",
        "prisma/schema.prisma",
        "packages/db/prisma.config.ts",
      ])
        expect(present(stage, at, f), `${f} before db:generate`).toBe(true);
    }
    if (app === "worker")
      expect(
        ins.some((i) => i.op === "COPY" && /--from=\S+.*packages\/db\/src\/generated/.test(i.args)),
      ).toBe(true);
  });

  it("runs node under an init as PID 1 (tini), never tsx: SIGTERM reaches the app", () => {
    const entrypoint = JSON.parse(runtime.find((i) => i.op === "ENTRYPOINT")?.args ?? "[]") as string[];
    const cmd = JSON.parse(runtime.find((i) => i.op === "CMD")?.args ?? "[]") as string[];
    expect(entrypoint[0]).toBe("/usr/bin/tini");
    expect(entrypoint[1]).toBe("--");
    expect(
      runtime.some((i) => i.op === "RUN" && /apt-get install\b.*\btini\b/.test(i.args)),
      "tini installed in the runtime stage",
    ).toBe(true);
    expect(cmd[0], "node itself, not the tsx CLI wrapping a child node").toBe("node");
    if (app !== "console") expect(cmd.slice(0, 3)).toEqual(["node", "--import", "tsx"]);
    expect(text).not.toMatch(/\/opt\/tsx/);
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
  it.each(["**/node_modules", ".git", ".local", ".env", "**/.env", "**/.next", "packages/db/src/generated"])(
    "excludes %s",
    (entry) => {
      expect(lines).toContain(entry);
    },
  );
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
