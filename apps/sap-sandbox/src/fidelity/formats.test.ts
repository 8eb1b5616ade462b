import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { basicAuth, sapClient, startTestSandbox } from "../testing";

/**
 * Issue 22, item 11: Gateway answers OData V2 in Atom/XML unless the request asks for JSON
 * (`$format=json` or `Accept: application/json`), errors included; each `$batch` part in the
 * format it asked for.
 */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ products: 12, customers: 5 });
});
afterAll(() => sandbox.close());

const root = (service = "API_PRODUCT_SRV") => `${sandbox.url}/sap/opu/odata/sap/${service}/`;
async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(root() + path, { headers: { authorization: basicAuth(), ...headers } });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

/** Every element closed in order: the answer is well-formed enough for any XML parser. */
function balanced(xml: string): boolean {
  const open: string[] = [];
  for (const [, close, name, self] of xml
    .replace(/<\?[^>]*\?>/g, "")
    .matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>/g)) {
    if (self) continue;
    if (!close) open.push(name ?? "");
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

describe("answer format (issue 22: 11)", () => {
  it("answers an entity in Atom when the request does not ask for JSON", async () => {
    const res = await get("A_Product('TG11')?$select=Product,CreationDate,GrossWeight");
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/atom\+xml;type=entry/);
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<entry /);
    expect(res.text).toContain("<d:Product>TG11</d:Product>");
    // DateTime as Atom writes it: ISO, no zone and no /Date()/
    expect(res.text).toMatch(
      /<d:CreationDate m:type="Edm.DateTime">\d{4}-\d\d-\d\dT00:00:00<\/d:CreationDate>/,
    );
    expect(res.text).toMatch(/<d:GrossWeight m:type="Edm.Decimal">[\d.]+<\/d:GrossWeight>/);
    expect(balanced(res.text)).toBe(true);
  });

  it("answers a collection as an Atom feed with its count, entries, inline expansions and next link", async () => {
    const res = await get("A_Product?$top=3&$inlinecount=allpages&$expand=to_Description&$orderby=Product", {
      accept: "application/atom+xml",
    });
    expect(res.type).toMatch(/^application\/atom\+xml;type=feed/);
    expect(res.text).toContain("<m:count>12</m:count>");
    expect(res.text.match(/<entry[ >]/g)?.length).toBeGreaterThan(3); // 3 products + their descriptions
    expect(res.text).toMatch(
      /rel="http:\/\/schemas.microsoft.com\/ado\/2007\/08\/dataservices\/related\/to_Description"[^>]*><m:inline><feed>/,
    );
    expect(balanced(res.text)).toBe(true);
  });

  it("answers JSON for Accept: application/json or $format=json, and $format wins over Accept", async () => {
    const byAccept = await get("A_Product('TG11')?$select=Product", { accept: "application/json" });
    expect(byAccept.type).toMatch(/^application\/json/);
    expect(JSON.parse(byAccept.text)).toMatchObject({ d: { Product: "TG11" } });
    const byFormat = await get("A_Product('TG11')?$select=Product&$format=json");
    expect(JSON.parse(byFormat.text)).toMatchObject({ d: { Product: "TG11" } });
    const xmlWins = await get("A_Product('TG11')?$select=Product&$format=xml", {
      accept: "application/json",
    });
    expect(xmlWins.type).toMatch(/^application\/atom\+xml/);
    const unknown = await get("A_Product('TG11')?$format=csv");
    expect(unknown.status).toBe(400);
  });

  it("answers errors in XML unless JSON was asked for", async () => {
    const xml = await get("A_Product('NO-SUCH')");
    expect(xml.status).toBe(404);
    expect(xml.type).toMatch(/^application\/xml/);
    expect(xml.text).toContain(
      '<error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">',
    );
    expect(xml.text).toContain("<code>/IWBEP/CM_MGW_RT/020</code>");
    expect(xml.text).toMatch(/<message xml:lang="en">Resource not found/);
    expect(balanced(xml.text)).toBe(true);
    const json = await get("A_Product('NO-SUCH')", { accept: "application/json" });
    expect(JSON.parse(json.text)).toMatchObject({ error: { code: "/IWBEP/CM_MGW_RT/020" } });
  });

  it("answers the service document as AtomPub unless JSON was asked for", async () => {
    const res = await get("");
    expect(res.type).toMatch(/^application\/atomsvc\+xml/);
    expect(res.text).toContain('<app:collection href="A_Product">');
  });

  it("answers each $batch part in the format that part asked for", async () => {
    const part = (accept?: string) =>
      [
        "--batch_1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "GET A_Product('TG11')?$select=Product HTTP/1.1",
        ...(accept ? [`Accept: ${accept}`] : []),
        "",
        "",
      ].join("\r\n");
    const res = await sapClient(sandbox, "API_PRODUCT_SRV").send(
      "POST",
      "$batch",
      `${part()}${part("application/json")}--batch_1--\r\n`,
      { "content-type": "multipart/mixed; boundary=batch_1" },
    );
    const text = await res.text();
    expect(text).toMatch(
      /content-type: application\/atom\+xml;type=entry[\s\S]*<d:Product>TG11<\/d:Product>/i,
    );
    expect(text).toContain('"Product":"TG11"');
  });
});
