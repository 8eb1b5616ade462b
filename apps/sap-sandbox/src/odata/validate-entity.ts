import type { ModelEntitySet } from "../model/model";

/**
 * Checks an OData V2 JSON entity against the EDMX model: every property present with the
 * right JSON shape for its EDM type, strings within MaxLength, keys non-empty, and
 * navigation properties deferred or expanded. Returns the problems found.
 */
export function validateEntity(
  set: ModelEntitySet,
  entity: Record<string, unknown>,
  selected?: string[],
): string[] {
  const problems: string[] = [];
  const type = set.type;
  const meta = entity.__metadata as { type?: string; uri?: string } | undefined;
  if (meta?.type !== type.qualifiedName)
    problems.push(`__metadata.type is ${String(meta?.type)}, expected ${type.qualifiedName}`);
  if (!meta?.uri?.includes(`/${set.name}(`))
    problems.push(`__metadata.uri ${String(meta?.uri)} does not address ${set.name}`);
  for (const p of type.properties) {
    if (selected && !selected.includes(p.name)) continue;
    if (!(p.name in entity)) {
      problems.push(`${p.name} missing`);
      continue;
    }
    const v = entity[p.name];
    const where = `${type.name}.${p.name}`;
    if (v === null) {
      if (!p.nullable) problems.push(`${where} is null but Nullable=false`);
      continue;
    }
    switch (p.type) {
      case "Edm.String":
        if (typeof v !== "string") problems.push(`${where} should be a string`);
        else if (p.maxLength !== undefined && v.length > p.maxLength)
          problems.push(`${where} '${v}' longer than ${p.maxLength}`);
        break;
      case "Edm.Decimal":
        if (typeof v !== "string" || !/^-?\d+(\.\d+)?$/.test(v))
          problems.push(`${where} should be a decimal string, got ${JSON.stringify(v)}`);
        else if (p.scale !== undefined && (v.split(".")[1]?.length ?? 0) > p.scale)
          problems.push(`${where} has more than ${p.scale} decimals`);
        break;
      case "Edm.DateTime":
        if (typeof v !== "string" || !/^\/Date\(-?\d+\)\/$/.test(v))
          problems.push(`${where} should be /Date(ms)/, got ${JSON.stringify(v)}`);
        break;
      case "Edm.DateTimeOffset":
        if (typeof v !== "string" || !/^\/Date\(-?\d+([+-]\d{4})?\)\/$/.test(v))
          problems.push(`${where} should be /Date(ms+0000)/, got ${JSON.stringify(v)}`);
        break;
      case "Edm.Boolean":
        if (typeof v !== "boolean") problems.push(`${where} should be a boolean`);
        break;
      case "Edm.Guid":
        if (
          typeof v !== "string" ||
          !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
        )
          problems.push(`${where} should be a GUID`);
        break;
      case "Edm.Time":
        if (typeof v !== "string" || !/^PT\d+H\d+M\d+S$/.test(v))
          problems.push(`${where} should be PTxxHxxMxxS`);
        break;
      case "Edm.Int16":
      case "Edm.Int32":
      case "Edm.Byte":
        if (typeof v !== "number" || !Number.isInteger(v)) problems.push(`${where} should be an integer`);
        break;
      case "Edm.Int64":
      case "Edm.Double":
      case "Edm.Single":
        if (typeof v !== "string" || Number.isNaN(Number(v)))
          problems.push(`${where} should be a numeric string`);
        break;
      default:
        break;
    }
  }
  for (const k of type.keys) {
    if (selected && !selected.includes(k)) continue;
    if (entity[k] === undefined || entity[k] === null) problems.push(`key ${k} missing`);
  }
  for (const nav of type.navigations.keys()) {
    if (selected) continue;
    const v = entity[nav] as Record<string, unknown> | null | undefined;
    if (v === undefined) problems.push(`navigation ${nav} missing`);
  }
  const known = new Set(["__metadata", ...type.properties.map((p) => p.name), ...type.navigations.keys()]);
  for (const k of Object.keys(entity)) if (!known.has(k)) problems.push(`unexpected property ${k}`);
  return problems;
}
