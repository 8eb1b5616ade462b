import { randomUUID } from "node:crypto";

/**
 * Random hex for ids, from a version 4 UUID without its dashes (Node serves those from a
 * buffer of entropy, where randomBytes asks the kernel every call). A trace id keeps the
 * version digit 4 and the variant digit: 122 random bits, never all zero. A span id is the
 * variant digit and the 15 after it: 62 random bits, never zero.
 */
const randomTraceId = () => randomUUID().replaceAll("-", "");
const randomSpanId = () => randomUUID().slice(19).replace("-", "");

import { activeTraceparent } from "./tracing";

/**
 * W3C Trace Context (`traceparent: 00-<trace-id>-<parent-id>-<flags>`). We do not run a
 * tracer; we carry the trace id from the storefront's HTTP request through Kafka headers,
 * BullMQ jobs, SAP calls and webhooks, so one id finds an order's every log line and hop.
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface TraceParent {
  traceId: string;
  parentId: string;
  sampled: boolean;
}

/** Parses a traceparent header; undefined for anything the spec says to ignore. */
export function parseTraceparent(header: string | null | undefined): TraceParent | undefined {
  const m = TRACEPARENT.exec((header ?? "").trim().toLowerCase());
  if (!m) return undefined;
  const [, version, traceId, parentId, flags] = m as unknown as [string, string, string, string, string];
  // Version ff is invalid; all-zero ids are invalid.
  if (version === "ff" || /^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return { traceId, parentId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}

/**
 * A traceparent for an outgoing hop: the same trace, and as parent the active span when
 * tracing records one (so the next service's span hangs under ours), a fresh id otherwise.
 */
export function outgoingTraceparent(traceId: string, sampled = true): string {
  const active = activeTraceparent();
  if (active && parseTraceparent(active)?.traceId === traceId) return active;
  return `00-${traceId}-${randomSpanId()}-${sampled ? "01" : "00"}`;
}

/** Continues the caller's trace when it sent a valid one, or starts a new trace. */
export function continueOrStartTrace(header: string | null | undefined): {
  traceId: string;
  traceparent: string;
} {
  const parent = parseTraceparent(header);
  const traceId = parent?.traceId ?? randomTraceId();
  return { traceId, traceparent: outgoingTraceparent(traceId, parent?.sampled ?? true) };
}

/** The trace id of a traceparent, if it is valid. */
export const traceIdOf = (traceparent: string | null | undefined): string | undefined =>
  parseTraceparent(traceparent)?.traceId;
