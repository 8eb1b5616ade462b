import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertCrdFile, toDraft4 } from "./lib/schemas";

const ref = (n: string) => `#/definitions/${n}`;

describe("toDraft4 (OpenAPI/CRD schema → strict draft-4 JSON schema for kubeconform)", () => {
  it("closes objects that list properties and rewrites component refs", () => {
    expect(
      toDraft4(
        {
          type: "object",
          description: "dropped",
          properties: { a: { allOf: [{ $ref: "#/components/schemas/x.Y" }], default: {} } },
        },
        ref,
      ),
    ).toEqual({
      type: "object",
      properties: { a: { allOf: [{ $ref: "#/definitions/x.Y" }] } },
      additionalProperties: false,
    });
  });

  it("keeps objects open where unknown fields are preserved, or a map is declared", () => {
    expect(
      toDraft4(
        {
          type: "object",
          "x-kubernetes-preserve-unknown-fields": true,
          properties: { a: { type: "string" } },
        },
        ref,
      ),
    ).toEqual({
      type: "object",
      properties: { a: { type: "string" } },
    });
    expect(toDraft4({ type: "object", additionalProperties: { type: "string" } }, ref)).toEqual({
      type: "object",
      additionalProperties: { type: "string" },
    });
  });

  it("turns int-or-string and nullable into draft-4 unions and drops formats", () => {
    expect(toDraft4({ "x-kubernetes-int-or-string": true }, ref)).toEqual({
      oneOf: [{ type: "integer" }, { type: "string" }],
    });
    expect(toDraft4({ type: "string", nullable: true, enum: ["a"] }, ref)).toEqual({
      type: ["string", "null"],
      enum: ["a", null],
    });
    expect(toDraft4({ type: "integer", format: "int32" }, ref)).toEqual({ type: "integer" });
  });

  it("does not mistake a property named like a keyword for the keyword", () => {
    expect(
      toDraft4(
        { type: "object", properties: { description: { type: "string" }, format: { type: "string" } } },
        ref,
      ),
    ).toEqual({
      type: "object",
      properties: { description: { type: "string" }, format: { type: "string" } },
      additionalProperties: false,
    });
  });
});

describe("convertCrdFile", () => {
  it("writes one strict schema per served version at <group>/<kind>_<version>-strict.json", () => {
    const dir = mkdtempSync(join(tmpdir(), "crd-"));
    const crd = join(dir, "crd.yaml");
    writeFileSync(
      crd,
      `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            apiVersion: { type: string }
            kind: { type: string }
            metadata: { type: object }
            spec:
              type: object
              properties:
                size: { x-kubernetes-int-or-string: true }
`,
    );
    const files = convertCrdFile(crd, join(dir, "out"));
    expect(files).toEqual([join(dir, "out", "example.com", "widget_v1-strict.json")]);
    const schema = JSON.parse(readFileSync(files[0] ?? "", "utf8"));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.apiVersion).toEqual({ enum: ["example.com/v1"] });
    expect(schema.properties.kind).toEqual({ enum: ["Widget"] });
    expect(schema.properties.metadata.$ref).toMatch(
      /_definitions\.json#\/definitions\/io\.k8s\.apimachinery\.pkg\.apis\.meta\.v1\.ObjectMeta$/,
    );
    expect(schema.properties.spec.properties.size).toEqual({
      oneOf: [{ type: "integer" }, { type: "string" }],
    });
    expect(schema.properties.spec.additionalProperties).toBe(false);
  });
});
