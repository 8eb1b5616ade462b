import { readFileSync } from "node:fs";
import { appRouter, auditWhere, authRedirect, createCallerFactory, safeCallbackPath } from "@icp/api";
import { malformedPathResponse } from "@icp/api/malformed-path";
import { contextFor, fakeServices } from "@icp/api/testing";
import { sessionSecret } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestStack, testStack } from "../integration/harness";

/**
 * Issue 17, the console's items: sign-in redirects (1), LIKE patterns in search filters, the
 * Kafka browser's internal topics and the session secret (9). The search filters run against
 * the real PostgreSQL, where `%` and `_` are LIKE's wildcards.
 */
const root = new URL("../../", import.meta.url);
const createCaller = createCallerFactory(appRouter);

describe("item 1: sign-in callback URLs", () => {
  const BASE = "http://127.0.0.1:3000";
  const hostile = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/.//evil.example",
    "https://evil.example/",
    "http://127.0.0.1:3000@evil.example/",
    "http://127.0.0.1:3001/",
    "%2F%2Fevil.example",
    "",
  ];

  it("the sign-in form follows only a path of the console", () => {
    for (const v of hostile) {
      const out = safeCallbackPath(v);
      expect(out, v).toMatch(/^\/(?![/\\])/);
      expect(new URL(out, BASE).origin, v).toBe(BASE);
    }
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath("/orders?q=SF-1#top")).toBe("/orders?q=SF-1#top");
    expect(safeCallbackPath("/audit")).toBe("/audit");
  });

  it("next-auth's redirect stays on the console's origin and never throws", () => {
    for (const url of [...hostile, "http://[::1", "javascript://%0aalert(1)"]) {
      const out = authRedirect({ url, baseUrl: BASE });
      expect(new URL(out).origin, url).toBe(BASE);
    }
    expect(authRedirect({ url: "/failures", baseUrl: BASE })).toBe(`${BASE}/failures`);
    expect(authRedirect({ url: `${BASE}/kafka?t=orders`, baseUrl: BASE })).toBe(`${BASE}/kafka?t=orders`);
  });

  it("the console wires both (the form and the next-auth callback)", () => {
    const form = readFileSync(new URL("apps/console/src/app/signin/sign-in-form.tsx", root), "utf8");
    expect(form).toContain('safeCallbackPath(params.get("callbackUrl"))');
    const auth = readFileSync(new URL("apps/console/src/server/auth.ts", root), "utf8");
    expect(auth).toMatch(/redirect\(params\)\s*\{\s*return authRedirect\(params\)/);
  });
});

describe("item 9: no public session secret", () => {
  it("without AUTH_SECRET the secret is random per process, never a constant in the source", () => {
    const a = sessionSecret(undefined);
    expect(a).toBe(sessionSecret(undefined));
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(sessionSecret("s".repeat(40))).toBe("s".repeat(40));
    const auth = readFileSync(new URL("apps/console/src/server/auth.ts", root), "utf8");
    expect(auth).not.toMatch(/AUTH_SECRET\s*\?\?\s*["']/);
    expect(auth).toContain("sessionSecret(env.AUTH_SECRET)");
  });
});

describe("item 9: a viewer cannot read Kafka's internal topics", () => {
  it("__consumer_offsets and __transaction_state are refused before the browser runs", async () => {
    const reads: string[] = [];
    const base = fakeServices();
    const services = fakeServices({
      kafka: {
        ...base.kafka,
        read: async (q) => {
          reads.push(q.topic);
          return [];
        },
      },
    });
    const viewer = createCaller(contextFor("viewer", services));
    for (const topic of ["__consumer_offsets", "__transaction_state"]) {
      await expect(viewer.kafka.messages({ topic, partition: 0, fromOffset: "0" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect(reads).toEqual([]);
    await viewer.kafka.messages({ topic: "orders", partition: 0, fromOffset: "0" });
    expect(reads).toEqual(["orders"]);
  });
});

describe("item 9: % and _ in search filters are literal", () => {
  let stack: TestStack;
  let db: Db;
  beforeAll(async () => {
    stack = await testStack();
    db = createPrisma(stack.env.DATABASE_URL);
    for (const [email, action] of [
      ["alice@example.com", "failure.retry"],
      ["bob_100%@example.com", "sync.start"],
    ] as const)
      await db.auditLog.create({
        data: { actorId: email, actorEmail: email, actorRole: "ADMIN", action, targetType: "t" },
      });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await stack?.close();
  });

  it("the audit filter (page and CSV export) matches % and _ literally", async () => {
    const find = async (f: Parameters<typeof auditWhere>[0]) =>
      (await db.auditLog.findMany({ where: auditWhere(f) })).map((r) => r.actorEmail).sort();
    expect(await find({ actor: "%" })).toEqual(["bob_100%@example.com"]);
    expect(await find({ actor: "_" })).toEqual(["bob_100%@example.com"]);
    expect(await find({ actor: "a_i" })).toEqual([]);
    expect(await find({ actor: "ALICE" })).toEqual(["alice@example.com"]);
    expect(await find({ action: "%" })).toEqual([]);
    expect(await find({ action: "_ailure" })).toEqual([]);
    expect(await find({ action: "failure." })).toEqual(["alice@example.com"]);
  });

  it("the order search's prefix match takes % and _ literally", async () => {
    for (const id of ["SF_%-1", "SFX100-1", "SF-any-1"])
      await db.$executeRaw`
        INSERT INTO order_link (id, storefront_order_id, customer_id, currency, item_count, payload, updated_at)
        VALUES (gen_random_uuid(), ${id}, 'C-1', 'EUR', 1, '{}'::jsonb, now())`;
    const list = createCaller(contextFor("viewer", fakeServices({ db }))).orders.list;
    expect((await list({ q: "SF_%" })).rows.map((r) => r.storefrontOrderId)).toEqual(["SF_%-1"]);
    expect((await list({ q: "SF_" })).rows.map((r) => r.storefrontOrderId)).toEqual(["SF_%-1"]);
  });
});

describe("item 5: malformed percent-encoding under /api on the console", () => {
  it("the console's proxy answers 400 problem+json with the security headers, before Next decodes", async () => {
    for (const path of ["/api/trpc/%", "/api/storefront/v1/orders/%E0%A4%A", "/api/trpc/orders.list%C0"]) {
      const res = malformedPathResponse(`http://127.0.0.1:3000${path}`);
      if (!res) throw new Error(`${path}: let through`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(((await res.json()) as { type: string }).type).toMatch(/\/malformed-path$/);
    }
    // A well-formed path goes on to its route.
    expect(malformedPathResponse("http://127.0.0.1:3000/api/trpc/orders.list?x=%25")).toBeNull();
    // The console runs it first, for every /api path (Next runs a proxy on the raw path).
    const proxy = readFileSync(new URL("apps/console/src/proxy.ts", root), "utf8");
    expect(proxy).toContain("malformedPathResponse(req.url) ?? NextResponse.next()");
    expect(proxy).toContain('matcher: "/api/:path*"');
  });
});
