import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateEntity } from "../odata/validate-entity";
import type { Sandbox } from "../sandbox";
import { sapClient, startTestSandbox } from "../testing";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ products: 400, customers: 120, pageSize: 5000, seed: 99 });
});
afterAll(() => sandbox.close());

const SEEDED: [string, string][] = [
  ["API_PRODUCT_SRV", "A_Product"],
  ["API_PRODUCT_SRV", "A_ProductDescription"],
  ["API_PRODUCT_SRV", "A_ProductSales"],
  ["API_PRODUCT_SRV", "A_ProductSalesDelivery"],
  ["API_PRODUCT_SRV", "A_ProductPlant"],
  ["API_MATERIAL_STOCK_SRV", "A_MaterialStock"],
  ["API_MATERIAL_STOCK_SRV", "A_MatlStkInAcctMod"],
  ["API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgConditionRecord"],
  ["API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgCndnRecdValidity"],
  ["API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgCndnRecordScale"],
  ["API_CV_ATTACHMENT_SRV", "AttachmentContentSet"],
  ["API_BUSINESS_PARTNER", "A_BusinessPartner"],
  ["API_BUSINESS_PARTNER", "A_Customer"],
  ["API_BUSINESS_PARTNER", "A_BusinessPartnerAddress"],
  ["API_BUSINESS_PARTNER", "A_BusinessPartnerRole"],
  ["API_BUSINESS_PARTNER", "A_CustomerSalesArea"],
  ["API_BUSINESS_PARTNER", "A_CustomerCompany"],
];

describe("every seeded row fits the EDMX", () => {
  it.each(SEEDED)("%s/%s", async (service, setName) => {
    const set = sandbox.store.models.get(service)?.entitySets.get(setName);
    if (!set) throw new Error(`${setName} not in model`);
    const body = await sapClient(sandbox, service).json<{ d: { results: Record<string, unknown>[] } }>(
      setName,
    );
    expect(body.d.results.length).toBeGreaterThan(0);
    const keys = new Set<string>();
    for (const e of body.d.results) {
      expect(validateEntity(set, e)).toEqual([]);
      keys.add(set.type.keys.map((k) => String(e[k])).join("|"));
    }
    // keys are unique, as an entity set's must be
    expect(keys.size).toBe(body.d.results.length);
  });

  it("every product has a valid PR00 price today and stock rows in three plants", async () => {
    const prices = await sapClient(sandbox, "API_SLSPRICINGCONDITIONRECORD_SRV").json<{
      d: { results: { Material: string }[] };
    }>(
      "A_SlsPrcgCndnRecdValidity?$filter=ConditionType eq 'PR00' and ConditionValidityStartDate le datetime'2026-01-01T00:00:00' and ConditionValidityEndDate ge datetime'2026-01-01T00:00:00'",
    );
    expect(new Set(prices.d.results.map((r) => r.Material)).size).toBe(400);
  });
});
