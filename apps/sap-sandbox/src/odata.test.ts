import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateEntity } from "./odata/validate-entity";
import { defaultSpecsDir, type Sandbox, SERVICES } from "./sandbox";
import { sapClient, startTestSandbox } from "./testing";

type Results = { d: { results: Record<string, unknown>[]; __count?: string; __next?: string } };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ pageSize: 50 });
});
afterAll(() => sandbox.close());

describe("metadata and service document", () => {
  it.each(SERVICES)("%s/$metadata is the EDMX, byte for byte", async (service) => {
    const res = await sapClient(sandbox, service).get("$metadata");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/xml");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readFileSync(join(defaultSpecsDir(), `${service}.edmx`)))).toBe(true);
  });

  it("lists every entity set in the service document", async () => {
    const body = await sapClient(sandbox, "API_SALES_ORDER_SRV").json<{ d: { EntitySets: string[] } }>("");
    expect(body.d.EntitySets).toContain("A_SalesOrder");
    expect(body.d.EntitySets).toContain("A_SalesOrderItem");
  });
});

describe("every entity set answers with entities that match the EDMX", () => {
  const cases = () =>
    SERVICES.flatMap((service) =>
      [...(sandbox.store.models.get(service)?.entitySets.values() ?? [])].map((set) => ({ service, set })),
    );

  it("serves all sets of all six services, and seeded ones have data", async () => {
    const seeded = new Set([
      "A_Product",
      "A_ProductDescription",
      "A_ProductPlant",
      "A_ProductSales",
      "A_ProductSalesDelivery",
      "A_MaterialStock",
      "A_MatlStkInAcctMod",
      "A_SlsPrcgConditionRecord",
      "A_SlsPrcgCndnRecdValidity",
      "A_SlsPrcgCndnRecordScale",
      "AttachmentContentSet",
      "A_BusinessPartner",
      "A_Customer",
      "A_BusinessPartnerAddress",
      "A_CustomerSalesArea",
      "A_CustomerCompany",
      "A_BusinessPartnerRole",
    ]);
    const all = cases();
    expect(all.length).toBeGreaterThan(100);
    for (const { service, set } of all) {
      const body = await sapClient(sandbox, service).json<Results>(`${set.name}?$top=5`);
      if (seeded.has(set.name)) expect(body.d.results.length, `${service}/${set.name}`).toBeGreaterThan(0);
      for (const e of body.d.results) expect(validateEntity(set, e), `${service}/${set.name}`).toEqual([]);
    }
  });

  it("reads a single entity by key and by composite key", async () => {
    const product = await sapClient(sandbox, "API_PRODUCT_SRV").json<{ d: Record<string, unknown> }>(
      "A_Product('TG11')",
    );
    expect(product.d.Product).toBe("TG11");
    const set = sandbox.store.models.get("API_PRODUCT_SRV")?.entitySets.get("A_Product");
    expect(validateEntity(set!, product.d)).toEqual([]);
    const desc = await sapClient(sandbox, "API_PRODUCT_SRV").json<{ d: Record<string, unknown> }>(
      "A_ProductDescription(Product='TG11',Language='DE')",
    );
    expect(desc.d.Language).toBe("DE");
  });

  it("answers 404 in SAP's format for an unknown key or set", async () => {
    for (const path of ["A_Product('NOPE')", "A_Nothing"]) {
      const res = await sapClient(sandbox, "API_PRODUCT_SRV").get(path);
      expect(res.status).toBe(404);
      const body = (await res.json()) as {
        error: {
          code: string;
          message: { lang: string; value: string };
          innererror: { application: { service_id: string }; errordetails: unknown[] };
        };
      };
      expect(body.error.code).toBe("/IWBEP/CM_MGW_RT/020");
      expect(body.error.message.lang).toBe("en");
      expect(body.error.innererror.application.service_id).toBe("API_PRODUCT_SRV");
      expect(body.error.innererror.errordetails.length).toBeGreaterThan(0);
    }
  });
});

