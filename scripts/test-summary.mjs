// Adds up the runners' JSON reports into the one closing line CI reads: "N passed, N failed".
// A stage that failed without a report (lint, typecheck, a crashed runner) counts as a failure.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, ...failedStages] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ["unit", "k8s-cluster", "integration", "images", "chaos"]) {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
const pw = join(dir, "playwright.json");
if (existsSync(pw)) {
  const s = JSON.parse(readFileSync(pw, "utf8")).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}
const stageFailures = failedStages.filter(Boolean);
for (const s of stageFailures) console.log(`stage failed: ${s}`);
const total = failed + (stageFailures.length && failed === 0 ? stageFailures.length : 0);
console.log(`${passed} passed, ${total} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(total > 0 || passed === 0 ? 1 : 0);
