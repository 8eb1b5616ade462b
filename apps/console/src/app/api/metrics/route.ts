import { metrics } from "~/server/metrics";

export const dynamic = "force-dynamic";

/**
 * Prometheus scrape endpoint of the console: storefront API and console API traffic, plus
 * process metrics. Pipeline metrics (lag, queues, SAP) come from the worker's /metrics.
 * Prometheus scrapes the pod directly (k8s/base/monitoring.yaml); anything that came through
 * the Ingress carries X-Forwarded-For (ingress-nginx always sets it) and is refused, so the
 * public host does not publish the console's internals.
 */
export async function GET(req: Request) {
  if (req.headers.has("x-forwarded-for")) {
    return Response.json(
      {
        type: "about:blank",
        title: "Not found",
        status: 404,
        detail: "Metrics are scraped from the pod, not through the Ingress.",
      },
      { status: 404, headers: { "content-type": "application/problem+json" } },
    );
  }
  const { contentType, body } = await metrics.render();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
