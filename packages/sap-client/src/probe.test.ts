import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RESILIENCE } from "./client";
import { type SapAuth, SapTransport } from "./transport";

/** A local SAP stand-in that notes what each request carried; the token endpoint hands out "t-1". */
let server: Server;
let base = "";
const seen: { method: string; url: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
    if (req.url === "/token") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: "t-1", expires_in: 3600 }));
      return;
    }
    const ok = req.headers.authorization === "Bearer t-1" || req.headers.authorization?.startsWith("Basic ");
    res.writeHead(ok ? 200 : 401);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const transport = (auth: SapAuth) =>
  new SapTransport({ baseUrl: base, client: "100", language: "EN", auth, ...DEFAULT_RESILIENCE });

describe("SapTransport.probe (the console's SAP reachability check)", () => {
  it("sends one HEAD on the service root, logged on with Basic, and answers SAP's status", async () => {
    seen.length = 0;
    const status = await transport({ kind: "basic", username: "ICP", password: "pw" }).probe(
      "API_SALES_ORDER_SRV",
      2_000,
    );
    expect(status).toBe(200);
    expect(seen).toEqual([
      {
        method: "HEAD",
        url: "/sap/opu/odata/sap/API_SALES_ORDER_SRV/?sap-client=100&sap-language=EN",
        authorization: `Basic ${Buffer.from("ICP:pw").toString("base64")}`,
      },
    ]);
  });

  it("logs on with OAuth 2.0 client credentials as the worker does, not with a Basic user", async () => {
    seen.length = 0;
    const status = await transport({
      kind: "oauth2",
      tokenUrl: `${base}/token`,
      clientId: "icp",
      clientSecret: "s",
    }).probe("API_SALES_ORDER_SRV", 2_000);
    expect(status).toBe(200);
    expect(seen.map((s) => [s.method, s.url.split("?")[0], s.authorization?.split(" ")[0]])).toEqual([
      ["POST", "/token", "Basic"],
      ["HEAD", "/sap/opu/odata/sap/API_SALES_ORDER_SRV/", "Bearer"],
    ]);
  });
});
