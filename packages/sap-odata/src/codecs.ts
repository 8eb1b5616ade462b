import type { EdmEntityType, EdmService } from "./edmx";

/** `/Date(1700000000000)/` or `/Date(1700000000000+0060)/` → Date (the offset is informational in V2 JSON). */
export function parseODataDate(value: string): Date {
  const m = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
  if (!m?.[1]) throw new Error(`not an OData V2 date: ${value}`);
  return new Date(Number(m[1]));
}

export function formatODataDate(d: Date, withOffset = false): string {
  return `/Date(${d.getTime()}${withOffset ? "+0000" : ""})/`;
}

/** OData literals for keys and $filter. Strings double their single quotes. */
export const literal = {
  string: (s: string) => `'${s.replace(/'/g, "''")}'`,
  number: (n: number) => String(n),
  boolean: (b: boolean) => (b ? "true" : "false"),
  datetime: (d: Date) => `datetime'${d.toISOString().slice(0, 19)}'`,
  datetimeoffset: (d: Date) => `datetimeoffset'${d.toISOString().replace(/\.\d{3}Z$/, "Z")}'`,
  guid: (g: string) => `guid'${g}'`,
  decimal: (s: string) => `${s}M`,
};

/** `A_SalesOrderItem(SalesOrder='1',SalesOrderItem='10')` style key predicates. */
export function keyPredicate(type: EdmEntityType, key: Record<string, string | number>): string {
  const parts = type.keys.map((k) => {
    const v = key[k];
    if (v === undefined) throw new Error(`${type.name}: key ${k} missing`);
    const prop = type.properties.find((p) => p.name === k);
    return { k, v: prop?.type === "Edm.String" ? literal.string(String(v)) : String(v) };
  });
  return parts.length === 1 ? `(${parts[0]?.v})` : `(${parts.map((p) => `${p.k}=${p.v}`).join(",")})`;
}

type Json = Record<string, unknown>;

/** What fromWire does with each property of a type: a date to parse, or a navigation to follow. */
type WireShape = Map<string, "date" | { nav: string }>;
const wireShapes = new WeakMap<EdmEntityType, WireShape>();

function wireShape(type: EdmEntityType): WireShape {
  let shape = wireShapes.get(type);
  if (!shape) {
    shape = new Map();
    for (const p of type.properties)
      if (p.type === "Edm.DateTime" || p.type === "Edm.DateTimeOffset") shape.set(p.name, "date");
    for (const n of type.navigationProperties) shape.set(n.name, { nav: n.target });
    wireShapes.set(type, shape);
  }
  return shape;
}

/**
 * Wire JSON → typed object: /Date()/ to Date per the model's Edm types; nested navigation
 * properties (deferred or expanded `{results}`) converted recursively; `__metadata` kept.
 */
export function fromWire<T>(service: EdmService, typeName: string, raw: Json): T {
  const type = service.entityTypes[typeName];
  if (!type) throw new Error(`${service.name} has no entity type ${typeName}`);
  const shape = wireShape(type);
  const out: Json = {};
  for (const k in raw) {
    const v = raw[k];
    const kind = shape.get(k);
    if (kind === "date" && typeof v === "string") {
      out[k] = v.startsWith("/Date(") ? parseODataDate(v) : new Date(v);
      continue;
    }
    if (kind !== undefined && kind !== "date" && v && typeof v === "object") {
      const o = v as Json;
      if ("__deferred" in o) continue;
      if (Array.isArray(o.results)) out[k] = (o.results as Json[]).map((r) => fromWire(service, kind.nav, r));
      else out[k] = fromWire(service, kind.nav, o);
      continue;
    }
    out[k] = v;
  }
  return out as T;
}

/** Typed object → wire JSON for create/update bodies (Dates to /Date()/; nav arrays kept as arrays for deep insert). */
export function toWire(service: EdmService, typeName: string, value: object): Json {
  const type = service.entityTypes[typeName];
  if (!type) throw new Error(`${service.name} has no entity type ${typeName}`);
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const prop = type.properties.find((p) => p.name === k);
    if (prop && v instanceof Date) {
      out[k] = formatODataDate(v, prop.type === "Edm.DateTimeOffset");
      continue;
    }
    const nav = type.navigationProperties.find((n) => n.name === k);
    if (nav && v && typeof v === "object") {
      out[k] = Array.isArray(v)
        ? v.map((x) => toWire(service, nav.target, x as object))
        : toWire(service, nav.target, v);
      continue;
    }
    out[k] = v;
  }
  return out;
}

export interface CollectionEnvelope {
  d: { results: Json[]; __count?: string; __next?: string };
}

export function unwrapCollection(body: unknown): { results: Json[]; count?: number; next?: string } {
  const d = (body as { d?: unknown })?.d;
  if (!d || typeof d !== "object") throw new Error("OData response has no 'd'");
  const results = Array.isArray(d) ? (d as Json[]) : (d as CollectionEnvelope["d"]).results;
  if (!Array.isArray(results)) throw new Error("OData collection has no 'results'");
  const count = (d as CollectionEnvelope["d"]).__count;
  const next = (d as CollectionEnvelope["d"]).__next;
  return { results, ...(count !== undefined ? { count: Number(count) } : {}), ...(next ? { next } : {}) };
}

export function unwrapEntity(body: unknown): Json {
  const d = (body as { d?: unknown })?.d;
  if (!d || typeof d !== "object" || Array.isArray(d)) throw new Error("OData response has no entity in 'd'");
  return d as Json;
}
