import { randomUUID } from "node:crypto";
import type { PricingConditions } from "@icp/domain";
import {
  type CartDoc,
  type CatalogueProduct,
  InvalidCursorError,
  type ProductDoc,
  type ReadModel,
} from "@icp/read-model";
import { SingleFlight } from "../group-commit";
import type { Cart, CartProblem, Carts, Catalog, Customers, Product } from "../ports";
import { problem } from "../problem";

const CART_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function toProduct(p: CatalogueProduct): Product {
  return {
    id: p._id,
    name: p.name,
    description: p.description,
    price: p.price ? { amount: p.price.amount, currency: p.price.currency } : null,
    features: p.features,
    images: p.images,
    stock: { available: p.available, updatedAt: p.stockUpdatedAt?.toISOString() ?? null },
    updatedAt: p.updatedAt.toISOString(),
  };
}

/**
 * A product's pricing records; a product written before they were kept has its list price only
 * (per one unit, no scales, valid while it stands) until the next resync writes them.
 */
function pricingOf(p: Pick<ProductDoc, "price" | "pricing">): PricingConditions | null {
  if (p.pricing) return p.pricing;
  if (!p.price) return null;
  const list = {
    record: "",
    customer: null,
    rate: p.price.amount,
    per: 1,
    currency: p.price.currency,
    validFrom: "0001-01-01",
    validTo: "9999-12-31",
    deleted: false,
  };
  return { list: [list], customerRecords: [], scales: [] };
}

export function catalogFromReadModel(rm: ReadModel): Catalog {
  return {
    /** Filters (inStock too) apply in the read model before paging: pages are full. */
    async list(q) {
      const page = await rm
        .listProducts({
          pageSize: q.pageSize,
          sort: q.sort,
          ...(q.cursor ? { cursor: q.cursor } : {}),
          ...(q.page !== undefined ? { page: q.page } : {}),
          ...(q.q ? { q: q.q } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.minPrice !== undefined ? { minPrice: q.minPrice } : {}),
          ...(q.maxPrice !== undefined ? { maxPrice: q.maxPrice } : {}),
          ...(q.inStock !== undefined ? { inStock: q.inStock } : {}),
        })
        .catch((e: unknown) => {
          if (!(e instanceof InvalidCursorError)) throw e;
          const errors = [{ pointer: "?cursor", detail: e.message }];
          throw problem("validation", `?cursor: ${e.message}`, { extra: { errors } });
        });
      return {
        items: page.items.map(toProduct),
        nextCursor: page.nextCursor,
        ...(page.total !== undefined ? { total: page.total } : {}),
      };
    },
    async get(sku) {
      const p = await rm.getProduct(sku);
      return p ? toProduct(p) : null;
    },
    async pricing(skus) {
      const found = await rm.pricingFor(skus);
      return new Map([...found].map(([sku, p]) => [sku, pricingOf(p)]));
    },
    async stock(skus) {
      const levels = await rm.stockFor(skus);
      return skus.map((sku) => ({
        sku,
        available: levels.get(sku)?.available ?? 0,
        updatedAt: levels.get(sku)?.updatedAt?.toISOString() ?? null,
      }));
    },
  };
}

export function customersFromReadModel(rm: ReadModel): Customers {
  return {
    async get(id) {
      const c = await rm.customers.findOne({ _id: id });
      if (!c || c.blocked) return null;
      return {
        id: c._id,
        name: c.name,
        addresses: c.addresses.map((a) => ({
          id: a.id,
          kind: a.kind,
          name: a.name,
          street: a.street,
          postalCode: a.postalCode,
          city: a.city,
          country: a.country,
        })),
        paymentTerms: c.paymentTerms,
      };
    },
  };
}

/** Which of some SKUs the catalog has, and how many of each are available. */
export type LineLookup = (skus: string[]) => Promise<{ known: Set<string>; available: Map<string, number> }>;

/** Straight to the read model: the products and their stock, one equality query per SKU. */
export function readModelLines(rm: ReadModel): LineLookup {
  return async (skus) => {
    const [products, stock] = await Promise.all([
      rm.findEach(rm.products, "_id", skus, { _id: 1 }),
      rm.stockFor(skus),
    ]);
    return {
      known: new Set(products.map((p) => p._id)),
      available: new Map(skus.map((s) => [s, stock.get(s)?.available ?? 0])),
    };
  };
}

/**
 * The same answers, with concurrent questions about one SKU sharing a query (SingleFlight):
 * under load many orders name the same popular products at the same moment. Whether a
 * product exists is kept `keep.productMs` after the answer arrived, its stock `keep.stockMs`
 * (0: nothing beyond the query in flight).
 */
