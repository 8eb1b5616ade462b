import { describe, expect, it } from "vitest";
import { jwks } from "./oauth";
import { openApiDocument } from "./openapi-document";
import { expectDeclared, storefront } from "./testing";

describe("public routes answer what they declare", () => {
  it("publishes the signing keys and the OpenAPI document without a token", async () => {
    const { call } = storefront();
    const keys = await call("GET", "/.well-known/jwks.json");
    expect(keys.status).toBe(200);
    expectDeclared(jwks, keys);
    const doc = await call("GET", "/openapi.json");
    expect(doc.body?.openapi).toBe("3.1.0");
    expectDeclared(openApiDocument, doc);
  });
});
