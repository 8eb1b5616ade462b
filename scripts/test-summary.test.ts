/**
 * scripts/test-summary.mjs, the closing lines of `make test`: often all a CI log keeps. These tests
 * run it on a reports folder written here and read what it prints and its exit code.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = resolve(import.meta.dirname, "test-summary.mjs");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function summary(reports: Record<string, unknown>, stages: string[] = [], logs: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "icp-summary-"));
  dirs.push(dir);
  for (const [name, report] of Object.entries(reports))
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(report));
  for (const [name, text] of Object.entries(logs)) writeFileSync(join(dir, name), text);
  const args = stages.map((s) => s.replace("$DIR", dir));
  const r = spawnSync(process.execPath, [SCRIPT, dir, ...args], { encoding: "utf8" });
  return { status: r.status, lines: r.stdout.trimEnd().split("\n") };
}

const vitest = (passed: number, failedTests: { name: string; message: string }[] = []) => ({
  numPassedTests: passed,
  numFailedTests: failedTests.length,
  numPendingTests: 0,
  testResults: [
    {
      name: `${process.cwd()}/tests/x.int.test.ts`,
      status: failedTests.length ? "failed" : "passed",
      assertionResults: failedTests.map((t) => ({
        status: "failed",
        fullName: t.name,
        failureMessages: [t.message],
      })),
    },
  ],
});

/** How the summary quotes a stage's reason, a line each. */
const quoted = (...lines: string[]) => lines.map((l) => `  | ${l}`);

describe("test-summary", () => {
  it("adds up every runner's report, the log shipper's included, and exits 0 when all passed", () => {
    const r = summary({ unit: vitest(10), integration: vitest(5), logging: vitest(6) });
    expect(r.lines).toEqual(["21 passed, 0 failed"]);
    expect(r.status).toBe(0);
  });

  it("names each failed test with its error's first line", () => {
    const r = summary({
      unit: vitest(3, [{ name: "adds", message: "\u001b[31mAssertionError: 1 !== 2\u001b[39m\n  at x" }]),
    });
    expect(r.lines).toEqual([
      "failed: unit: tests/x.int.test.ts › adds — AssertionError: 1 !== 2",
      "3 passed, 1 failed",
    ]);
    expect(r.status).toBe(1);
  });

  it("quotes a failed stage's reason from its log: the ERROR line and the lines before it", () => {
    const log = [
      "[  10s] base: Debian bookworm minbase",
      ...Array.from({ length: 10 }, (_, i) => `build line ${i + 1}`),
      "npm error code ECONNRESET",
      "\u001b[31mERROR: building apps/console/Dockerfile failed (log: .local/images/console.build.log)\u001b[0m",
      "after the error",
    ].join("\n");
    const r = summary({ unit: vitest(4) }, ["container images\t$DIR/01.log"], { "01.log": log });
    expect(r.lines).toEqual([
      "stage failed: container images",
      ...quoted(
        ...Array.from({ length: 6 }, (_, i) => `build line ${i + 5}`),
        "npm error code ECONNRESET",
        "ERROR: building apps/console/Dockerfile failed (log: .local/images/console.build.log)",
      ),
      "4 passed, 1 failed",
    ]);
    expect(r.status).toBe(1);
  });

  it("quotes a failed stage's last lines when it printed no ERROR line, and a stage without a log by name", () => {
    const r = summary({ unit: vitest(2) }, ["typecheck\t$DIR/02.log", "lint"], {
      "02.log": "a\n\nb\nc\nsrc/x.ts(3,1): error TS2304: Cannot find name 'y'.\nexit 2\n",
    });
    expect(r.lines).toEqual([
      "stage failed: typecheck",
      ...quoted("b", "c", "src/x.ts(3,1): error TS2304: Cannot find name 'y'.", "exit 2"),
      "stage failed: lint",
      "2 passed, 2 failed",
    ]);
    expect(r.status).toBe(1);
  });

  it("finds the ERROR line of the scripts whose die tags it: stack.sh, otelcol.sh, k8s-apiserver.sh", () => {
    const r = summary({ unit: vitest(1) }, ["stack health\t$DIR/03.log"], {
      "03.log": [
        "[stack   3s] kafka: starting …",
        "----- last lines of .local/logs/kafka.log -----",
        "java.net.BindException: Address already in use",
        "-----",
        "[stack  12s] ERROR: kafka did not become ready in 60 s (log: .local/logs/kafka.log)",
        "[otelcol] ERROR: a later die is not the first",
        "cleanup line 1",
        "cleanup line 2",
        "cleanup line 3",
        "cleanup line 4",
      ].join("\n"),
    });
    expect(r.lines).toEqual([
      "stage failed: stack health",
      ...quoted(
        "[stack   3s] kafka: starting …",
        "----- last lines of .local/logs/kafka.log -----",
        "java.net.BindException: Address already in use",
        "-----",
        "[stack  12s] ERROR: kafka did not become ready in 60 s (log: .local/logs/kafka.log)",
      ),
      "1 passed, 1 failed",
    ]);
  });

  it("fails when nothing passed, even with nothing failed", () => {
    const r = summary({});
    expect(r.lines).toEqual(["0 passed, 0 failed"]);
    expect(r.status).toBe(1);
  });
});
