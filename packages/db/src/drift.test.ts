import { describe, expect, it } from "vitest";
import { compareShapes, type DbShape, shapeFromSchema } from "./drift";

const tiny = `
datasource db {
  provider = "postgresql"
}
enum Colour {
  RED
  GREEN

  @@map("colour")
}
model Parent {
  id       String   @id @default(uuid(7)) @db.Uuid
  code     String   @unique @db.VarChar(10)
  tags     String[]
  labels   String[] @default([])
  colour   Colour   @default(RED)
  at       DateTime @default(now()) @db.Timestamptz(3)
  n        BigInt   @default(0)
  children Child[]
  @@map("parent")
}
model Child {
  id       Int     @id @default(autoincrement())
  parentId String? @map("parent_id") @db.Uuid
  amount   Decimal @db.Decimal(16, 3)
  parent   Parent? @relation(fields: [parentId], references: [id])
  @@index([parentId, amount])
  @@map("child")
}
`;

describe("shapeFromSchema", () => {
  it("maps Prisma fields to the column types, nullability and defaults Postgres will report", async () => {
    const shape = await shapeFromSchema(tiny);
    expect(shape.enums).toEqual({ colour: ["RED", "GREEN"] });
    expect(shape.tables.parent?.columns).toEqual({
      id: { type: "uuid", nullable: false, default: null },
      code: { type: "character varying(10)", nullable: false, default: null },
      tags: { type: "text[]", nullable: "any", default: null },
      labels: { type: "text[]", nullable: "any", default: "ARRAY[]" },
      colour: { type: "colour", nullable: false, default: "RED" },
      at: { type: "timestamp(3) with time zone", nullable: false, default: "now" },
      n: { type: "bigint", nullable: false, default: "0" },
    });
    expect(shape.tables.parent?.indexes).toEqual(["unique:(code)"]);
    expect(shape.tables.child?.primaryKey).toEqual(["id"]);
    expect(shape.tables.child?.columns.id).toEqual({
      type: "integer",
      nullable: false,
      default: "autoincrement",
    });
    expect(shape.tables.child?.indexes).toEqual(["index:(parent_id,amount)"]);
    expect(shape.tables.child?.columns.amount?.type).toBe("numeric(16,3)");
    expect(shape.tables.child?.foreignKeys).toEqual([
      "(parent_id)->parent(id) on delete SET NULL on update CASCADE",
    ]);
  });
});

describe("compareShapes", () => {
  const base = (): DbShape => ({
    enums: { colour: ["RED", "GREEN"] },
    tables: {
      t: {
        columns: { id: { type: "uuid", nullable: false, default: null } },
        primaryKey: ["id"],
        indexes: ["unique:(id)"],
        foreignKeys: [],
      },
    },
  });

  it("finds nothing when both sides agree", () => {
    expect(compareShapes(base(), base())).toEqual([]);
  });

  it("names every kind of difference", () => {
    const actual = base();
    const t = actual.tables.t!;
    t.columns.id = { type: "text", nullable: true, default: "x" };
    t.columns.extra = { type: "text", nullable: true, default: null };
    t.primaryKey = [];
    t.indexes = ["index:(id)"];
    actual.enums.colour = ["RED"];
    expect(compareShapes(base(), actual)).toEqual([
      "enum colour: schema [RED, GREEN] ≠ database [RED]",
      "column t.extra: in database but not in schema",
      "column t.id: type schema uuid ≠ database text",
      "column t.id: schema NOT NULL ≠ database NULL",
      "column t.id: default schema (none) ≠ database x",
      "table t: primary key schema (id) ≠ database ()",
      "table t: unique:(id) missing in database",
      "table t: index:(id) in database but not in schema",
    ]);
  });

  it("does not hold Prisma's nullable list columns against the database", () => {
    const expected = base();
    expected.tables.t!.columns.tags = { type: "text[]", nullable: "any", default: null };
    const actual = base();
    actual.tables.t!.columns.tags = { type: "text[]", nullable: true, default: null };
    expect(compareShapes(expected, actual)).toEqual([]);
  });
});
