import "server-only";
import type { SapHealth } from "@icp/api";
import type { ConsoleEnv } from "@icp/config";
import { sapConnection } from "@icp/config/pieces/sap";
import { SAP_HEALTH_KEY } from "@icp/messaging";
import { DEFAULT_RESILIENCE, SapTransport } from "@icp/sap-client";
import type { Redis } from "ioredis";

/**
 * SAP's health as ops need it: reachability and latency from an authenticated HEAD on the
 * sales-order service root (what a logon costs), logged on as SAP_AUTH says (basic, OAuth 2.0
 * client credentials or the X.509 client certificate, as the worker is), and the circuit breaker
 * and the shared concurrency slots as the worker — the process that actually calls SAP —
 * reports them in Redis (every 2 s).
 */
const g = globalThis as typeof globalThis & { __icpSapProbe?: SapTransport };
function transport(env: ConsoleEnv): SapTransport {
  // One per process: it keeps the OAuth token and the TLS connections between checks.
  g.__icpSapProbe ??= new SapTransport({
    ...DEFAULT_RESILIENCE,
    ...sapConnection(env),
    maxConcurrency: 1,
  });
  return g.__icpSapProbe;
}

export async function sapHealth(env: ConsoleEnv, redis: Redis, timeoutMs = 3_000): Promise<SapHealth> {
  const started = performance.now();
  const checkedAt = new Date();
  const reported = await redis.get(SAP_HEALTH_KEY).catch(() => null);
  const worker = reported
    ? (JSON.parse(reported) as { breaker?: string; slots?: { limit?: unknown; inUse?: unknown } | null })
    : null;
  const slots =
    typeof worker?.slots?.limit === "number" && typeof worker.slots.inUse === "number"
      ? { limit: worker.slots.limit, inUse: worker.slots.inUse }
      : null;
  const breaker =
    worker?.breaker === "open" || worker?.breaker === "half-open" || worker?.breaker === "closed"
      ? worker.breaker
      : "unknown";
  try {
    const status = await transport(env).probe("API_SALES_ORDER_SRV", timeoutMs);
    return {
      reachable: status < 500,
      latencyMs: Math.round(performance.now() - started),
      status,
      breaker,
      slots,
      checkedAt,
    };
  } catch (e) {
    return {
      reachable: false,
      latencyMs: null,
      breaker,
      slots,
      checkedAt,
      error: (e as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e as Error).message,
    };
  }
}
