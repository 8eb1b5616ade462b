import "server-only";
import { createMetrics, type Metrics } from "@icp/observability";

/** The console process's Prometheus registry (one per process, kept across dev reloads). */
const g = globalThis as typeof globalThis & { __icpConsoleMetrics?: Metrics };
g.__icpConsoleMetrics ??= createMetrics("console");
export const metrics: Metrics = g.__icpConsoleMetrics;

/** `storefront:products`, `storefront:orders`, …: the route family, never ids (label cardinality). */
export function storefrontRoute(pathname: string, basePath: string): string {
  const rest = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
  const first = rest.split("/").filter(Boolean)[0] ?? "";
  return `storefront:${/^[a-z][a-z0-9_.-]{0,30}$/.test(first) ? first : "other"}`;
}
