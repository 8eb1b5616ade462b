/**
 * Regenerates the SDK from the storefront API: writes the OpenAPI document the API serves
 * (openapi.json) and the types openapi-typescript derives from it (src/generated/schema.ts).
 *
 *   npm run generate -w @icp/storefront-sdk
 */
import { writeFileSync } from "node:fs";
import { buildOpenApi } from "@icp/storefront-api";
import { API_BASE_PATH, documentText, typesOf } from "./codegen";

const doc = buildOpenApi(API_BASE_PATH);
writeFileSync(new URL("../src/generated/openapi.json", import.meta.url), documentText(doc));
writeFileSync(new URL("../src/generated/schema.ts", import.meta.url), await typesOf(doc));
console.log(`generated ${Object.keys(doc.paths).length} paths from the storefront API's document`);
