import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { basicAuth, startTestSandbox } from "../testing";

/** Issue 22, item 11: `sap-client` where the ICM takes it from — the query, else the header. */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ products: 5, customers: 5 });
});
afterAll(() => sandbox.close());

const root = () => `${sandbox.url}/sap/opu/odata/sap/API_PRODUCT_SRV/`;
const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${root()}A_Product?$top=1${query}`, {
    headers: { authorization: basicAuth(), accept: "application/json", ...headers },
  }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });

describe("sap-client (issue 22: 11)", () => {
  it("takes the client from the sap-client header when the URL has none", async () => {
    expect(await get("", { "sap-client": "999" })).toBe(401);
    expect(await get("", { "sap-client": "100" })).toBe(200);
  });

  it("the query parameter wins over the header", async () => {
    expect(await get("&sap-client=100", { "sap-client": "999" })).toBe(200);
    expect(await get("&sap-client=999", { "sap-client": "100" })).toBe(401);
  });
});
