import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrisma, type Db, OrderState, Prisma } from "./index";
import { migrate } from "./migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "./test-database";

let db: TestDatabase;
let prisma: Db;
beforeEach(async () => {
  db = await createTestDatabase();
  await migrate(db.url, MIGRATIONS_DIR);
  prisma = createPrisma(db.url, { poolSize: 2 });
});
afterEach(async () => {
  await prisma.close();
  await db.drop();
});

function anOrder(overrides: Partial<Prisma.OrderLinkCreateInput> = {}): Prisma.OrderLinkCreateInput {
  return {
    storefrontOrderId: `SF-${Math.random().toString(36).slice(2, 10)}`,
    customerId: "C-1001",
    currency: "EUR",
    totalNet: new Prisma.Decimal("199.900"),
    kafkaTopic: "orders",
    kafkaPartition: 3,
    kafkaOffset: 9_007_199_254_740_993n,
    ...overrides,
  };
}

describe("Prisma client over adapter-pg", () => {
  it("creates and reads an order link with its timeline", async () => {
    const created = await prisma.orderLink.create({
      data: {
        ...anOrder(),
        events: { create: { kind: "API_RECEIVED", source: "api", detail: { ip: "10.0.0.1" } } },
      },
    });
    expect(created.state).toBe(OrderState.RECEIVED);
    const read = await prisma.orderLink.findUniqueOrThrow({
      where: { storefrontOrderId: created.storefrontOrderId },
      include: { events: true },
    });
    expect(read.kafkaOffset).toBe(9_007_199_254_740_993n);
    expect(read.totalNet?.toString()).toBe("199.9");
    expect(read.events.map((e) => e.kind)).toEqual(["API_RECEIVED"]);
    expect(read.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7
  });

  it("refuses a second order link for the same storefront order id", async () => {
    const order = anOrder();
    await prisma.orderLink.create({ data: order });
    const error = await prisma.orderLink.create({ data: { ...order } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    expect(await prisma.orderLink.count()).toBe(1);
  });

  it("refuses to link one SAP sales order to two storefront orders", async () => {
    await prisma.orderLink.create({ data: anOrder({ sapSalesOrder: "4711" }) });
    await expect(prisma.orderLink.create({ data: anOrder({ sapSalesOrder: "4711" }) })).rejects.toMatchObject(
      {
        code: "P2002",
      },
    );
  });

  it("close() can be awaited twice", async () => {
    await prisma.orderLink.count();
    await prisma.close();
    await prisma.close();
  });
});
