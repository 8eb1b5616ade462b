/**
 * Converts Kubernetes OpenAPI v3 documents and CustomResourceDefinition YAML into the
 * JSON-schema files kubeconform reads from a local registry, so manifests are validated
 * without kubeconform's default download from the internet.
 *
 * Layout (one file per group/kind/version, always "strict"):
 *   <out>/<group, or the version for the core group>/<kind lowercased>_<version>-strict.json
 * matching the kubeconform template
 *   <out>/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}{{ .StrictSuffix }}.json
 * (for `apiVersion: v1` kubeconform's Group is "v1").
 *
 * Built-in kinds are thin files that `$ref` into one shared `_definitions.json` (the component
 * schemas of every OpenAPI document), so recursion is fine and the output stays small.
 * kubeconform compiles schemas as JSON-Schema draft 4, so the converter only emits draft-4
 * keywords: it drops OpenAPI/Kubernetes extensions, `format`, `default`, `readOnly`, turns
 * `nullable` into a type union, `x-kubernetes-int-or-string` into oneOf, and - the "strict"
 * part - closes every object that lists `properties` with `additionalProperties: false`
 * unless it preserves unknown fields.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const DROP = new Set([
  "description",
  "format",
  "default",
  "readOnly",
  "example",
  "externalDocs",
  "nullable",
  "title",
]);

function isObj(v: Json | undefined): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** OpenAPI schema (v3 subset used by Kubernetes) → draft-4 JSON schema, strict. */
export function toDraft4(schema: Json, refBase: (name: string) => string): Json {
  if (Array.isArray(schema)) return schema.map((s) => toDraft4(s, refBase));
  if (!isObj(schema)) return schema;
  const out: Obj = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROP.has(key) || key.startsWith("x-")) continue;
    if (key === "$ref" && typeof value === "string") {
      out.$ref = refBase(value.replace(/^#\/components\/schemas\//, ""));
    } else if (key === "properties" && isObj(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDraft4(v, refBase)]));
    } else if (key === "enum" && Array.isArray(value)) {
      out.enum = value;
    } else {
      out[key] = toDraft4(value, refBase);
    }
  }
  if (schema["x-kubernetes-int-or-string"] === true && !out.anyOf && !out.oneOf) {
    delete out.type;
    out.oneOf = [{ type: "integer" }, { type: "string" }];
  }
  if (schema.nullable === true && typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (isObj(out.properties) && out.additionalProperties === undefined && !preserve) {
    out.additionalProperties = false;
  }
  return out;
}

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

function fileFor(out: string, gvk: Gvk): string {
  const dir = join(out, gvk.group === "" ? gvk.version : gvk.group);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${gvk.kind.toLowerCase()}_${gvk.version}-strict.json`);
}

const DEFINITIONS = "_definitions.json";
const OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

/** Writes `_definitions.json` plus one file per GVK found in the OpenAPI v3 directory. */
export function convertOpenApiDir(specDir: string, out: string): string[] {
  mkdirSync(out, { recursive: true });
  const components: Record<string, Json> = {};
  for (const f of readdirSync(specDir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const doc = JSON.parse(readFileSync(join(specDir, f), "utf8")) as {
      components?: { schemas?: Record<string, Json> };
    };
    Object.assign(components, doc.components?.schemas ?? {});
  }
  const definitions: Obj = {};
  for (const [name, schema] of Object.entries(components)) {
    definitions[name] = toDraft4(schema, (n) => `#/definitions/${n}`);
  }
  writeFileSync(join(out, DEFINITIONS), JSON.stringify({ definitions }));
  const written: string[] = [];
  for (const [name, schema] of Object.entries(components)) {
    const gvks = isObj(schema) ? schema["x-kubernetes-group-version-kind"] : undefined;
    if (!Array.isArray(gvks)) continue;
    for (const g of gvks as unknown as Gvk[]) {
      if (g.kind === "DeleteOptions" || g.kind === "WatchEvent") continue;
      const file = fileFor(out, g);
      // Pin apiVersion and kind so a schema can never validate a different resource.
      const apiVersion = g.group === "" ? g.version : `${g.group}/${g.version}`;
      writeFileSync(
        file,
        JSON.stringify({
          allOf: [
            { $ref: `../${DEFINITIONS}#/definitions/${name}` },
            {
              properties: { apiVersion: { enum: [apiVersion] }, kind: { enum: [g.kind] } },
              required: ["apiVersion", "kind"],
            },
          ],
        }),
      );
      written.push(file);
    }
  }
  return written;
}

/** Writes one file per served version of every CustomResourceDefinition in the YAML file. */
export function convertCrdFile(crdYaml: string, out: string): string[] {
  const written: string[] = [];
  for (const doc of parseAllDocuments(readFileSync(crdYaml, "utf8"))) {
    const crd = doc.toJSON() as Obj | null;
    if (crd?.kind !== "CustomResourceDefinition") continue;
    const spec = crd.spec as Obj;
    const group = spec.group as string;
    const kind = (spec.names as Obj).kind as string;
    for (const v of spec.versions as Obj[]) {
      const raw = (v.schema as Obj | undefined)?.openAPIV3Schema;
      if (!isObj(raw)) continue;
      const schema = toDraft4(raw, (n) => n) as Obj;
      const props = (schema.properties ?? {}) as Obj;
      // CRDs describe metadata as a bare object; use the real ObjectMeta so typos there fail too.
      props.metadata = { $ref: `../${DEFINITIONS}#/definitions/${OBJECT_META}` };
      props.apiVersion = { enum: [`${group}/${v.name as string}`] };
      props.kind = { enum: [kind] };
      schema.properties = props;
      schema.required = [
        ...new Set([...((schema.required as string[] | undefined) ?? []), "apiVersion", "kind"]),
      ];
      schema.additionalProperties = false;
      const file = fileFor(out, { group, version: v.name as string, kind });
      writeFileSync(file, JSON.stringify(schema));
      written.push(file);
    }
  }
  return written;
}
