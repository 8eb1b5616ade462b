/**
 * The lint rules that keep the layout honest (biome.json): no deep imports across workspaces and
 * no function over 120 lines outside generated code, tests and the exceptions CONTRIBUTING.md
 * names. These tests prove the rules bite (a probe tree linted with the real configuration) and
 * that every file biome.json exempts is named in CONTRIBUTING.md with its reason.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIOME = join(ROOT, "node_modules/.bin/biome");

interface Override {
  includes?: string[];
  linter?: { rules?: Record<string, Record<string, unknown>> };
}
interface Diagnostic {
  category: string;
  location: { path: string; start: { line: number } };
}

const config = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8")) as { overrides: Override[] };
const contributing = readFileSync(join(ROOT, "CONTRIBUTING.md"), "utf8");

/** Files (not globs) an override exempts from `group/rule`. */
function exemptFiles(group: string, rule: string): string[] {
  return config.overrides
    .filter((o) => o.linter?.rules?.[group]?.[rule] === "off")
    .flatMap((o) => o.includes ?? [])
    .filter((p) => !p.includes("*"));
}

/** The reason CONTRIBUTING.md's exceptions table gives for a file, or undefined. */
function documentedReason(file: string): string | undefined {
  const row = contributing.split("\n").find((line) => line.startsWith(`| \`${file}\``));
  const reason = row?.split("|")[3]?.trim();
  return reason ? reason : undefined;
}

const probeRoot = mkdtempSync(join(tmpdir(), "icp-lint-probe-"));
afterAll(() => rmSync(probeRoot, { recursive: true, force: true }));

/** Lints `files` (repo-relative path → source) with the repository's biome.json. */
function lint(files: Record<string, string>): Diagnostic[] {
  const dir = mkdtempSync(join(probeRoot, "case-"));
  writeFileSync(join(dir, "biome.json"), readFileSync(join(ROOT, "biome.json")));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  let out: string;
  try {
    out = execFileSync(BIOME, ["lint", "--reporter=json", "--max-diagnostics=none", "."], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics;
}

const linesOf = (d: Diagnostic[], category: string) =>
  d.filter((x) => x.category === category).map((x) => `${x.location.path}:${x.location.start.line}`);

describe("no deep imports across workspaces", () => {
  it("refuses another workspace's src/ by package name or relative path (import, re-export, import()), allows its exports", () => {
    const diagnostics = lint({
      "packages/api/src/routers/probe.ts": [
        'import { a } from "@icp/db/src/client";',
        'import { b } from "../../../db/src/client";',
        'import { c } from "../../../../packages/db/src/client";',
        'import { d } from "../../../../apps/worker/src/orders/push-order";',
        'import { e } from "@icp/db";',
        'import { f } from "@icp/db/test-database";',
        'import { g } from "../ports";',
        "export const all = [a, b, c, d, e, f, g];",
        'export { client } from "@icp/db/src/client";',
        'export const later = () => import("../../../db/src/client");',
        "",
      ].join("\n"),
      "bench/probe.ts": 'import { h } from "../packages/read-model/src/index";\nexport const x = h;\n',
    });
    expect(linesOf(diagnostics, "lint/style/noRestrictedImports")).toEqual([
      "bench/probe.ts:1",
      "packages/api/src/routers/probe.ts:1",
      "packages/api/src/routers/probe.ts:2",
      "packages/api/src/routers/probe.ts:3",
      "packages/api/src/routers/probe.ts:4",
      "packages/api/src/routers/probe.ts:9",
      "packages/api/src/routers/probe.ts:10",
    ]);
  });
});

describe("no function over 120 lines", () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join("\n");
  const fn = (n: number) => `export function long(): void {\n${body(n)}\n}\n`;

  it("reports a function whose body has 121 lines, passes 120; blank lines do not count", () => {
    const diagnostics = lint({
      "packages/api/src/too-long.ts": fn(121),
      "packages/api/src/at-limit.ts": fn(120),
      "packages/api/src/airy.ts": `export function airy(): void {\n${body(110)}\n${"\n".repeat(40)}}\n`,
    });
    expect(linesOf(diagnostics, "lint/complexity/noExcessiveLinesPerFunction")).toEqual([
      "packages/api/src/too-long.ts:1",
    ]);
  });

  it("skips tests and e2e specs (a describe callback holds the cases) and generated code", () => {
    const diagnostics = lint({
      "packages/api/src/long.test.ts": fn(200),
      "packages/db/src/generated/prisma/long.ts": fn(200),
      "packages/sap-odata/src/generated/long.ts": fn(200),
      "apps/console/e2e/long.spec.ts": fn(200),
      "packages/api/src/not-a-test.ts": fn(200),
    });
    expect(linesOf(diagnostics, "lint/complexity/noExcessiveLinesPerFunction")).toEqual([
      "packages/api/src/not-a-test.ts:1",
    ]);
  });
});

describe("named exceptions", () => {
  const exceptions = [
    ...exemptFiles("complexity", "noExcessiveLinesPerFunction"),
    ...exemptFiles("style", "noRestrictedImports"),
  ];

  it("exist", () => {
    expect(exceptions.length).toBeGreaterThan(0);
    expect(exceptions.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });

  it("are each named in CONTRIBUTING.md with a reason", () => {
    expect(exceptions.filter((file) => documentedReason(file) === undefined)).toEqual([]);
  });
});
