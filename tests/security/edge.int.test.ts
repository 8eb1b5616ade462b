import { connect } from "node:net";
import { clientAddress, parseTrustedProxies, type TrustedProxies } from "@icp/config";
import { createLogger } from "@icp/observability";
import { canonicalJson, singleFlightStats, type TokenThrottle } from "@icp/storefront-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEdgeServer } from "./edge-server";
import {
  CLIENT_SECRETS,
  CUSTOMER,
  expectProblem,
  type SecurityStack,
  send,
  startSecurityStack,
} from "./support";

/**
 * Issue 17, items 2–9 on the storefront API's edges, over real HTTP on the real stack: the
 * client's address only from trusted proxies, request ids of our own, the token endpoint's
 * constant time and throttles, body timeouts and hang-ups, malformed paths, customers checked
 * first, and the Idempotency-Key hash over canonical JSON. Each server below is the API as the
 * console serves it (streaming bodies, TRUSTED_PROXIES), with the setting a test needs.
 */
let s: SecurityStack;
const logs: { level: string; message: string }[] = [];
const logger = createLogger({
  service: "security-edge",
  level: "info",
  destination: {
    write(line: string) {
      const o = JSON.parse(line) as { "log.level": string; message: string };
      logs.push({ level: o["log.level"], message: o.message });
    },
  },
});
const servers: { close(): void }[] = [];
let n = 0;
async function edge(
  trust: TrustedProxies,
  opts: { ipLimitPerMinute?: number; bodyTimeoutMs?: number; tokenThrottle?: Partial<TokenThrottle> } = {},
): Promise<string> {
  const server = await startEdgeServer(s, {
    rateLimitPrefix: `edge:${s.stack.groupSuffix}:${n++}:`,
    trust,
    logger,
    ...opts,
  });
  servers.push(server);
  return server.url;
}
const generous = {
  attemptsPerClientPerMinute: 10_000,
  failuresPerClient: 10_000,
  failuresPerAddress: 10_000,
};
const form = (clientId: string, secret: string, headers: Record<string, string> = {}) => ({
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  body: new URLSearchParams({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: secret,
  }).toString(),
});
async function tokenFor(url: string, clientId: string): Promise<string> {
  const res = await send(url, "POST", "/oauth/token", form(clientId, CLIENT_SECRETS[clientId] ?? ""));
  expect(res.status, res.text).toBe(200);
  return (res.json as { access_token: string }).access_token;
}

beforeAll(async () => {
  s = await startSecurityStack();
}, 180_000);

afterAll(async () => {
  for (const server of servers) server.close();
  await s?.close();
});

