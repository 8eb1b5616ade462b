import { AsyncLocalStorage } from "node:async_hooks";
import { type DestinationStream, type Logger, type LoggerOptions, pino } from "pino";

/**
 * Structured JSON logs in Elastic Common Schema field names, so ELK indexes them without a
 * pipeline. Request, trace and order ids ride along from an AsyncLocalStorage context, so
 * code deep in a flow logs with them without threading a logger through every call.
 */
export interface LogContext {
  requestId?: string;
  traceId?: string;
  orderId?: string;
}

const context = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  return context.run({ ...context.getStore(), ...ctx }, fn);
}

export function currentLogContext(): LogContext {
  return context.getStore() ?? {};
}

/**
 * Paths whose values are secrets. Redaction is by key name at any depth we log: headers,
 * configs and errors all pass through here. Add to this list rather than redacting at call
 * sites.
 */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "*.*.password",
  "secret",
  "*.secret",
  "*.*.secret",
  "clientSecret",
  "*.clientSecret",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "refreshToken",
  "*.refreshToken",
  "authorization",
  "*.authorization",
  "*.*.authorization",
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
  '*.headers["x-csrf-token"]',
  "cookie",
  "*.cookie",
  "apiKey",
  "*.apiKey",
  "DATABASE_URL",
  "*.DATABASE_URL",
  "SAP_PASSWORD",
  "*.SAP_PASSWORD",
  "SAP_OAUTH_CLIENT_SECRET",
  "*.SAP_OAUTH_CLIENT_SECRET",
  "SAP_TLS_CLIENT_KEY",
  "*.SAP_TLS_CLIENT_KEY",
  "SAP_TLS_CLIENT_KEY_PASSPHRASE",
  "*.SAP_TLS_CLIENT_KEY_PASSPHRASE",
  // an SAP client's x509 logon ({ kind, cert, key, passphrase })
  "*.auth.key",
  "passphrase",
  "*.passphrase",
  "*.*.passphrase",
];

/** Credentials embedded in URLs (postgres://user:pass@host) are masked in any string. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)([^@\s]+)(@)/gi, "$1[REDACTED]$3");
}

export interface CreateLoggerOptions {
  service: string;
  level?: string;
  environment?: string;
  destination?: DestinationStream;
}

export function createLogger(opts: CreateLoggerOptions): Logger {
  const options: LoggerOptions = {
    level: opts.level ?? "info",
    messageKey: "message",
    timestamp: () => `,"@timestamp":"${new Date().toISOString()}"`,
    base: {
      "service.name": opts.service,
      "service.environment": opts.environment ?? "development",
      "process.pid": process.pid,
    },
    formatters: {
      level: (label) => ({ "log.level": label }),
      log: (obj) => {
        const ctx = currentLogContext();
        const out: Record<string, unknown> = { ...obj };
        // ECS names the error object `error` (error.type, error.message, error.stack_trace); call
        // sites keep pino's `{ err }` idiom. A plain `err` next to an `error` keeps both.
        if ("err" in out && !("error" in out)) {
          out.error = out.err;
          delete out.err;
        }
        if (ctx.requestId) out["http.request.id"] = ctx.requestId;
        if (ctx.traceId) out["trace.id"] = ctx.traceId;
        if (ctx.orderId) out["labels.order_id"] = ctx.orderId;
        return out;
      },
    },
    serializers: {
      err: (err: unknown) => serializeError(err),
      // Also a string or anything else under `error` becomes `error.message`: a scalar `error`
      // would conflict with the `error.*` object in Elasticsearch's mapping.
      error: (err: unknown) => serializeError(err),
    },
    redact: { paths: REDACT_PATHS, censor: "[REDACTED]" },
    hooks: {
      logMethod(args, method) {
        // Mask credentials in message strings too (e.g. a connection URL in an error text).
        const masked = args.map((a) => (typeof a === "string" ? redactUrlCredentials(a) : a));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

/** ECS `error.*` fields; never includes anything but type, message, code and stack. */
export function serializeError(err: unknown): Record<string, unknown> {
  if (isSerializedError(err)) {
    const { type, code, stack_trace, stack } = err as Record<string, unknown>;
    const trace =
      typeof stack_trace === "string" ? stack_trace : typeof stack === "string" ? stack : undefined;
    return {
      ...(typeof type === "string" ? { type } : {}),
      message: redactUrlCredentials(err.message as string),
      ...(typeof code === "string" ? { code } : {}),
      ...(trace ? { stack_trace: redactUrlCredentials(trace) } : {}),
    };
  }
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      type: err.name,
      message: redactUrlCredentials(err.message),
      ...(typeof code === "string" ? { code } : {}),
      stack_trace: err.stack ? redactUrlCredentials(err.stack) : undefined,
    };
  }
  return { message: redactUrlCredentials(String(err)) };
}

export type { Logger };

/** An error-like plain object (`{ message, type?, code?, stack? }`): its ECS fields, redacted. */
function isSerializedError(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof Error) &&
    typeof (v as { message?: unknown }).message === "string"
  );
}
