import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTlsProxy } from "./tls-proxy";

/**
 * The local HTTPS front of `make up HTTPS=1`: a certificate made by dev-cert.sh that a client
 * trusting it accepts for 127.0.0.1, requests and bodies passed through with the headers an
 * ingress sets, and a problem+json 502 when the console is not there.
 */
const dir = mkdtempSync(join(tmpdir(), "icp-tls-"));
let upstream: Server;
let upstreamUrl = "";
let seen: { method?: string; url?: string; headers?: IncomingHttpHeaders; body?: string } = {};

function get(
  port: number,
  path: string,
  init: { method?: string; body?: string; ca?: Buffer } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((done, fail) => {
    const req = httpsRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        method: init.method ?? "GET",
        ca: init.ca ?? readFileSync(join(dir, "cert.pem")),
        headers: init.body ? { "content-type": "application/json" } : {},
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", fail);
    req.end(init.body);
  });
}

beforeAll(async () => {
  execFileSync("bash", [resolve(import.meta.dirname, "dev-cert.sh"), dir]);
  upstream = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen = { method: req.method, url: req.url, headers: req.headers, body };
      res.setHeader("set-cookie", "session=abc; Path=/; HttpOnly; Secure; SameSite=Lax");
      res.writeHead(201, { "content-type": "text/plain" });
      res.end(`hello ${req.url}`);
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => upstream.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe("the local HTTPS proxy", () => {
  it("serves TLS with the generated certificate and passes requests on with X-Forwarded headers", async () => {
    const proxy = await startTlsProxy({
      port: 0,
      upstream: upstreamUrl,
      cert: readFileSync(join(dir, "cert.pem")),
      key: readFileSync(join(dir, "key.pem")),
    });
    const port = (proxy.address() as AddressInfo).port;
    try {
      const res = await get(port, "/api/trpc/x?batch=1", { method: "POST", body: '{"a":1}' });
      expect(res.status).toBe(201);
      expect(res.body).toBe("hello /api/trpc/x?batch=1");
      expect(res.headers["set-cookie"]).toEqual(["session=abc; Path=/; HttpOnly; Secure; SameSite=Lax"]);
      expect(seen).toMatchObject({ method: "POST", url: "/api/trpc/x?batch=1", body: '{"a":1}' });
      expect(seen.headers?.["x-forwarded-proto"]).toBe("https");
      expect(seen.headers?.["x-forwarded-host"]).toBe(`127.0.0.1:${port}`);
      expect(seen.headers?.["x-forwarded-for"]).toBe("127.0.0.1");

      // A client that does not trust the certificate is refused by TLS itself.
      await expect(get(port, "/", { ca: Buffer.from("") })).rejects.toThrow(/self-signed|certificate/i);
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  it("answers 502 problem+json when the console does not answer", async () => {
    const proxy = await startTlsProxy({
      port: 0,
      upstream: "http://127.0.0.1:1",
      cert: readFileSync(join(dir, "cert.pem")),
      key: readFileSync(join(dir, "key.pem")),
    });
    const port = (proxy.address() as AddressInfo).port;
    try {
      const res = await get(port, "/");
      expect(res.status).toBe(502);
      expect(res.headers["content-type"]).toBe("application/problem+json");
      expect(JSON.parse(res.body)).toMatchObject({ status: 502, title: "Bad Gateway" });
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  it("makes the certificate once and keeps it while it is valid", () => {
    const before = readFileSync(join(dir, "cert.pem"), "utf8");
    execFileSync("bash", [resolve(import.meta.dirname, "dev-cert.sh"), dir]);
    expect(readFileSync(join(dir, "cert.pem"), "utf8")).toBe(before);
    const text = execFileSync(
      "openssl",
      ["x509", "-in", join(dir, "cert.pem"), "-noout", "-ext", "subjectAltName"],
      {
        encoding: "utf8",
      },
    );
    expect(text).toContain("IP Address:127.0.0.1");
    expect(text).toContain("DNS:localhost");
  });
});
