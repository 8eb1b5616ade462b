import { BodyTooLargeError, declaresTooLarge, readBodyCapped } from "@icp/domain";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import {
  allowedConsoleOrigins,
  guardTrpcRequest,
  sameOriginVerdict,
  TRPC_MAX_BODY_BYTES,
  trpcPaths,
} from "./http-guards";

const CONSOLE = "https://icp.example.com";
const allowed = [CONSOLE];
const h = (headers: Record<string, string>) => new Headers(headers);

describe("sameOriginVerdict", () => {
  it("lets safe methods through whatever the headers say (queries change nothing)", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(sameOriginVerdict(method, h({ origin: "https://evil.example" }), allowed)).toEqual({
        ok: true,
        by: "safe-method",
      });
    }
  });

  it("accepts a POST whose Origin is the console's", () => {
    expect(sameOriginVerdict("POST", h({ origin: CONSOLE }), allowed)).toEqual({ ok: true, by: "origin" });
    // The Origin decides even when a (spoofable-by-nobody, but stale) Referer disagrees.
    expect(
      sameOriginVerdict("POST", h({ origin: CONSOLE, referer: "https://evil.example/x" }), allowed).ok,
    ).toBe(true);
  });

  it.each([
    ["another site", "https://evil.example"],
    ["a sibling host of the same site", "https://evil.icp.example.com"],
    ["another scheme", "http://icp.example.com"],
    ["another port", "https://icp.example.com:8443"],
    ["a look-alike suffix", "https://icp.example.com.evil.example"],
    ["an origin with a path", "https://icp.example.com/evil"],
    ["garbage", "not a url"],
    ["a non-http scheme", "file://icp.example.com"],
  ])("refuses a POST from %s", (_name, origin) => {
    expect(sameOriginVerdict("POST", h({ origin, "sec-fetch-site": "same-origin" }), allowed)).toEqual({
      ok: false,
      reason: "origin-mismatch",
      seen: origin,
    });
  });

  it("refuses Origin: null (sandboxed frame, opaque redirect)", () => {
    expect(sameOriginVerdict("POST", h({ origin: "null" }), allowed)).toEqual({
      ok: false,
      reason: "origin-null",
      seen: "null",
    });
  });

  it("refuses every state-changing method, not only POST", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(sameOriginVerdict(method, h({ origin: "https://evil.example" }), allowed).ok).toBe(false);
    }
  });

  it("without Origin, accepts only Sec-Fetch-Site: same-origin", () => {
    expect(sameOriginVerdict("POST", h({ "sec-fetch-site": "same-origin" }), allowed)).toEqual({
      ok: true,
      by: "sec-fetch-site",
    });
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(
        sameOriginVerdict("POST", h({ "sec-fetch-site": site, referer: `${CONSOLE}/failures` }), allowed),
      ).toEqual({ ok: false, reason: "fetch-site-not-same-origin", seen: site });
    }
  });

  it("without Origin and Sec-Fetch-Site, falls back to the Referer's origin", () => {
    expect(sameOriginVerdict("POST", h({ referer: `${CONSOLE}/failures?q=1` }), allowed)).toEqual({
      ok: true,
      by: "referer",
    });
    expect(sameOriginVerdict("POST", h({ referer: "https://evil.example/page" }), allowed)).toEqual({
      ok: false,
      reason: "referer-mismatch",
      seen: "https://evil.example",
    });
    expect(sameOriginVerdict("POST", h({ referer: "::" }), allowed)).toEqual({
      ok: false,
      reason: "referer-mismatch",
      seen: "(unparseable)",
    });
  });

  it("refuses a POST that carries no provenance at all (cannot be proven same-origin)", () => {
    expect(sameOriginVerdict("POST", h({ cookie: "next-auth.session-token=x" }), allowed)).toEqual({
      ok: false,
      reason: "no-provenance",
      seen: null,
    });
    expect(sameOriginVerdict("POST", h({ origin: "", referer: " " }), allowed).ok).toBe(false);
  });
});

describe("allowedConsoleOrigins", () => {
  it("is exactly CONSOLE_URL's origin in deployed environments, even on loopback", () => {
    expect(allowedConsoleOrigins("https://icp.example.com/some/path", "prod")).toEqual([CONSOLE]);
    expect(allowedConsoleOrigins("http://127.0.0.1:3000", "stage")).toEqual(["http://127.0.0.1:3000"]);
  });

  it("locally, accepts every loopback spelling of the same scheme and port", () => {
    const local = allowedConsoleOrigins("http://127.0.0.1:3000", "local");
    expect(local).toEqual(["http://127.0.0.1:3000", "http://localhost:3000", "http://[::1]:3000"]);
    expect(sameOriginVerdict("POST", h({ origin: "http://localhost:3000" }), local).ok).toBe(true);
    expect(sameOriginVerdict("POST", h({ origin: "http://localhost:3001" }), local).ok).toBe(false);
    expect(allowedConsoleOrigins("https://icp.example.com", "ci")).toEqual([CONSOLE]);
  });

  it("refuses a CONSOLE_URL that is not an http(s) URL", () => {
    expect(() => allowedConsoleOrigins("icp.example.com", "prod")).toThrow(/CONSOLE_URL/);
  });
});

