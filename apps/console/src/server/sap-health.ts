import "server-only";
import type { SapHealth } from "@icp/api";
import type { ConsoleEnv } from "@icp/config";
import { SAP_HEALTH_KEY } from "@icp/messaging";
import type { Redis } from "ioredis";

/**
 * SAP's health as ops need it: reachability and latency from an authenticated HEAD on the
 * sales-order service root (what a logon costs), and the circuit breaker as the worker — the
 * process that actually calls SAP — reports it in Redis.
 */
export async function sapHealth(env: ConsoleEnv, redis: Redis, timeoutMs = 3_000): Promise<SapHealth> {
  const started = performance.now();
  const checkedAt = new Date();
  const reported = await redis.get(SAP_HEALTH_KEY).catch(() => null);
  const worker = reported ? (JSON.parse(reported) as { breaker?: string }) : null;
  const breaker =
    worker?.breaker === "open" || worker?.breaker === "half-open" || worker?.breaker === "closed"
      ? worker.breaker
      : "unknown";
  try {
    const url = new URL(`${env.SAP_BASE_URL.replace(/\/$/, "")}/sap/opu/odata/sap/API_SALES_ORDER_SRV/`);
    url.searchParams.set("sap-client", env.SAP_CLIENT);
    const res = await fetch(url, {
      method: "HEAD",
      headers: {
        authorization: `Basic ${Buffer.from(`${env.SAP_USERNAME}:${env.SAP_PASSWORD}`).toString("base64")}`,
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    return {
      reachable: res.status < 500,
      latencyMs: Math.round(performance.now() - started),
      status: res.status,
      breaker,
      checkedAt,
    };
  } catch (e) {
    return {
      reachable: false,
      latencyMs: null,
      breaker,
      checkedAt,
      error: (e as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e as Error).message,
    };
  }
}
