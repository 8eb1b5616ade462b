import type { z } from "zod";
import { composeEnv, type Deployable, type EnvSource } from "./piece";
import { auth } from "./pieces/auth";
import { core } from "./pieces/core";
import { database } from "./pieces/database";
import { drift } from "./pieces/drift";
import { kafka } from "./pieces/kafka";
import { consoleMetrics } from "./pieces/metrics";
import { mongodb } from "./pieces/mongodb";
import { proxies } from "./pieces/proxies";
import { redis } from "./pieces/redis";
import { sandbox } from "./pieces/sandbox";
import { sap } from "./pieces/sap";
import { storefront } from "./pieces/storefront";
import { storefrontApp } from "./pieces/storefront-app";
import { httpBind, orderJobs, workerTuning } from "./pieces/worker";

/**
 * One env per deployable, each composed of the pieces it needs and parsed once at start-up
 * (`load…Env()`), failing with every problem listed. tests/k8s/env.test.ts parses each
 * Kubernetes workload's environment (its ConfigMap, its env entries and the Vault keys
 * docs/deploy.md lists for it) with these schemas.
 */
export const consoleEnv = composeEnv("console", [
  core,
  database,
  redis,
  kafka,
  mongodb,
  sap,
  auth,
  consoleMetrics,
  storefront,
  proxies,
  orderJobs,
]);
export const workerEnv = composeEnv("worker", [
  core,
  database,
  redis,
  kafka,
  mongodb,
  sap,
  orderJobs,
  workerTuning,
  drift,
  httpBind,
]);
export const migrateEnv = composeEnv("migrate", [core, database]);
/** The sandbox publishes SAP's business events to Kafka (unless SANDBOX_EVENTS=off), as SAP's event bridge. */
export const sandboxEnv = composeEnv("sandbox", [core, httpBind, sandbox, kafka]);
/** The reference storefront (apps/storefront): only the storefront API's address and its own credentials. */
export const storefrontAppEnv = composeEnv("storefront", [core, storefrontApp]);
/**
 * Every piece but the sandbox's: the whole system in one process — integration tests,
 * benchmarks and local scripts that start or talk to several deployables.
 */
export const localEnv = composeEnv("local tools", [
  core,
  database,
  redis,
  kafka,
  mongodb,
  sap,
  auth,
  consoleMetrics,
  storefront,
  proxies,
  orderJobs,
  workerTuning,
  drift,
  httpBind,
]);

type Output<D> = D extends Deployable<infer S> ? z.output<z.ZodObject<S>> : never;
export type ConsoleEnv = Output<typeof consoleEnv>;
export type WorkerEnv = Output<typeof workerEnv>;
export type MigrateEnv = Output<typeof migrateEnv>;
export type SandboxEnv = Output<typeof sandboxEnv>;
export type StorefrontAppEnv = Output<typeof storefrontAppEnv>;
export type LocalEnv = Output<typeof localEnv>;

/** The deployables by the name tests and tools use. */
export const deployables = {
  console: consoleEnv,
  worker: workerEnv,
  migrate: migrateEnv,
  sandbox: sandboxEnv,
} as const;

function loader<T>(parse: (source: EnvSource) => T): () => T {
  let cached: T | undefined;
  return () => {
    cached ??= parse(process.env);
    return cached;
  };
}

/** Parse `process.env` once per process, as the console needs it. */
export const loadConsoleEnv: () => ConsoleEnv = loader((s) => consoleEnv.parse(s));
/** Parse `process.env` once per process, as the worker needs it (no console secrets). */
export const loadWorkerEnv: () => WorkerEnv = loader((s) => workerEnv.parse(s));
/** Parse `process.env` once per process, as the migration Job needs it (only DATABASE_URL). */
export const loadMigrateEnv: () => MigrateEnv = loader((s) => migrateEnv.parse(s));
/** Parse `process.env` once per process, as the reference storefront needs it. */
export const loadStorefrontAppEnv: () => StorefrontAppEnv = loader((s) => storefrontAppEnv.parse(s));
/** Parse `process.env` once per process, as the SAP sandbox needs it. */
export const loadSandboxEnv: () => SandboxEnv = loader((s) => sandboxEnv.parse(s));
