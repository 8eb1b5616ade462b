import { XMLParser } from "fast-xml-parser";
import { buildServiceModel, type ModelEntitySet, type ModelEntityType, type ServiceModel } from "./model";

/*
 * Reads the parts of an EDMX the sandbox needs. Interim: @icp/sap-odata's parseEdmx is the
 * shared parser being built on branch sap-client; swap this for an adapter over it once merged.
 */

type XmlNode = Record<string, unknown>;
const list = (v: unknown): XmlNode[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as XmlNode[]) : [v as XmlNode];
const attr = (n: XmlNode, name: string): string | undefined => {
  const v = n[`@_${name}`];
  return v === undefined ? undefined : String(v);
};
const num = (s: string | undefined) => (s === undefined || s === "Max" ? undefined : Number(s));

export function loadServiceModel(service: string, xml: string): ServiceModel {
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, attributeNamePrefix: "@_" });
  const doc = parser.parse(xml) as XmlNode;
  const edmx = doc.Edmx as XmlNode;
  const schemas = list((edmx.DataServices as XmlNode).Schema);
  const schema = schemas.find((s) => list(s.EntityType).length > 0) ?? schemas[0];
  if (!schema) throw new Error(`${service}: no Schema in EDMX`);
  const ns = attr(schema, "Namespace") ?? service;

  const assocEnds = new Map<string, { type: string; multiplicity: string }>();
  for (const a of list(schema.Association)) {
    for (const end of list(a.End)) {
      assocEnds.set(`${ns}.${attr(a, "Name")}|${attr(end, "Role")}`, {
        type: attr(end, "Type") ?? "",
        multiplicity: attr(end, "Multiplicity") ?? "1",
      });
    }
  }

  const types: ModelEntityType[] = list(schema.EntityType).map((et) => {
    const name = attr(et, "Name") ?? "";
    const properties = list(et.Property).map((p) => ({
      name: attr(p, "Name") ?? "",
      type: attr(p, "Type") ?? "Edm.String",
      nullable: attr(p, "Nullable") !== "false",
      maxLength: num(attr(p, "MaxLength")),
      precision: num(attr(p, "Precision")),
      scale: num(attr(p, "Scale")),
      concurrency: attr(p, "ConcurrencyMode") === "Fixed",
      creatable: attr(p, "creatable") !== "false",
      updatable: attr(p, "updatable") !== "false",
    }));
    const navigations = new Map(
      list(et.NavigationProperty).map((np) => {
        const end = assocEnds.get(`${attr(np, "Relationship")}|${attr(np, "ToRole")}`);
        const navName = attr(np, "Name") ?? "";
        return [
          navName,
          { name: navName, targetType: end?.type ?? "", toMany: end?.multiplicity === "*" },
        ] as const;
      }),
    );
    return {
      name,
      qualifiedName: `${ns}.${name}`,
      keys: list((et.Key as XmlNode | undefined)?.PropertyRef).map((r) => attr(r, "Name") ?? ""),
      properties,
      propertyByName: new Map(properties.map((p) => [p.name, p])),
      navigations,
    };
  });
  const typeByName = new Map(types.map((t) => [t.qualifiedName, t]));
  const container = list(schema.EntityContainer)[0] ?? {};
  const sets: ModelEntitySet[] = list(container.EntitySet).flatMap((s) => {
    const type = typeByName.get(attr(s, "EntityType") ?? "");
    if (!type) return [];
    return [
      {
        name: attr(s, "Name") ?? "",
        type,
        creatable: attr(s, "creatable") !== "false",
        updatable: attr(s, "updatable") !== "false",
        deletable: attr(s, "deletable") !== "false",
      },
    ];
  });
  return buildServiceModel(service, ns, types, sets);
}
