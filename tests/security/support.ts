import { randomBytes } from "node:crypto";
import { kafkaConnection } from "@icp/config";
import type { Db } from "@icp/db";
import { Topics } from "@icp/domain";
import { createKafka } from "@icp/messaging";
import type { ReadModel } from "@icp/read-model";
import type { Redis } from "ioredis";
import type { Producer } from "kafkajs";
import { expect } from "vitest";
import { type TestStack, testStack } from "../integration/harness";
import { createApiClient, startStorefrontApi } from "../integration/storefront-server";

/**
 * The storefront API served by tests/integration/storefront-server.ts on a fresh slice of the
 * real stack (PostgreSQL, FerretDB, Redis, Kafka), with a small catalog seeded straight into
 * the read model — including products whose names hold the very strings the injection tests
 * send, so "matched literally" and "matched as an operator" give different answers.
 */

export interface SeededProduct {
  id: string;
  name: string;
  description: string;
  category: string;
  price: number;
  stock: number;
}

export const PRODUCTS: SeededProduct[] = [
  ...Array.from({ length: 8 }, (_, i) => ({
    id: `SEC-${String(i + 1).padStart(3, "0")}`,
    name: `Widget ${i + 1}`,
    description: i % 2 ? "a garden widget" : "a tool widget",
    category: i % 2 ? "garden" : "tools",
    price: 10 * (i + 1),
    stock: i === 7 ? 0 : 50,
  })),
  {
    id: "SEC-INJ-SQL",
    name: "Literal ' OR 1=1 -- widget",
    description: "sql look-alike",
    category: "tools",
    price: 5,
    stock: 5,
  },
  {
    id: "SEC-INJ-RGX",
    name: "Regex .* widget",
    description: "regex look-alike",
    category: "misc",
    price: 6,
    stock: 5,
  },
  {
    id: "SEC-INJ-MGO",
    name: 'Brace {"$ne":null} widget',
    description: "operator look-alike",
    category: "misc",
    price: 7,
    stock: 5,
  },
];
export const CUSTOMER = "SEC-C1";
export const BLOCKED_CUSTOMER = "SEC-C2";

/** Secrets of the seeded API clients; no response may ever contain one. */
export const CLIENT_SECRETS: Record<string, string> = {
  "shop-a": `sec-a-${randomBytes(12).toString("hex")}`,
  "shop-b": `sec-b-${randomBytes(12).toString("hex")}`,
  doomed: `sec-d-${randomBytes(12).toString("hex")}`,
};

export interface SecurityStack {
  stack: TestStack;
  db: Db;
  rm: ReadModel;
  producer: Producer;
  redis: Redis;
  url: string;
  /** Client secret hashes as stored; must never be sent either. */
  secretHashes: string[];
  close(): Promise<void>;
}

export async function startSecurityStack(): Promise<SecurityStack> {
  const stack = await testStack();
  // The API on connections of its own, as the console has them; the suite seeds through them.
  const api = await startStorefrontApi(stack.env, {
    name: "security-it",
    rateLimitPrefix: `sec:${stack.groupSuffix}:`,
  });
  const { db, rm, producer, redis } = api;
  await rm.ensureIndexes();
  await rm.upsertProducts(
    PRODUCTS.map((p) => ({
      _id: p.id,
      name: p.name,
      description: p.description,
      category: p.category,
      price: { amount: p.price.toFixed(2), amountNum: p.price, currency: "EUR", validFrom: null },
      features: { colour: "grey" },
      images: [{ url: `https://img.example.com/${p.id}.jpg`, alt: p.name }],
      sapLastChange: null,
      version: 1,
    })),
  );
  await rm.setStock(PRODUCTS.map((p) => ({ sku: p.id, plant: "1010", quantity: p.stock, version: 1 })));
  const address = {
    id: "A1",
    kind: "ship-to",
    name: "Sec Test GmbH",
    street: "Teststr. 1",
    postalCode: "10115",
    city: "Berlin",
    country: "DE",
  };
  await rm.upsertCustomers([
    {
      _id: CUSTOMER,
      name: "Sec Test GmbH",
      addresses: [address],
      paymentTerms: null,
      blocked: false,
      version: 1,
    },
    {
      _id: BLOCKED_CUSTOMER,
      name: "Blocked AG",
      addresses: [address],
      paymentTerms: null,
      blocked: true,
      version: 1,
    },
  ]);

  const secretHashes: string[] = [];
  for (const [clientId, secret] of Object.entries(CLIENT_SECRETS)) {
    const { secretHash } = await createApiClient(db, {
      clientId,
      secret,
      scopes: ["catalog:read", "customers:read", "carts:write", "orders:read", "orders:write"],
      rateLimitPerMinute: 100_000,
    });
    secretHashes.push(secretHash);
  }

  return {
    stack,
    db,
    rm,
    producer,
    redis,
    url: api.url,
    secretHashes,
    async close() {
      await api.close();
      await stack.close();
    },
  };
}

/** Messages on the orders topic, summed over partitions: a refused request must not add any. */
export async function ordersTopicEnd(stack: TestStack): Promise<number> {
  const admin = createKafka({ ...kafkaConnection(stack.env), clientId: "security-it-count" }).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(Topics.orders)).reduce((n, p) => n + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

export interface Exchange {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
}

/**
 * Every response the suite received, for the final "nothing leaked" check. Each exchange is
 * also checked as it arrives, so a failure names the request that caused it.
 */
export const exchanges: Exchange[] = [];

// A Node/V8 stack frame ("    at fn (/path/file.ts:12:5)"), a source/module path, or an
// error class name as Node prints an uncaught one.
const STACK_PATTERNS: RegExp[] = [
  /\bat [\w$.<>[\] ]+ \(?(file:\/\/|\/|node:|[A-Za-z]:\\)/,
  /\n\s+at /,
  /\.(ts|js|mjs|cjs|tsx):\d+(:\d+)?/,
  /node_modules/,
  /\/work\/|\/home\/|\/usr\/|\/app\//,
  /\b(TypeError|ReferenceError|RangeError|URIError|SyntaxError|MongoServerError|PrismaClient\w*Error):/,
];

export function leakProblems(text: string, secrets: string[]): string[] {
  const problems: string[] = [];
  for (const p of STACK_PATTERNS) if (p.test(text)) problems.push(`looks like a stack trace or path (${p})`);
  for (const s of secrets) if (s && text.includes(s)) problems.push(`contains a secret (${s.slice(0, 12)}…)`);
  return problems;
}

export async function send(
  base: string,
  method: string,
  path: string,
  init: {
    token?: string;
    headers?: Record<string, string>;
    body?: string | Uint8Array | ReadableStream;
  } = {},
): Promise<Exchange> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(init.body !== undefined ? { body: init.body } : {}),
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const ex: Exchange = { method, path, status: res.status, headers: res.headers, text, json };
  exchanges.push(ex);
  return ex;
}

/** A refusal must be RFC 9457 problem details with the given status. */
export function expectProblem(
  ex: Exchange,
  status: number | number[],
  what = `${ex.method} ${ex.path}`,
): void {
  const allowed = Array.isArray(status) ? status : [status];
  expect(allowed, `${what} answered ${ex.status}: ${ex.text.slice(0, 300)}`).toContain(ex.status);
  expect(ex.headers.get("content-type"), what).toContain("application/problem+json");
  const p = ex.json as { type?: unknown; title?: unknown; status?: unknown };
  expect(typeof p?.type, what).toBe("string");
  expect(typeof p?.title, what).toBe("string");
  expect(p?.status, what).toBe(ex.status);
}
