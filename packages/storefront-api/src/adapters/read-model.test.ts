import { InvalidCursorError, type ProductPage, type ReadModel } from "@icp/read-model";
import { describe, expect, it } from "vitest";
import { ProblemError } from "../problem";
import { catalogFromReadModel } from "./read-model";

const item = {
  _id: "TG11",
  name: "Hammer",
  description: "steel",
  price: { amount: "9.90", amountNum: 9.9, currency: "EUR", validFrom: null },
  features: {},
  images: [],
  updatedAt: new Date("2026-12-01T00:00:00Z"),
  available: 3,
  stockUpdatedAt: null,
};

describe("catalogue from the read model", () => {
  it("hands every filter (inStock too) to the read model, which pages after filtering", async () => {
    let asked: unknown;
    const rm = {
      listProducts: async (q: unknown): Promise<ProductPage> => {
        asked = q;
        return { items: [item], nextCursor: "next" };
      },
    } as unknown as ReadModel;
    const page = await catalogFromReadModel(rm).list({ pageSize: 1, sort: "name", inStock: false, q: "ham" });
    expect(asked).toEqual({ pageSize: 1, sort: "name", inStock: false, q: "ham" });
    expect(page).toEqual({
      items: [expect.objectContaining({ id: "TG11", stock: { available: 3, updatedAt: null } })],
      nextCursor: "next",
    });
  });

  it("answers a cursor the read model refuses as a validation problem on ?cursor", async () => {
    const rm = {
      listProducts: async () => {
        throw new InvalidCursorError("the cursor continues a listing with another sort or other filters");
      },
    } as unknown as ReadModel;
    const err = await catalogFromReadModel(rm)
      .list({ pageSize: 1, sort: "name", cursor: "abc" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).type).toBe("validation");
    expect((err as ProblemError).extra).toEqual({
      errors: [
        { pointer: "?cursor", detail: "the cursor continues a listing with another sort or other filters" },
      ],
    });
  });
});
