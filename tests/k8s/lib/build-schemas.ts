/**
 * CLI used by scripts/k8s-tools.sh:
 *   tsx tests/k8s/lib/build-schemas.ts <out-dir> <kubernetes openapi-spec/v3 dir> [crd.yaml ...]
 */
import { rmSync } from "node:fs";
import { convertCrdFile, convertOpenApiDir } from "./schemas";

const [out, openapi, ...crds] = process.argv.slice(2);
if (!out || !openapi) {
  console.error("usage: build-schemas.ts <out-dir> <openapi-v3-dir> [crd.yaml ...]");
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
const builtIn = convertOpenApiDir(openapi, out);
let custom = 0;
for (const crd of crds) custom += convertCrdFile(crd, out).length;
console.log(`[k8s-tools] wrote ${builtIn.length} built-in and ${custom} CRD schemas to ${out}`);