export function coalescedLines(rm: ReadModel, keep: { productMs: number; stockMs: number }): LineLookup {
  // Only "it exists" is kept: a product new in the catalogue can be ordered at once.
  const products = new SingleFlight<boolean>("intake.product", {
    keepMs: keep.productMs,
    keepIf: (exists) => exists,
  });
  const stock = new SingleFlight<number>("intake.stock", { keepMs: keep.stockMs });
  return async (skus) => {
    const [known, available] = await Promise.all([
      Promise.all(
        skus.map((sku) =>
          products.get(
            sku,
            async () => (await rm.products.findOne({ _id: sku }, { projection: { _id: 1 } })) !== null,
          ),
        ),
      ),
      Promise.all(
        skus.map((sku) => stock.get(sku, async () => (await rm.stockFor([sku])).get(sku)?.available ?? 0)),
      ),
    ]);
    return {
      known: new Set(skus.filter((_, i) => known[i])),
      available: new Map(skus.map((s, i) => [s, available[i] ?? 0])),
    };
  };
}

/**
 * Validate lines against the catalog and current stock: the first problem found wins, so the
 * client gets one specific reason.
 */
export async function checkLines(
  rm: ReadModel,
  lines: { sku: string; quantity: number }[],
  lookup: LineLookup = readModelLines(rm),
): Promise<CartProblem | null> {
  const { known, available } = await lookup([...new Set(lines.map((l) => l.sku))]);
  const wanted = new Map<string, number>();
  for (const l of lines) wanted.set(l.sku, (wanted.get(l.sku) ?? 0) + l.quantity);
  for (const [sku, qty] of wanted) {
    if (!known.has(sku)) return { kind: "unknown-product", sku };
    const have = available.get(sku) ?? 0;
    if (qty > have) return { kind: "insufficient-stock", sku, available: have };
  }
  return null;
}

async function toCart(rm: ReadModel, c: CartDoc): Promise<Cart> {
  const prices = new Map(
    (
      await rm.findEach(
        rm.products,
        "_id",
        c.lines.map((l) => l.sku),
        { _id: 1, price: 1 },
      )
    ).map((p) => [p._id, p.price?.amount ?? null]),
  );
  let cents = 0n;
  const lines = c.lines.map((l) => {
    const unit = prices.get(l.sku) ?? null;
    if (unit) cents += BigInt(Math.round(Number(unit) * 100)) * BigInt(l.quantity);
    return { sku: l.sku, quantity: l.quantity, unitPrice: unit };
  });
  const total = `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
  return {
    id: c._id,
    customerId: c.customerId,
    currency: c.currency,
    lines,
    total,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function cartsFromReadModel(rm: ReadModel): Carts {
  const load = (clientId: string, cartId: string) =>
    rm.carts.findOne({ _id: cartId, apiClientId: clientId, expiresAt: { $gt: new Date() } });
  return {
    async create(clientId, input) {
      const problem = input.lines.length ? await checkLines(rm, input.lines) : null;
      if (problem) return problem;
      const now = new Date();
      const doc: CartDoc = {
        _id: randomUUID(),
        apiClientId: clientId,
        customerId: input.customerId,
        currency: input.currency,
        lines: input.lines,
        createdAt: now,
        updatedAt: now,
        expiresAt: new Date(now.getTime() + CART_TTL_MS),
      };
      await rm.carts.insertOne(doc);
      return toCart(rm, doc);
    },
    async get(clientId, cartId) {
      const c = await load(clientId, cartId);
      return c ? toCart(rm, c) : null;
    },
    async setLine(clientId, cartId, line) {
      const c = await load(clientId, cartId);
      if (!c) return null;
      const lines = [...c.lines.filter((l) => l.sku !== line.sku), line];
      const problem = await checkLines(rm, lines);
      if (problem) return problem;
      const now = new Date();
      await rm.carts.updateOne(
        { _id: cartId, apiClientId: clientId },
        { $set: { lines, updatedAt: now, expiresAt: new Date(now.getTime() + CART_TTL_MS) } },
      );
      return toCart(rm, { ...c, lines, updatedAt: now });
    },
    async removeLine(clientId, cartId, sku) {
      const c = await load(clientId, cartId);
      if (!c) return null;
      const lines = c.lines.filter((l) => l.sku !== sku);
      const now = new Date();
      await rm.carts.updateOne({ _id: cartId, apiClientId: clientId }, { $set: { lines, updatedAt: now } });
      return toCart(rm, { ...c, lines, updatedAt: now });
    },
  };
}
