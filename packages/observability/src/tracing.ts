import {
  type Attributes,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";

/**
 * OpenTelemetry spans across storefront request → Kafka → BullMQ job → SAP call → webhook,
 * exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (off locally by default).
 * Without an exporter nothing is recorded, but the W3C trace context still travels (see
 * trace.ts), so logs keep one trace id per order either way.
 */
let provider: { forceFlush(): Promise<void>; shutdown(): Promise<void> } | undefined;

export { SpanKind };

export interface Tracing {
  /** Sends what is buffered (tests, and before exit). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Starts exporting spans for this process; a no-op without an endpoint, and idempotent. */
export async function startTracing(opts: {
  service: string;
  endpoint?: string | undefined;
  environment?: string;
}): Promise<Tracing> {
  if (!provider && opts.endpoint) {
    const sdk = await import("./tracing-sdk");
    provider = sdk.registerProvider({
      service: opts.service,
      endpoint: opts.endpoint,
      ...(opts.environment ? { environment: opts.environment } : {}),
    });
  }
  return {
    flush: async () => provider?.forceFlush(),
    shutdown: async () => {
      await provider?.shutdown();
      provider = undefined;
    },
  };
}

/**
 * Runs `fn` in a span. `parent` is a W3C traceparent carried from elsewhere (a Kafka record, a
 * job); without it the span continues the active one. Errors mark the span and are rethrown.
 */
export async function inSpan<T>(
  name: string,
  opts: { kind?: SpanKind; parent?: string | undefined; attributes?: Attributes },
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!provider) return fn(undefined);
  const parentContext = opts.parent
    ? propagation.extract(ROOT_CONTEXT, { traceparent: opts.parent })
    : context.active();
  const tracer = trace.getTracer("icp");
  return tracer.startActiveSpan(
    name,
    { kind: opts.kind ?? SpanKind.INTERNAL, ...(opts.attributes ? { attributes: opts.attributes } : {}) },
    parentContext,
    async (span) => {
      try {
        const result = await fn(span);
        span.end();
        return result;
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        span.end();
        throw err;
      }
    },
  );
}

/** The active span as a traceparent (recorded spans only), for an outgoing hop. */
export function activeTraceparent(): string | undefined {
  const sc = trace.getActiveSpan()?.spanContext();
  if (!sc || !trace.isSpanContextValid(sc)) return undefined;
  return `00-${sc.traceId}-${sc.spanId}-${(sc.traceFlags & 1) === 1 ? "01" : "00"}`;
}
