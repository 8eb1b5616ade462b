/**
 * The worker's V8 old-space cap, as its manifest sets it (`NODE_OPTIONS: --max-old-space-size=N`
 * in k8s/base/worker.yaml). One reader for the manifest test that checks it fits the pod's
 * memory limit and for bench 3, which runs the worker with the same flag.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseManifests, ROOT } from "./render";

interface EnvVar {
  name: string;
  value?: unknown;
}

/** N of `--max-old-space-size=N` in a container's NODE_OPTIONS; throws when it sets none. */
export function workerHeapCapMb(env: EnvVar[] | undefined): number {
  const options = String(env?.find((e) => e.name === "NODE_OPTIONS")?.value ?? "");
  const m = /(?:^|\s)--max-old-space-size=(\d+)(?:\s|$)/.exec(options);
  if (!m) throw new Error(`the worker sets no --max-old-space-size in NODE_OPTIONS ("${options}")`);
  return Number(m[1]);
}

/** The env list of the worker container in k8s/base/worker.yaml. */
export const BASE_WORKER_ENV: EnvVar[] = (() => {
  for (const o of parseManifests(readFileSync(resolve(ROOT, "k8s/base/worker.yaml"), "utf8"))) {
    const c = (o.spec?.template?.spec?.containers as { name: string; env?: EnvVar[] }[] | undefined)?.find(
      (x) => x.name === "worker",
    );
    if (c) return c.env ?? [];
  }
  throw new Error("k8s/base/worker.yaml has no worker container");
})();
