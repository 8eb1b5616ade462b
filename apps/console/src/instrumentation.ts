/**
 * Next.js start-up hook: parse the console's env once (packages/config `consoleEnv`), so a
 * pod missing a variable fails at start with every problem listed instead of on the first
 * request, and export OpenTelemetry spans (storefront API requests as server spans, whose
 * trace the worker's jobs, SAP calls and webhooks continue) when a collector is set.
 */
export async function register(): Promise<void> {
  // biome-ignore lint/style/noProcessEnv: set by Next itself; the edge runtime has no Node APIs to load config with.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadConsoleEnv } = await import("@icp/config");
  const env = loadConsoleEnv();
  const { createLogger, logProcessWarnings, startTracing } = await import("@icp/observability");
  // Node's warnings (deprecations, MaxListenersExceeded) as ECS records, not Node's stderr text.
  logProcessWarnings(
    createLogger({ service: "console", level: env.LOG_LEVEL, environment: env.ICP_ENVIRONMENT }),
  );
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  await startTracing({
    service: "icp-console",
    endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    environment: env.ICP_ENVIRONMENT,
  });
}
