import { parseEdmx } from "@icp/sap-odata";
import { buildServiceModel, type ModelEntitySet, type ModelEntityType, type ServiceModel } from "./model";

/**
 * The sandbox's model of one service, built on @icp/sap-odata's `parseEdmx` (the parser the
 * client uses too), with qualified type names for `__metadata.type`.
 */
export function loadServiceModel(service: string, xml: string): ServiceModel {
  const edm = parseEdmx(xml);
  const ns = edm.namespace;
  const concurrency = concurrencyProperties(xml);
  const types: ModelEntityType[] = Object.values(edm.entityTypes).map((et) => {
    const fixed = concurrency.get(et.name) ?? new Set<string>();
    const properties = et.properties.map((p) => ({
      name: p.name,
      type: p.type,
      nullable: p.nullable,
      maxLength: p.maxLength,
      precision: p.precision,
      scale: p.scale,
      concurrency: fixed.has(p.name),
      creatable: p.creatable,
      updatable: p.updatable,
    }));
    return {
      name: et.name,
      qualifiedName: `${ns}.${et.name}`,
      keys: et.keys,
      properties,
      propertyByName: new Map(properties.map((p) => [p.name, p])),
      navigations: new Map(
        et.navigationProperties.map((n) => [
          n.name,
          { name: n.name, targetType: `${ns}.${n.target}`, toMany: n.multiplicity === "*" },
        ]),
      ),
    };
  });
  const byName = new Map(types.map((t) => [t.name, t]));
  const sets: ModelEntitySet[] = Object.values(edm.entitySets).flatMap((s) => {
    const type = byName.get(s.entityType);
    return type
      ? [{ name: s.name, type, creatable: s.creatable, updatable: s.updatable, deletable: s.deletable }]
      : [];
  });
  return buildServiceModel(service, ns, types, sets);
}

/**
 * Properties with ConcurrencyMode="Fixed" (what SAP builds ETags from), per entity type.
 * parseEdmx does not carry this attribute yet, so it is read here.
 */
function concurrencyProperties(xml: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const et of xml.matchAll(/<EntityType\s+Name="([^"]+)"[\s\S]*?<\/EntityType>/g)) {
    for (const p of (et[0] ?? "").matchAll(/<Property\s+Name="([^"]+)"[^>]*ConcurrencyMode="Fixed"/g)) {
      const name = et[1] ?? "";
      if (!out.has(name)) out.set(name, new Set());
      out.get(name)?.add(p[1] ?? "");
    }
  }
  return out;
}
