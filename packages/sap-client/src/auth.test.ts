import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SapClient } from "./client";
import { SapError } from "./errors";
import type { SapAuth, SapClientConfig } from "./transport";

/**
 * The logons the transport offers against real sockets: a TLS server that demands a client
 * certificate (certificates made by the openssl CLI for this run), and an OAuth 2.0 token
 * endpoint beside an SAP that takes only bearer tokens.
 */

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

function client(baseUrl: string, auth: SapAuth, over: Partial<SapClientConfig> = {}) {
  return new SapClient({
    baseUrl,
    client: "100",
    language: "EN",
    auth,
    timeoutMs: 2_000,
    maxConcurrency: 4,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    breaker: { failureThreshold: 5, openMs: 1000, halfOpenMaxCalls: 1 },
    sleep: async () => {},
    ...over,
  });
}

const salesOrder = (so: string) =>
  JSON.stringify({ d: { __metadata: { type: "API_SALES_ORDER_SRV.A_SalesOrderType" }, SalesOrder: so } });

async function thrown(p: Promise<unknown>): Promise<SapError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof SapError)) throw new Error(`expected a SapError, got ${String(err)}`);
  return err;
}

describe("X.509 client certificate", () => {
  let dir: string;
  const pem = (name: string) => readFileSync(join(dir, name), "utf8");
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  /** A key and a certificate for `cn` signed by the test CA; the key encrypted if `passphrase`. */
  const issue = (name: string, cn: string, ext: string, passphrase?: string) => {
    writeFileSync(join(dir, `${name}.ext`), `${ext}\n`);
    openssl(
      "req",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      ...(passphrase ? ["-passout", `pass:${passphrase}`] : ["-noenc"]),
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.csr`,
      "-subj",
      `/CN=${cn}`,
    );
    openssl(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-days",
      "1",
      "-extfile",
      `${name}.ext`,
      "-out",
      `${name}.pem`,
    );
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sap-x509-"));
    openssl(
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-noenc",
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "1",
      "-subj",
      "/CN=ICP test CA",
    );
    issue("server", "127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth");
    issue("worker", "ICP_WORKER", "extendedKeyUsage=clientAuth", "key-passphrase");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** SAP behind TLS that logs on whoever presents a certificate the test CA signed, and no one else. */
  async function sapDemandingCertificates() {
    const seen: { method: string; subject: string; authorization: string }[] = [];
    const server = createHttpsServer(
      {
        key: pem("server.key"),
        cert: pem("server.pem"),
        ca: pem("ca.pem"),
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        seen.push({
          method: req.method ?? "",
          subject: String(peer.subject?.CN ?? ""),
          authorization: req.headers.authorization ?? "-",
        });
        req.resume();
        req.on("end", () => {
          if (req.method === "HEAD") return void res.writeHead(200, { "x-csrf-token": "T1" }).end();
          res.writeHead(200, { "content-type": "application/json" }).end(salesOrder("4711"));
        });
      },
    );
    let handshakesRefused = 0;
    server.on("tlsClientError", () => handshakesRefused++);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    servers.push({ close: () => server.close() });
    return {
      url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
      seen,
      refused: () => handshakesRefused,
    };
  }

  const worker = (): SapAuth => ({
    kind: "x509",
    cert: pem("worker.pem"),
    key: pem("worker.key"),
    passphrase: "key-passphrase",
  });

  it("presents the client certificate (encrypted key, own CA) and logs on without a password", async () => {
    const sap = await sapDemandingCertificates();
    const c = client(sap.url, worker(), { tls: { ca: pem("ca.pem") } });

    const read = await c.salesOrders.get("4711");
    // a modifying call fetches its CSRF token over the same certificate logon
    await c.transport.request({
      service: "API_SALES_ORDER_SRV",
      method: "POST",
      path: "A_SalesOrder",
      body: {},
    });
    await c.close();

    expect(read?.SalesOrder).toBe("4711");
    expect(sap.seen).toEqual([
      { method: "GET", subject: "ICP_WORKER", authorization: "-" },
      { method: "HEAD", subject: "ICP_WORKER", authorization: "-" },
      { method: "POST", subject: "ICP_WORKER", authorization: "-" },
    ]);
    expect(sap.refused()).toBe(0);
  });

  it("without a client certificate the TLS handshake is refused and SAP handles nothing", async () => {
    const sap = await sapDemandingCertificates();
    const c = client(
      sap.url,
      { kind: "basic", username: "U", password: "pw" },
      { tls: { ca: pem("ca.pem") } },
    );

    const err = await thrown(c.salesOrders.get("4711"));
    await c.close();

    expect(err.code).toBe("SAP_UNAVAILABLE");
    expect(sap.seen).toEqual([]);
    // both attempts (a read is retried) were refused in the handshake
    expect(sap.refused()).toBe(2);
  });

  it("does not trust SAP's server certificate without the CA bundle that signed it", async () => {
    const sap = await sapDemandingCertificates();
    const c = client(sap.url, worker());

    const err = await thrown(c.salesOrders.get("4711"));
    await c.close();

    expect(err.code).toBe("SAP_UNAVAILABLE");
    expect(err.message).toMatch(/certificate/i);
    expect(sap.seen).toEqual([]);
  });
});

describe("OAuth 2.0 client credentials", () => {
  async function listen(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
    const server = createHttpServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => handler(req, res, body));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    servers.push({ close: () => server.close() });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /**
   * A token endpoint issuing tok-1, tok-2, … for one client (expiring after `expiresIn` s), and
   * an SAP that takes only bearer tokens it has not revoked.
   */
  async function landscape(expiresIn = 3600) {
    const grants: string[] = [];
    const revoked = new Set<string>();
    const used: string[] = [];
    const tokenUrl = `${await listen((req, res, body) => {
      const form = new URLSearchParams(body);
      const basic = Buffer.from("icp-worker:s3cret").toString("base64");
      if (req.headers.authorization !== `Basic ${basic}`) return void res.writeHead(401).end();
      grants.push(`${form.get("grant_type")} ${form.get("scope") ?? "-"}`);
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          access_token: `tok-${grants.length}`,
          token_type: "bearer",
          expires_in: expiresIn,
        }),
      );
    })}/oauth/token`;
    const sapUrl = await listen((req, res) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "none";
      used.push(`${req.method} ${token}`);
      if (!token.startsWith("tok-") || revoked.has(token)) return void res.writeHead(401).end();
      if (req.method === "HEAD") return void res.writeHead(200, { "x-csrf-token": "T1" }).end();
      res.writeHead(200, { "content-type": "application/json" }).end(salesOrder("4711"));
    });
    const auth = (clientSecret = "s3cret"): SapAuth => ({
      kind: "oauth2",
      tokenUrl,
      clientId: "icp-worker",
      clientSecret,
      scope: "API_SALES_ORDER_SRV_0001",
    });
    return { sapUrl, auth, grants, used, revoked };
  }

  it("fetches one token for concurrent calls and keeps using it while it is valid", async () => {
    const l = await landscape();
    const c = client(l.sapUrl, l.auth());

    await Promise.all([1, 2, 3, 4, 5, 6].map(() => c.salesOrders.get("4711")));
    await c.salesOrders.get("4711");
    await c.close();

    expect(l.grants).toEqual(["client_credentials API_SALES_ORDER_SRV_0001"]);
    expect(l.used).toEqual(Array(7).fill("GET tok-1"));
  });

  it("fetches a new token once the old one is about to expire", async () => {
    // expires_in 31 s: the client renews 30 s early, so the token is good for about 1 s
    const l = await landscape(31);
    const c = client(l.sapUrl, l.auth());

    await c.salesOrders.get("4711");
    await c.salesOrders.get("4711");
    await new Promise((r) => setTimeout(r, 1_100));
    await c.salesOrders.get("4711");
    await c.close();

    expect(l.grants).toHaveLength(2);
    expect(l.used).toEqual(["GET tok-1", "GET tok-1", "GET tok-2"]);
  });

  it("a token SAP refuses (401) is fetched again once, and the call goes through", async () => {
    const l = await landscape();
    const c = client(l.sapUrl, l.auth());
    await c.salesOrders.get("4711");
    l.revoked.add("tok-1");

    const read = await c.salesOrders.get("4711");
    // a create is refused before SAP did anything, so it is sent again too (CSRF fetch included)
    l.revoked.add("tok-2");
    await c.transport.request({
      service: "API_SALES_ORDER_SRV",
      method: "POST",
      path: "A_SalesOrder",
      body: {},
    });
    await c.close();

    expect(read?.SalesOrder).toBe("4711");
    expect(l.grants).toHaveLength(3);
    expect(l.used).toEqual(["GET tok-1", "GET tok-1", "GET tok-2", "HEAD tok-2", "HEAD tok-3", "POST tok-3"]);
  });

  it("refetches only once: a logon SAP keeps refusing is SAP_AUTH, not a loop", async () => {
    const l = await landscape();
    const c = client(l.sapUrl, l.auth());
    l.revoked.add("tok-1");
    l.revoked.add("tok-2");
    l.revoked.add("tok-3");

    const err = await thrown(c.salesOrders.get("4711"));
    await c.close();

    expect(err.code).toBe("SAP_AUTH");
    expect(err.retryable).toBe(false);
    expect(l.used).toEqual(["GET tok-1", "GET tok-2"]);
  });

  it("a client secret the token endpoint refuses is SAP_AUTH; SAP is not called and its circuit stays closed", async () => {
    const l = await landscape();
    const c = client(l.sapUrl, l.auth("wrong"), {
      breaker: { failureThreshold: 1, openMs: 60_000, halfOpenMaxCalls: 1 },
    });

    const err = await thrown(c.salesOrders.get("4711"));
    const health = c.health.breaker;
    await c.close();

    expect(err.code).toBe("SAP_AUTH");
    expect(err.message).toContain("OAuth2 token endpoint answered 401");
    expect(l.used).toEqual([]);
    expect(health).toBe("closed");
  });
});
