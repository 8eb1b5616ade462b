import "server-only";
import type { SapHealth } from "@icp/api";

/**
 * HEAD on the SAP service root. The console has no breaker of its own; it reports "unknown"
 * unless the answer says SAP is refusing (5xx/timeout → "open" from the console's view).
 * The worker engineer will refine this port with the sap-client breaker state.
 */
export async function sapHealth(baseUrl: string, timeoutMs = 3_000): Promise<SapHealth> {
  const started = performance.now();
  const checkedAt = new Date();
  try {
    const res = await fetch(`${baseUrl.replace(/\/$/, "")}/sap/opu/odata/sap/`, {
      method: "HEAD",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const latencyMs = Math.round(performance.now() - started);
    return {
      reachable: res.status < 500,
      latencyMs,
      status: res.status,
      breaker: res.status >= 500 ? "open" : "closed",
      checkedAt,
    };
  } catch (e) {
    return {
      reachable: false,
      latencyMs: null,
      breaker: "unknown",
      checkedAt,
      error: (e as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e as Error).message,
    };
  }
}
