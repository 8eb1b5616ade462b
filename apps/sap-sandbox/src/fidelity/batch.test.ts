import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { sapClient, startTestSandbox } from "../testing";

/**
 * Issue 22, item 11: `$batch` as SAP Gateway takes it — the SAP Cloud SDK's default sub-request
 * path (absolute from the host) beside the relative one, and a changeset that is one unit of work.
 */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ products: 30, customers: 30 });
});
afterAll(() => sandbox.close());

const part = (line: string, body?: string) => [
  "Content-Type: application/http",
  "Content-Transfer-Encoding: binary",
  "",
  line,
  "Accept: application/json",
  ...(body ? ["Content-Type: application/json", "", body] : ["", ""]),
];

function batch(parts: string[][], changeset?: string[][]): string {
  const lines: string[] = [];
  for (const p of parts) lines.push("--batch_1", ...p);
  if (changeset) {
    lines.push("--batch_1", "Content-Type: multipart/mixed; boundary=changeset_1", "");
    for (const p of changeset) lines.push("--changeset_1", ...p);
    lines.push("--changeset_1--");
  }
  lines.push("--batch_1--", "");
  return lines.join("\r\n");
}

const order = (reference: string, material: string) =>
  JSON.stringify({
    SalesOrderType: "OR",
    SalesOrganization: "1010",
    DistributionChannel: "10",
    OrganizationDivision: "00",
    SoldToParty: "17100003",
    PurchaseOrderByCustomer: reference,
    to_Item: [{ Material: material, RequestedQuantity: "1" }],
  });

describe("$batch (issue 22: 11)", () => {
  it("answers sub-requests in the SAP Cloud SDK's default form (absolute path) like relative ones", async () => {
    const products = sapClient(sandbox, "API_PRODUCT_SRV");
    const body = batch([
      part("GET A_Product('TG11')?$select=Product HTTP/1.1"),
      part("GET /sap/opu/odata/sap/API_PRODUCT_SRV/A_Product('TG11')?$select=Product HTTP/1.1"),
      part(`GET ${sandbox.url}/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product('TG11')?$select=Product HTTP/1.1`),
    ]);
    const res = await products.send("POST", "$batch", body, {
      "content-type": "multipart/mixed; boundary=batch_1",
    });
    expect(res.status).toBe(202);
    const text = await res.text();
    expect(text.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(3);
    expect(text.match(/"Product":"TG11"/g)).toHaveLength(3);
  });

  it("rolls a failed changeset back: the create before the failing operation is not kept", async () => {
    const so = sapClient(sandbox, "API_SALES_ORDER_SRV");
    const body = batch(
      [],
      [
        part("POST A_SalesOrder HTTP/1.1", order("BATCH-ATOMIC-1", "TG11")),
        part("POST A_SalesOrder HTTP/1.1", order("BATCH-ATOMIC-2", "NO-SUCH-MATERIAL")),
      ],
    );
    const res = await so.send("POST", "$batch", body, {
      "content-type": "multipart/mixed; boundary=batch_1",
    });
    expect(res.status).toBe(202);
    const text = await res.text();
    expect(text).not.toContain("201 Created");
    expect(text).toMatch(/HTTP\/1\.1 400/);
    const found = await so.json<{ d: { results: unknown[] } }>(
      "A_SalesOrder?$filter=PurchaseOrderByCustomer eq 'BATCH-ATOMIC-1'",
    );
    expect(found.d.results).toEqual([]);
    expect(
      sandbox.store
        .table("API_SALES_ORDER_SRV", "A_SalesOrderItem")
        .get({ SalesOrder: "1", SalesOrderItem: "10" }),
    ).toBeUndefined();
  });
});
