import { type LocalEnv, localEnv, type WorkerEnv } from "./deployables";
import type { EnvSource } from "./piece";

/**
 * Configuration from the environment. Each deployable parses its own env once at start-up
 * (`loadConsoleEnv`, `loadWorkerEnv`, `loadMigrateEnv`, `loadSandboxEnv`), composed of the
 * small pieces in ./pieces, and fails fast with every problem listed; nothing outside this
 * package reads `process.env` (biome: style/noProcessEnv). Defaults are the local stack's
 * loopback ports (scripts/stack.sh), so a developer needs no .env file; a deployed environment
 * (beta/stage/prod) must set every URL and secret explicitly.
 */
export * from "./deployables";
export { ENVIRONMENTS, EnvError, type Environment, type EnvPiece, type EnvSource, isDeployed } from "./piece";
export { sessionSecret } from "./pieces/auth";
export { commaList, type KafkaConnection, kafkaConnection } from "./pieces/kafka";
export { clientAddress, parseTrustedProxies, type TrustedProxies } from "./pieces/proxies";
export { AUDIT_RETENTION_FLOOR_DAYS } from "./pieces/worker";
export * from "./secrets";

/**
 * The whole system's env (every piece but the sandbox's), for integration tests, benchmarks and
 * local scripts. Apps use their own deployable's loader instead.
 */
export function parseEnv(source: EnvSource): LocalEnv {
  return localEnv.parse(source);
}

let cached: LocalEnv | undefined;
/** Parse `process.env` once per process with every piece (tests, benchmarks, local scripts). */
export function loadEnv(): LocalEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * @deprecated Transitional: what the worker's composition root (`startWorker`, `createSapPorts`)
 * still names — a WorkerEnv, possibly carrying the rest of the local env (tests pass a LocalEnv).
 * New code names its deployable's type (WorkerEnv, ConsoleEnv, MigrateEnv, SandboxEnv) or LocalEnv.
 */
export type Env = WorkerEnv & Partial<Omit<LocalEnv, keyof WorkerEnv>>;
