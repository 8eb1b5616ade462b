import { readFileSync } from "node:fs";
import { buildOpenApi } from "@icp/storefront-api";
import { describe, expect, it } from "vitest";
import { API_BASE_PATH, documentText, typesOf } from "../scripts/codegen";

/**
 * The SDK drift test: the storefront API's OpenAPI document (built from its routes, as the
 * console serves it at /openapi.json) is regenerated into types here and compared with what the
 * SDK ships. A route, schema, parameter or problem changed without `npm run generate -w
 * @icp/storefront-sdk` fails it.
 */
const committedTypes = readFileSync(new URL("./generated/schema.ts", import.meta.url), "utf8");
const committedDoc = readFileSync(new URL("./generated/openapi.json", import.meta.url), "utf8");

describe("SDK drift", () => {
  it("the SDK's generated types are exactly what the API's OpenAPI document generates", async () => {
    const doc = buildOpenApi(API_BASE_PATH);
    expect(documentText(doc), "openapi.json: run npm run generate -w @icp/storefront-sdk").toBe(committedDoc);
    expect(await typesOf(doc), "src/generated/schema.ts: run npm run generate -w @icp/storefront-sdk").toBe(
      committedTypes,
    );
  });

  it("the comparison sees a changed spec: a new product field changes the generated types", async () => {
    const doc = structuredClone(buildOpenApi(API_BASE_PATH)) as unknown as {
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    };
    const product = doc.components.schemas.Product;
    if (!product) throw new Error("the document has no Product schema");
    product.properties.brand = { type: "string" };
    product.required = [...(product.required ?? []), "brand"];
    const drifted = await typesOf(doc);
    expect(drifted).not.toBe(committedTypes);
    expect(drifted).toMatch(/brand: string;/);
  });
});
