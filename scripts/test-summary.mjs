// Adds up the runners' JSON reports into the one closing line CI reads: "N passed, N failed".
// A stage that failed without a report (lint, typecheck, a crashed runner) counts as a failure.
// Above it, each failed test by name with the first line of its error: the end of a CI log is
// often all that is kept, and a count alone does not say what to look at. Below it, each failed
// stage with its reason from the stage's log (scripts/test.sh passes "name<TAB>log").
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";

const [dir, ...failedStages] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
/** "<suite>: <test> — <first line of the error>", per failed test. */
const failures = [];
const firstLine = (text) =>
  stripVTControlCharacters(String(text ?? ""))
    .split("\n")
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 240) ?? "";
/**
 * Why a stage failed, in at most 8 lines of its output: the first `ERROR:` line our scripts' `die`
 * prints (lib.sh's bare, or with its script's tag: "[stack  12s] ERROR:", "[otelcol] ERROR:") and
 * the lines that led to it (a build's tail, say), else the stage's last lines.
 */
function stageReason(output) {
  const lines = stripVTControlCharacters(output)
    .split("\n")
    .map((l) => l.trimEnd().slice(0, 240))
    .filter((l) => l.trim());
  const error = lines.findIndex((l) => /^\s*(\[[^\]]*\] )?ERROR: /.test(l));
  return error >= 0 ? lines.slice(Math.max(0, error - 7), error + 1) : lines.slice(-4);
}
for (const name of ["unit", "k8s-cluster", "integration", "logging", "images", "chaos"]) {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const file of r.testResults ?? []) {
    const where = file.name ? file.name.replace(`${process.cwd()}/`, "") : name;
    for (const t of file.assertionResults ?? [])
      if (t.status === "failed")
        failures.push(`${name}: ${where} › ${t.fullName} — ${firstLine(t.failureMessages?.[0])}`);
    // a file that failed without a failed test (an error at import, in a hook)
    if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed"))
      failures.push(`${name}: ${where} — ${firstLine(file.message)}`);
  }
}
const pw = join(dir, "playwright.json");
if (existsSync(pw)) {
  const s = JSON.parse(readFileSync(pw, "utf8")).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === "unexpected") {
          const last = t.results?.at(-1);
          failures.push(
            `playwright: ${spec.file}:${spec.line} › ${[...path, spec.title].join(" › ")} — ${firstLine(last?.error?.message ?? last?.errors?.[0]?.message)}`,
          );
        }
    for (const child of suite.suites ?? [])
      walk(child, suite.title && !suite.file ? [...path, suite.title] : path);
  };
  for (const suite of JSON.parse(readFileSync(pw, "utf8")).suites ?? []) walk(suite, []);
}
for (const f of failures) console.log(`failed: ${f}`);
const stageFailures = failedStages.filter(Boolean).map((arg) => {
  const [name, log] = arg.split("\t");
  return { name, why: log && existsSync(log) ? stageReason(readFileSync(log, "utf8")) : [] };
});
for (const s of stageFailures) {
  console.log(`stage failed: ${s.name}`);
  for (const line of s.why) console.log(`  | ${line}`);
}
const total = failed + (stageFailures.length && failed === 0 ? stageFailures.length : 0);
console.log(`${passed} passed, ${total} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(total > 0 || passed === 0 ? 1 : 0);
