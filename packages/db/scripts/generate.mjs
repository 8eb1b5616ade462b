// Generates the Prisma client into src/generated/prisma (git-ignored), offline.
//
// `prisma generate` with the `prisma-client` generator needs no engine at all, but the CLI
// still resolves the native schema engine first and, when it is missing, tries to download
// it from binaries.prisma.sh — unreachable here. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file satisfies that check (generate never executes it); node itself is used
// because it exists on every machine that can run this. CHECKPOINT_DISABLE stops the CLI's
// telemetry/update check, the only other network call.
//
// Skips the work when schema.prisma and the Prisma version are unchanged since the last run,
// so the `pretest*` / `pretypecheck` hooks cost ~0.1 s.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = join(pkgDir, "..", "..", "prisma", "schema.prisma");
const outDir = join(pkgDir, "src", "generated", "prisma");
const stampPath = join(outDir, ".schema-stamp");
const require = createRequire(join(pkgDir, "package.json"));
const prismaPkg = require.resolve("prisma/package.json");
const prismaVersion = JSON.parse(readFileSync(prismaPkg, "utf8")).version;

const stamp = createHash("sha256")
  .update(readFileSync(schemaPath))
  .update(`prisma@${prismaVersion}`)
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest("hex");

if (!process.argv.includes("--force") && existsSync(stampPath) && readFileSync(stampPath, "utf8") === stamp) {
  console.log("[db] Prisma client is up to date");
  process.exit(0);
}

const cli = join(dirname(prismaPkg), "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  cwd: pkgDir, // prisma.config.ts lives here
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stampPath, stamp);