describe("item 2: the client's address comes from trusted proxies only", () => {
  it("resolves the address by hop count and by CIDRs, never from the client's own entries", () => {
    expect(clientAddress("6.6.6.6", "10.0.0.9", { hops: 0 })).toBe("10.0.0.9");
    expect(clientAddress("6.6.6.6, 7.7.7.7", "10.0.0.9", { hops: 1 })).toBe("7.7.7.7");
    expect(clientAddress("6.6.6.6, 7.7.7.7", "10.0.0.9", { hops: 2 })).toBe("6.6.6.6");
    // More hops configured than the chain has: the farthest entry, not whatever a client adds.
    expect(clientAddress("", "10.0.0.9", { hops: 3 })).toBe("10.0.0.9");
    // Next.js route handlers do not see the socket: with no proxy the address is unknown.
    expect(clientAddress("6.6.6.6", undefined, { hops: 0 })).toBe("unknown");
    expect(clientAddress("6.6.6.6, 7.7.7.7", undefined, { hops: 1 })).toBe("7.7.7.7");
    const cidrs = parseTrustedProxies("10.0.0.0/8, 192.168.1.7");
    expect(clientAddress("6.6.6.6, 7.7.7.7, 192.168.1.7", "::ffff:10.1.2.3", cidrs)).toBe("7.7.7.7");
    expect(clientAddress("not-an-ip", "10.1.2.3", cidrs)).toBe("unknown");
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow();
    expect(parseTrustedProxies("2")).toEqual({ hops: 2 });
  });

  it("a new X-Forwarded-For per request does not buy a new per-address budget", async () => {
    const url = await edge({ hops: 0 }, { ipLimitPerMinute: 20 });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await send(url, "GET", "/.well-known/jwks.json", {
        headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((x) => x === 200)).toHaveLength(20);
    expect(statuses.filter((x) => x === 429)).toHaveLength(10);
  });

  it("behind one proxy, the proxy's entry counts and the client's own entries do not", async () => {
    const url = await edge({ hops: 1 }, { ipLimitPerMinute: 5 });
    const get = (xff: string) =>
      send(url, "GET", "/.well-known/jwks.json", { headers: { "x-forwarded-for": xff } });
    const spoofed: number[] = [];
    for (let i = 0; i < 7; i++) spoofed.push((await get(`203.0.113.${i}, 198.51.100.1`)).status);
    expect(spoofed.filter((x) => x === 429)).toHaveLength(2);
    expect((await get("198.51.100.2")).status).toBe(200); // another real client: its own budget
  });

  it("request ids are ours: a client's X-Request-Id is not echoed or adopted", async () => {
    const url = await edge({ hops: 0 });
    const res = await send(url, "GET", "/.well-known/jwks.json", {
      headers: { "x-request-id": "attacker-chosen-id" },
    });
    const id = res.headers.get("x-request-id");
    expect(id).not.toBe("attacker-chosen-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("item 3: the token endpoint", () => {
  it("answers an unknown client id as slowly as a known one with a wrong secret (no timing oracle)", async () => {
    const url = await edge({ hops: 0 }, { tokenThrottle: generous });
    const time = async (clientId: string) => {
      const t = performance.now();
      const res = await send(url, "POST", "/oauth/token", form(clientId, "wrong-secret-wrong-secret"));
      expect(res.status).toBe(401);
      return performance.now() - t;
    };
    await time("warm-up"); // the dummy hash is made once
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time("shop-b"));
      unknown.push(await time(`nobody-${i}`));
    }
    // Before: ~5 ms against ~50 ms. Both pay one scrypt now; the margin is for a busy machine.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it("a client id backs off after repeated failures, from any address, exists or not", async () => {
    const throttle = { attemptsPerClientPerMinute: 1000, failuresPerClient: 5, failuresPerAddress: 1000 };
    const url = await edge({ hops: 1 }, { tokenThrottle: throttle });
    for (const clientId of ["doomed", "no-such-client"]) {
      for (let i = 0; i < 5; i++) {
        const res = await send(
          url,
          "POST",
          "/oauth/token",
          form(clientId, `guess-${i}`, { "x-forwarded-for": `203.0.113.${i}` }),
        );
        expect(res.status).toBe(401);
      }
      // Now even the right secret waits: 429 with Retry-After, the same for a missing id.
      const res = await send(
        url,
        "POST",
        "/oauth/token",
        form(clientId, CLIENT_SECRETS[clientId] ?? "x", { "x-forwarded-for": "203.0.113.99" }),
      );
      expectProblem(res, 429, `${clientId} after 5 failures`);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // Another client is not affected.
    await tokenFor(url, "shop-a");
  });

  it("an address backs off after repeated failures, whichever client ids it tries", async () => {
    const throttle = { attemptsPerClientPerMinute: 1000, failuresPerClient: 1000, failuresPerAddress: 4 };
    const url = await edge({ hops: 1 }, { tokenThrottle: throttle });
    const from = { "x-forwarded-for": "203.0.113.50" };
    for (let i = 0; i < 4; i++)
      expect((await send(url, "POST", "/oauth/token", form(`spray-${i}`, "x", from))).status).toBe(401);
    expectProblem(
      await send(url, "POST", "/oauth/token", form("shop-a", CLIENT_SECRETS["shop-a"] ?? "", from)),
      429,
    );
    // Another address still gets its token.
    const other = await send(
      url,
      "POST",
      "/oauth/token",
      form("shop-a", CLIENT_SECRETS["shop-a"] ?? "", {
        "x-forwarded-for": "203.0.113.51",
      }),
    );
    expect(other.status).toBe(200);
  });

  it("one client id's attempts per minute are capped whatever the addresses", async () => {
    const throttle = { attemptsPerClientPerMinute: 3, failuresPerClient: 1000, failuresPerAddress: 1000 };
    const url = await edge({ hops: 1 }, { tokenThrottle: throttle });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await send(
            url,
            "POST",
            "/oauth/token",
            form("shop-b", CLIENT_SECRETS["shop-b"] ?? "", {
              "x-forwarded-for": `203.0.113.${100 + i}`,
            }),
          )
        ).status,
      );
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

/** One raw HTTP/1.1 request whose body is sent in part (or not at all); the answer's head and body. */
function slowRequest(
  url: string,
  path: string,
  opts: { headers: Record<string, string>; declared: number; sent: string; hangUpAfterMs?: number },
): Promise<{ status: number; text: string; closedByUs: boolean }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(u.port), u.hostname);
    let data = "";
    sock.on("connect", () => {
      const head = Object.entries({
        ...opts.headers,
        "content-length": String(opts.declared),
        connection: "close",
      })
        .map(([k, v]) => `${k}: ${v}`)
        .join("\r\n");
      sock.write(`POST ${u.pathname}${path} HTTP/1.1\r\nhost: ${u.host}\r\n${head}\r\n\r\n${opts.sent}`);
      if (opts.hangUpAfterMs !== undefined)
        setTimeout(() => {
          sock.destroy();
          resolve({ status: 0, text: "", closedByUs: true });
        }, opts.hangUpAfterMs);
    });
    sock.on("data", (d) => {
      data += d.toString("utf8");
    });
    sock.on("error", reject);
    sock.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, text: data, closedByUs: false });
    });
  });
}

