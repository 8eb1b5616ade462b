import { formatODataDate } from "@icp/sap-odata";
import type { ModelEntitySet, ModelEntityType, ModelProperty, ServiceModel } from "../model/model";
import type { Row } from "../store/table";

/** OData V2 JSON for one property value, with SAP's defaults for values a row leaves out. */
export function jsonValue(p: ModelProperty, v: unknown): unknown {
  switch (p.type) {
    case "Edm.DateTime":
      return typeof v === "number" ? formatODataDate(new Date(v)) : null;
    case "Edm.DateTimeOffset":
      return typeof v === "number" ? formatODataDate(new Date(v), true) : null;
    case "Edm.Decimal": {
      const n = typeof v === "number" ? v : v === undefined || v === null || v === "" ? 0 : Number(v);
      return n.toFixed(p.scale ?? 0);
    }
    case "Edm.Double":
    case "Edm.Single":
      return String(typeof v === "number" ? v : 0);
    case "Edm.Int64":
      return String(v ?? 0);
    case "Edm.Int16":
    case "Edm.Int32":
    case "Edm.Byte":
    case "Edm.SByte":
      return typeof v === "number" ? v : 0;
    case "Edm.Boolean":
      return v === true;
    case "Edm.Guid":
      return typeof v === "string" && v !== "" ? v : "00000000-0000-0000-0000-000000000000";
    case "Edm.Time":
      return typeof v === "string" && v !== "" ? v : "PT00H00M00S";
    case "Edm.Binary":
      return v ?? null;
    default:
      return v === undefined || v === null ? "" : String(v);
  }
}

/** Literal of a key value in a resource path: strings quoted, dates as datetime'...'. */
export function keyLiteral(p: ModelProperty | undefined, v: unknown): string {
  if (p?.type === "Edm.DateTime") return `datetime'${new Date(Number(v)).toISOString().slice(0, 19)}'`;
  if (p?.type === "Edm.Guid") return `guid'${String(v)}'`;
  return `'${encodeURIComponent(String(v ?? "")).replace(/'/g, "''")}'`;
}

export function entityKeyPredicate(type: ModelEntityType, row: Row): string {
  const parts = type.keys.map((k) => [k, keyLiteral(type.propertyByName.get(k), row[k])] as const);
  if (parts.length === 1) return `(${parts[0]?.[1]})`;
  return `(${parts.map(([k, v]) => `${k}=${v}`).join(",")})`;
}

/** ETag of an entity: W/"datetimeoffset'…'" from its ConcurrencyMode=Fixed property, if any. */
export function entityEtag(type: ModelEntityType, row: Row): string | undefined {
  const p = type.properties.find((x) => x.concurrency);
  if (!p) return undefined;
  const v = row[p.name];
  if (p.type === "Edm.DateTimeOffset" && typeof v === "number") {
    const iso = new Date(v).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
    return `W/"datetimeoffset'${encodeURIComponent(iso)}'"`;
  }
  return `W/"'${encodeURIComponent(String(v ?? ""))}'"`;
}

export interface SerializeContext {
  baseUrl: string;
  model: ServiceModel;
  /** Loads the rows behind a navigation property of a row. */
  navigate: (
    set: ModelEntitySet,
    row: Row,
    nav: string,
  ) => { set: ModelEntitySet; rows: Row[]; toMany: boolean };
  etag: (set: ModelEntitySet, row: Row) => string | undefined;
}

export function serializeEntity(
  ctx: SerializeContext,
  set: ModelEntitySet,
  row: Row,
  select: string[] | undefined,
  expand: string[][],
): Record<string, unknown> {
  const type = set.type;
  const uri = `${ctx.baseUrl}${set.name}${entityKeyPredicate(type, row)}`;
  const meta: Record<string, string> = { id: uri, uri, type: type.qualifiedName };
  const etag = ctx.etag(set, row);
  if (etag) meta.etag = etag;
  const out: Record<string, unknown> = { __metadata: meta };
  const selected = select && !select.includes("*") ? new Set(select.map((s) => s.split("/")[0])) : undefined;
  for (const p of type.properties) {
    if (selected && !selected.has(p.name)) continue;
    out[p.name] = jsonValue(p, row[p.name]);
  }
  for (const nav of type.navigations.values()) {
    const sub = expand
      .filter((path) => path[0] === nav.name)
      .map((path) => path.slice(1))
      .filter((p) => p.length > 0);
    const isExpanded = expand.some((path) => path[0] === nav.name);
    if (!isExpanded) {
      if (!selected || selected.has(nav.name)) out[nav.name] = { __deferred: { uri: `${uri}/${nav.name}` } };
      continue;
    }
    const target = ctx.navigate(set, row, nav.name);
    const subSelect = select
      ?.filter((s) => s.startsWith(`${nav.name}/`))
      .map((s) => s.slice(nav.name.length + 1));
    const entities = target.rows.map((r) =>
      serializeEntity(ctx, target.set, r, subSelect && subSelect.length > 0 ? subSelect : undefined, sub),
    );
    out[nav.name] = target.toMany ? { results: entities } : (entities[0] ?? null);
  }
  return out;
}
