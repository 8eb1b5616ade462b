import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

/** The SDK half of tracing.ts, loaded only when an OTLP endpoint is configured. */
export function registerProvider(opts: { service: string; endpoint: string; environment?: string }) {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      "service.name": opts.service,
      ...(opts.environment ? { "deployment.environment.name": opts.environment } : {}),
    }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${opts.endpoint.replace(/\/$/, "")}/v1/traces` }),
        {
          scheduledDelayMillis: 1_000,
        },
      ),
    ],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return provider;
}
