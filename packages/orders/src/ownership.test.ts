import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * One owner per piece of state: the order ledger (order_link, order_event) and the read model's
 * order status are written by @icp/orders alone. This scans every source file of the apps,
 * packages, scripts and benchmarks for a write to them anywhere else.
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const OWNER = "packages/orders/src/";

/** Writes, by the Prisma client or raw SQL, and the read model's order-status writers. */
const WRITES: [string, RegExp][] = [
  [
    "Prisma write to order_link",
    /\borderLink\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\b/,
  ],
  [
    "Prisma write to order_event",
    /\borderEvent\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\b/,
  ],
  ["SQL write to the ledger", /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?order_(link|event)\b/i],
  ["read model order status write", /\.(markOrder|applyOrderStatus|ordersReceived|orderReceived)\(/],
];

/**
 * Files that may: the read model's own definitions, fixtures of browser tests, this test, and the
 * data-scale seed, which fills a database of its own (bench 7) with a month of synthetic orders
 * set-based on the server (1M orders through the owner's per-order path would take hours). It is
 * meant for a database of its own, never a live ledger (bench/console-scale.ts, docs/console-scale.md).
 */
const ALLOWED = [
  /^scripts\/seed-scale\.ts$/,
  /^packages\/read-model\/src\/read-model\.ts$/,
  /^packages\/orders\/src\//,
  /^packages\/db\/src\/generated\//,
  /\.test\.ts$/,
  /\/e2e\//,
];

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === ".next" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) yield path;
  }
}

describe("the order ledger and the storefront's order status have one owner", () => {
  it(`only ${OWNER} writes order_link, order_event and the read model's order status`, () => {
    const offences: string[] = [];
    let scanned = 0;
    for (const top of ["apps", "packages", "scripts", "bench"]) {
      for (const file of sources(join(ROOT, top))) {
        const rel = relative(ROOT, file);
        scanned++;
        if (ALLOWED.some((a) => a.test(rel))) continue;
        const text = readFileSync(file, "utf8");
        for (const [what, re] of WRITES) if (re.test(text)) offences.push(`${rel}: ${what}`);
      }
    }
    expect(scanned).toBeGreaterThan(100);
    expect(offences).toEqual([]);
  });

  it("the scan catches a write outside the owner", () => {
    const sample = "await db.orderLink.update({ where: { id }, data: { state: 'CREATED' } });";
    expect(WRITES.some(([, re]) => re.test(sample))).toBe(true);
    expect(WRITES.some(([, re]) => re.test("UPDATE order_link l SET kafka_offset = 1"))).toBe(true);
    expect(WRITES.some(([, re]) => re.test("await rm.markOrder(id, 'FAILED', {})"))).toBe(true);
  });
});
