import { XMLParser } from "fast-xml-parser";

/** The parts of an OData V2 EDMX document the client generator and the sandbox need. */
export interface EdmProperty {
  name: string;
  type: string; // "Edm.String", "Edm.Decimal", …
  nullable: boolean;
  maxLength?: number;
  precision?: number;
  scale?: number;
  label?: string;
  creatable: boolean;
  updatable: boolean;
  filterable: boolean;
}

export interface EdmNavigationProperty {
  name: string;
  /** Entity type name (without namespace) at the other end. */
  target: string;
  multiplicity: "1" | "0..1" | "*";
}

export interface EdmEntityType {
  name: string;
  keys: string[];
  properties: EdmProperty[];
  navigationProperties: EdmNavigationProperty[];
}

export interface EdmEntitySet {
  name: string;
  entityType: string;
  creatable: boolean;
  updatable: boolean;
  deletable: boolean;
}

export interface EdmFunctionImport {
  name: string;
  httpMethod: string;
  returnType?: string;
  entitySet?: string;
  parameters: { name: string; type: string; nullable: boolean; maxLength?: number }[];
}

export interface EdmService {
  name: string;
  namespace: string;
  entityTypes: Record<string, EdmEntityType>;
  entitySets: Record<string, EdmEntitySet>;
  functionImports: EdmFunctionImport[];
}

type Node = { [key: string]: unknown };

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** An attribute's value (fast-xml-parser puts attributes beside child elements). */
const at = (n: Node, key: string): string | undefined =>
  typeof n[key] === "string" ? (n[key] as string) : undefined;
const kids = (n: Node, key: string): Node[] => list(n[key] as Node | Node[] | undefined);
const bare = (qualified: string) => qualified.slice(qualified.lastIndexOf(".") + 1);
const flag = (v: string | undefined, dflt: boolean) => (v === undefined ? dflt : v === "true");
const num = (v: string | undefined) => (v === undefined || v === "Max" ? undefined : Number(v));

/** Parse an OData V2 `$metadata` document (EDMX 1.0, CSDL 2.0 with SAP annotations). */
export function parseEdmx(xml: string): EdmService {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    isArray: (name, _jpath, _isLeaf, isAttribute) =>
      !isAttribute &&
      [
        "Schema",
        "EntityType",
        "Property",
        "PropertyRef",
        "NavigationProperty",
        "Association",
        "End",
        "EntitySet",
        "FunctionImport",
        "Parameter",
        "EntityContainer",
      ].includes(name),
  });
  const doc = parser.parse(xml) as { Edmx: { DataServices: { Schema: Node[] } } };
  const schema =
    doc.Edmx.DataServices.Schema.find((s) => kids(s, "EntityType").length > 0) ??
    doc.Edmx.DataServices.Schema[0];
  if (!schema) throw new Error("EDMX has no Schema");
  const namespace = String(at(schema, "Namespace"));

  const associations = new Map<string, Node[]>();
  for (const a of kids(schema, "Association")) associations.set(String(at(a, "Name")), kids(a, "End"));

  const entityTypes: Record<string, EdmEntityType> = {};
  for (const et of kids(schema, "EntityType")) {
    const name = String(at(et, "Name"));
    const keyNode = et.Key as { PropertyRef: Node[] } | undefined;
    entityTypes[name] = {
      name,
      keys: list(keyNode?.PropertyRef).map((r) => String(at(r, "Name"))),
      properties: kids(et, "Property").map((p) => {
        const prop: EdmProperty = {
          name: String(at(p, "Name")),
          type: String(at(p, "Type")),
          nullable: flag(at(p, "Nullable"), true),
          creatable: flag(at(p, "creatable"), true),
          updatable: flag(at(p, "updatable"), true),
          filterable: flag(at(p, "filterable"), true),
        };
        const maxLength = num(at(p, "MaxLength"));
        const precision = num(at(p, "Precision"));
        const scale = num(at(p, "Scale"));
        if (maxLength !== undefined) prop.maxLength = maxLength;
        if (precision !== undefined) prop.precision = precision;
        if (scale !== undefined) prop.scale = scale;
        if (at(p, "label")) prop.label = at(p, "label");
        return prop;
      }),
      navigationProperties: kids(et, "NavigationProperty").map((n) => {
        const ends = associations.get(bare(String(at(n, "Relationship")))) ?? [];
        const to = ends.find((e) => at(e, "Role") === at(n, "ToRole"));
        if (!to)
          throw new Error(
            `${name}.${at(n, "Name")}: association ${at(n, "Relationship")} has no role ${at(n, "ToRole")}`,
          );
        return {
          name: String(at(n, "Name")),
          target: bare(String(at(to, "Type"))),
          multiplicity: String(at(to, "Multiplicity")) as EdmNavigationProperty["multiplicity"],
        };
      }),
    };
  }

  const container = kids(schema, "EntityContainer")[0] ?? {};
  const entitySets: Record<string, EdmEntitySet> = {};
  for (const es of kids(container, "EntitySet")) {
    entitySets[String(at(es, "Name"))] = {
      name: String(at(es, "Name")),
      entityType: bare(String(at(es, "EntityType"))),
      creatable: flag(at(es, "creatable"), true),
      updatable: flag(at(es, "updatable"), true),
      deletable: flag(at(es, "deletable"), true),
    };
  }
  const functionImports: EdmFunctionImport[] = kids(container, "FunctionImport").map((f) => {
    const fi: EdmFunctionImport = {
      name: String(at(f, "Name")),
      httpMethod: String(at(f, "HttpMethod") ?? "GET"),
      parameters: kids(f, "Parameter").map((p) => {
        const param: EdmFunctionImport["parameters"][number] = {
          name: String(at(p, "Name")),
          type: String(at(p, "Type")),
          nullable: flag(at(p, "Nullable"), true),
        };
        const maxLength = num(at(p, "MaxLength"));
        if (maxLength !== undefined) param.maxLength = maxLength;
        return param;
      }),
    };
    if (at(f, "ReturnType")) fi.returnType = String(at(f, "ReturnType"));
    if (at(f, "EntitySet")) fi.entitySet = String(at(f, "EntitySet"));
    return fi;
  });

  return { name: namespace, namespace, entityTypes, entitySets, functionImports };
}
