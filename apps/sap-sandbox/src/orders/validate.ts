import type { ModelEntityType } from "../model/model";
import { SapError, type SapErrorDetail } from "../odata/errors";
import type { Row } from "../store/table";

/**
 * Turns an OData V2 JSON payload into a row for `type`: unknown properties, wrong types and
 * values longer than the EDMX allows are rejected the way SAP Gateway rejects them.
 */
export function payloadToRow(
  type: ModelEntityType,
  payload: Record<string, unknown>,
  target: string,
  navigations: readonly string[] = [],
): Row {
  const row: Row = {};
  const details: SapErrorDetail[] = [];
  for (const [name, raw] of Object.entries(payload)) {
    if (name === "__metadata" || navigations.includes(name)) continue;
    const p = type.propertyByName.get(name);
    if (!p) {
      if (type.navigations.has(name)) continue;
      throw new SapError(400, "/IWBEP/CM_MGW_RT/021", `Property '${name}' is invalid`, [], {});
    }
    if (raw === null) {
      row[name] = null;
      continue;
    }
    const bad = () =>
      new SapError(400, "/IWBEP/CM_MGW_RT/021", `Invalid value for property '${name}' of type ${p.type}`, [
        {
          code: "/IWBEP/CM_MGW_RT/021",
          message: `Invalid value for property '${name}'`,
          target: `${target}/${name}`,
          propertyref: name,
        },
      ]);
    switch (p.type) {
      case "Edm.String": {
        if (typeof raw !== "string") throw bad();
        if (p.maxLength !== undefined && raw.length > p.maxLength) {
          details.push({
            code: "/IWBEP/CM_MGW_RT/006",
            message: `Value '${raw}' of property '${name}' exceeds the maximum length of ${p.maxLength}`,
            target: `${target}/${name}`,
            propertyref: name,
          });
        }
        row[name] = raw;
        break;
      }
      case "Edm.Decimal":
      case "Edm.Double":
      case "Edm.Int32":
      case "Edm.Int16":
      case "Edm.Int64": {
        const n =
          typeof raw === "number"
            ? raw
            : typeof raw === "string" && raw.trim() !== ""
              ? Number(raw)
              : Number.NaN;
        if (!Number.isFinite(n)) throw bad();
        row[name] = n;
        break;
      }
      case "Edm.Boolean":
        if (typeof raw !== "boolean") throw bad();
        row[name] = raw;
        break;
      case "Edm.DateTime":
      case "Edm.DateTimeOffset": {
        const ms = parseDateValue(raw);
        if (ms === undefined) throw bad();
        row[name] = ms;
        break;
      }
      default:
        row[name] = raw;
    }
  }
  if (details.length > 0) {
    throw new SapError(
      400,
      details[0]?.code ?? "/IWBEP/CM_MGW_RT/006",
      details[0]?.message ?? "Invalid payload",
      details,
    );
  }
  return row;
}

/** Accepts `/Date(ms)/`, `/Date(ms+0000)/` and ISO strings, as SAP Gateway does. */
export function parseDateValue(raw: unknown): number | undefined {
  if (typeof raw !== "string") return undefined;
  const m = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(raw);
  if (m) return Number(m[1]);
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