describe("item 4: slow bodies and hang-ups", () => {
  it("a body trickling in is cut off: 408 problem+json (orders and the token endpoint)", async () => {
    const url = await edge({ hops: 0 }, { bodyTimeoutMs: 1_000, tokenThrottle: generous });
    const token = await tokenFor(url, "shop-a");
    const started = Date.now();
    const order = await slowRequest(url, "/orders", {
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "idempotency-key": `slow-${Date.now()}`,
      },
      declared: 400,
      sent: '{"customerId":',
    });
    expect(order.status, order.text).toBe(408);
    expect(order.text).toContain("application/problem+json");
    expect(order.text).toContain("/storefront/request-timeout");
    expect(Date.now() - started).toBeLessThan(8_000);
    const tokenReq = await slowRequest(url, "/oauth/token", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      declared: 300,
      sent: "grant_type=",
    });
    expect(tokenReq.status, tokenReq.text).toBe(408);
  });

  it("a client that hangs up mid-body is a client event: info, not an error", async () => {
    const url = await edge({ hops: 0 }, { bodyTimeoutMs: 5_000, tokenThrottle: generous });
    const token = await tokenFor(url, "shop-a");
    const before = logs.length;
    await slowRequest(url, "/orders", {
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "idempotency-key": `gone-${Date.now()}`,
      },
      declared: 400,
      sent: '{"customerId":',
      hangUpAfterMs: 200,
    });
    await new Promise((r) => setTimeout(r, 800));
    const mine = logs.slice(before);
    expect(mine.filter((l) => l.level === "error" || l.level === "fatal")).toEqual([]);
    expect(mine.map((l) => l.message)).toContain(
      "storefront API client closed the request before it was read",
    );
  });
});

describe("item 5: malformed percent-encoding in a path", () => {
  it("answers 400 problem+json with nosniff, before and after authentication", async () => {
    const url = await edge({ hops: 0 }, { tokenThrottle: generous });
    const token = await tokenFor(url, "shop-a");
    for (const path of ["/orders/%E0%A4%A", "/%", "/products/%ZZ", "/carts/%C0%80/lines/%"]) {
      for (const auth of [{}, { token }]) {
        const res = await send(url, "GET", path, auth);
        expectProblem(res, 400, path);
        expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect((res.json as { type: string }).type).toMatch(/\/malformed-path$/);
      }
    }
  });
});

describe("items 7 and 8: the customer is checked first", () => {
  it("a cart cannot be created for a customer that does not exist (422 unknown-customer)", async () => {
    const url = await edge({ hops: 0 }, { tokenThrottle: generous });
    const token = await tokenFor(url, "shop-a");
    const res = await send(url, "POST", "/carts", {
      token,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customerId: "NOBODY-1", lines: [{ sku: "SEC-001", quantity: 1 }] }),
    });
    expectProblem(res, 422);
    expect((res.json as { type: string }).type).toMatch(/\/unknown-customer$/);
    const ok = await send(url, "POST", "/carts", {
      token,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customerId: CUSTOMER }),
    });
    expect(ok.status, ok.text).toBe(201);
  });

  it("a 500-line order for an unknown customer is refused without a product or stock lookup", async () => {
    const url = await edge({ hops: 0 }, { tokenThrottle: generous });
    const token = await tokenFor(url, "shop-a");
    const loads = () => {
      const st = singleFlightStats();
      return (st["intake.product"]?.loads ?? 0) + (st["intake.stock"]?.loads ?? 0);
    };
    const before = loads();
    const lines = Array.from({ length: 500 }, (_, i) => ({ sku: `NOPE-${i}`, quantity: 1 }));
    const res = await send(url, "POST", "/orders", {
      token,
      headers: { "content-type": "application/json", "idempotency-key": `big-${Date.now()}` },
      body: JSON.stringify({ customerId: "NOBODY-2", currency: "EUR", lines }),
    });
    expectProblem(res, 422);
    expect((res.json as { type: string }).type).toMatch(/\/unknown-customer$/);
    expect(loads() - before).toBe(0);
  });
});

