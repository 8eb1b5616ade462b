import type { SapClient } from "@icp/sap-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { startTestSandbox, testSapClient } from "../testing";

/**
 * Issue 22, item 4 (client side): originals stored in S/4 have no DocumentURL; their `$value`
 * needs SAP's logon and must never be handed to a browser.
 */
let sandbox: Sandbox;
let sap: SapClient;
beforeAll(async () => {
  sandbox = await startTestSandbox({ products: 20, customers: 10, documentUrls: "empty" });
  sap = testSapClient(sandbox);
});
afterAll(async () => {
  await sap.close();
  await sandbox.close();
});

describe("product images (issue 22: 4, client side)", () => {
  it("hands out no URL that needs SAP credentials, and reads the bytes with its own logon", async () => {
    const [original] = await sap.attachments.originalsFor("TG11");
    expect(original?.DocumentURL).toBe("");
    // the $value URL is behind SAP's logon
    const value = await fetch(sap.attachments.contentUrl(original!));
    expect(value.status).toBe(401);
    await value.arrayBuffer();

    // what the storefront may be given: nothing for an original stored in S/4
    expect(sap.attachments.publicUrl(original!)).toBeUndefined();
    const { bytes, mimeType } = await sap.attachments.content(original!);
    expect(mimeType).toMatch(/^image\/svg\+xml/);
    expect(bytes.toString("utf8")).toMatch(/^<svg|<\?xml/);
  });
});