describe("query options", () => {
  const product = () => sapClient(sandbox, "API_PRODUCT_SRV");

  it("$filter with eq/ne/gt/and/or/substringof/startswith/datetimeoffset", async () => {
    const eq = await product().json<Results>("A_Product?$filter=Product eq 'TG11'");
    expect(eq.d.results.map((r) => r.Product)).toEqual(["TG11"]);
    const group = await product().json<Results>(
      "A_Product?$filter=ProductGroup eq 'L001' and GrossWeight gt 2&$top=500",
    );
    expect(group.d.results.length).toBeGreaterThan(0);
    for (const r of group.d.results) {
      expect(r.ProductGroup).toBe("L001");
      expect(Number(r.GrossWeight)).toBeGreaterThan(2);
    }
    const or = await product().json<Results>("A_Product?$filter=Product eq 'TG11' or Product eq 'TG12'");
    expect(or.d.results.map((r) => r.Product).sort()).toEqual(["TG11", "TG12"]);
    const ne = await product().json<Results>(
      "A_Product?$filter=Product ne 'TG11'&$inlinecount=allpages&$top=1",
    );
    expect(ne.d.__count).toBe("199");
    const desc = await product().json<Results>(
      "A_ProductDescription?$filter=substringof('Notebook',ProductDescription) and Language eq 'EN'&$top=500",
    );
    for (const r of desc.d.results) expect(String(r.ProductDescription)).toContain("Notebook");
    const sw = await product().json<Results>("A_Product?$filter=startswith(Product,'TG2')&$top=500");
    for (const r of sw.d.results) expect(String(r.Product).startsWith("TG2")).toBe(true);
    const delta = await product().json<Results>(
      "A_Product?$filter=LastChangeDateTime ge datetimeoffset'2025-12-01T00:00:00Z'&$top=500&$inlinecount=allpages",
    );
    const cutoff = Date.UTC(2025, 11, 1);
    for (const r of delta.d.results)
      expect(Number(/\d+/.exec(String(r.LastChangeDateTime))?.[0])).toBeGreaterThanOrEqual(cutoff);
    const dt = await product().json<Results>(
      "A_Product?$filter=CreationDate lt datetime'2024-01-01T00:00:00'&$inlinecount=allpages&$top=0",
    );
    expect(Number(dt.d.__count)).toBeGreaterThan(0);
  });

  it("rejects bad $filter syntax and unknown properties with 400", async () => {
    for (const q of ["$filter=Product eq", "$filter=Nope eq 'x'", "$orderby=Nope", "$top=abc"]) {
      const res = await product().get(`A_Product?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code.startsWith("/IWBEP/")).toBe(true);
    }
  });

  it("$orderby asc/desc with several keys, $top and $skip", async () => {
    const body = await product().json<Results>(
      "A_Product?$orderby=ProductGroup asc,GrossWeight desc&$top=40&$select=Product,ProductGroup,GrossWeight",
    );
    const rows = body.d.results;
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      expect(String(a.ProductGroup) <= String(b.ProductGroup)).toBe(true);
      if (a.ProductGroup === b.ProductGroup)
        expect(Number(a.GrossWeight)).toBeGreaterThanOrEqual(Number(b.GrossWeight));
    }
    const page2 = await product().json<Results>(
      "A_Product?$orderby=ProductGroup asc,GrossWeight desc&$top=10&$skip=10&$select=Product",
    );
    expect(page2.d.results.map((r) => r.Product)).toEqual(rows.slice(10, 20).map((r) => r.Product));
  });

  it("$select returns only the selected properties", async () => {
    const body = await product().json<Results>("A_Product?$top=1&$select=Product,BaseUnit");
    expect(Object.keys(body.d.results[0] ?? {}).sort()).toEqual(["BaseUnit", "Product", "__metadata"]);
  });

  it("$expand one level and nested a/b", async () => {
    const body = await product().json<{
      d: { to_Description: { results: unknown[] }; to_Plant: { results: { to_StorageLocation: unknown }[] } };
    }>("A_Product('TG11')?$expand=to_Description,to_Plant/to_StorageLocation");
    expect(body.d.to_Description.results).toHaveLength(2);
    expect(body.d.to_Plant.results).toHaveLength(3);
    expect(body.d.to_Plant.results[0]?.to_StorageLocation).toEqual({ results: [] });
    const pricing = await sapClient(sandbox, "API_SLSPRICINGCONDITIONRECORD_SRV").json<Results>(
      "A_SlsPrcgConditionRecord?$top=3&$expand=to_SlsPrcgCndnRecdValidity",
    );
    for (const r of pricing.d.results) {
      const v = r.to_SlsPrcgCndnRecdValidity as { results: { Material: string }[] };
      expect(v.results[0]?.Material).toMatch(/^TG\d+$/);
    }
  });

  it("navigation by path and $count", async () => {
    const plants = await product().json<Results>("A_Product('TG11')/to_Plant");
    expect(plants.d.results.map((p) => p.Plant)).toEqual(["1010", "1020", "1030"]);
    const count = await product().get("A_Product/$count");
    expect(await count.text()).toBe("200");
    const navCount = await product().get("A_Product('TG11')/to_Description/$count");
    expect(await navCount.text()).toBe("2");
  });

  it("pages server-side with __next and $skiptoken", async () => {
    const first = await product().json<Results>("A_Product?$inlinecount=allpages");
    expect(first.d.results).toHaveLength(50);
    expect(first.d.__count).toBe("200");
    expect(first.d.__next).toContain("$skiptoken=50");
    const seen = new Set(first.d.results.map((r) => r.Product));
    let next = first.d.__next;
    while (next) {
      const res = await fetch(next, {
        headers: {
          authorization: `Basic ${Buffer.from("ICP_RFC_USER:local-sandbox-password").toString("base64")}`,
          accept: "application/json",
        },
      });
      const body = (await res.json()) as Results;
      for (const r of body.d.results) seen.add(r.Product);
      next = body.d.__next;
    }
    expect(seen.size).toBe(200);
  });

  it("answers a $batch of GETs as multipart/mixed", async () => {
    const boundary = "batch_abc";
    const part = (url: string) =>
      `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET ${url} HTTP/1.1\r\nAccept: application/json\r\n\r\n`;
    const body = `${part("A_Product('TG11')?$select=Product")}\r\n${part("A_Product('NOPE')")}\r\n--${boundary}--\r\n`;
    const res = await product().send("POST", "$batch", body, {
      "content-type": `multipart/mixed; boundary=${boundary}`,
    });
    expect(res.status).toBe(202);
    expect(res.headers.get("content-type")).toMatch(/^multipart\/mixed; boundary=batch_/);
    const text = await res.text();
    expect(text).toContain("HTTP/1.1 200 OK");
    expect(text).toContain('"Product":"TG11"');
    expect(text).toContain("HTTP/1.1 404 Not Found");
  });

  it("runs a change set inside $batch (deep insert) and answers it as a nested multipart", async () => {
    const so = sapClient(sandbox, "API_SALES_ORDER_SRV");
    const payload = JSON.stringify({
      SalesOrderType: "OR",
      SalesOrganization: "1010",
      DistributionChannel: "10",
      OrganizationDivision: "00",
      SoldToParty: "17100003",
      to_Item: [{ Material: "TG20", RequestedQuantity: "1" }],
    });
    const body = [
      "--batch_1",
      "Content-Type: multipart/mixed; boundary=changeset_1",
      "",
      "--changeset_1",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      "POST A_SalesOrder HTTP/1.1",
      "Content-Type: application/json",
      "Accept: application/json",
      "",
      payload,
      "--changeset_1--",
      "--batch_1--",
      "",
    ].join("\r\n");
    const res = await so.send("POST", "$batch", body, {
      "content-type": "multipart/mixed; boundary=batch_1",
    });
    expect(res.status).toBe(202);
    const text = await res.text();
    expect(text).toContain("Content-Type: multipart/mixed; boundary=changeset_");
    expect(text).toContain("HTTP/1.1 201 Created");
    expect(text).toMatch(/"SoldToParty":"17100003"/);
  });

  it("lists originals with GetAllOriginals and serves their $value", async () => {
    const cv = sapClient(sandbox, "API_CV_ATTACHMENT_SRV");
    const all = await cv.json<Results>(
      "GetAllOriginals?LinkedSAPObjectKey='TG11'&BusinessObjectTypeName='BUS1001006'",
    );
    expect(all.d.results).toHaveLength(1);
    expect(all.d.results[0]?.FileName).toBe("TG11.svg");
    const count = await cv.json<{ d: { GetAttachmentCount: { AttachmentCount: number } } }>(
      "GetAttachmentCount?LinkedSAPObjectKey='TG11'",
    );
    expect(count.d.GetAttachmentCount.AttachmentCount).toBe(1);
    const uri = String((all.d.results[0]?.__metadata as { uri?: string } | undefined)?.uri);
    const value = await fetch(`${uri}/$value`, {
      headers: {
        authorization: `Basic ${Buffer.from("ICP_RFC_USER:local-sandbox-password").toString("base64")}`,
      },
    });
    expect(value.status).toBe(200);
    expect(value.headers.get("content-type")).toContain("image/svg+xml");
    expect(await value.text()).toContain("<svg");
  });

  it("serves the generated product images the attachments point to", async () => {
    const att = await sapClient(sandbox, "API_CV_ATTACHMENT_SRV").json<Results>(
      "AttachmentContentSet?$filter=LinkedSAPObjectKey eq 'TG11'",
    );
    const url = String(att.d.results[0]?.DocumentURL);
    const img = await fetch(url);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toContain("image/svg+xml");
    expect(await img.text()).toContain("<svg");
  });
});

describe("sorted result cache", () => {
  it("serves later pages from the cached order and drops it when the table changes", async () => {
    const big = await startTestSandbox({ products: 2500, customers: 10 });
    try {
      const q =
        "A_Product?$orderby=LastChangeDateTime desc,Product&$select=Product&$inlinecount=allpages&$top=5";
      const first = await sapClient(big, "API_PRODUCT_SRV").json<Results>(q);
      expect(first.d.__count).toBe("2500");
      const second = await sapClient(big, "API_PRODUCT_SRV").json<Results>(`${q}&$skip=5`);
      expect(second.d.results.map((r) => r.Product)).not.toEqual(first.d.results.map((r) => r.Product));
      big.simulation.changeMasterData(2000);
      const after = await sapClient(big, "API_PRODUCT_SRV").json<Results>(q);
      expect(after.d.results[0]?.Product).toBe("TG2010");
    } finally {
      await big.close();
    }
  });
});