describe("item 9: the Idempotency-Key's request hash is over canonical JSON (RFC 8785)", () => {
  it("canonicalises key order, spacing and number spelling", () => {
    expect(canonicalJson(JSON.parse('{ "b": 1.0, "a": [ {"y":"\\u0041","x":null} ] }'))).toBe(
      '{"a":[{"x":null,"y":"A"}],"b":1}',
    );
  });

  it("a retry with the body's keys in another order replays the first answer", async () => {
    const url = await edge({ hops: 0 }, { tokenThrottle: generous });
    const token = await tokenFor(url, "shop-a");
    const key = `canon-${Date.now()}`;
    const headers = { "content-type": "application/json", "idempotency-key": key };
    const first = await send(url, "POST", "/orders", {
      token,
      headers,
      body: JSON.stringify({
        customerId: CUSTOMER,
        currency: "EUR",
        lines: [{ sku: "SEC-001", quantity: 1 }],
      }),
    });
    expect(first.status, first.text).toBe(202);
    const retry = await send(url, "POST", "/orders", {
      token,
      headers,
      body: '{ "lines": [ { "quantity": 1, "sku": "SEC-001" } ], "currency": "EUR", "customerId": "SEC-C1" }',
    });
    expect(retry.status, retry.text).toBe(202);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
  });
});

describe("item 6: order ids are the client's own", () => {
  it("another client's id neither answers 409 nor can be taken first; each client sees its own order", async () => {
    const url = await edge({ hops: 0 }, { tokenThrottle: generous });
    const [a, b] = [await tokenFor(url, "shop-a"), await tokenFor(url, "shop-b")];
    const stamp = Date.now().toString(36).toUpperCase();
    const order = (token: string, orderId: string, key: string, quantity = 1) =>
      send(url, "POST", "/orders", {
        token,
        headers: { "content-type": "application/json", "idempotency-key": `${key}-${stamp}` },
        body: JSON.stringify({ orderId, customerId: CUSTOMER, lines: [{ sku: "SEC-001", quantity }] }),
      });
    const mine = `OWN-${stamp}`;
    const first = await order(a, mine, "a1");
    expect(first.status, first.text).toBe(202);
    // B sends A's id: the answer of a free id, about B's own order.
    const probe = await order(b, mine, "b1", 2);
    expect(probe.status, probe.text).toBe(202);
    expect(probe.json).toMatchObject({
      orderId: mine,
      statusUrl: expect.stringContaining(`/orders/${mine}`),
    });
    const seen = async (token: string) => (await send(url, "GET", `/orders/${mine}`, { token })).json;
    expect(await seen(a)).toMatchObject({ orderId: mine, lines: [{ sku: "SEC-001", quantity: 1 }] });
    expect(await seen(b)).toMatchObject({ orderId: mine, lines: [{ sku: "SEC-001", quantity: 2 }] });
    // A's own id again (another key) is A's duplicate; likewise B's.
    expectProblem(await order(a, mine, "a2"), 409);
    expectProblem(await order(b, mine, "b2"), 409);
    // B cancels "its" order: A's is untouched.
    const cancel = await send(url, "POST", `/orders/${mine}/cancellation`, {
      token: b,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reason: "squatter" }),
    });
    expect(cancel.status, cancel.text).toBe(202);
    expect((await seen(a)) as { status: string }).not.toMatchObject({ status: "CANCELLATION_REQUESTED" });
    // B takes an id first that A will use later: A still gets it.
    const future = `NEXT-${stamp}`;
    expect((await order(b, future, "b3")).status).toBe(202);
    const later = await order(a, future, "a3");
    expect(later.status, later.text).toBe(202);
    expect(later.json).toMatchObject({ orderId: future });
    // The scoped ids' prefix is the API's own.
    expectProblem(await order(a, "ns_deadbeef_X1", "a4"), 400);
  });
});
