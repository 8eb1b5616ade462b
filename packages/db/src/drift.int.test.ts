import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compareShapes, detectDrift, shapeFromDatabase } from "./drift";
import { migrate } from "./migrate";
import { prismaCreateScript } from "./schema-engine";
import { createTestDatabase, MIGRATIONS_DIR, query, SCHEMA_PATH, type TestDatabase } from "./test-database";

let db: TestDatabase;
let schema: string;
beforeEach(async () => {
  db = await createTestDatabase();
  schema = await readFile(SCHEMA_PATH, "utf8");
  await migrate(db.url, MIGRATIONS_DIR);
});
afterEach(async () => {
  await db.drop();
});

describe("schema drift", () => {
  it("the migrations build exactly the database schema.prisma describes", async () => {
    expect(await detectDrift(schema, db.url)).toEqual([]);
  });

  it("the migrations build the same database as Prisma's own SQL for schema.prisma", async () => {
    const reference = await createTestDatabase();
    try {
      await query(reference.url, await prismaCreateScript(schema, reference.url));
      expect(compareShapes(await shapeFromDatabase(reference.url), await shapeFromDatabase(db.url))).toEqual(
        [],
      );
    } finally {
      await reference.drop();
    }
  });

  it("reports a unique constraint the database lost", async () => {
    await query(db.url, `DROP INDEX "order_link_storefront_order_id_key"`);
    expect(await detectDrift(schema, db.url)).toEqual([
      "table order_link: unique:(storefront_order_id) missing in database",
    ]);
  });

  it("reports a hand-written expression index the database lost", async () => {
    await query(db.url, `DROP INDEX "audit_log_search_trgm_idx"`);
    expect(await detectDrift(schema, db.url)).toEqual([
      "table audit_log: hand-written index audit_log_search_trgm_idx missing in database",
    ]);
  });

  it("reports changed nullability, type and default", async () => {
    await query(db.url, `ALTER TABLE "order_link" ALTER COLUMN "customer_id" DROP NOT NULL`);
    await query(db.url, `ALTER TABLE "order_link" ALTER COLUMN "sap_sales_order" TYPE VARCHAR(12)`);
    await query(db.url, `ALTER TABLE "order_link" ALTER COLUMN "attempts" SET DEFAULT 1`);
    expect(await detectDrift(schema, db.url)).toEqual([
      "column order_link.attempts: default schema 0 ≠ database 1",
      "column order_link.customer_id: schema NOT NULL ≠ database NULL",
      "column order_link.sap_sales_order: type schema character varying(10) ≠ database character varying(12)",
    ]);
  });

  it("reports a schema.prisma edit that no migration carries", async () => {
    const edited = schema
      .replace(
        'storefrontOrderId String     @unique @map("storefront_order_id")',
        'storefrontOrderId String @map("storefront_order_id")',
      )
      .replace('  DISCARDED\n\n  @@map("order_state")', '  DISCARDED\n  ARCHIVED\n\n  @@map("order_state")')
      .replace(
        "  @@index([traceId])\n  @@index([sapCustomer])",
        "  note String?\n\n  @@index([traceId])\n  @@index([sapCustomer])",
      );
    expect(edited).not.toBe(schema);
    const drift = await detectDrift(edited, db.url);
    expect(drift).toContain("table order_link: unique:(storefront_order_id) in database but not in schema");
    expect(drift).toContain("column order_link.note: missing in database");
    expect(drift.some((d) => d.startsWith("enum order_state:"))).toBe(true);
  });

  it("reports a foreign key with the wrong delete rule and an extra table", async () => {
    await query(db.url, `ALTER TABLE "order_event" DROP CONSTRAINT "order_event_order_link_id_fkey"`);
    await query(
      db.url,
      `ALTER TABLE "order_event" ADD CONSTRAINT "order_event_order_link_id_fkey" FOREIGN KEY ("order_link_id") REFERENCES "order_link"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await query(db.url, `CREATE TABLE "stray" ("id" INTEGER)`);
    const drift = await detectDrift(schema, db.url);
    expect(drift).toContain("table stray: in database but not in schema");
    expect(drift).toContain(
      "table order_event: foreign key (order_link_id)->order_link(id) on delete RESTRICT on update CASCADE missing in database",
    );
  });
});