describe("body size", () => {
  const post = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    new Request("https://icp.example.com/api/trpc/x", { method: "POST", body, headers, duplex: "half" });

  it("trusts a Content-Length that is over the limit, ignores a malformed one", () => {
    expect(
      declaresTooLarge(h({ "content-length": String(TRPC_MAX_BODY_BYTES + 1) }), TRPC_MAX_BODY_BYTES),
    ).toBe(true);
    expect(declaresTooLarge(h({ "content-length": String(TRPC_MAX_BODY_BYTES) }), TRPC_MAX_BODY_BYTES)).toBe(
      false,
    );
    expect(declaresTooLarge(h({ "content-length": "lots" }), 10)).toBe(false);
    expect(declaresTooLarge(h({}), 10)).toBe(false);
  });

  it("reads a body up to the limit and refuses one byte more, also without Content-Length", async () => {
    expect(await readBodyCapped(post("x".repeat(10)), 10)).toHaveLength(10);
    await expect(readBodyCapped(post("x".repeat(11)), 10)).rejects.toBeInstanceOf(BodyTooLargeError);
    // A streamed (chunked) body declares nothing: the cap applies while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(4));
        c.close();
      },
    });
    await expect(readBodyCapped(post(stream), 16)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(await readBodyCapped(new Request("https://icp.example.com/api/trpc/x"), 10)).toBeNull();
  });
});

describe("guardTrpcRequest", () => {
  type Shape = {
    error: {
      message: string;
      code: number;
      data: { code: string; httpStatus: number; path: string; appCode?: string };
    };
  };
  const decode = async (res: Response) => {
    const raw = (await res.json()) as unknown;
    const one = (e: { error: Parameters<typeof superjson.deserialize>[0] }) =>
      ({ error: superjson.deserialize(e.error) }) as Shape;
    return Array.isArray(raw)
      ? raw.map(one)
      : one(raw as { error: Parameters<typeof superjson.deserialize>[0] });
  };

  it("answers a cross-site mutation with 403 in tRPC's error shape, naming the procedure", async () => {
    const req = new Request("https://icp.example.com/api/trpc/failures.retry", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ json: { id: "x" } }),
    });
    const r = await guardTrpcRequest(req, { allowedOrigins: allowed });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal).toBe("csrf");
    expect(r.response.status).toBe(403);
    const body = (await decode(r.response)) as Shape;
    expect(body.error.data).toMatchObject({
      code: "FORBIDDEN",
      httpStatus: 403,
      path: "failures.retry",
      appCode: "CSRF_ORIGIN_REJECTED",
    });
    expect(body.error.code).toBe(-32003);
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts/);
  });

  it("answers a batch with one error per call", async () => {
    const req = new Request("https://icp.example.com/api/trpc/queues.pause,failures.retry?batch=1", {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
      body: "{}",
    });
    const r = await guardTrpcRequest(req, { allowedOrigins: allowed });
    if (r.ok) throw new Error("expected a refusal");
    const body = (await decode(r.response)) as Shape[];
    expect(body.map((b) => [b.error.data.code, b.error.data.path])).toEqual([
      ["FORBIDDEN", "queues.pause"],
      ["FORBIDDEN", "failures.retry"],
    ]);
  });

  it("answers an oversized same-origin body with 413 PAYLOAD_TOO_LARGE", async () => {
    const req = new Request("https://icp.example.com/api/trpc/failures.editAndRetry", {
      method: "POST",
      headers: { origin: CONSOLE, "content-type": "application/json" },
      body: JSON.stringify({ json: { payload: "x".repeat(2000) } }),
    });
    const r = await guardTrpcRequest(req, { allowedOrigins: allowed, maxBodyBytes: 1000 });
    if (r.ok) throw new Error("expected a refusal");
    expect(r.refusal).toBe("body-too-large");
    expect(r.response.status).toBe(413);
    const body = (await decode(r.response)) as Shape;
    expect(body.error.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
  });

  it("passes a same-origin mutation on with its body intact, and a query untouched", async () => {
    const payload = JSON.stringify({ json: { id: "é✓" } });
    const req = new Request("https://icp.example.com/api/trpc/failures.retry", {
      method: "POST",
      headers: { origin: CONSOLE, "content-type": "application/json", "x-request-id": "r1" },
      body: payload,
    });
    const r = await guardTrpcRequest(req, { allowedOrigins: allowed });
    if (!r.ok) throw new Error(`refused: ${r.refusal}`);
    expect(await r.req.text()).toBe(payload);
    expect(r.req.headers.get("x-request-id")).toBe("r1");
    const query = new Request("https://icp.example.com/api/trpc/overview.flows?input=%7B%7D", {
      headers: { origin: "https://evil.example" },
    });
    const q = await guardTrpcRequest(query, { allowedOrigins: allowed });
    expect(q.ok && q.req).toBe(query);
  });

  it("reads procedure paths from the URL", () => {
    expect(trpcPaths(new URL("https://x/api/trpc/a.b,c.d?batch=1"))).toEqual({
      paths: ["a.b", "c.d"],
      batch: true,
    });
    expect(trpcPaths(new URL("https://x/api/trpc/a.b"))).toEqual({ paths: ["a.b"], batch: false });
  });
});
