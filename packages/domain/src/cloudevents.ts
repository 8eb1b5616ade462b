import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { RETIRED_EVENT_TYPES } from "./retired-events";

/**
 * CloudEvents 1.0 in Kafka *binary* content mode: attributes travel as `ce_*` headers and the
 * body is the JSON `data`. This is what SAP Event Mesh / Advanced Event Mesh deliver for S/4HANA
 * business events, and what we produce for storefront orders, so one codec serves all topics.
 */
export interface CloudEvent<T = unknown> {
  specversion: "1.0";
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: "application/json";
  /** W3C trace context carried as the `traceparent` extension. */
  traceparent?: string;
  data: T;
}

export interface KafkaRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export function newCloudEvent<T>(
  attrs: Omit<CloudEvent<T>, "specversion" | "id" | "time" | "datacontenttype"> & {
    id?: string;
    time?: string;
  },
): CloudEvent<T> {
  return {
    specversion: "1.0",
    datacontenttype: "application/json",
    id: attrs.id ?? randomUUID(),
    time: attrs.time ?? new Date().toISOString(),
    source: attrs.source,
    type: attrs.type,
    data: attrs.data,
    ...(attrs.subject !== undefined ? { subject: attrs.subject } : {}),
    ...(attrs.traceparent !== undefined ? { traceparent: attrs.traceparent } : {}),
  };
}

export function encodeCloudEvent(key: string, event: CloudEvent): KafkaRecord {
  const headers: Record<string, string> = {
    ce_specversion: event.specversion,
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_time: event.time,
    "content-type": event.datacontenttype,
  };
  if (event.subject !== undefined) headers.ce_subject = event.subject;
  if (event.traceparent !== undefined) headers.traceparent = event.traceparent;
  return { key, value: Buffer.from(JSON.stringify(event.data)), headers };
}

export type DecodeResult<T> =
  | { ok: true; event: CloudEvent<T> }
  | { ok: false; reason: string; type?: string; id?: string };

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

function header(headers: RawHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}

/**
 * Decode a Kafka message into a CloudEvent whose `data` matches the schema registered for its
 * `ce_type`. Every failure is a value with a reason fit for a dead-letter header: the caller
 * decides to dead-letter, never throws on bad input.
 */
export function decodeCloudEvent<S extends Record<string, z.ZodType>>(
  message: { value: Buffer | null; headers?: RawHeaders },
  schemas: S,
): DecodeResult<z.infer<S[keyof S]>> & { type?: string } {
  const h = message.headers;
  const id = header(h, "ce_id");
  const type = header(h, "ce_type");
  const specversion = header(h, "ce_specversion");
  const source = header(h, "ce_source");
  const meta = { ...(type ? { type } : {}), ...(id ? { id } : {}) };
  if (specversion !== "1.0")
    return {
      ok: false,
      reason: `ce_specversion must be "1.0", got ${JSON.stringify(specversion ?? null)}`,
      ...meta,
    };
  if (!id) return { ok: false, reason: "ce_id header is missing", ...meta };
  if (!source) return { ok: false, reason: "ce_source header is missing", ...meta };
  if (!type) return { ok: false, reason: "ce_type header is missing", ...meta };
  const schema = schemas[type];
  if (!schema) {
    const retired = RETIRED_EVENT_TYPES[type];
    return {
      ok: false,
      reason: retired ? `retired event type ${type}: ${retired}` : `unknown event type ${type}`,
      ...meta,
    };
  }
  if (!message.value) return { ok: false, reason: "message has no body", ...meta };
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString("utf8"));
  } catch (e) {
    return { ok: false, reason: `body is not JSON: ${(e as Error).message}`, ...meta };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
    return { ok: false, reason: `body does not match ${type}: ${detail}`, ...meta };
  }
  const subject = header(h, "ce_subject");
  const traceparent = header(h, "traceparent");
  return {
    ok: true,
    event: {
      specversion: "1.0",
      id,
      source,
      type,
      time: header(h, "ce_time") ?? new Date(0).toISOString(),
      datacontenttype: "application/json",
      data: parsed.data as z.infer<S[keyof S]>,
      ...(subject !== undefined ? { subject } : {}),
      ...(traceparent !== undefined ? { traceparent } : {}),
    },
  };
}
