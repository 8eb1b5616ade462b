import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { admin, basicAuth, salesOrderPayload, sapClient, startTestSandbox } from "../testing";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
const root = () => `${sandbox.url}/sap/opu/odata/sap/API_SALES_ORDER_SRV/`;

describe("logon", () => {
  it("answers 401 with SAP's Basic realm without or with wrong credentials", async () => {
    for (const headers of [{}, { authorization: basicAuth("ICP_RFC_USER", "wrong") }]) {
      const res = await fetch(`${root()}A_SalesOrder`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe(
        'Basic realm="SAP NetWeaver Application Server [S4H/100]"',
      );
    }
  });

  it("refuses an unknown sap-client and honours the default one", async () => {
    expect(
      (await fetch(`${root()}A_SalesOrder?sap-client=999`, { headers: { authorization: basicAuth() } }))
        .status,
    ).toBe(401);
    expect(
      (await fetch(`${root()}A_SalesOrder?sap-client=100`, { headers: { authorization: basicAuth() } }))
        .status,
    ).toBe(200);
  });

  it("accepts a bearer token from the client-credentials endpoint", async () => {
    const bad = await fetch(`${sandbox.url}/sandbox/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=icp-sandbox-client&client_secret=nope",
    });
    expect(bad.status).toBe(401);
    const res = await fetch(`${sandbox.url}/sandbox/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from("icp-sandbox-client:local-sandbox-secret").toString("base64")}`,
      },
      body: "grant_type=client_credentials",
    });
    expect(res.status).toBe(200);
    const token = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(token.token_type).toBe("Bearer");
    const read = await fetch(`${root()}A_SalesOrder`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(read.status).toBe(200);
    expect(
      (await fetch(`${root()}A_SalesOrder`, { headers: { authorization: "Bearer forged" } })).status,
    ).toBe(401);
  });
});

describe("CSRF", () => {
  it("sets SAP session cookies and hands out a token on x-csrf-token: Fetch", async () => {
    const res = await fetch(root(), { headers: { authorization: basicAuth(), "x-csrf-token": "Fetch" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-csrf-token")).toMatch(/.{16,}/);
    const cookies = res.headers.getSetCookie().join("\n");
    expect(cookies).toContain("SAP_SESSIONID_S4H_100=");
    expect(cookies).toContain("sap-usercontext=sap-client=100");
  });

  it("answers 403 x-csrf-token: Required without a token, or with a token from another session", async () => {
    const none = await fetch(`${root()}A_SalesOrder`, {
      method: "POST",
      headers: { authorization: basicAuth(), "content-type": "application/json" },
      body: JSON.stringify(salesOrderPayload()),
    });
    expect(none.status).toBe(403);
    expect(none.headers.get("x-csrf-token")).toBe("Required");
    const { token } = await sapClient(sandbox, "API_SALES_ORDER_SRV").csrf();
    const other = await sapClient(sandbox, "API_SALES_ORDER_SRV").csrf();
    const mismatched = await fetch(`${root()}A_SalesOrder`, {
      method: "POST",
      headers: {
        authorization: basicAuth(),
        "content-type": "application/json",
        "x-csrf-token": token,
        cookie: other.cookie,
      },
      body: JSON.stringify(salesOrderPayload()),
    });
    expect(mismatched.status).toBe(403);
  });

  it("accepts a fetched token, and refuses it after CSRF expiry and after reset", async () => {
    const client = sapClient(sandbox, "API_SALES_ORDER_SRV");
    expect((await client.send("POST", "A_SalesOrder", salesOrderPayload())).status).toBe(201);
    await admin(sandbox, "POST", "csrf/expire");
    const expired = await client.send("POST", "A_SalesOrder", salesOrderPayload());
    expect(expired.status).toBe(403);
    expect(expired.headers.get("x-csrf-token")).toBe("Required");
    await client.csrf();
    expect((await client.send("POST", "A_SalesOrder", salesOrderPayload())).status).toBe(201);
    await admin(sandbox, "POST", "reset");
    expect((await client.send("POST", "A_SalesOrder", salesOrderPayload())).status).toBe(403);
  });
});

describe("admin API", () => {
  it("needs the admin token", async () => {
    expect((await fetch(`${sandbox.url}/sandbox/admin/stats`)).status).toBe(401);
    expect((await admin(sandbox, "GET", "stats")).status).toBe(200);
  });
});
