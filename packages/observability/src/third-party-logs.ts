import type { Logger } from "pino";

/**
 * Third-party libraries log through our ECS logger instead of their own formats, so every line a
 * process writes has `@timestamp`, `log.level`, `service.name` and an `error.*` object (never a
 * scalar `error`, which would conflict with `error.*` in Elasticsearch's mapping):
 * - kafkajs: `logCreator` (its default writes `{"level":"ERROR","timestamp",…,"error":"text"}`),
 * - next-auth: its `logger` option (its default writes `[next-auth][error][CODE]` text),
 * - Node's process warnings (`process.on("warning")`; its default writes `(node:1) Warning: …`).
 * Each line names its source in `log.logger`. Errors are handed to the logger as they come: its
 * `error` serializer (`serializeError` in ./logger) writes them as `error.*`.
 */

/** kafkajs' levels (`logLevel` in kafkajs): NOTHING 0, ERROR 1, WARN 2, INFO 4, DEBUG 5. */
const KAFKAJS_LEVELS: Record<number, "error" | "warn" | "info" | "debug"> = {
  1: "error",
  2: "warn",
  4: "info",
  5: "debug",
};

/** The shape kafkajs hands a log function (kafkajs' `LogEntry`), without depending on kafkajs. */
export interface KafkajsLogEntry {
  namespace: string;
  level: number;
  label: string;
  log: { message: string; timestamp?: string; logger?: string; [key: string]: unknown };
}

/**
 * kafkajs' `logCreator` option: `new Kafka({ logCreator: kafkajsLogCreator(logger) })`. Its fields
 * go under `kafka.*`; its error (a string, with the stack beside it) becomes `error.*` through the
 * logger's `error` serializer (`serializeError`, which also masks credentials).
 */
export function kafkajsLogCreator(logger: Logger): (level: number) => (entry: KafkajsLogEntry) => void {
  return () => (entry) => {
    const { message, timestamp: _ts, logger: _logger, error, stack, ...rest } = entry.log;
    const fields: Record<string, unknown> = { "log.logger": "kafkajs", "kafka.namespace": entry.namespace };
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) fields[`kafka.${k}`] = v;
    if (error !== undefined)
      fields.error =
        error instanceof Error
          ? error
          : { message: String(error), ...(typeof stack === "string" ? { stack } : {}) };
    logger[KAFKAJS_LEVELS[entry.level] ?? "info"](fields, String(message));
  };
}

/** next-auth (v4)'s `logger` option. Its codes go to `event.code`; metadata's error to `error.*`. */
export function nextAuthLogger(logger: Logger): {
  error: (code: string, metadata: unknown) => void;
  warn: (code: string) => void;
  debug: (code: string, metadata: unknown) => void;
} {
  const base = { "log.logger": "next-auth" };
  return {
    error(code, metadata) {
      const m = metadata as { error?: unknown; message?: unknown } | undefined;
      const err = metadata instanceof Error ? metadata : (m?.error ?? metadata);
      const message = err instanceof Error ? err.message : typeof m?.message === "string" ? m.message : code;
      logger.error({ ...base, "event.code": code, error: err ?? code }, `next-auth: ${message}`);
    },
    warn(code) {
      logger.warn({ ...base, "event.code": code }, `next-auth warning ${code}`);
    },
    debug(code, metadata) {
      // Debug metadata can carry tokens and profiles: only the code is logged.
      logger.debug(
        { ...base, "event.code": code, "labels.has_metadata": metadata !== undefined },
        `next-auth ${code}`,
      );
    },
  };
}

/**
 * Node's process warnings (deprecations, MaxListenersExceeded, experimental features) as ECS
 * records instead of Node's own stderr text: removes Node's default printer, logs each warning at
 * `warn` with `error.*` (type, code, stack). Returns a function that undoes it (tests).
 */
export function logProcessWarnings(logger: Logger, proc: NodeJS.Process = process): () => void {
  const defaults = proc.listeners("warning");
  proc.removeAllListeners("warning");
  const onWarning = (w: Error) => {
    logger.warn({ "log.logger": "node", "event.code": (w as { code?: unknown }).code, error: w }, w.message);
  };
  proc.on("warning", onWarning);
  return () => {
    proc.off("warning", onWarning);
    for (const l of defaults) proc.on("warning", l as (w: Error) => void);
  };
}
