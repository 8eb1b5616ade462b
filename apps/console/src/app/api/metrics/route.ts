import { scrapeAllowed } from "@icp/observability";
import { env } from "~/server/env";
import { metrics } from "~/server/metrics";

export const dynamic = "force-dynamic";

/**
 * Prometheus scrape endpoint of the console: storefront API and console API traffic, plus
 * process metrics. Pipeline metrics (lag, queues, SAP) come from the worker's /metrics. The
 * public Ingress routes this path too, so deployed environments require METRICS_TOKEN as a
 * bearer token (the ServiceMonitor sends it, k8s/base/monitoring.yaml).
 */
export async function GET(req: Request) {
  if (!scrapeAllowed(req.headers.get("authorization"), env.METRICS_TOKEN)) {
    return Response.json(
      {
        type: "about:blank",
        title: "Unauthorized",
        status: 401,
        detail: "Metrics need the scrape token (Authorization: Bearer <METRICS_TOKEN>).",
      },
      {
        status: 401,
        headers: { "content-type": "application/problem+json", "www-authenticate": 'Bearer realm="metrics"' },
      },
    );
  }
  const { contentType, body } = await metrics.render();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
