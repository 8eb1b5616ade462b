import { DRIFT_FIELDS, type DriftDiff, type DriftEntityName } from "@icp/domain";
import type { CustomerDoc, ProductDoc, StockDoc } from "@icp/read-model";
import type { CustomerInput, ProductInput } from "../master-data/resync";

/**
 * Field-by-field comparison of SAP's side and the read model's side of one record. Each side is
 * first made flat (`field → value`, the fields of DRIFT_FIELDS), so what is compared is what the
 * storefront shows, not how either side stores it: a price of "12.50" and "12.5" is one price.
 */
export type Flat = Record<string, string | number | boolean | null>;

const amount = (a: string | null | undefined): string | null =>
  a === null || a === undefined || a === "" ? null : String(Number(a));

/** A product as the storefront shows it: name, list price, stock summed over plants. */
export function productSide(p: Pick<ProductInput, "name" | "price"> | null, available: number): Flat {
  if (!p) return { exists: false };
  return {
    exists: true,
    name: p.name,
    "price.amount": amount(p.price?.amount),
    "price.currency": p.price?.currency ?? null,
    available,
  };
}

/** The read model's product: its fields, and the availability the storefront lists with it. */
export function storedProductSide(
  p: Pick<ProductDoc, "name" | "price" | "available"> | null,
  levelsSum: number,
): Flat {
  // the summary lists show; a product written after its stock has none yet (its levels count)
  return productSide(p, p?.available ?? levelsSum);
}

export function stockSide(quantity: number | null): Flat {
  // no level in the read model and no stock in SAP are the same thing to the storefront: 0
  return { quantity: quantity ?? 0 };
}

export function storedStockSide(s: Pick<StockDoc, "quantity"> | null): Flat {
  return stockSide(s?.quantity ?? null);
}

type CustomerFields = Pick<CustomerInput, "name" | "blocked" | "paymentTerms" | "addresses">;

export function customerSide(c: CustomerFields | null): Flat {
  if (!c) return { exists: false };
  const addresses = [...c.addresses]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((a) => [a.id, a.name, a.street, a.postalCode, a.city, a.country].join(", "));
  return {
    exists: true,
    name: c.name,
    blocked: c.blocked,
    paymentTerms: c.paymentTerms?.code ?? null,
    addresses: addresses.join(" | "),
  };
}

export function storedCustomerSide(c: Pick<CustomerDoc, keyof CustomerFields> | null): Flat {
  return customerSide(c);
}

/**
 * The fields of `entity` whose values differ, in DRIFT_FIELDS order. When one side does not
 * have the record at all, that is the one difference named (`exists`), not every field.
 */
export function diffSides(entity: DriftEntityName, sap: Flat, readModel: Flat): DriftDiff[] {
  if ("exists" in sap && sap.exists !== readModel.exists)
    return [{ field: "exists", sap: sap.exists ?? false, readModel: readModel.exists ?? false }];
  const out: DriftDiff[] = [];
  for (const field of DRIFT_FIELDS[entity]) {
    const a = sap[field] ?? null;
    const b = readModel[field] ?? null;
    if (a !== b) out.push({ field, sap: a, readModel: b });
  }
  return out;
}
