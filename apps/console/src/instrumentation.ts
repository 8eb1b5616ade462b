/**
 * Next.js start-up hook: export OpenTelemetry spans (storefront API requests as server spans,
 * whose trace the worker's jobs, SAP calls and webhooks continue) when a collector is set.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  const { startTracing } = await import("@icp/observability");
  await startTracing({
    service: "icp-console",
    endpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
    ...(process.env.ICP_ENVIRONMENT ? { environment: process.env.ICP_ENVIRONMENT } : {}),
  });
}
